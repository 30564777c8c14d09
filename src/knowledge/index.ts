import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { KnowledgeBase } from "./answer.js";
import { type Passage, readSeeds } from "./ingest.js";
import type { DocumentSummary, Knowledge, Language } from "./types.js";

export type { Announcement, Knowledge, Language, Reply, Source } from "./types.js";

/** The project's seeds folder, resolved from this file (src/knowledge -> <repo>/seeds). */
export const DEFAULT_SEEDS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../seeds");

/**
 * Reads the seeds (texts, manifest, fact cards, lexicon), builds the index and returns the
 * question-answering service. Pure apart from synchronous reads of `seedsDir`.
 */
export function loadKnowledge(seedsDir: string = DEFAULT_SEEDS_DIR): Knowledge {
  const seeds = readSeeds(seedsDir);
  const base = new KnowledgeBase(seeds);
  return {
    ask: (question, options) =>
      base.ask(question, options?.fallbackLang ? { fallbackLang: options.fallbackLang } : {}),
    addAnnouncement: (a) => base.addAnnouncement(a),
    detectLanguage: (text, fallback) => base.detectLanguage(text, fallback),
    inspect: (docId) => summarize(seeds.passages, docId),
  };
}

const NUMBER = /\d[\d\s.,]*\d%?|\d%?/gu;
const YEAR = /\b(19|20)\d{2}\b/u;

/** Passages of a document (both halves of a pair) and the numbers they hold, with the year each is about. */
function summarize(passages: Passage[], docId: string): DocumentSummary | undefined {
  const own = passages.filter((p) => p.doc === docId || p.doc.startsWith(`${docId}.`));
  if (own.length === 0) return undefined;
  const languages = [...new Set(own.map((p) => p.lang))].sort().reverse() as Language[];
  const numbers = own.flatMap((p) => {
    const year = Number(YEAR.exec(p.text)?.[0] ?? p.year);
    return [...p.text.matchAll(NUMBER)]
      .map((m) => m[0].trim())
      .filter((n) => !YEAR.test(n))
      .map((text) => ({ text, year }));
  });
  return { passages: own.length, languages, numbers };
}
