import t from 'tap';
import { formatDate } from '../../src/render/format-date.js';

t.test('dates read as dates, timestamps keep their time only when it says something', async (t) => {
  const cases: [string, string, string][] = [
    ['a plain date', '2026-12-05', '2026-12-05'],
    ['a UTC midnight timestamp is a date', '2026-12-04T00:00:00.000Z', '2026-12-04'],
    ['another time keeps hours and minutes', '2026-11-20T13:05:09.120Z', '2026-11-20 13:05 UTC'],
    ['without seconds', '2026-11-20T13:05Z', '2026-11-20 13:05 UTC'],
    ['anything else is shown as it is', 'next Tuesday', 'next Tuesday'],
  ];
  for (const [name, input, output] of cases) t.equal(formatDate(input), output, name);
});
