import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Lexicon } from "./analyze.js";
import { readDictionary } from "./dictionary.js";
import { KnowledgeBase } from "./engine.js";
import { readSeedDocuments } from "./seeds.js";
import { readSnapshot, writeSnapshot } from "./snapshot.js";
import type { SuggestionSeed } from "./suggest.js";
import type { Knowledge, Language } from "./types.js";

export type {
  Announcement,
  Document,
  DocumentReport,
  DocumentSummary,
  Knowledge,
  Language,
  NoAnswerReason,
  Reply,
  Source,
} from "./types.js";

/** The project's seeds folder, resolved from this file (src/knowledge -> <repo>/seeds). */
export const DEFAULT_SEEDS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../seeds");

/** seeds/questions.tsv: curated questions per document (`doc<TAB>lang<TAB>question`), offered as suggestions. */
export function readCuratedQuestions(seedsDir: string): SuggestionSeed[] {
  const path = join(seedsDir, "questions.tsv");
  if (!existsSync(path)) return [];
  return readFileSync(path, "utf8")
    .split("\n")
    .slice(1)
    .map((l) => l.split("\t"))
    .filter((c) => c.length >= 3 && (c[1] === "ru" || c[1] === "kk"))
    .map(([doc, lang, question]) => ({
      doc: doc as string,
      lang: lang as Language,
      question: (question as string).trim(),
    }));
}

/** Analysed dictionaries by folder and file times: analysing 2,000+ lemma pairs is the costly part of a build. */
const lexicons = new Map<string, Lexicon>();

/** The dictionary of `dir` analysed once per process (again when a file changes). */
export function lexiconOf(dir: string): Lexicon {
  const stamp = ["ru-kk.tsv", "places.tsv", "aliases.tsv"]
    .map((f) => join(dir, f))
    .map((p) => (existsSync(p) ? statSync(p).mtimeMs : 0))
    .join(",");
  const id = `${dir}:${stamp}`;
  let lexicon = lexicons.get(id);
  if (lexicon === undefined) {
    lexicon = new Lexicon(readDictionary(dir));
    lexicons.set(id, lexicon);
  }
  return lexicon;
}

/**
 * Reads the seeds (manifest and texts, the ru<->kk dictionary, curated questions), builds the
 * index and returns the question-answering service. Pure apart from synchronous reads of `seedsDir`.
 */
export function loadKnowledge(seedsDir: string = DEFAULT_SEEDS_DIR, options: LoadOptions = {}): Knowledge {
  const curated = readCuratedQuestions(seedsDir);
  const { snapshot } = options;
  const saved = snapshot && readSnapshot(snapshot.file, seedsDir, snapshot.build, curated);
  options.loaded?.(saved ? "snapshot" : "seeds");
  if (saved) return saved;
  const base = new KnowledgeBase(lexiconOf(join(seedsDir, "dictionary")), curated);
  for (const doc of readSeedDocuments(seedsDir)) base.addDocument(doc);
  if (snapshot?.write) writeSnapshot(base, snapshot.file, seedsDir, snapshot.build);
  return base;
}

export interface LoadOptions {
  /**
   * A snapshot file of this build of the code: loaded when it matches the build and the seeds,
   * else the knowledge is built, and written to it when `write` is set (the production build does).
   */
  snapshot?: { file: string; build: string; write?: boolean };
  /** Told where the knowledge came from (for the image check in .ci/run). */
  loaded?: (from: "snapshot" | "seeds") => void;
}
