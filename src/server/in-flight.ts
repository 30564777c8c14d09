/**
 * The updates this process is handling now, so that shutdown can wait for them (bounded) and a
 * webhook answered before its update finished is still waited for.
 */
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();

  /** Follows a task; its failure is the caller's to handle, this only waits for it. */
  track<T>(task: Promise<T>): Promise<T> {
    const settled = task.then(
      () => {},
      () => {},
    );
    this.running.add(settled);
    void settled.then(() => this.running.delete(settled));
    return task;
  }

  get size(): number {
    return this.running.size;
  }

  /** Waits until nothing runs or `ms` have passed; returns how many were still running. */
  async drain(ms: number): Promise<number> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
    });
    while (this.running.size > 0) {
      const done = await Promise.race([
        Promise.all(this.running).then(() => true),
        deadline.then(() => false),
      ]);
      if (!done) break;
    }
    clearTimeout(timer);
    return this.running.size;
  }
}
