/**
 * The maintainer's command for the bot's documents:
 *
 *   npm run --silent knowledge -- add FILE... --outlet NAME --date YYYY-MM-DD [--url URL]
 *   npm run --silent knowledge -- list
 *   npm run --silent knowledge -- remove ID
 *
 * `add` takes one document: `<id>.ru.txt`, `<id>.kk.txt` or both (a pair, the same item in two
 * languages). Everything is checked before anything is written; the texts are copied into seeds/,
 * the manifest is updated, and the document is indexed once to print what was found. A failure
 * is one line on stderr and exit 1, with seeds/ as it was. `--seeds DIR` works on another folder.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { z } from "zod";
import { admitDate, admitText, parseFileName, textFingerprint } from "../knowledge/admission.js";
import { DEFAULT_SEEDS_DIR, loadKnowledge } from "../knowledge/index.js";
import {
  type DocumentEntry,
  entryLanguages,
  hasManifest,
  readManifest,
  writeManifest,
} from "../knowledge/manifest.js";
import type { Language } from "../knowledge/types.js";

/** Where the command reads and writes, and what day it is: injected by tests. */
export interface KnowledgeCommandEnv {
  seedsDir: string;
  today: string;
  out: (line: string) => void;
}

const USAGE =
  "usage: knowledge add FILE... --outlet NAME --date YYYY-MM-DD [--url URL] | knowledge list | knowledge remove ID";

/** Runs one command line. A failure is thrown as an Error whose message is one line. */
export function runKnowledgeCommand(argv: string[], env: KnowledgeCommandEnv): void {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      outlet: { type: "string" },
      date: { type: "string" },
      url: { type: "string" },
      seeds: { type: "string" },
    },
  });
  const seedsDir = values.seeds ?? env.seedsDir;
  const [command, ...rest] = positionals;
  if (command === "list" && rest.length === 0) list(seedsDir, env);
  else if (command === "remove" && rest.length === 1 && rest[0]) remove(seedsDir, rest[0], env);
  else if (command === "add") add(seedsDir, rest, values, env);
  else throw new Error(USAGE);
}

const manifestOf = (seedsDir: string): DocumentEntry[] =>
  hasManifest(seedsDir) ? readManifest(seedsDir) : [];

function list(seedsDir: string, env: KnowledgeCommandEnv): void {
  const entries = manifestOf(seedsDir);
  for (const e of entries) {
    env.out([e.id, entryLanguages(e).join("+"), e.date, e.outlet, e.url ?? ""].join("\t").trimEnd());
  }
  env.out(`${entries.length} documents`);
}

function remove(seedsDir: string, id: string, env: KnowledgeCommandEnv): void {
  const entries = manifestOf(seedsDir);
  const entry = entries.find((e) => e.id === id);
  if (!entry) throw new Error(`no document ${id} in ${seedsDir}`);
  writeManifest(
    seedsDir,
    entries.filter((e) => e !== entry),
  );
  for (const file of Object.values(entry.files)) rmSync(join(seedsDir, file), { force: true });
  env.out(`removed ${id} (${entryLanguages(entry).join("+")})`);
}

interface AddOptions {
  outlet?: string | undefined;
  date?: string | undefined;
  url?: string | undefined;
}

/** A text ready to be written: its language, target file name and content. */
interface Admitted {
  lang: Language;
  file: string;
  text: string;
}

function add(seedsDir: string, paths: string[], options: AddOptions, env: KnowledgeCommandEnv): void {
  const entries = manifestOf(seedsDir);
  const { entry, texts } = admit(paths, options, entries, seedsDir, env.today);
  const written: string[] = [];
  try {
    for (const t of texts) {
      const temporary = join(seedsDir, `.${t.file}.tmp`);
      writeFileSync(temporary, t.text);
      renameSync(temporary, join(seedsDir, t.file));
      written.push(t.file);
    }
    writeManifest(seedsDir, [...entries, entry]);
    const found = loadKnowledge(seedsDir).inspect(entry.id);
    if (!found || found.passages === 0)
      throw new Error(`${entry.id}: no passage could be indexed from the text`);
    report(entry, found, env);
  } catch (error) {
    // Put seeds/ back as it was: the manifest without the entry, no copied file.
    if (entries.length > 0 || hasManifest(seedsDir)) writeManifest(seedsDir, entries);
    for (const file of written) rmSync(join(seedsDir, file), { force: true });
    throw error;
  }
}

