/** A snapshot answers exactly as the knowledge it was taken of, and only for the same build and seeds. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadKnowledge } from "../../src/knowledge/index.js";
import { readSnapshot } from "../../src/knowledge/snapshot.js";

const dir = mkdtempSync(join(tmpdir(), "qdb-snapshot-"));
const seeds = join(dir, "seeds");
const file = join(dir, "knowledge.bin");
const now = new Date("2026-06-01T00:00:00Z");

function writeSeeds(villages: number): void {
  mkdirSync(join(seeds, "dictionary"), { recursive: true });
  writeFileSync(
    join(seeds, "dictionary", "ru-kk.tsv"),
    "ru\tkk\tdomain\nсело\tауыл\tplace\nподключить\tқосу\taction\n",
  );
  writeFileSync(
    join(seeds, "villages.ru.txt"),
    `Интернет в сёлах\n\nВ этом году к оптике подключат ${villages} сёл. Работы ведёт оператор связи.`,
  );
  writeFileSync(
    join(seeds, "sources.json"),
    JSON.stringify({
      documents: [
        { id: "villages", files: { ru: "villages.ru.txt" }, outlet: "Example.kz", date: "2025-03-01" },
      ],
    }),
  );
}

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("knowledge snapshot", () => {
  const questions = [
    "Сколько сёл подключат к оптике?",
    "Қанша ауыл оптикаға қосылады?",
    "Какая погода завтра?",
  ];

  it("is written by a build and answers as the built knowledge does", () => {
    writeSeeds(120);
    const built = loadKnowledge(seeds, { snapshot: { file, build: "b1", write: true } });
    expect(readFileSync(file).length).toBeGreaterThan(0);
    const loaded = loadKnowledge(seeds, { snapshot: { file, build: "b1" } });
    expect(loaded).not.toBe(built);
    for (const q of questions) expect(loaded.ask(q, { now })).toEqual(built.ask(q, { now }));
    // what is published at run time goes on top of a loaded snapshot as on a built base
    loaded.addAnnouncement({
      id: "a1",
      topic: "villages",
      date: "2026-05-20T10:00:00Z",
      ru: "В Жамбылской области к оптике подключат ещё 75 сёл.",
      kk: "Жамбыл облысында оптикаға тағы 75 ауыл қосылады.",
    });
    const reply = loaded.ask("Сколько сёл подключат к оптике в Жамбылской области?", { now });
    expect(reply.kind === "answer" && reply.text).toContain("75");
  });

  it("is not used by another build or after the seeds change", () => {
    writeSeeds(120);
    loadKnowledge(seeds, { snapshot: { file, build: "b1", write: true } });
    expect(readSnapshot(file, seeds, "b1", [])).toBeDefined();
    expect(readSnapshot(file, seeds, "b2", [])).toBeUndefined();
    // a stale snapshot that still says 120: another build, or seeds that now say 300, must not use it
    writeSeeds(300);
    const reply = loadKnowledge(seeds, { snapshot: { file, build: "b1" } }).ask(questions[0] as string, {
      now,
    });
    expect(reply.kind === "answer" && reply.text).toContain("300");
    writeSeeds(120);
    writeFileSync(file, "not a snapshot");
    expect(
      loadKnowledge(seeds, { snapshot: { file, build: "b1" } }).ask(questions[0] as string, { now }).kind,
    ).toBe("answer");
  });
});
