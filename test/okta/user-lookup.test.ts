import t from 'tap';
import { nextLink } from '../../src/okta/raw-list.js';
import { chunkLookups, filterFor, MAX_FILTER_CHARS, type SearchLookup } from '../../src/okta/user-lookup.js';

t.test('lookups are packed into as few filters as the URL budget allows', async (t) => {
  const emails: SearchLookup[] = Array.from({ length: 1000 }, (_, i) => ({ kind: 'email', value: `u${String(i).padStart(6, '0')}@ex.example` }));
  const chunks = chunkLookups(emails);
  t.same(chunks.flat(), emails, 'every lookup once, in order');
  for (const c of chunks) t.ok(encodeURIComponent(filterFor(c)).length <= MAX_FILTER_CHARS, 'each filter within the budget');
  t.ok(chunks.length <= Math.ceil((1000 * 55) / MAX_FILTER_CHARS) + 1, `few chunks (${chunks.length})`);

  const mixed: SearchLookup[] = [
    { kind: 'email', value: 'Ada@Example.com' },
    { kind: 'login-or-email', value: 'boss@example.com' },
  ];
  t.equal(
    filterFor(mixed),
    'profile.email eq "ada@example.com" or profile.login eq "boss@example.com" or profile.email eq "boss@example.com"',
    'terms per kind, values lower-cased',
  );
  t.equal(filterFor([{ kind: 'email', value: 'a"b@x.example' }]), 'profile.email eq "a\\"b@x.example"', 'quotes escaped');
  const many: SearchLookup[] = Array.from({ length: 450 }, (_, i) => ({ kind: 'email', value: `${i}@x` }));
  t.ok(chunkLookups(many).every((c) => c.length <= 200), 'at most a page (200) of terms per filter');
});

t.test('next links', async (t) => {
  const cases: [string, string | null, string | null][] = [
    ['self and next', '<https://o.example/a?x=1>; rel="self", <https://o.example/a?after=2>; rel="next"', 'https://o.example/a?after=2'],
    ['self only', '<https://o.example/a?x=1>; rel="self"', null],
    ['no header', null, null],
    ['a very long self link', `<https://o.example/a?f=${'x'.repeat(5000)}>; rel="self", <https://o.example/a?after=3>; rel="next"`, 'https://o.example/a?after=3'],
  ];
  for (const [name, header, expected] of cases) t.equal(nextLink(header), expected, name);
});
