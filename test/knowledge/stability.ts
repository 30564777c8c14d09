/**
 * Which answers change when more documents are added:
 *   npx tsx test/knowledge/stability.ts [--from DIR_WITH_FEWER] DIR_WITH_MORE FILE.jsonl...
 * (without --from, the project's seeds are the fewer). To see what the corpus-extra texts move,
 * copy seeds/ with only the five seed documents in its sources.json and pass it as --from.
 * Prints each question whose reply changed, and whether the new reply cites a newer document.
 */
import { loadKnowledge } from "../../src/knowledge/index.js";
import { readSeedDocuments } from "../../src/knowledge/seeds.js";
import { readSet } from "./score-sets.js";

const args = process.argv.slice(2);
const fromAt = args.indexOf("--from");
const fewer = fromAt >= 0 ? args.splice(fromAt, 2)[1] : undefined;
const [more, ...files] = args;
if (!more) throw new Error("usage: stability.ts [--from DIR] DIR FILE...");
const before = loadKnowledge(fewer);
const after = loadKnowledge(more);
const dates = new Map(readSeedDocuments(more).map((d) => [d.id, d.date]));
let same = 0;
let newer = 0;
let other = 0;
for (const file of files) {
  for (const q of readSet(file)) {
    const a = before.ask(q.q);
    const b = after.ask(q.q);
    const key = (r: typeof a) => (r.kind === "answer" ? `${r.sources[0]?.doc} ${r.text}` : r.kind);
    if (key(a) === key(b)) {
      same++;
      continue;
    }
    const was = a.kind === "answer" ? (a.sources[0]?.doc ?? "") : "";
    const now = b.kind === "answer" ? (b.sources[0]?.doc ?? "") : "";
    const isNewer = now !== "" && (dates.get(now) ?? "") > (dates.get(was) ?? "");
    if (isNewer) newer++;
    else other++;
    console.log(
      `${isNewer ? "newer" : "CHANGED"}: ${q.q}\n   ${key(a).slice(0, 110)}\n   ${key(b).slice(0, 110)}`,
    );
  }
}
console.log(`unchanged ${same}, changed to a newer source ${newer}, changed otherwise ${other}`);
