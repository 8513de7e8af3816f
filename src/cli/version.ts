import { readFileSync } from 'node:fs';

/** The tool version (package.json), part of every plan's fingerprint. */
export const VERSION: string = (() => {
  for (const rel of ['../../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'dbxsync' && pkg.version) return pkg.version;
    } catch {
      // try the next layout (src/ under ts, dist/src/ when built)
    }
  }
  return '0.0.0';
})();
