import t from 'tap';
import { DEFAULT_OKTA_RETRY_POLICY as P, isNetworkError, isRetryableMethod, retryDelayMs } from '../../src/okta/retry-policy.js';

t.test('delays', async (t) => {
  const cases: [string, number, string | null, number][] = [
    ['first retry', 1, null, 500],
    ['doubles', 3, null, 2000],
    ['capped', 10, null, P.maxDelayMs],
    ['Retry-After wins', 1, '3', 3000],
    ['a bad Retry-After is ignored', 2, 'soon', 1000],
  ];
  for (const [name, attempt, header, expected] of cases) t.equal(retryDelayMs(P, attempt, header), expected, name);
});

t.test('what is retried', async (t) => {
  t.ok(isRetryableMethod(P, 'get'), 'reads');
  t.notOk(isRetryableMethod(P, 'POST'), 'not writes');
  t.ok(isNetworkError(Object.assign(new Error('x'), { name: 'FetchError', type: 'system', code: 'ECONNRESET' })));
  t.notOk(isNetworkError(new Error('plain')));
});
