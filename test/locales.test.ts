import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LANGUAGES } from "../src/bot/i18n.js";

const root = join(import.meta.dirname, "..");

/** Message ids and their attributes (`cmd.start`) defined in an .ftl file. */
function keysOf(lang: string): Set<string> {
  const keys = new Set<string>();
  let current = "";
  for (const line of readFileSync(join(root, "locales", `${lang}.ftl`), "utf8").split("\n")) {
    const message = /^([a-z][\w-]*)\s*=/.exec(line);
    if (message?.[1]) {
      current = message[1];
      keys.add(current);
    }
    const attribute = /^\s+\.([\w-]+)\s*=/.exec(line);
    if (attribute?.[1] && current) keys.add(`${current}.${attribute[1]}`);
  }
  return keys;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}

describe("locales", () => {
  const [ru, kk] = LANGUAGES.map(keysOf) as [Set<string>, Set<string>];

  it("ru.ftl and kk.ftl define the same keys", () => {
    expect(
      [...ru].filter((k) => !kk.has(k)),
      "missing in kk.ftl",
    ).toEqual([]);
    expect(
      [...kk].filter((k) => !ru.has(k)),
      "missing in ru.ftl",
    ).toEqual([]);
    expect(ru.size).toBeGreaterThan(10);
  });

  it("every key the code names literally exists", () => {
    const used = new Set<string>();
    for (const file of sourceFiles(join(root, "src"))) {
      const code = readFileSync(file, "utf8");
      for (const match of code.matchAll(
        /\bt\((?:[\w.]+,\s*|"(?:ru|kk)",\s*)?"(?!(?:ru|kk)")([a-z][\w.-]*)"/g,
      ))
        if (match[1]) used.add(match[1]);
    }
    expect(used.size).toBeGreaterThan(5);
    expect([...used].filter((k) => !ru.has(k))).toEqual([]);
  });

  it("Kazakh texts are written in Kazakh", () => {
    const text = readFileSync(join(root, "locales", "kk.ftl"), "utf8");
    const letters = text.match(/\p{L}/gu) ?? [];
    const kazakh = text.match(/[әғқңөұүһі]/giu) ?? [];
    expect(kazakh.length / letters.length).toBeGreaterThan(0.04);
  });
});
