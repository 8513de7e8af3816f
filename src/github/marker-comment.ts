/**
 * One comment per pull request: find the comment that carries the marker AND was written by the
 * identity posting now, update it, or create it. Comments of other people and other bots, with
 * or without the marker (a quote, another tool's copy), are never touched.
 */
import type { GitHubClient, IssueComment } from './client.js';

/** The login of the Actions GITHUB_TOKEN, which GitHub does not let read GET /user. */
export const ACTIONS_BOT_LOGIN = 'github-actions[bot]';

/**
 * Who posts: the --author override, else the token's own login (a personal access token), else
 * the Actions bot (an installation token cannot read its own identity). A GitHub App token should
 * pass its `<slug>[bot]` login as --author; without it, a new comment is created rather than
 * another author's comment edited.
 */
export async function resolveAuthor(client: GitHubClient, override: string | undefined): Promise<string> {
  if (override !== undefined && override.trim() !== '') return override.trim();
  return (await client.authenticatedLogin()) ?? ACTIONS_BOT_LOGIN;
}

export interface MarkerCommentRequest {
  readonly issue: number;
  readonly marker: string;
  readonly author: string;
  readonly body: string;
}

export interface MarkerCommentOutcome {
  readonly action: 'created' | 'updated' | 'unchanged';
  readonly comment: IssueComment;
}

/** The oldest comment by `author` carrying `marker`, reading pages only until it is found. */
export async function findMarkerComment(client: GitHubClient, issue: number, marker: string, author: string): Promise<IssueComment | null> {
  const login = author.toLowerCase();
  for await (const comment of client.issueComments(issue)) {
    if (comment.author?.toLowerCase() === login && comment.body.includes(marker)) return comment;
  }
  return null;
}

export async function upsertMarkerComment(client: GitHubClient, request: MarkerCommentRequest): Promise<MarkerCommentOutcome> {
  const existing = await findMarkerComment(client, request.issue, request.marker, request.author);
  if (existing === null) return { action: 'created', comment: await client.createIssueComment(request.issue, request.body) };
  if (existing.body === request.body) return { action: 'unchanged', comment: existing };
  return { action: 'updated', comment: await client.updateIssueComment(existing.id, request.body) };
}
