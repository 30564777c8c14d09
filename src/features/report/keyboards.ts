import { InlineKeyboard, Keyboard } from "grammy";
import type { Translate } from "./render.js";

/**
 * Callback data of the conversation's buttons: `rep:<step>:<value>`. The step is part of the data
 * so that a button left on an older question is recognised as outdated instead of answering the
 * current one.
 */
export const CB = {
  cancel: "rep:*:cancel",
  back: (step: string) => `rep:${step}:~back`,
  choice: (step: string, value: string) => `rep:${step}:${value}`,
  send: "rep:summary:send",
  edit: "rep:summary:edit",
  editStep: (step: string) => `rep:edit:${step}`,
  consent: "rep:consent:yes",
} as const;

/** Moderator buttons: `repmod:<status>:<reference>`. */
export const MOD_CB = /^repmod:(accepted|resolved|rejected):(R-\d{4}-\d{6})$/;

export interface Option {
  value: string;
  label: string;
}

/** Back and Cancel under every question; the first question has no Back (there is nothing before it). */
export function navRow(
  keyboard: InlineKeyboard,
  t: Translate,
  step: string,
  withBack: boolean,
): InlineKeyboard {
  keyboard.row();
  if (withBack) keyboard.text(t("report-button-back"), CB.back(step));
  return keyboard.text(t("report-button-cancel"), CB.cancel);
}

/** Choices in rows of `columns`, then the navigation row. */
export function choiceKeyboard(
  t: Translate,
  step: string,
  options: Option[],
  columns: number,
  withBack: boolean,
  extra: Option[] = [],
): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  options.forEach((option, i) => {
    if (i > 0 && i % columns === 0) keyboard.row();
    keyboard.text(option.label, CB.choice(step, option.value));
  });
  for (const option of extra) keyboard.row().text(option.label, CB.choice(step, option.value));
  return navRow(keyboard, t, step, withBack);
}

/** The location step's reply keyboard: Telegram's own location button, Skip, Back, Cancel. */
export function locationKeyboard(t: Translate): Keyboard {
  return new Keyboard()
    .requestLocation(t("report-button-share-location"))
    .row()
    .text(t("report-button-skip"))
    .row()
    .text(t("report-button-back"))
    .text(t("report-button-cancel"))
    .resized();
}

/** The buttons a moderator message gets for notes (notes.ts handles them). */
export function noteButtons(keyboard: InlineKeyboard, t: Translate, reference: string): InlineKeyboard {
  return keyboard
    .row()
    .text(t("report-mod-button-note"), `repnote:note:${reference}`)
    .text(t("report-mod-button-reject"), `repnote:reject:${reference}`);
}
