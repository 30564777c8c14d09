/**
 * `npm run eval [-- --verbose] [NAME...]`: answers every question set in test/eval/sets (and the
 * shared sample when ../shared is beside the project) through the bot's own batch command, in one
 * process, and prints per set: right / wrong / not answered, out-of-scope declined, core score.
 * The sets are measurements, not unit tests: nothing here is skipped or tuned per question.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Answer, type Question, score } from "./score.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const args = process.argv.slice(2);
const verbose = args.includes("--verbose");
const wanted = args.filter((a) => !a.startsWith("--"));

const files = readdirSync(join(here, "sets"))
  .filter((f) => f.endsWith(".jsonl"))
  .map((f) => join(here, "sets", f));
const shared = join(here, "../../../shared/eval/questions.jsonl");
if (existsSync(shared)) files.unshift(shared);
const sets = files
  .map((file) => ({
    name: file === shared ? "shared-sample" : basename(file, ".jsonl"),
    questions: readFileSync(file, "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => JSON.parse(line) as Question),
  }))
  .filter((set) => wanted.length === 0 || wanted.includes(set.name));

const all = sets.flatMap((s) => s.questions);
const run = spawnSync("npm", ["run", "--silent", "ask", "--", "--json"], {
  cwd: join(here, "../.."),
  input: `${all.map((q) => q.q.replace(/\n/gu, " ")).join("\n")}\n`,
  encoding: "utf8",
  maxBuffer: 256 * 1024 * 1024,
});
const lines = run.stdout.split("\n").filter((l) => l.startsWith("{"));
if (run.status !== 0 || lines.length !== all.length) {
  process.stderr.write(
    `eval: ask failed (exit ${run.status}, ${lines.length}/${all.length} lines)\n${run.stderr}`,
  );
  process.exit(2);
}

const rows: string[] = [];
const total = { right: 0, wrong: 0, none: 0, declined: 0, scope: 0 };
let offset = 0;
for (const set of sets) {
  const count = { right: 0, wrong: 0, none: 0, declined: 0, scope: 0, coreOk: 0, core: 0 };
  for (const q of set.questions) {
    const answer = JSON.parse(lines[offset++] ?? "{}") as Answer;
    const { outcome, why } = score(q, answer);
    if (q.abstain) count.scope++;
    if (outcome === "right") count.right++;
    else if (outcome === "wrong") count.wrong++;
    else if (outcome === "not-answered") count.none++;
    else if (outcome === "declined") count.declined++;
    const ok = outcome === "right" || outcome === "declined";
    if ((q.tier ?? "core") === "core") {
      count.core++;
      if (ok) count.coreOk++;
    }
    if (verbose && !ok) {
      process.stdout.write(`${set.name} ${q.id} [${outcome}] ${q.q}\n  ${why.join("; ")}\n`);
      process.stdout.write(`  reply: ${answer.text.replace(/\n/gu, " / ").slice(0, 300)}\n`);
    }
  }
  for (const k of ["right", "wrong", "none", "declined", "scope"] as const) total[k] += count[k];
  const coreScore = count.core > 0 ? (count.coreOk / count.core).toFixed(3) : "-";
  rows.push(
    [set.name.padEnd(34), count.right, count.wrong, count.none, `${count.declined}/${count.scope}`, coreScore]
      .map(String)
      .join("\t"),
  );
}
process.stdout.write(`${["set".padEnd(34), "right", "wrong", "none", "declined", "core"].join("\t")}\n`);
process.stdout.write(`${rows.join("\n")}\n`);
process.stdout.write(
  `all: ${total.right} right, ${total.wrong} wrong, ${total.none} not answered; out of scope ${total.declined}/${total.scope} declined\n`,
);
