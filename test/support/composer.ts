/** A bare grammY context and a runner for composer tests (no bot, no API). */
import { type Api, type Composer, Context } from "grammy";
import type { UserFromGetMe } from "grammy/types";

export const textContext = (text = "hello"): Context =>
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

/** Runs a composer on a text message; true when its middleware passed the update on to the end. */
export async function reachesEnd(composer: Composer<Context>, text?: string): Promise<boolean> {
  let reachedEnd = false;
  await composer.middleware()(textContext(text), async () => {
    reachedEnd = true;
  });
  return reachedEnd;
}
