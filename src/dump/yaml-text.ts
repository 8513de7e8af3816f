/** Small pieces of hand-laid YAML: scalars quoted by the yaml package, comments kept on one line each. */
import { stringify } from 'yaml';

/** The schema line of every file the dump writes (the schema's $id: the dump's output lives outside this repository). */
export const SCHEMA_LINE = '# yaml-language-server: $schema=../node_modules/dbxsync/schemas/desired-state.schema.json';

/** A scalar as YAML writes it, quoted only when it must be; never folded over lines. */
export function scalar(value: string | number | boolean): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

/** Text made safe for a comment: one line, no control characters. */
export function commentText(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ');
}

/** `# text`, indented, one comment line per given line. */
export function comment(indent: string, ...lines: string[]): string[] {
  return lines.map((l) => `${indent}#${l === '' ? '' : ` ${commentText(l)}`}`);
}
