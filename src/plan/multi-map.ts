/**
 * A map from a key to one or more values that allocates a list only for keys that really hold
 * several (emails are nearly always unique, and a 100k-member team should not cost 100k arrays).
 * Values of one key keep their insertion order.
 */
export class MultiMap<T> {
  private readonly single = new Map<string, T>();
  private readonly many = new Map<string, T[]>();

  add(key: string, value: T): void {
    const one = this.single.get(key);
    if (one !== undefined) {
      this.single.delete(key);
      this.many.set(key, [one, value]);
      return;
    }
    const list = this.many.size === 0 ? undefined : this.many.get(key);
    if (list !== undefined) list.push(value);
    else this.single.set(key, value);
  }

  /** Every value of `key` (a new array: callers may keep it). */
  get(key: string): T[] {
    const one = this.single.get(key);
    if (one !== undefined) return [one];
    return [...(this.many.get(key) ?? [])];
  }

  /** The first value of `key`, and how many there are. */
  first(key: string): T | undefined {
    return this.single.get(key) ?? this.many.get(key)?.[0];
  }

  /** Keys holding exactly one value. */
  singles(): IterableIterator<[string, T]> {
    return this.single.entries();
  }

  /** Keys holding several values. */
  multiples(): IterableIterator<[string, readonly T[]]> {
    return this.many.entries();
  }

  /** Every key with its values. */
  *entries(): IterableIterator<[string, readonly T[]]> {
    for (const [key, one] of this.single) yield [key, [one]];
    yield* this.many.entries();
  }

  count(key: string): number {
    if (this.single.has(key)) return 1;
    return this.many.get(key)?.length ?? 0;
  }
}
