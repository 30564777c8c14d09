import { describe, expect, it } from "vitest";
import { failures, readSet, setFiles } from "./score-sets.js";

/**
 * Every question set that was used for tuning must pass whole. questions-heldout3, 4 and 5 are
 * measurements (scored once before and once after the changes, see README.md), not targets.
 */
const MEASURED = /questions-heldout[345]\.jsonl$/;

/**
 * Questions of the tuning sets that still fail, with why (README.md, "Honest figures"): listed
 * here so that the rest must keep passing, and removed from here once they pass.
 */
const KNOWN_FAILURES = new Set([
  // Kazakh typed without Kazakh letters whose only other word is a stopword ("не истейди"): the
  // language is read as Russian, so "истейди" is an unknown word
  "c-kk-astana-hub-latin",
  // "до мусина" (before Musin) reads as a question about Musin; no concept says "predecessor"
  "c-ru-zhumagaliyev",
  // "по чьему поручению": two cards name an instruction on rural internet projects equally; "чьему"
  // asks for a person but is not a question word of intent.ts
  "c-ru-largest",
  // "ең жаксы": a Kazakh letter in one word and none in the next; neither the phrase nor its folded
  // form matches
  "c2-kk-smart-leaders-latin",
  // the ЦОН card does not say it was in Pavlodar region (naming it there makes the card answer
  // "адрес ЦОН в Павлодаре"), and "проверял" is not its "осмотрел"
  "c2-ru-con-efficiency",
  // out of scope: "размер" is a stopword, so "какой размер штрафа" is read as "штраф ... оператор"
  // and answered by the fines fact
  "c2-out-ru-fines-amount",
  // questions-heldout5.jsonl (a measurement, scored once before and once after the fifth round):
  // "бағдарламасы" (programme) is a term the DigitEL card lacks ("жоба"), and it is the most specific
  "h5-kk-digitel-measures",
  // "кандай компанияга": the attribute asked (~company) is not in the visit card ("ЖШС", "кәсіпорын")
  "h5-kk-ekibastuz-latin",
  // "министр" is required in a two-term question; the Astana Hub card does not name the minister
  "h5-kk-astana-hub",
  // questions-citizens-f/g/h.jsonl (written blind to the code; blind scores f 30/37, g 34/37, h 41/46
  // before the fifth code round): still failing when they joined the tuning sets
  "h-kk-pacs-cancer", // "онкологияны ерте сатысында анықтау" not matched to early detection
  "h-kk-1250", // "тартылмақ" (future) picks the 685-villages plan over the 1250 contract
  "h-kk-literacy-users", // two facts asked at once after long context
]);

describe("question sets", () => {
  for (const file of setFiles().filter((f) => !MEASURED.test(f))) {
    const questions = readSet(file).filter((q) => (q.tier ?? "core") === "core" && !KNOWN_FAILURES.has(q.id));
    it.each(questions.map((q) => [q.id, q] as const))(`${file.split("/").pop()}: %s`, (_id, q) => {
      expect(failures(q)).toEqual([]);
    });
  }
});
