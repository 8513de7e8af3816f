/** Counts HTTP attempts per Dropbox route (retries included), for progress, audit and benchmarks. */
export class DropboxCallCounter {
  private readonly counts = new Map<string, number>();

  record(route: string): void {
    this.counts.set(route, (this.counts.get(route) ?? 0) + 1);
  }

  /** Attempts made on one route, e.g. "team/members/list/continue_v2". */
  get(route: string): number {
    return this.counts.get(route) ?? 0;
  }

  total(): number {
    let n = 0;
    for (const c of this.counts.values()) n += c;
    return n;
  }

  /** Every route called, sorted by name. */
  entries(): [string, number][] {
    return [...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b));
  }

  reset(): void {
    this.counts.clear();
  }
}
