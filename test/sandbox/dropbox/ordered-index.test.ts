import t from 'tap';
import { OrderedIndex } from '../../../src/sandbox/dropbox/ordered-index.js';

function fill(n: number): OrderedIndex<string, number> {
  const idx = new OrderedIndex<string, number>();
  for (let i = 0; i < n; i++) idx.set(`k${i}`, i);
  return idx;
}

t.test('pages follow insertion order and report has_more', async (t) => {
  const idx = fill(5);
  const p1 = idx.page(0, 2);
  t.same(p1.items, [0, 1]);
  t.equal(p1.hasMore, true);
  const p3 = idx.page(idx.page(p1.lastSeq, 2).lastSeq, 2);
  t.same(p3.items, [4]);
  t.equal(p3.hasMore, false);
  t.same(idx.page(p3.lastSeq, 2), { items: [], lastSeq: p3.lastSeq, hasMore: false }, 'an exhausted cursor stays where it is');
});

t.test('a filter skips items and has_more only counts matching ones', async (t) => {
  const idx = fill(6);
  const even = (v: number) => v % 2 === 0;
  const p = idx.page(0, 2, even);
  t.same(p.items, [0, 2]);
  t.equal(p.hasMore, true);
  const rest = idx.page(p.lastSeq, 2, even);
  t.same(rest.items, [4]);
  t.equal(rest.hasMore, false, 'item 5 exists but does not match');
});

t.test('a cursor outlives deletions, compaction and appends', async (t) => {
  const idx = fill(300);
  const p = idx.page(0, 100);
  for (let i = 0; i < 250; i++) if (i !== 100 && i !== 299) idx.delete(`k${i}`);
  idx.set('late', 1000);
  idx.set('k100', -100);
  const next = idx.page(p.lastSeq, 1000);
  t.same(next.items.slice(0, 1), [-100], 'an updated value keeps its place');
  t.equal(next.items.length, 1 + 50 + 1, 'k100, k250..k299, and the late one');
  t.equal(next.items.at(-1), 1000);
  t.equal(idx.size, 52);
  t.notOk(idx.delete('k0'), 'deleting twice is a no-op');
  t.same([...idx.keys()].slice(0, 2), ['k100', 'k250']);
});

t.test('paging 30k items costs each item one read, not a scan from the top per page', async (t) => {
  const n = 30_000;
  const limit = 1000;
  const idx = fill(n);
  // Count the reads of the index's entries (a private array): a page found by scanning from the
  // start would read about n * pages / 2 = 450,000 of them; a binary search plus the page, n + ~16 per page.
  const holder = idx as unknown as { entries: unknown };
  t.ok(Array.isArray(holder.entries), 'the entries array is where this test looks for it');
  let reads = 0;
  holder.entries = new Proxy(holder.entries as unknown[], {
    get(target, prop, receiver) {
      if (typeof prop === 'string' && /^\d+$/.test(prop)) reads++;
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
  let page = idx.page(0, limit, () => true);
  let seen = page.items.length;
  let pages = 1;
  while (page.hasMore) {
    page = idx.page(page.lastSeq, limit, () => true);
    seen += page.items.length;
    pages++;
  }
  t.equal(seen, n);
  t.equal(pages, n / limit);
  const logN = Math.ceil(Math.log2(n + 1));
  t.ok(reads <= n + pages * (logN + 2), `${reads} reads of ${n} entries in ${pages} pages`);
});
