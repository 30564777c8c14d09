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
  // out of scope: "размер" is a stopword, so "какой размер штрафа" is read as "штраф ... оператор"
  // and answered by the fines fact
  "c2-out-ru-fines-amount",
  // questions-citizens-f/g/h.jsonl (written blind to the code; blind scores f 30/37, g 34/37, h 41/46
  // before the fifth code round): still failing when they joined the tuning sets
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
