import { spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { runKnowledgeCommand } from "../../src/cli/knowledge.js";
import { readManifest } from "../../src/knowledge/manifest.js";

const SEEDS = new URL("../../seeds", import.meta.url).pathname;
const ROOT = new URL("../..", import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), "knowledge-cli-"));
const seeds = join(work, "seeds");
const incoming = join(work, "incoming");

const RU =
  "Министерство сообщило, что в 2027 году 300 сёл получат оптоволоконный интернет.\n\n" +
  "Проект рассчитан на 2027-2028 годы, его стоимость составит 40 млрд тенге.\n";
const KK =
  "Министрлік 2027 жылы 300 ауылға талшықты-оптикалық интернет тартылатынын хабарлады.\n\n" +
  "Жоба 2027-2028 жылдарға есептелген, оның құны 40 млрд теңге болады.\n";

const output: string[] = [];
const run = (...argv: string[]) =>
  runKnowledgeCommand(argv, { seedsDir: seeds, today: "2026-12-01", out: (line) => output.push(line) });
const file = (name: string, content: string | Uint8Array) => {
  const path = join(incoming, name);
  writeFileSync(path, content);
  return path;
};
/** The seeds folder as bytes: a failed command must leave it exactly so. */
const snapshot = () =>
  readdirSync(seeds)
    .filter((f) => f.endsWith(".txt") || f.endsWith(".json"))
    .sort()
    .map((f) => `${f}:${readFileSync(join(seeds, f), "utf8").length}`)
    .join("\n") + readFileSync(join(seeds, "sources.json"), "utf8");

beforeEach(() => {
  rmSync(work, { recursive: true, force: true });
  cpSync(SEEDS, seeds, { recursive: true });
  mkdirSync(incoming);
  output.length = 0;
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("knowledge add / list / remove", () => {
  it("adds a ru+kk pair as one document, reports what it indexed, lists and removes it", () => {
    run(
      "add",
      file("fibre-2027.ru.txt", RU),
      file("fibre-2027.kk.txt", KK),
      "--outlet",
      "Example.kz",
      "--date",
      "2026-11-30",
      "--url",
      "https://example.kz/news/1",
    );
    const entry = readManifest(seeds).find((e) => e.id === "fibre-2027");
    expect(entry).toEqual({
      id: "fibre-2027",
      files: { ru: "fibre-2027.ru.txt", kk: "fibre-2027.kk.txt" },
      outlet: "Example.kz",
      date: "2026-11-30",
      url: "https://example.kz/news/1",
    });
    expect(readFileSync(join(seeds, "fibre-2027.kk.txt"), "utf8")).toBe(KK);
    expect(output[0]).toBe("added fibre-2027 (ru+kk), Example.kz, 2026-11-30");
    expect(output[1]).toMatch(/^ {2}passages: [1-9]\d*$/);
    expect(output[2]).toContain("300");

    output.length = 0;
    run("list");
    expect(output).toContainEqual("fibre-2027\tru+kk\t2026-11-30\tExample.kz\thttps://example.kz/news/1");

    run("remove", "fibre-2027");
    expect(readManifest(seeds).some((e) => e.id === "fibre-2027")).toBe(false);
    expect(existsSync(join(seeds, "fibre-2027.ru.txt"))).toBe(false);
    expect(existsSync(join(seeds, "fibre-2027.kk.txt"))).toBe(false);
  });

  it("accepts a single-language document with a year-only date", () => {
    run("add", file("note.kk.txt", KK), "--outlet", "Example.kz", "--date", "2025");
    expect(readManifest(seeds).find((e) => e.id === "note")?.files).toEqual({ kk: "note.kk.txt" });
  });

  const bad: [string, () => string[], RegExp][] = [
    ["a name without the language", () => ["add", file("fibre.txt", RU)], /name it <id>\.ru\.txt/],
    [
      "a Russian text named Kazakh",
      () => ["add", file("fibre.kk.txt", RU)],
      /the name says Kazakh but the text is Russian/,
    ],
    [
      "a Kazakh text named Russian",
      () => ["add", file("fibre.ru.txt", KK)],
      /the name says Russian but the text is Kazakh/,
    ],
    [
      "a text in neither language",
      () => ["add", file("fibre.ru.txt", "The ministry said 300 villages.")],
      /neither clearly/,
    ],
    ["an empty file", () => ["add", file("fibre.ru.txt", " \n\n")], /empty/],
    [
      "a binary file",
      () => ["add", file("fibre.ru.txt", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]))],
      /binary/,
    ],
    [
      "bytes that are not UTF-8",
      () => ["add", file("fibre.ru.txt", new Uint8Array([0xd0, 0x9c, 0xff, 0xfe, 0x41]))],
      /not UTF-8/,
    ],
    ["a missing file", () => ["add", join(incoming, "absent.ru.txt")], /cannot read \(ENOENT\)/],
    [
      "the same text as a seed",
      () => ["add", file("copy.ru.txt", readFileSync(join(SEEDS, "001_204231cb2b36dae8.txt")))],
      /already in seeds\/ as 001_204231cb2b36dae8/,
    ],
    ["an id already present", () => ["add", file("001_204231cb2b36dae8.ru.txt", RU)], /already in seeds\//],
    ["two ids", () => ["add", file("a.ru.txt", RU), file("b.kk.txt", KK)], /share one id/],
    [
      "two files of one language",
      () => ["add", file("a.ru.txt", RU), join(incoming, "a.ru.txt")],
      /one Russian and one Kazakh/,
    ],
  ];
  it.each(bad)("refuses %s with one line and leaves seeds/ as it was", (_name, argv, message) => {
    const before = snapshot();
    const args = argv();
    expect(() => run(...args, "--outlet", "Example.kz", "--date", "2026-01-02")).toThrow(message);
    expect(snapshot()).toBe(before);
  });

  const options: [string, string[], RegExp][] = [
    ["no outlet", ["--date", "2026-01-02"], /--outlet NAME is required/],
    ["no date", ["--outlet", "X"], /--date YYYY-MM-DD is required/],
    ["a date in another format", ["--outlet", "X", "--date", "26.12.2025"], /use YYYY-MM-DD/],
    ["a day that does not exist", ["--outlet", "X", "--date", "2025-02-30"], /use YYYY-MM-DD/],
    ["a date in the future", ["--outlet", "X", "--date", "2027-01-01"], /in the future/],
    [
      "a URL that is not http",
      ["--outlet", "X", "--date", "2026-01-02", "--url", "ftp://x.kz/a"],
      /not an http/,
    ],
  ];
  it.each(options)("refuses %s", (_name, flags, message) => {
    const before = snapshot();
    expect(() => run("add", file("fibre.ru.txt", RU), ...flags)).toThrow(message);
    expect(snapshot()).toBe(before);
  });

  it("refuses to remove a document it does not have, and unknown commands", () => {
    expect(() => run("remove", "nothing-here")).toThrow(/no document nothing-here/);
    expect(() => run("rename", "x")).toThrow(/^usage: knowledge add/);
  });

  it("runs as a command: one line on stderr and exit 1 on a bad input", () => {
    const result = spawnSync(
      "npx",
      ["tsx", "src/cli/knowledge.ts", "add", file("x.ru.txt", RU), "--seeds", seeds],
      {
        cwd: ROOT,
        encoding: "utf8",
      },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toBe("knowledge: --outlet NAME is required (the outlet answers will cite)\n");
    expect(result.stdout).toBe("");
  });
});
