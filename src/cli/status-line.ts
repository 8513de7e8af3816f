/**
 * A one-line status on stderr for long reads: redrawn in place on a terminal, at most ~10 times a
 * second; silent when stderr is not a terminal or with --quiet (CI logs stay clean).
 */
import type { Output } from './io.js';

export interface StatusLine {
  update(text: string): void;
  done(): void;
}

export function createStatusLine(out: Output, options: { quiet: boolean; now?: () => number }): StatusLine {
  if (options.quiet || !out.isTTY) return { update() {}, done() {} };
  const now = options.now ?? (() => Date.now());
  let last = 0;
  let shown = false;
  return {
    update(text: string) {
      const t = now();
      if (t - last < 100) return;
      last = t;
      shown = true;
      out.write(`\r\x1b[2K${text}`);
    },
    done() {
      if (shown) out.write('\r\x1b[2K');
      shown = false;
    },
  };
}
