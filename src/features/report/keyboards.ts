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

/** Under the summary: Send, Edit, Cancel. */
export function summaryKeyboard(t: Translate): InlineKeyboard {
  return new InlineKeyboard()
    .text(t("report-button-send"), CB.send)
    .text(t("report-button-edit"), CB.edit)
    .row()
    .text(t("report-button-cancel"), CB.cancel);
}

/** One button per step the draft asks, two to a row, then Back (to the summary) and Cancel. */
export function editKeyboard(t: Translate, steps: readonly { id: string }[]): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  steps.forEach(({ id }, i) => {
    if (i > 0 && i % 2 === 0) keyboard.row();
    keyboard.text(t(`report-field-${id}`), CB.editStep(id));
  });
  return keyboard
    .row()
    .text(t("report-button-back"), "rep:edit:~back")
    .text(t("report-button-cancel"), CB.cancel);
}

/** Consent to store the report, asked once per user before the first one is sent. */
export function consentKeyboard(t: Translate): InlineKeyboard {
  return new InlineKeyboard()
    .text(t("report-button-consent"), CB.consent)
    .row()
    .text(t("report-button-back"), "rep:consent:~back")
    .text(t("report-button-cancel"), CB.cancel);
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
