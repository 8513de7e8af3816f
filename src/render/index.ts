/** The plan renderers: terminal text, pull-request markdown, JSON; and email redaction. */
export { renderText, type TextOptions } from './text.js';
export { renderMarkdown, DEFAULT_MAX_MARKDOWN_LENGTH, type MarkdownOptions } from './markdown.js';
export { renderJson } from './json.js';
export { redactPlanEmails, redactEmailsInText, emailLabel } from './redact-emails.js';
export { summaryLine, planSummaryLine, countChanges, bucketOf, NO_CHANGES_LINE, type ChangeBucket, type ChangeCounts } from './change-counts.js';
