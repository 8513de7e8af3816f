/** Waiting on state, never on the clock: poll `probe` until it gives a value, or fail at the deadline. */
export async function until<T>(what: string, probe: () => T | undefined | null | false, deadlineMs = 20_000): Promise<T> {
  const end = performance.now() + deadlineMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== null && value !== false) return value;
    if (performance.now() > end) throw new Error(`gave up waiting (${deadlineMs} ms): ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
