/**
 * An insertion-ordered keyed collection whose pages are addressed by sequence number, so a cursor
 * ("after seq N") stays valid while other requests read or write: new items land after every
 * existing cursor, deleted items simply stop appearing. Paging is O(log n + page).
 */

interface Entry<K, V> {
  readonly seq: number;
  readonly key: K;
  value: V;
  live: boolean;
}

export interface Page<V> {
  readonly items: V[];
  /** Sequence number of the last item returned (or the cursor's own when none). */
  readonly lastSeq: number;
  readonly hasMore: boolean;
}

export class OrderedIndex<K, V> {
  private entries: Entry<K, V>[] = [];
  private readonly byKey = new Map<K, Entry<K, V>>();
  private nextSeq = 1;
  private dead = 0;

  get size(): number {
    return this.byKey.size;
  }

  get(key: K): V | undefined {
    return this.byKey.get(key)?.value;
  }

  has(key: K): boolean {
    return this.byKey.has(key);
  }

  set(key: K, value: V): void {
    const existing = this.byKey.get(key);
    if (existing) {
      existing.value = value;
      return;
    }
    const entry: Entry<K, V> = { seq: this.nextSeq++, key, value, live: true };
    this.entries.push(entry);
    this.byKey.set(key, entry);
  }

  delete(key: K): boolean {
    const entry = this.byKey.get(key);
    if (!entry) return false;
    entry.live = false;
    this.byKey.delete(key);
    this.dead++;
    // Compaction keeps sequence numbers, so outstanding cursors stay valid.
    if (this.dead > 64 && this.dead * 2 > this.entries.length) {
      this.entries = this.entries.filter((e) => e.live);
      this.dead = 0;
    }
    return true;
  }

  *values(): IterableIterator<V> {
    for (const e of this.entries) if (e.live) yield e.value;
  }

  *keys(): IterableIterator<K> {
    for (const e of this.entries) if (e.live) yield e.key;
  }

  /** Up to `limit` live items with seq > afterSeq that pass `filter`. */
  page(afterSeq: number, limit: number, filter?: (value: V) => boolean): Page<V> {
    const p = this.pageEntries(afterSeq, limit, filter);
    return { items: p.items.map(([, v]) => v), lastSeq: p.lastSeq, hasMore: p.hasMore };
  }

  /** As page, with the keys. */
  pageEntries(afterSeq: number, limit: number, filter?: (value: V) => boolean): Page<[K, V]> {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.entries[mid]!.seq <= afterSeq) lo = mid + 1;
      else hi = mid;
    }
    const items: [K, V][] = [];
    let lastSeq = afterSeq;
    let i = lo;
    for (; i < this.entries.length && items.length < limit; i++) {
      const e = this.entries[i]!;
      if (!e.live || (filter && !filter(e.value))) continue;
      items.push([e.key, e.value]);
      lastSeq = e.seq;
    }
    let hasMore = false;
    for (; i < this.entries.length; i++) {
      const e = this.entries[i]!;
      if (e.live && (!filter || filter(e.value))) {
        hasMore = true;
        break;
      }
    }
    return { items, lastSeq, hasMore };
  }
}
