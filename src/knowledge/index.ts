import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { KnowledgeBase } from "./answer.js";
import { readSeeds } from "./ingest.js";
import type { Knowledge } from "./types.js";

export type { Announcement, Knowledge, Language, Reply, Source } from "./types.js";

/** The project's seeds folder, resolved from this file (src/knowledge -> <repo>/seeds). */
export const DEFAULT_SEEDS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../seeds");

/**
 * Reads the seeds (texts, manifest, fact cards, lexicon), builds the index and returns the
 * question-answering service. Pure apart from synchronous reads of `seedsDir`.
 */
export function loadKnowledge(seedsDir: string = DEFAULT_SEEDS_DIR): Knowledge {
  const base = new KnowledgeBase(readSeeds(seedsDir));
  return {
    ask: (question, options) =>
      base.ask(question, options?.fallbackLang ? { fallbackLang: options.fallbackLang } : {}),
    addAnnouncement: (a) => base.addAnnouncement(a),
    detectLanguage: (text, fallback) => base.detectLanguage(text, fallback),
  };
}
