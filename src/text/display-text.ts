/**
 * One rule for every string that came from Okta, Dropbox or YAML and is shown to a person (terminal,
 * PR comment, explain, apply output): control characters could forge lines, colours or a cleared
 * screen (ESC, CR, C1), and bidirectional formatting characters could make a name read as another
 * one in review (U+202E "right-to-left override" turns "moc.evil@" into "@live.com"), so each is
 * shown as a visible U+FFFD; line breaks become a space. See Unicode TR#9 for the bidi controls:
 * embeddings and overrides U+202A–U+202E, isolates U+2066–U+2069, marks U+200E, U+200F, U+061C.
 */

/**
 * The characters shown as U+FFFD, as the body of a regex character class: C0 controls but tab and LF
 * (a tab is harmless whitespace; line breaks become a space first), DEL, C1, and the bidi formatting
 * ones. The one home of the class: render/markdown-escape.ts extends it with the HTML specials.
 */
export const REPLACED_CHARS_CLASS = '\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069';
/** A character a name must not hold: those above, tab and LF included. */
export const UNSAFE_CHAR = new RegExp(`[\\u0009\\u000a${REPLACED_CHARS_CLASS}]`);
const UNSAFE_GLOBAL = new RegExp(`[${REPLACED_CHARS_CLASS}]`, 'g');
const LINE_BREAKS = /\s*[\r\n\u2028\u2029]+\s*/g;

/** `text` as it may be shown: one line, every unsafe character a visible "\uFFFD". */
export function displaySafe(text: string): string {
  if (!UNSAFE_CHAR.test(text) && !/[\u2028\u2029]/.test(text)) return text;
  return text.replace(LINE_BREAKS, ' ').replace(UNSAFE_GLOBAL, '\ufffd');
}

/** The first unsafe character of `text` as "U+202E at character 4", or null. */
export function firstUnsafeChar(text: string): string | null {
  const chars = [...text];
  const at = chars.findIndex((c) => UNSAFE_CHAR.test(c) || c === '\u2028' || c === '\u2029');
  if (at < 0) return null;
  return `U+${chars[at]!.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} at character ${at + 1}`;
}
