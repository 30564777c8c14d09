import { Composer, type Context, type Middleware } from "grammy";

type MaybeArray<T> = T | T[];

/**
 * grammY's `Composer.branch`, behind every `on`, `command`, `callbackQuery`, `chatType` and
 * `filter`, goes through `lazy`, which builds a new Composer around the chosen middleware for
 * every update that reaches it: with this bot's few dozen filters, ~50 KB of garbage per update
 * and ~20% of its allocation (bench/README.md; upstream: grammyjs/grammY#765, closed for want of
 * figures). This `branch` builds its two composers once, when the branch is installed. It behaves
 * the same: a composer runs its middleware as it is at the time of the update, so handlers added
 * to a filter's composer after `filter` returned (as `bot.command(...).use(...)` does) still run.
 */
export function installStaticBranch(): void {
  const once = <C extends Context>(middleware: MaybeArray<Middleware<C>>) =>
    new Composer<C>(...(Array.isArray(middleware) ? middleware : [middleware])).middleware();
  Composer.prototype.branch = function branch<C extends Context>(
    this: Composer<C>,
    predicate: (ctx: C) => boolean | Promise<boolean>,
    trueMiddleware: MaybeArray<Middleware<C>>,
    falseMiddleware: MaybeArray<Middleware<C>>,
  ): Composer<C> {
    const onTrue = once(trueMiddleware);
    const onFalse = once(falseMiddleware);
    // most predicates (filter queries) answer at once: no promise and no async frame for them
    return this.use((ctx, next) => {
      const chosen = predicate(ctx);
      if (typeof chosen === "boolean") return chosen ? onTrue(ctx, next) : onFalse(ctx, next);
      return chosen.then((yes) => (yes ? onTrue(ctx, next) : onFalse(ctx, next)));
    });
  } as Composer<Context>["branch"];
}
