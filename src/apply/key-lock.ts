/**
 * Named async locks: work under one key runs one at a time, in arrival order. The executor uses
 * them for what the plan's serialKey cannot express on its own (a fallback transfer destination
 * chosen at apply time, a member being removed while it receives a transfer).
 */
export class KeyLock {
  private readonly tails = new Map<string, Promise<void>>();

  /** Run `work` while holding every key (taken in sorted order, so two holders never deadlock). */
  async with<T>(keys: readonly string[], work: () => Promise<T>): Promise<T> {
    const sorted = [...new Set(keys)].sort();
    const releases: (() => void)[] = [];
    try {
      for (const key of sorted) releases.push(await this.acquire(key));
      return await work();
    } finally {
      for (const release of releases.reverse()) release();
    }
  }

  private async acquire(key: string): Promise<() => void> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = previous.then(() => mine);
    this.tails.set(key, tail);
    await previous;
    return () => {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    };
  }
}
