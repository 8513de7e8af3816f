/**
 * Parses one desired-state file with `yaml`, keeping node ranges so that every later message can
 * point at the key or value it is about (1-based line:col).
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Alias, type Document, type Node, type Pair } from 'yaml';
import type { ConfigIssue, Severity } from './issue.js';
import type { SourceFile } from './source-files.js';

/** Alias expansions allowed per file; far more than hand-written YAML needs, far less than a bomb. */
export const MAX_ALIAS_COUNT = 100;

/** A path into the parsed data: mapping keys and sequence indexes. */
export type DataPath = readonly (string | number)[];

/** What a position should point at: a mapping key, its value, or the mapping that holds it. */
export type Target = 'key' | 'value' | 'parent';

/** 1-based line and column. */
export interface Position {
  readonly line: number;
  readonly col: number;
}

/** A parsed file whose top level is a mapping, with the means to find any node in it again. */
export interface YamlFile {
  /** Relative to the desired-state directory. */
  readonly rel: string;
  /** As shown in messages. */
  readonly display: string;
  /** The data as plain JavaScript (aliases expanded). */
  readonly data: unknown;
  /** Where `path` is in the file; falls back to the deepest node found on the way. */
  locate(path: DataPath, target?: Target): Position;
}

/** The file (null when it cannot be used: syntax errors, no content, not a mapping) and its problems. */
export interface ParsedYaml {
  readonly file: YamlFile | null;
  readonly issues: readonly ConfigIssue[];
}

export function parseYamlFile(source: SourceFile): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source.text, { lineCounter, prettyErrors: true, uniqueKeys: true, strict: true });
  const issues: ConfigIssue[] = [];
  const at = (pos: Position, message: string, severity: Severity = 'error') =>
    issues.push({ file: source.display, line: pos.line, col: pos.col, message, severity });
  const posOf = (offset: number): Position => lineCounter.linePos(offset);

  let fatal = false;
  for (const error of doc.errors) {
    if (error.code === 'DUPLICATE_KEY') {
      at(posOf(error.pos[0]), duplicateKeyMessage(doc, source.text, error.pos[0], posOf));
      continue;
    }
    fatal = true;
    at(posOf(error.pos[0]), syntaxMessage(error.code, error.message));
  }
  for (const warning of doc.warnings) at(posOf(warning.pos[0]), syntaxMessage(warning.code, warning.message, ''), 'warning');
  if (fatal) return { file: null, issues };

  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    at({ line: 1, col: 1 }, 'file has no settings, only comments', 'warning');
    return { file: null, issues };
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    const message = (err as Error).message;
    const bomb = /Excessive alias count/.test(message);
    const unresolved = /Unresolved alias/.test(message);
    const alias = bomb || unresolved ? firstAlias(doc, (a) => bomb || a.resolve(doc) === undefined) : null;
    at(
      alias?.range ? posOf(alias.range[0]) : { line: 1, col: 1 },
      bomb
        ? `YAML aliases expand to too many values (more than ${MAX_ALIAS_COUNT}); this looks like an alias bomb`
        : unresolved
          ? `alias "*${alias?.source ?? ''}" refers to no anchor defined before it`
          : `invalid YAML: ${message.split('\n')[0]}`,
    );
    return { file: null, issues };
  }

  if (!isMap(doc.contents)) {
    at(posOf(doc.contents.range?.[0] ?? 0), `the top level must be a mapping of keys (version, okta, ...), got ${kindOf(data)}`);
    return { file: null, issues };
  }

  const file: YamlFile = {
    rel: source.rel,
    display: source.display,
    data,
    locate: (path, target = 'value') => locate(doc, path, target, posOf),
  };
  return { file, issues };
}

function locate(doc: Document, path: DataPath, target: Target, posOf: (offset: number) => Position): Position {
  const start = (n: unknown): number | null => rangeOf(n)?.[0] ?? null;
  // A node's anchor: the key it sits under when it is a mapping value, else its own start.
  const anchor = (node: unknown, under: Pair | null): Position => posOf(start(under?.key) ?? start(node) ?? 0);
  let node: unknown = doc.contents;
  let under: Pair | null = null;
  for (const [i, segment] of path.entries()) {
    if (isAlias(node)) node = node.resolve(doc);
    let child: unknown = undefined;
    let childPair: Pair | null = null;
    if (isMap(node) && typeof segment === 'string') {
      childPair = node.items.find((item) => keyText(item.key) === segment) ?? null;
      child = childPair?.value ?? undefined;
    } else if (isSeq(node) && typeof segment === 'number') {
      child = node.items[segment];
    }
    if (child === undefined && childPair === null) return anchor(node, under);
    if (i === path.length - 1) {
      if (target === 'parent') return anchor(node, under);
      if (target === 'key' && childPair) return anchor(null, childPair);
      const empty = child === null || child === undefined || (isScalar(child) && child.value === null && child.source === '');
      return empty ? anchor(null, childPair) : posOf(start(child) ?? start(childPair?.key) ?? 0);
    }
    node = child;
    under = childPair;
  }
  return anchor(node, under);
}

/** A scalar key's text, as a string ("1" for the key 1). */
export function keyText(key: unknown): string | null {
  if (isScalar(key)) return String(key.value);
  return null;
}

function firstAlias(doc: Document, accept: (alias: Alias) => boolean): Alias | null {
  let found: Alias | null = null;
  visit(doc, {
    Alias(_key, alias) {
      if (accept(alias)) {
        found = alias;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

function duplicateKeyMessage(doc: Document, text: string, offset: number, posOf: (offset: number) => Position): string {
  let message = 'duplicate key';
  visit(doc, {
    Map(_key, map) {
      const index = map.items.findIndex((item) => rangeOf(item.key)?.[0] === offset);
      if (index < 0) return undefined;
      const name = keyText(map.items[index]!.key) ?? text.slice(offset, rangeOf(map.items[index]!.key)?.[1] ?? offset);
      const first = map.items.slice(0, index).find((item) => keyText(item.key) === name);
      const firstPos = first ? rangeOf(first.key) : null;
      message = `duplicate key "${name}"${firstPos ? ` (first defined at line ${posOf(firstPos[0]).line})` : ''}`;
      return visit.BREAK;
    },
  });
  return message;
}

function rangeOf(node: unknown): readonly [number, number, number] | null {
  return ((node as Node | null)?.range as [number, number, number] | undefined) ?? null;
}

/** yaml's message without its own " at line L, column C:" tail and code excerpt. */
function syntaxMessage(code: string, message: string, prefix = 'invalid YAML: '): string {
  switch (code) {
    case 'TAB_AS_INDENT':
      return 'tab used for indentation; YAML indents with spaces';
    case 'MULTIPLE_DOCS':
      return 'file holds more than one YAML document (---); put each in its own file';
    default: {
      const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      return `${prefix}${first.charAt(0).toLowerCase()}${first.slice(1)}`;
    }
  }
}

/** Plain words for the kind of a value, in messages ("got a list"). */
export function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'nothing (an empty value)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)}`;
  if (typeof value === 'boolean') return `${value}`;
  if (typeof value === 'number') return `the number ${value}`;
  return typeof value;
}
