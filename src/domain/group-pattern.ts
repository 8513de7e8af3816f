/**
 * User-supplied group patterns (`groupPushes[].oktaGroupPattern`). They run against names that any
 * Okta admin can create, so they are matched by re2js, a linear-time engine with RE2 semantics: no
 * backtracking, so no pattern can stall plan or apply (JavaScript's RegExp takes minutes on
 * `^(a+)+$` against 41 characters). RE2 has no lookaround and no backreferences; validate refuses
 * what it cannot compile at the pattern's YAML position.
 */
import { RE2JS } from 're2js';

/** A compiled group pattern: `test` is true when the pattern matches anywhere in the name. */
export interface GroupPattern {
  readonly source: string;
  test(name: string): boolean;
}

/** Compile a pattern; throws an Error whose message says why RE2 refuses it. */
export function compileGroupPattern(source: string): GroupPattern {
  const re = RE2JS.compile(source);
  return { source, test: (name) => re.test(name) };
}

/** Why RE2 cannot compile `source` (one short phrase), or null when it can. */
export function groupPatternError(source: string): string | null {
  try {
    RE2JS.compile(source);
    return null;
  } catch (err) {
    return (err as Error).message.replace(/^error parsing regexp: /, '');
  }
}
