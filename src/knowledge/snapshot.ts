/**
 * A built knowledge base saved as data and loaded at start instead of analysing the dictionary and
 * the texts again (most of a cold start). A snapshot is used only when it was written by the same
 * build of the code (`build`) from the same seed files (their hash): anything else is rebuilt, so a
 * stale snapshot can cost time, never a wrong answer.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { KnowledgeBase, type KnowledgeState } from "./engine.js";
import type { SuggestionSeed } from "./suggest.js";

interface Snapshot {
  build: string;
  seeds: string;
  state: KnowledgeState;
}

/** Hash of every file under the seeds folder (texts, manifest, dictionary, curated questions). */
export function seedsHash(dir: string): string {
  const hash = createHash("sha256");
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else hash.update(name).update(readFileSync(path));
    }
  };
  walk(dir);
  return hash.digest("hex");
}

export function writeSnapshot(kb: KnowledgeBase, file: string, seedsDir: string, build: string): void {
  const snapshot: Snapshot = { build, seeds: seedsHash(seedsDir), state: kb.state() };
  writeFileSync(file, serialize(snapshot));
}

/** The knowledge base of a snapshot, or undefined when there is none or it is not of this build and these seeds. */
export function readSnapshot(
  file: string,
  seedsDir: string,
  build: string,
  curated: readonly SuggestionSeed[],
): KnowledgeBase | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const snapshot = deserialize(readFileSync(file)) as Snapshot;
    if (snapshot.build !== build || snapshot.seeds !== seedsHash(seedsDir)) return undefined;
    return new KnowledgeBase(undefined, curated, undefined, snapshot.state);
  } catch {
    return undefined;
  }
}
