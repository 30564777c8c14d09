import type { Context } from "grammy";
import type { Language } from "../../bot/i18n.js";
import { CB } from "./keyboards.js";
import type { Translate } from "./render.js";
import type { Draft, Parsed, SentImage, Step } from "./steps.js";

/** What one update means for the question on screen. */
export type Outcome =
  | { kind: "answer"; parsed: Extract<Parsed, { ok: true }> }
  | { kind: "back" }
  | { kind: "cancel" }
  | { kind: "invalid"; hint: string }
  | { kind: "stale" }
  | { kind: "ignore" };

/** What reading an update needs besides the step: the user's words, the draft so far, whether Back exists. */
export interface Reading {
  t: Translate;
  lang: Language;
  draft: Draft;
  withBack: boolean;
  /** True for a main-menu button's text, which stands for a command. */
  isMenuButton: (text: string) => boolean;
}

type Message = NonNullable<Context["message"]>;

const isCancelCommand = (text: string | undefined) =>
  text !== undefined && /^\/cancel(@\w+)?$/i.test(text.trim());

/** The Cancel button, /cancel, or the reply keyboard's Cancel: each leaves the report. */
export function isCancel(update: Context, t: Translate): boolean {
  const text = update.message?.text?.trim();
  return (
    update.callbackQuery?.data === CB.cancel || isCancelCommand(text) || text === t("report-button-cancel")
  );
}

const outcomeOf = (parsed: Parsed): Outcome =>
  parsed.ok ? { kind: "answer", parsed } : { kind: "invalid", hint: parsed.hint };

// On the first question there is nothing to go back to: Back leaves the report.
const backOrCancel = (r: Reading): Outcome => (r.withBack ? { kind: "back" } : { kind: "cancel" });

export function interpret(step: Step, update: Context, r: Reading): Outcome {
  if (isCancel(update, r.t)) return { kind: "cancel" };
  const data = update.callbackQuery?.data;
  if (data !== undefined) return fromButton(step, data, r);
  if (update.message === undefined) return { kind: "ignore" }; // edits, reactions: nothing to answer
  return fromMessage(step, update.message, r);
}

function fromButton(step: Step, data: string, r: Reading): Outcome {
  if (data === CB.back(step.id)) return backOrCancel(r);
  const prefix = `rep:${step.id}:`;
  const parsed = data.startsWith(prefix)
    ? step.choose(data.slice(prefix.length), r.t, r.lang, r.draft)
    : undefined;
  // A button of an older question, or one this step does not offer.
  return parsed ? outcomeOf(parsed) : { kind: "stale" };
}

function fromMessage(step: Step, message: Message, r: Reading): Outcome {
  const text = message.text?.trim();
  if (text !== undefined) return fromText(step, text, r);
  if (message.location)
    return outcomeOf(step.location(message.location.latitude, message.location.longitude, r.t));
  const image = imageOf(message);
  if (image && step.image) return outcomeOf(step.image(image, r.t));
  if (message.document && step.image) return { kind: "invalid", hint: r.t("report-photo-not-image") };
  if (message.voice || message.video_note || message.audio)
    return { kind: "invalid", hint: r.t("report-hint-voice") };
  return { kind: "invalid", hint: r.t(step.hintKey) };
}

function fromText(step: Step, text: string, r: Reading): Outcome {
  if (text === r.t("report-button-back")) return backOrCancel(r);
  // A command, or a menu button (which stands for one), in the middle of the report.
  if (text.startsWith("/") || r.isMenuButton(text))
    return { kind: "invalid", hint: r.t("report-hint-command") };
  return outcomeOf(step.text(text, r.t, r.lang, r.draft));
}

/** A photo (its largest size), or an image sent as a file. */
function imageOf(message: Message): SentImage | undefined {
  const photo = message.photo?.at(-1);
  if (photo) return { kind: "photo", fileId: photo.file_id };
  const document = message.document;
  return document?.mime_type?.startsWith("image/")
    ? { kind: "document", fileId: document.file_id }
    : undefined;
}
