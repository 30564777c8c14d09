/** The flat chain behaves as grammY's nested one: order, `next` once, errors, later additions. */
import { execFileSync } from "node:child_process";
import { type BotError, Composer, type Context } from "grammy";
import { describe, expect, it } from "vitest";
import { installFlatChain, runsFlat } from "../../src/bot/composer-chain.js";
import { reachesEnd, textContext } from "../support/composer.js";

installFlatChain();

describe("installFlatChain", () => {
  it("runs middleware in order, before and after next, and stops where one does not call next", async () => {
    const seen: string[] = [];
    const composer = new Composer<Context>();
    composer.use(
      async (_ctx, next) => {
        seen.push("a");
        await next();
        seen.push("a after");
      },
      (_ctx, next) => {
        seen.push("b (sync)");
        return next();
      },
    );
    composer.use(
      new Composer<Context>((_ctx, next) => {
        seen.push("c (composer)");
        return next();
      }),
    );
    expect(await reachesEnd(composer)).toBe(true);
    expect(seen).toEqual(["a", "b (sync)", "c (composer)", "a after"]);

    composer.use(() => void seen.push("d stops"));
    composer.use(() => void seen.push("never"));
    seen.length = 0;
    expect(await reachesEnd(composer)).toBe(false);
    expect(seen).toEqual(["a", "b (sync)", "c (composer)", "d stops", "a after"]);
    expect(runsFlat(composer)).toBe(true);
  });

  it("rejects a second call of next, as grammY does", async () => {
    const composer = new Composer<Context>();
    composer.use(
      async (_ctx, next) => {
        await next();
        await next();
      },
      (_ctx, next) => next(),
    );
    await expect(reachesEnd(composer)).rejects.toThrow("`next` already called before!");
  });

  it("turns a synchronous throw into a rejection an error boundary catches", async () => {
    const caught: unknown[] = [];
    const composer = new Composer<Context>();
    composer
      .errorBoundary((e: BotError) => void caught.push(e.error))
      .use(() => {
        throw new Error("boom");
      });
    await reachesEnd(composer);
    expect(caught).toEqual([new Error("boom")]);
    const bare = new Composer<Context>();
    bare.use((_ctx, next) => next());
    bare.use(() => {
      throw new Error("sync");
    });
    const pending = bare.middleware()(textContext(), async () => {});
    expect(pending).toBeInstanceOf(Promise);
    await expect(pending).rejects.toThrow("sync");
  });

  it("runs what is added to a returned composer after it was installed", async () => {
    const seen: string[] = [];
    const composer = new Composer<Context>();
    const later = composer.use((_ctx, next) => next());
    composer.use(() => void seen.push("end"));
    later.use((_ctx, next) => {
      seen.push("late");
      return next();
    });
    await reachesEnd(composer);
    expect(seen).toEqual(["late", "end"]);
  });

  it.each(["./src/bot/create-bot.ts", "./src/bot/background.ts"])(
    "is installed before the features build their composers when %s loads first",
    (entry) => {
      // a fresh process: in this one the test setup installed it before anything loaded
      const out = execFileSync(
        process.execPath,
        [
          "--import",
          "tsx",
          "--input-type=module",
          "-e",
          `await import("${entry}");
           const { runsFlat } = await import("./src/bot/composer-chain.ts");
           const { menuFeature } = await import("./src/features/menu.ts");
           const { startFeature } = await import("./src/features/start.ts");
           process.stdout.write(String(runsFlat(menuFeature) && runsFlat(startFeature)));`,
        ],
        { encoding: "utf8" },
      );
      expect(out).toBe("true");
    },
  );
});
