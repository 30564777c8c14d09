import type { Update } from "grammy/types";
import { LOCAL_BOT_INFO } from "../../src/bot/local-bot-api.js";

/** mulberry32: a small seeded PRNG, so a failing run can be replayed from its seed. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}
export type Rng = ReturnType<typeof prng>;

export const FUZZ_ADMIN = 424242;
export const FUZZ_MOD_CHAT = -1001234500;
/** Users, among them an admin, so admin paths are walked too. */
let USERS = [...Array.from({ length: 40 }, (_, i) => 810_000 + i), FUZZ_ADMIN];

/** Sets how many distinct users write (the soak uses thousands, the fuzz test a few dozen). */
export function setFuzzUsers(count: number): void {
  USERS = [...Array.from({ length: count }, (_, i) => 810_000 + i), FUZZ_ADMIN];
}
const GROUPS = [FUZZ_MOD_CHAT, -1001234501, -4242];
const CHANNEL = -1009999999;

const PIECES = [
  "Когда запустят 5G?",
  "5G қашан іске қосылады?",
  "DigitEL",
  "интернет в селе",
  "Иртышск",
  "Павлодарская",
  "1,5",
  "Мобильный 4G",
  "Пропустить",
  "⬅ Назад",
  "✖ Отмена",
  "+7 701 123 45 67",
  "87011234567",
  "900101300123",
  "@qazaq_digital_bot",
  "<b>жирный</b>",
  "<script>alert(1)</script>",
  "&amp; &lt; &",
  "*bold* _it_ [link](http://x) `code` ~s~ ||sp|| > # + - = | { } . !",
  "\u200b\u200c\u200d\ufeff",
  "\u202e\u200fمرحبا שלום",
  "\u0000\u0001\u0007\u001b[31m\u007f",
  "👨‍👩‍👧‍👦🇰🇿🏳️‍🌈 🙂",
  "\ud83d", // a lone surrogate
  "ё Ё ә ғ қ ң ө ұ ү һ і",
  "R-2026-000001",
  "' OR 1=1 --",
  "%s %d {0} $" + "{x} {{x}}",
  "\n\n\t  ",
];
const COMMANDS = [
  "/start",
  "/help",
  "/language",
  "/report",
  "/myreports",
  "/subscribe",
  "/unsubscribe",
  "/cancel",
  "/deletemydata",
  "/gaps",
  "/export",
  "/publish",
  "/broadcasts",
  "/nonsense",
  "/start@qazaq_digital_bot",
  "/report@qazaq_digital_bot",
  "/export@qazaq_digital_bot",
  "/publish@qazaq_digital_bot",
  "/help@otherbot",
];
const EXPORT_ARGS = [
  "region=pavlodar",
  "from=2026-01-01",
  "to=2026-13-45",
  "region=",
  "=",
  "from=x to=y",
  "a=b=c",
];
const CALLBACK_PREFIXES = [
  "entry:report",
  "entry:subscribe",
  "lang:kk",
  "lang:ru",
  "lang:en",
  "privacy:delete:yes",
  "privacy:delete:no",
  "privacy:delete:maybe",
  "repmod:accepted:R-2026-000001",
  "repmod:resolved:R-2026-999999",
  "repmod:hacked:R-2026-000001",
  "rep:region:pavlodar",
  "rep:*:cancel",
  "rep:summary:send",
  "rep:consent:yes",
  "rep:edit:settlement",
  "fb:1:up",
  "fb:1:down",
  "fb:zz:up",
  "rq:1:0",
  "rq:1:9",
  "unsub:digitel",
  "resub:rural",
  "unsub:nothing",
  "bc:refresh:u1",
  "bc:cancel:u1",
  "pub:topic:digitel",
  "pub:send",
  "pub:cancel",
  "sub-topics/0/0/",
  "sub-topics/9/9/abc",
  "",
];

/** Text of 0..max characters from the pieces above and random code points. */
export function fuzzText(rng: Rng, max = 4096): string {
  // Mostly short, as people write; one in ten anywhere up to the limit, and sometimes exactly at it.
  const target = rng.chance(0.9) ? rng.int(80) : rng.chance(0.2) ? max : rng.int(max + 1);
  let text = "";
  while (text.length < target) {
    if (rng.chance(0.7)) text += rng.pick(PIECES);
    else
      text += String.fromCodePoint(
        rng.pick([rng.int(0x80), 0x400 + rng.int(0x100), 0x1f300 + rng.int(0x300), rng.int(0x10000)]),
      );
    if (rng.chance(0.5)) text += " ";
  }
  // A lone surrogate may be cut in half at the end; Telegram sends valid UTF-8, so keep whole code points.
  return Array.from(text.slice(0, target))
    .join("")
    .replace(/[\ud800-\udfff]/g, "?");
}

function user(rng: Rng) {
  const id = rng.pick(USERS);
  return {
    id,
    is_bot: rng.chance(0.02),
    first_name: rng.chance(0.9)
      ? rng.pick(["Айгерим", "Данияр", "<b>Хакер</b>", "\u202eRTL", ""])
      : fuzzText(rng, 64),
    ...(rng.chance(0.8) ? { language_code: rng.pick(["ru", "kk", "en", "kk-KZ", ""]) } : {}),
  };
}

