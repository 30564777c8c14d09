/** The static branch behaves as grammY's own: the chosen side runs, later additions count, async predicates work. */
import { type Api, Composer, Context } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { describe, expect, it, vi } from "vitest";
import { installStaticBranch } from "../../src/bot/composer-branch.js";

installStaticBranch();

const ctxOf = (text: string): Context =>
  new Context(
    {
      update_id: 1,
      message: {
        message_id: 1,
        date: 0,
        chat: { id: 1, type: "private", first_name: "A" },
        from: { id: 1, is_bot: false, first_name: "A" },
        text,
      },
    },
    {} as Api,
    { id: 2, is_bot: true, first_name: "Bot", username: "bot" } as UserFromGetMe,
  );

async function run(composer: Composer<Context>, text: string): Promise<boolean> {
  let reachedEnd = false;
  await composer.middleware()(ctxOf(text), async () => {
    reachedEnd = true;
  });
  return reachedEnd;
}

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
    expect(await run(composer, "a")).toBe(false);
    expect(await run(composer, "b")).toBe(false);
    expect(await run(composer, "c")).toBe(true);
    expect(seen).toEqual(["sync", "async"]);
  });

  it("runs handlers added to a filter's composer after it was installed", async () => {
    const seen: string[] = [];
    const composer = new Composer<Context>();
    const texts = composer.on("message:text");
    texts.use(() => void seen.push("late"));
    await run(composer, "hello");
    expect(seen).toEqual(["late"]);
  });

  it("builds no composer per update (grammY's branch goes through lazy for each one)", async () => {
    const lazy = vi.spyOn(Composer.prototype, "lazy");
    const composer = new Composer<Context>();
    composer.on("message:text", () => {});
    composer.command("start", () => {});
    await run(composer, "hello");
    expect(lazy).not.toHaveBeenCalled();
    lazy.mockRestore();
  });
});
