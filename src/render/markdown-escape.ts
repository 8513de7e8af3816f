/**
 * Escaping of user data (names, emails, reasons, messages) for GitHub-flavoured markdown, inside
 * table cells, list items and HTML `<summary>` elements: no markup, no broken table, no mention.
 */

const MARKDOWN_SPECIALS = /[\\`*_[\]|~]/g;

export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/\s*[\r\n]+\s*/g, ' ')
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '\ufffd')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(MARKDOWN_SPECIALS, (c) => `\\${c}`)
      // A zero-width space after "@" keeps a group named "@acme/admins" from pinging a team.
      .replace(/(^|[^A-Za-z0-9._%+-])@(?=[A-Za-z0-9])/g, '$1@\u200b')
  );
}

/** A URL for a markdown link target: characters that would end or break the link are encoded. */
export function escapeUrl(url: string): string {
  return url.replace(/[\s()<>[\]"'`|\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** A code span for short machine text (a fingerprint, a file:line:col): no backtick can end it early. */
export function codeSpan(text: string): string {
  return `\`${text.replace(/`/g, "'").replace(/\s*[\r\n]+\s*/g, ' ')}\``;
}
