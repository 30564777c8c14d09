import { normalizeText, tokenize } from "./text.js";
import type { Language } from "./types.js";

const RU_HOW = new Set(["как", "где", "куда", "каким"]);
const KK_HOW = new Set(["қалай", "қайда", "қайдан"]);

/**
 * A request for instructions ("как получить паспорт", "қалай рәсімдеуге болады"): the texts are
 * news about programmes and hold no procedures, so such questions are never answered from them,
 * however many of their words match.
 */
export function isHowTo(question: string, lang: Language): boolean {
  const tokens = tokenize(normalizeText(question));
  if (lang === "ru") {
    for (let i = 0; i < tokens.length - 1; i++) {
      const next = tokens[i + 1] ?? "";
      const after = tokens[i + 2] ?? "";
      if (!RU_HOW.has(tokens[i] ?? "")) continue;
      const verb = (w: string): boolean => /(ть|ться|чь)$/.test(w);
      if (verb(next) || (next === "мне" && verb(after)) || (next === "можно" && verb(after))) return true;
    }
    return tokens.includes("обратиться");
  }
  if (!tokens.some((t) => KK_HOW.has(t))) return false;
  // қалай + verbal noun + болады / керек: "қалай алуға болады", "қайда жүгіну керек"
  return tokens.some(
    (t, i) => /(у|уге|уға|ю)$/.test(t) && ["болады", "керек", "бола", "қажет"].includes(tokens[i + 1] ?? ""),
  );
}