function admit(
  paths: string[],
  options: AddOptions,
  entries: DocumentEntry[],
  seedsDir: string,
  today: string,
): { entry: DocumentEntry; texts: Admitted[] } {
  if (paths.length === 0 || paths.length > 2) throw new Error(USAGE);
  const outlet = options.outlet?.trim();
  if (!outlet) throw new Error("--outlet NAME is required (the outlet answers will cite)");
  if (options.date === undefined) throw new Error("--date YYYY-MM-DD is required (the publication date)");
  const dateError = admitDate(options.date, today);
  if (dateError) throw new Error(dateError);
  if (options.url !== undefined && !z.url({ protocol: /^https?$/ }).safeParse(options.url).success) {
    throw new Error(`--url ${options.url}: not an http(s) address`);
  }
  const texts = paths.map((path) => admitFile(path));
  const id = texts[0]?.id ?? "";
  if (texts.some((t) => t.id !== id))
    throw new Error("a pair's files must share one id: <id>.ru.txt and <id>.kk.txt");
  if (texts.length === 2 && texts[0]?.lang === texts[1]?.lang)
    throw new Error("a pair is one Russian and one Kazakh file");
  if (entries.some((e) => e.id === id))
    throw new Error(`${id} is already in seeds/ (knowledge remove ${id} first)`);
  rejectDuplicates(texts, entries, seedsDir);
  const files: DocumentEntry["files"] = {};
  for (const t of texts) files[t.lang] = t.file;
  const entry: DocumentEntry = {
    id,
    files,
    outlet,
    date: options.date,
    ...(options.url ? { url: options.url } : {}),
  };
  return { entry, texts };
}

function admitFile(path: string): Admitted & { id: string } {
  const named = parseFileName(path);
  if ("error" in named) throw new Error(named.error);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new Error(`${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
  const file = `${named.id}.${named.lang}.txt`;
  const admitted = admitText(file, bytes, named.lang);
  if ("error" in admitted) throw new Error(admitted.error);
  return { id: named.id, lang: named.lang, file, text: admitted.text };
}

/** The same text may not enter twice, under another id or as both halves of a pair. */
function rejectDuplicates(texts: Admitted[], entries: DocumentEntry[], seedsDir: string): void {
  const known = new Map<string, string>();
  for (const e of entries) {
    for (const file of Object.values(e.files)) {
      known.set(textFingerprint(readFileSync(join(seedsDir, file), "utf8")), `${e.id} (${file})`);
    }
  }
  for (const t of texts) {
    const fingerprint = textFingerprint(t.text);
    const same = known.get(fingerprint);
    if (same) throw new Error(`${t.file}: the same text is already in seeds/ as ${same}`);
    known.set(fingerprint, t.file);
  }
}

function report(
  entry: DocumentEntry,
  found: { passages: number; languages: Language[]; numbers: { text: string; year?: number }[] },
  env: KnowledgeCommandEnv,
): void {
  env.out(`added ${entry.id} (${entryLanguages(entry).join("+")}), ${entry.outlet}, ${entry.date}`);
  env.out(`  passages: ${found.passages}`);
  const numbers = found.numbers.map((n) => (n.year ? `${n.text} (${n.year})` : n.text));
  env.out(`  dated numbers: ${numbers.length > 0 ? numbers.join("; ") : "none"}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  try {
    runKnowledgeCommand(process.argv.slice(2), {
      seedsDir: DEFAULT_SEEDS_DIR,
      today: new Date().toISOString().slice(0, 10),
      out: (line) => process.stdout.write(`${line}\n`),
    });
  } catch (error) {
    process.stderr.write(`knowledge: ${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}
