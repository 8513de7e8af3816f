/** Runs `task` over `items` with at most `limit` in flight; results in input order. The worker pool over a known list (the Dropbox reader's batches, the import executor's writes). */
export async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]!, i);
    }
  });
  await Promise.all(workers);
  return results;
}

/**
 * At most `size` functions running at once; the others wait in order. For work that arrives from
 * independent callers (the Okta reader's listings and lookups share its lanes), where mapLimit
 * needs the whole list up front.
 */
export interface Pool {
  run<T>(fn: () => Promise<T>): Promise<T>;
}

export function createPool(size: number): Pool {
  let active = 0;
  const queue: (() => void)[] = [];
  return {
    async run<T>(fn: () => Promise<T>): Promise<T> {
      if (active >= size) await new Promise<void>((resolve) => queue.push(resolve));
      active++;
      try {
        return await fn();
      } finally {
        active--;
        queue.shift()?.();
      }
    },
  };
}
