/** The static branch behaves as grammY's own: the chosen side runs, later additions count, async predicates work. */
import { Composer, type Context } from "grammy";
import { describe, expect, it, vi } from "vitest";
import { installStaticBranch } from "../../src/bot/composer-branch.js";
import { reachesEnd } from "../support/composer.js";

installStaticBranch();

describe("installStaticBranch", () => {
  it("runs the matching side and passes on the other, with sync and async predicates", async () => {
    const seen: string[] = [];
    const composer = new Composer<Context>();
    composer.filter(
      (ctx) => ctx.msg?.text === "a",
      () => void seen.push("sync"),
    );
    composer.filter(
      async (ctx) => ctx.msg?.text === "b",
      () => void seen.push("async"),
    );
    expect(await reachesEnd(composer, "a")).toBe(false);
    expect(await reachesEnd(composer, "b")).toBe(false);
    expect(await reachesEnd(composer, "c")).toBe(true);
    expect(seen).toEqual(["sync", "async"]);
  });

  it("runs handlers added to a filter's composer after it was installed", async () => {
    const seen: string[] = [];
    const composer = new Composer<Context>();
    const texts = composer.on("message:text");
    texts.use(() => void seen.push("late"));
    await reachesEnd(composer, "hello");
    expect(seen).toEqual(["late"]);
  });

  it("builds no composer per update (grammY's branch goes through lazy for each one)", async () => {
    const lazy = vi.spyOn(Composer.prototype, "lazy");
    const composer = new Composer<Context>();
    composer.on("message:text", () => {});
    composer.command("start", () => {});
    await reachesEnd(composer, "hello");
    expect(lazy).not.toHaveBeenCalled();
    lazy.mockRestore();
  });
});
