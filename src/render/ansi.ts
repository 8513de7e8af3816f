/**
 * ANSI styling for the terminal renderer. With colour off every function returns its text
 * unchanged, so no escape sequence can slip into piped output, files or CI logs.
 */

export interface Styler {
  readonly bold: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly green: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly red: (text: string) => string;
  readonly cyan: (text: string) => string;
}

function sgr(open: number, close: number): (text: string) => string {
  return (text) => (text === '' ? text : `\x1b[${open}m${text}\x1b[${close}m`);
}

const COLOUR: Styler = {
  bold: sgr(1, 22),
  dim: sgr(2, 22),
  green: sgr(32, 39),
  yellow: sgr(33, 39),
  red: sgr(31, 39),
  cyan: sgr(36, 39),
};

const identity = (text: string): string => text;

const PLAIN: Styler = { bold: identity, dim: identity, green: identity, yellow: identity, red: identity, cyan: identity };

export function styler(color: boolean): Styler {
  return color ? COLOUR : PLAIN;
}
