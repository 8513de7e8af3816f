/**
 * Finds the desired-state files and reads them as text, refusing what is not YAML text before the
 * parser sees it: missing or empty directories, oversized files, binary files, invalid UTF-8.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ConfigIssue } from './issue.js';

/** Larger files are refused unread: desired state is hand-written, a megabyte is already huge. */
export const MAX_FILE_BYTES = 1024 * 1024;

/** One YAML file, read and decoded. */
export interface SourceFile {
  /** Relative to the desired-state directory, with `/` separators (what SourceRef holds). */
  readonly rel: string;
  /** As shown in messages (relative to the working directory when possible). */
  readonly display: string;
  readonly text: string;
}

export interface SourceFiles {
  readonly files: readonly SourceFile[];
  /** Every YAML file found, readable or not, relative to the directory, sorted. */
  readonly names: readonly string[];
  readonly issues: readonly ConfigIssue[];
}

/** How paths are shown: relative to `cwd` when `dir` is under it, else as given. */
export function displayPathOf(dir: string, cwd: string): (rel: string) => string {
  const absolute = path.resolve(cwd, dir);
  const fromCwd = path.relative(cwd, absolute);
  const under = fromCwd === '' || (!fromCwd.startsWith('..') && !path.isAbsolute(fromCwd));
  const base = under ? fromCwd.split(path.sep).join('/') : dir;
  return (rel) => (rel === '' ? base || '.' : base === '' || base === '.' ? rel : `${base.replace(/\/+$/, '')}/${rel}`);
}

export async function readSourceFiles(dir: string, cwd: string): Promise<SourceFiles> {
  const display = displayPathOf(dir, cwd);
  const root = path.resolve(cwd, dir);
  const dirIssue = (message: string): SourceFiles => ({
    files: [],
    names: [],
    issues: [{ file: display(''), line: 0, col: 0, message, severity: 'error' }],
  });
  let info;
  try {
    info = await stat(root);
  } catch {
    return dirIssue('no such directory (name the desired-state directory with --dir, or make one: dbxsync init, or dbxsync dump --out DIR from the live team)');
  }
  if (!info.isDirectory()) return dirIssue('not a directory');

  const names = (await listYaml(root, '')).sort();
  if (names.length === 0) return dirIssue('no YAML files (*.yaml, *.yml) in this directory');

  const files: SourceFile[] = [];
  const issues: ConfigIssue[] = [];
  for (const rel of names) {
    const shown = display(rel);
    const issue = (line: number, col: number, message: string) => issues.push({ file: shown, line, col, message, severity: 'error' });
    let bytes: Uint8Array;
    try {
      const size = (await stat(path.join(root, rel))).size;
      if (size > MAX_FILE_BYTES) {
        issue(1, 1, `file is too large (${megabytes(size)} MB > ${megabytes(MAX_FILE_BYTES, 0)} MB)`);
        continue;
      }
      bytes = await readFile(path.join(root, rel));
    } catch (err) {
      issue(1, 1, `cannot read the file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
      continue;
    }
    const decoded = decode(bytes);
    if (decoded.kind === 'binary') {
      issue(1, 1, 'file is binary (it contains NUL bytes), not YAML text');
      continue;
    }
    if (decoded.kind === 'invalid') {
      issue(decoded.line, decoded.col, `file is not valid UTF-8 (byte 0x${decoded.byte.toString(16).toUpperCase().padStart(2, '0')}); save it as UTF-8`);
      continue;
    }
    if (decoded.text.trim() === '') {
      issue(1, 1, 'file is empty');
      continue;
    }
    files.push({ rel, display: shown, text: decoded.text });
  }
  return { files, names, issues };
}

/** Every *.yaml / *.yml below `dir`, recursively; hidden entries are skipped, symlinked folders are not followed. */
async function listYaml(root: string, sub: string): Promise<string[]> {
  const entries = await readdir(path.join(root, sub), { withFileTypes: true });
  const out: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const rel = sub === '' ? entry.name : `${sub}/${entry.name}`;
    if (entry.isDirectory()) out.push(...(await listYaml(root, rel)));
    else if ((entry.isFile() || entry.isSymbolicLink()) && /\.ya?ml$/i.test(entry.name)) {
      if (entry.isSymbolicLink()) {
        const target = await stat(path.join(root, rel)).catch(() => null);
        if (!target?.isFile()) continue;
      }
      out.push(rel);
    }
  }
  return out;
}

function megabytes(bytes: number, digits = 1): string {
  return (bytes / MAX_FILE_BYTES).toFixed(digits);
}

type Decoded =
  | { kind: 'text'; text: string }
  | { kind: 'binary' }
  | { kind: 'invalid'; byte: number; line: number; col: number };

function decode(bytes: Uint8Array): Decoded {
  if (bytes.includes(0)) return { kind: 'binary' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { kind: 'text', text };
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
    const lines = before.split('\n');
    return { kind: 'invalid', byte: bytes[offset] ?? 0, line: lines.length, col: [...(lines.at(-1) ?? '')].length + 1 };
  }
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const strict = new TextDecoder('utf-8', { fatal: true });
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    try {
      strict.decode(bytes.subarray(i, i + length));
    } catch {
      return i;
    }
    i += length;
  }
  return bytes.length;
}
