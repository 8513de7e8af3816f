/**
 * The repository's root, wherever the test runs from: test/… under tap's TypeScript loader, or the
 * compiled dist/test/… that `npm test` runs (tsc has built it already; no second compile per
 * process). A path computed as `import.meta.url + '../..'` would point into dist/ there.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  let dir = from;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'dbxsync') return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no dbxsync package.json above ${from}`);
    dir = up;
  }
}

export const REPO = findRoot(path.dirname(fileURLToPath(import.meta.url)));
