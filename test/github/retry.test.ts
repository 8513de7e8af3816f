import t from 'tap';
import { DEFAULT_RETRY_SCHEDULE, retryDelay, withRetry, type FailureFacts } from '../../src/github/retry.js';

const policy = { delaysMs: [100, 300], maxRetryAfterMs: 2_000 };

t.test('which failures are retried, and after how long', async (t) => {
  const cases: [string, number, FailureFacts, number | null][] = [
    ['a server error is retried after the first delay', 0, { status: 502 }, 100],
    ['the second retry waits the second delay', 1, { status: 503 }, 300],
    ['no third retry', 2, { status: 500 }, null],
    ['a dropped connection is retried', 0, { status: null }, 100],
    ['403 is an answer, not retried', 0, { status: 403 }, null],
    ['404 is an answer, not retried', 0, { status: 404 }, null],
    ['422 is an answer, not retried', 0, { status: 422 }, null],
    ['Retry-After is honoured', 0, { status: 503, retryAfter: '1' }, 1_000],
    ['Retry-After 0 means at once', 0, { status: 503, retryAfter: '0' }, 0],
    ['a long Retry-After is capped', 0, { status: 503, retryAfter: '3600' }, 2_000],
    ['a Retry-After date falls back to the policy', 0, { status: 503, retryAfter: 'Wed, 21 Oct 2026 07:28:00 GMT' }, 100],
  ];
  for (const [name, attempt, failure, expected] of cases) t.equal(retryDelay(policy, attempt, failure), expected, name);
  t.equal(DEFAULT_RETRY_SCHEDULE.delaysMs.length, 2, 'the default retries twice');
});

t.test('withRetry: retries server errors with the injected sleep, gives up with the last error', async (t) => {
  const slept: number[] = [];
  const sleep = async (ms: number) => void slept.push(ms);
  const facts = (err: unknown): FailureFacts => ({ status: (err as { status: number }).status });

  let calls = 0;
  const value = await withRetry(async () => (++calls < 3 ? Promise.reject(Object.assign(new Error('x'), { status: 500 })) : 'done'), policy, facts, sleep);
  t.equal(value, 'done');
  t.same(slept, [100, 300]);

  calls = 0;
  slept.length = 0;
  await t.rejects(withRetry(async () => Promise.reject(Object.assign(new Error(`boom ${++calls}`), { status: 502 })), policy, facts, sleep), { message: 'boom 3' });
  t.same(slept, [100, 300]);

  calls = 0;
  await t.rejects(withRetry(async () => Promise.reject(Object.assign(new Error(`no ${++calls}`), { status: 404 })), policy, facts, sleep), { message: 'no 1' });
});
