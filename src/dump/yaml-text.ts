/** Small pieces of hand-laid YAML: scalars quoted by the yaml package, comments kept on one line each. */
import { stringify } from 'yaml';
import { displaySafe } from '../text/display-text.js';

/** The schema line of every file the dump writes (the schema's $id: the dump's output lives outside this repository). */
export const SCHEMA_LINE = '# yaml-language-server: $schema=../node_modules/dbxsync/schemas/desired-state.schema.json';

/**
 * A scalar as the yaml library writes it, quoted only when it must be; never folded over lines.
 * A string with a line break or another control character is double-quoted (escapes such as \n),
 * never a block scalar: a block scalar's indentation belongs to its place in the file, and the
 * one-line form can sit anywhere (issue 12 item 9: a group name with a newline made invalid YAML).
 */
export function scalar(value: string | number | boolean): string {
  const oneLine = typeof value === 'string' && /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(value);
  return stringify(value, { lineWidth: 0, ...(oneLine ? { defaultStringType: 'QUOTE_DOUBLE' as const } : {}) }).trimEnd();
}

/** Text made safe for a comment: one line, no control or bidi formatting characters. */
export function commentText(text: string): string {
  return displaySafe(text).replace(/\ufffd/g, ' ');
}

/** `# text`, indented, one comment line per given line. */
export function comment(indent: string, ...lines: string[]): string[] {
  return lines.map((l) => `${indent}#${l === '' ? '' : ` ${commentText(l)}`}`);
}
