import { DISLIKE_REASONS, type Disliked } from "../../storage/questions.js";

type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** The answers citizens disliked most, each with the question and the reasons they gave (for /gaps). */
export function renderDisliked(t: Translate, disliked: Disliked[]): string {
  if (disliked.length === 0) return t("ask-disliked-empty");
  const lines = disliked.map((item, i) => {
    const reasons = DISLIKE_REASONS.flatMap((reason) => {
      const n = item.reasons[reason];
      return n ? [`${t(`ask-why-${reason}`)} ${n}`] : [];
    });
    const why = reasons.length > 0 ? ` (${reasons.join(", ")})` : "";
    return `${i + 1}. «${item.question}» → ${item.answer} — 👎 ${item.count}${why}`;
  });
  return [t("ask-disliked-title"), ...lines].join("\n");
}
