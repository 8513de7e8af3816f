/**
 * Escaping of user data (names, emails, reasons, messages) for GitHub-flavoured markdown, inside
 * table cells, list items and HTML `<summary>` elements: no markup, no broken table, no mention.
 */

import { REPLACED_CHARS_CLASS } from '../text/display-text.js';

const MARKDOWN_SPECIALS = /[\\`*_[\]|~]/g;

/** Control and bidi formatting characters (text/display-text.ts), HTML specials, and mentions. */
const CONTROL_OR_HTML = new RegExp(`[${REPLACED_CHARS_CLASS}&<>]|(?<![A-Za-z0-9._%+-])@(?=[A-Za-z0-9])`, 'g');

function htmlReplacement(c: string): string {
  switch (c) {
    case '&':
      return '&amp;';
    case '<':
      return '&lt;';
    case '>':
      return '&gt;';
    case '@':
      // A zero-width space after "@" keeps a group named "@acme/admins" from pinging a team.
      return '@\u200b';
    default:
      return '\ufffd';
  }
}

/** For text inside HTML (a `<summary>`), where GitHub does not read markdown: one line, no tag, no mention. */
export function escapeHtml(text: string): string {
  const oneLine = /[\r\n\u2028\u2029]/.test(text) ? text.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ') : text;
  return oneLine.replace(CONTROL_OR_HTML, htmlReplacement);
}

/** For text in markdown (table cells, list items): {@link escapeHtml}, and no markdown syntax either. */
export function escapeMarkdown(text: string): string {
  return escapeHtml(text).replace(MARKDOWN_SPECIALS, (c) => `\\${c}`);
}

/** A URL for a markdown link target: characters that would end or break the link are encoded. */
export function escapeUrl(url: string): string {
  return url.replace(/[\s()<>[\]"'`|\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** A code span for short machine text (a fingerprint, a file:line:col): no backtick can end it early. */
export function codeSpan(text: string): string {
  return `\`${text.replace(/`/g, "'").replace(/\s*[\r\n]+\s*/g, ' ')}\``;
}
