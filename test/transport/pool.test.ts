import t from 'tap';
import { createPool, mapLimit } from '../../src/transport/pool.js';

/** A task that stays in flight until released; records how many run at once. */
function gate() {
  let running = 0;
  let peak = 0;
  const waiting: (() => void)[] = [];
  const started: number[] = [];
  const task = async (n: number): Promise<number> => {
    running++;
    peak = Math.max(peak, running);
    started.push(n);
    await new Promise<void>((resolve) => waiting.push(resolve));
    running--;
    return n * 10;
  };
  /** Releases every task in flight, until none is left (each release lets queued ones start). */
  const drain = async (): Promise<void> => {
    for (let round = 0; round < 100 && waiting.length > 0; round++) {
      for (const release of waiting.splice(0)) release();
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  return { task, drain, peak: () => peak, started };
}

t.test('createPool: at most `size` at once, the others start in arrival order', async (t) => {
  const g = gate();
  const pool = createPool(2);
  const results = Promise.all([1, 2, 3, 4, 5].map((n) => pool.run(() => g.task(n))));
  await new Promise((resolve) => setImmediate(resolve));
  t.same(g.started, [1, 2], 'two started, three wait');
  await g.drain();
  t.same(await results, [10, 20, 30, 40, 50]);
  t.equal(g.peak(), 2);
  t.same(g.started, [1, 2, 3, 4, 5]);
});

t.test('createPool: a failure frees its lane and reaches its own caller only', async (t) => {
  const pool = createPool(1);
  const failed = pool.run(async () => {
    throw new Error('boom');
  });
  const next = pool.run(async () => 'ran');
  await t.rejects(failed, /boom/);
  t.equal(await next, 'ran');
});

t.test('mapLimit: at most `limit` at once, results in input order', async (t) => {
  const g = gate();
  const results = mapLimit([1, 2, 3, 4, 5], 3, (n) => g.task(n));
  await new Promise((resolve) => setImmediate(resolve));
  t.same(g.started, [1, 2, 3]);
  await g.drain();
  t.same(await results, [10, 20, 30, 40, 50]);
  t.equal(g.peak(), 3);
});
