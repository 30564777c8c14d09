import type { Message, Update, User } from "grammy/types";
import type { TestBot, TestUser } from "../../support/chat.js";

/** Answers for a whole report; each is pressed (buttons) or sent (text) as a user would. */
export interface Answers {
  region: string;
  /** The district button's label; "don't know" when not given (and nothing when the region has none). */
  district?: string;
  settlement: string;
  operator: string;
  connection: string;
  problem: string;
  /** A number typed, or the "don't know" button's label. */
  speed: string;
  /** "photo" sends a screenshot; anything else (or nothing) presses Skip. */
  photo?: string;
  /** Coordinates shared, or the skip label. */
  location: [number, number] | string;
  /** Text typed, or the skip label. */
  comment: string;
}

export const RU_ANSWERS: Answers = {
  region: "Павлодарская",
  settlement: "с. Иртышск",
  operator: "Kcell",
  connection: "Мобильный 4G",
  problem: "Низкая скорость",
  speed: "1,5",
  location: [52.1, 76.9],
  comment: "По вечерам почти не грузится",
};

/** Presses an inline button with exactly this label under the newest message, or sends the text. */
const answer = (user: TestUser, label: string) => {
  const markup = user.last.payload.reply_markup as { inline_keyboard?: { text: string }[][] } | undefined;
  return markup?.inline_keyboard?.flat().some((b) => b.text === label) ? user.press(label) : user.send(label);
};

/** Drives the conversation from the first question to the summary. */
export async function fillReport(user: TestUser, answers: Answers = RU_ANSWERS): Promise<void> {
  await user.press(answers.region);
  if (/В каком районе|Қай ауданда/.test(user.last.text))
    await user.press(answers.district ?? /^(Не знаю|Білмеймін) \//);
  await user.send(answers.settlement);
  await user.press(answers.operator);
  await user.press(answers.connection);
  await user.press(answers.problem);
  await answer(user, answers.speed);
  if (answers.photo === "photo") await user.sendPhoto();
  else await user.press(/^(Пропустить|Өткізіп жіберу)$/);
  if (Array.isArray(answers.location)) await user.shareLocation(...answers.location);
  else await user.send(answers.location);
  await answer(user, answers.comment);
}

/** Starts /report, fills it in and sends it, agreeing to the processing if asked. */
export async function sendReport(user: TestUser, answers: Answers = RU_ANSWERS): Promise<string> {
  await user.send("/report");
  await fillReport(user, answers);
  await user.press(/Отправить|Жіберу/);
  if (user.last.buttons.some((b) => /согласие|Келісемін/.test(b))) await user.press(/согласие|Келісемін/);
  const reference = /R-\d{4}-\d{6}/.exec(user.replies.map((r) => r.text).join("\n"))?.[0];
  if (!reference) throw new Error(`test: no reference in ${JSON.stringify(user.replies.map((r) => r.text))}`);
  return reference;
}

/** A moderator pressing a button under a bot message in the moderator chat. */
export async function pressInChat(
  harness: TestBot,
  from: User,
  chatId: number,
  message: { message_id: number; text: string },
  data: string,
  type: "supergroup" | "private" = "supergroup",
): Promise<void> {
  await harness.bot.handleUpdate({
    update_id: harness.nextUpdateId(),
    callback_query: {
      id: String(Math.random()),
      from,
      chat_instance: String(chatId),
      data,
      message: {
        message_id: message.message_id,
        date: 0,
        chat:
          type === "private"
            ? { id: chatId, type, first_name: from.first_name }
            : { id: chatId, type, title: "Moderators" },
        text: message.text,
      } as Message,
    },
  } as Update);
}

/** Messages the bot sent to a chat (not edits), oldest first. */
export function sentTo(harness: TestBot, chatId: number) {
  return harness.api.calls
    .filter((c) => c.method === "sendMessage" && Number(c.payload.chat_id) === chatId)
    .map((c) => ({
      text: String(c.payload.text),
      message_id: (c.result as { message_id: number }).message_id,
      payload: c.payload,
    }));
}

/** A private-chat button press by callback data: for a restarted bot, whose fake API has not seen the buttons. */
export function pressData(harness: TestBot, user: TestUser, data: string): Promise<void> {
  return pressInChat(harness, user.from, user.chatId, { message_id: 1, text: "" }, data, "private");
}