function chat(rng: Rng, from: { id: number; first_name: string }) {
  const kind = rng.int(10);
  if (kind < 6) return { id: from.id, type: "private", first_name: from.first_name };
  if (kind < 9) return { id: rng.pick(GROUPS), type: rng.pick(["group", "supergroup"]), title: "G" };
  return { id: CHANNEL, type: "channel", title: "C" };
}

function messageText(rng: Rng): { text: string; entities?: object[] } {
  const roll = rng.int(10);
  if (roll < 4) {
    const command = rng.pick(COMMANDS);
    const args = rng.chance(0.5) ? ` ${rng.chance(0.5) ? rng.pick(EXPORT_ARGS) : fuzzText(rng, 200)}` : "";
    const text = `${command}${args}`;
    return { text, entities: [{ type: "bot_command", offset: 0, length: command.length }] };
  }
  const text = fuzzText(rng);
  if (rng.chance(0.1))
    return { text: `@qazaq_digital_bot ${text}`, entities: [{ type: "mention", offset: 0, length: 18 }] };
  return { text };
}

let nextId = 1;

function message(rng: Rng, forceChat?: object) {
  const from = user(rng);
  const base: Record<string, unknown> = {
    message_id: nextId++,
    date: Math.floor(Date.now() / 1000),
    chat: forceChat ?? chat(rng, from),
    ...(rng.chance(0.97) ? { from } : {}),
  };
  const kind = rng.int(12);
  if (kind < 8) Object.assign(base, messageText(rng));
  else if (kind === 8)
    Object.assign(base, { location: { latitude: rng.next() * 180 - 90, longitude: rng.next() * 360 - 180 } });
  else if (kind === 9)
    Object.assign(base, {
      photo: [{ file_id: "p", file_unique_id: "p", width: 1, height: 1 }],
      caption: fuzzText(rng, 1024),
    });
  else if (kind === 10)
    Object.assign(base, {
      sticker: {
        file_id: "s",
        file_unique_id: "s",
        type: "regular",
        width: 1,
        height: 1,
        is_animated: false,
        is_video: false,
      },
    });
  else Object.assign(base, { contact: { phone_number: "+77011234567", first_name: "X" } });
  if (rng.chance(0.1))
    base.reply_to_message = {
      message_id: 1,
      date: 0,
      chat: base.chat,
      from: rng.chance(0.5) ? LOCAL_BOT_INFO : from,
      text: "x",
    };
  if (rng.chance(0.05)) base.unexpected_field = { nested: [1, "two", null] };
  return base;
}

/** One random update of any type Telegram sends, some of them malformed. */
export function fuzzUpdate(rng: Rng, updateId: number): Update {
  const roll = rng.int(100);
  let body: Record<string, unknown>;
  if (roll < 45) body = { message: message(rng) };
  else if (roll < 50) body = { edited_message: { ...message(rng), edit_date: 1 } };
  else if (roll < 55) body = { channel_post: message(rng, { id: CHANNEL, type: "channel", title: "C" }) };
  else if (roll < 57)
    body = { edited_channel_post: message(rng, { id: CHANNEL, type: "channel", title: "C" }) };
  else if (roll < 85) {
    const from = user(rng);
    const data = rng.chance(0.8) ? rng.pick(CALLBACK_PREFIXES) : fuzzText(rng, 80);
    body = {
      callback_query: {
        id: `cq${updateId}`,
        from,
        chat_instance: "ci",
        ...(rng.chance(0.95) ? { data } : { game_short_name: "g" }),
        ...(rng.chance(0.9)
          ? {
              message: {
                message_id: rng.int(50) + 1,
                date: 0,
                chat: chat(rng, from),
                text: fuzzText(rng, 100),
              },
            }
          : { inline_message_id: "im" }),
      },
    };
  } else if (roll < 88)
    body = { inline_query: { id: "iq", from: user(rng), query: fuzzText(rng, 256), offset: "" } };
  else if (roll < 90) {
    const from = user(rng);
    body = {
      my_chat_member: {
        chat: chat(rng, from),
        from,
        date: 0,
        old_chat_member: { status: "left", user: LOCAL_BOT_INFO },
        new_chat_member: {
          status: rng.pick(["member", "administrator", "kicked", "left"]),
          user: LOCAL_BOT_INFO,
        },
      },
    };
  } else if (roll < 92) body = { poll_answer: { poll_id: "p", user: user(rng), option_ids: [0] } };
  else if (roll < 94)
    body = {
      chat_join_request: {
        chat: { id: -4242, type: "group", title: "G" },
        from: user(rng),
        user_chat_id: 1,
        date: 0,
      },
    };
  else if (roll < 96)
    body = {
      message_reaction: {
        chat: { id: -4242, type: "group", title: "G" },
        message_id: 1,
        date: 0,
        old_reaction: [],
        new_reaction: [],
      },
    };
  else if (roll < 98)
    body = {
      pre_checkout_query: {
        id: "pc",
        from: user(rng),
        currency: "KZT",
        total_amount: 1,
        invoice_payload: "x",
      },
    };
  else body = { totally_unknown_update: { junk: fuzzText(rng, 50) } };
  return { update_id: updateId, ...body } as unknown as Update;
}
