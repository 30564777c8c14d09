/** Waits until `check` holds, polling every 20 ms; fails the test after `ms`. */
export async function until(check: () => boolean | Promise<boolean>, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("test: condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
