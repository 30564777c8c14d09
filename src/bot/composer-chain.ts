import { Composer, type Context, type Middleware, type MiddlewareFn } from "grammy";

/** The field grammY keeps a composer's middleware in (private in its typings). */
interface WithHandler<C extends Context> {
  handler: MiddlewareFn<C>;
}

const chains = new WeakMap<object, MiddlewareFn<never>[]>();

/** grammY's middleware of an empty composer: it only calls `next`. */
const PASS: MiddlewareFn<Context> = new Composer().middleware();

const flatten = <C extends Context>(mw: Middleware<C>): MiddlewareFn<C> =>
  typeof mw === "function" ? mw : (ctx, next) => mw.middleware()(ctx, next);

/**
 * Runs `fns` in order, each one's `next` calling the one after it, the last one's calling
 * `next`. One closure per middleware that passes, and a promise only where a middleware makes
 * one, instead of grammY's two async functions per step of a nested chain.
 */
function chain<C extends Context>(fns: readonly MiddlewareFn<C>[]): MiddlewareFn<C> {
  if (fns.length === 0) return PASS as MiddlewareFn<C>;
  // as grammY's composer of one middleware: that middleware itself
  if (fns.length === 1) return fns[0] as MiddlewareFn<C>;
  return (ctx, next) => {
    let reached = -1;
    const step = (i: number): Promise<void> => {
      // grammY's own check: a middleware calls `next` once
      if (i <= reached) return Promise.reject(new Error("`next` already called before!"));
      reached = i;
      const fn = fns[i];
      if (fn === undefined) return next();
      try {
        return Promise.resolve(fn(ctx, () => step(i + 1))) as Promise<void>;
      } catch (error) {
        // a synchronous throw rejects, as it does from grammY's async chain
        return Promise.reject(error);
      }
    };
    return step(0);
  };
}

/** Whether a composer's middleware runs from a flat list (tests: composers built at module load). */
export const runsFlat = (composer: object): boolean => chains.has(composer);

/**
 * grammY's `Composer.use` nests the middleware it is given one async function inside another
 * (`concat`): a question passes some fifty of them on its way to the answer, two closures and two
 * promises each, the largest share of the bot's allocation per update (bench/README.md). This
 * `use` keeps a composer's middleware in a flat list run by `chain`. It behaves the same: the
 * composer it returns can still be extended, and what is added there runs at the next update.
 */
export function installFlatChain(): void {
  Composer.prototype.use = function use<C extends Context>(
    this: Composer<C>,
    ...middleware: Middleware<C>[]
  ): Composer<C> {
    const composer = new Composer<C>();
    const own = middleware.map(flatten);
    chains.set(composer, own);
    (composer as unknown as WithHandler<C>).handler = chain(own);
    const self = this as unknown as WithHandler<C>;
    let list = chains.get(this) as MiddlewareFn<C>[] | undefined;
    if (list === undefined) {
      // a composer built with middleware of its own (`new Composer(a, b)`) keeps it first
      list = self.handler === PASS ? [] : [self.handler];
      chains.set(this, list);
    }
    list.push(flatten(composer));
    self.handler = chain(list);
    return composer;
  } as Composer<Context>["use"];
}
