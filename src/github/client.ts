/**
 * The few GitHub REST calls `dbxsync comment` makes, through @octokit/rest: list a pull request's
 * comments (paginated), create and update one, read the token's user and a pull request's head.
 * Octokit errors become RemoteError (service github) carrying GitHub's own message, the status
 * and the request id, never the request headers (they hold the token).
 */
import { Octokit } from '@octokit/rest';
import { RemoteError } from '../domain/errors.js';
import { timedExchange } from '../transport/http-timeouts.js';
import { assertSameOrigin } from '../transport/origin.js';
import { DEFAULT_RETRY_SCHEDULE, withRetry, type FailureFacts, type RetrySchedule } from './retry.js';

/** A comment on a pull request (GitHub's "issue comment"). */
export interface IssueComment {
  readonly id: number;
  readonly body: string;
  /** The author's login, null for a deleted account ("ghost"). */
  readonly author: string | null;
  readonly url: string;
}

/** Narrow client for one repository. */
export interface GitHubClient {
  /** The token's own login, or null when the token may not read it (installation tokens such as Actions' GITHUB_TOKEN). */
  authenticatedLogin(): Promise<string | null>;
  /** The pull request's comments, oldest first, fetched page by page as the caller reads on. */
  issueComments(issue: number): AsyncIterable<IssueComment>;
  createIssueComment(issue: number, body: string): Promise<IssueComment>;
  updateIssueComment(commentId: number, body: string): Promise<IssueComment>;
  /** The SHA of the pull request's head commit. */
  pullRequestHeadSha(pr: number): Promise<string>;
}

export interface GitHubClientSettings {
  readonly token: string;
  /** REST API root: https://api.github.com, or https://HOST/api/v3 on GitHub Enterprise Server. */
  readonly apiUrl: string;
  readonly owner: string;
  readonly repo: string;
  readonly userAgent: string;
  readonly retry?: RetrySchedule;
  readonly sleep?: (ms: number) => Promise<void>;
}

const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

interface OctokitFailure {
  status?: unknown;
  message?: unknown;
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown };
}

function asFailure(err: unknown): OctokitFailure {
  return typeof err === 'object' && err !== null ? (err as OctokitFailure) : {};
}

/** Our own refusal (a request off GITHUB_API_URL's origin), wrapped by Octokit as its cause. */
function ownRefusal(err: unknown): RemoteError | null {
  if (err instanceof RemoteError) return err;
  const cause = (err as { cause?: unknown } | null)?.cause;
  return cause instanceof RemoteError ? cause : null;
}

/** Octokit reports a dropped connection as status 500 without a response: that is no answer at all. */
function failureFacts(err: unknown): FailureFacts {
  if (ownRefusal(err)) return { status: null, final: true };
  const f = asFailure(err);
  if (f.response === undefined || typeof f.status !== 'number') return { status: null };
  const retryAfter = f.response.headers?.['retry-after'];
  return { status: f.status, retryAfter: retryAfter === undefined ? undefined : String(retryAfter) };
}

function gitHubMessage(err: unknown): string {
  const f = asFailure(err);
  const data = f.response?.data;
  if (typeof data === 'object' && data !== null && typeof (data as { message?: unknown }).message === 'string') {
    return (data as { message: string }).message;
  }
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : null;
  const text = typeof f.message === 'string' && f.message !== '' ? f.message : (cause ?? 'no answer');
  return text.split('\n')[0] ?? text;
}

/** Translate an Octokit error into our RemoteError; `explain` turns the status into a sentence for the user. */
export function toRemoteError(err: unknown, route: string, explain: (status: number | null, gitHub: string) => string): RemoteError {
  const refusal = ownRefusal(err);
  if (refusal) return refusal;
  const facts = failureFacts(err);
  const headers = asFailure(err).response?.headers ?? {};
  const requestId = headers['x-github-request-id'];
  const rateLimited = (facts.status === 403 || facts.status === 429) && String(headers['x-ratelimit-remaining']) === '0';
  const reset = Number(headers['x-ratelimit-reset']);
  const message = rateLimited
    ? `GitHub's API rate limit for this token is used up (HTTP ${facts.status})${Number.isFinite(reset) && reset > 0 ? `; it resets at ${new Date(reset * 1000).toISOString()}` : ''}`
    : explain(facts.status, gitHubMessage(err));
  return new RemoteError({
    service: 'github',
    route,
    message,
    status: facts.status,
    retryable: facts.status === null || facts.status >= 500,
    requestId: requestId === undefined ? null : String(requestId),
    cause: err,
  });
}

/**
 * Octokit's fetch, kept on the API's origin: a pagination `next` link naming another host is
 * refused, and a redirect is followed only within the origin (GitHub redirects renamed
 * repositories), so the token never goes anywhere else.
 */
function originBoundFetch(apiUrl: string): typeof fetch {
  const allowed = new URL(apiUrl).origin;
  const guarded = async (input: string | URL | Request, init: RequestInit | undefined, hops: number): Promise<Response> => {
    const url = input instanceof Request ? input.url : String(input);
    const route = `${init?.method ?? 'GET'} ${new URL(url).pathname}`;
    assertSameOrigin('github', route, url, allowed, 'GITHUB_API_URL');
    const signals = (own: AbortSignal) => (init?.signal ? AbortSignal.any([init.signal, own]) : own);
    const response = await timedExchange('github', route, (signal) => fetch(url, { ...init, redirect: 'manual', signal: signals(signal) }));
    const location = response.headers.get('location');
    if (response.status < 300 || response.status > 399 || location === null || hops >= 5) return response;
    await response.body?.cancel();
    return guarded(new URL(location, url).href, init, hops + 1);
  };
  return (input, init) => guarded(input, init, 0);
}

export function createGitHubClient(settings: GitHubClientSettings): GitHubClient {
  const baseUrl = settings.apiUrl.replace(/\/+$/, '');
  const octokit = new Octokit({
    auth: settings.token,
    baseUrl,
    userAgent: settings.userAgent,
    log: quiet,
    request: { fetch: originBoundFetch(baseUrl) },
  });
  const policy = settings.retry ?? DEFAULT_RETRY_SCHEDULE;
  const sleep = settings.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  octokit.hook.wrap('request', (request, options) => withRetry(async () => request(options), policy, failureFacts, sleep));

  const { owner, repo } = settings;
  const where = `${owner}/${repo}`;
  const common = (status: number | null, gitHub: string): string => {
    if (status === null) return `could not reach GitHub at ${settings.apiUrl} (${gitHub})`;
    if (status === 401) return `GitHub refused the token (HTTP 401: ${gitHub}); check GITHUB_TOKEN`;
    if (status >= 500) return `GitHub answered with a server error after retries (HTTP ${status}: ${gitHub}); try again later`;
    return `GitHub answered HTTP ${status}: ${gitHub}`;
  };
  const toComment = (data: { id: number; body?: string | undefined; user: { login: string } | null; html_url: string }): IssueComment => ({
    id: data.id,
    body: data.body ?? '',
    author: data.user?.login ?? null,
    url: data.html_url,
  });
  const notWritable = (issue: number) => (status: number | null, gitHub: string) =>
    status === 403
      ? `the token may not comment on pull request #${issue} of ${where} (HTTP 403: ${gitHub}); pull requests from forks get a read-only GITHUB_TOKEN, and the workflow needs "permissions: pull-requests: write"`
      : status === 404
        ? `pull request #${issue} or repository ${where} not found, or the token cannot see it (HTTP 404)`
        : common(status, gitHub);

  return {
    async authenticatedLogin() {
      try {
        const { data } = await octokit.rest.users.getAuthenticated();
        return data.login;
      } catch (err) {
        const { status } = failureFacts(err);
        if (status === 403 || status === 404) return null;
        throw toRemoteError(err, 'GET /user', common);
      }
    },

    async *issueComments(issue) {
      const route = `GET /repos/${where}/issues/${issue}/comments`;
      const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, { owner, repo, issue_number: issue, per_page: 100 });
      try {
        for await (const page of pages) for (const c of page.data) yield toComment(c);
      } catch (err) {
        throw toRemoteError(err, route, (status, gitHub) =>
          status === 404 ? `pull request #${issue} or repository ${where} not found, or the token cannot see it (HTTP 404)` : status === 403 ? `the token may not read the comments of pull request #${issue} of ${where} (HTTP 403: ${gitHub})` : common(status, gitHub),
        );
      }
    },

    async createIssueComment(issue, body) {
      try {
        const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number: issue, body });
        return toComment(data);
      } catch (err) {
        throw toRemoteError(err, `POST /repos/${where}/issues/${issue}/comments`, notWritable(issue));
      }
    },

    async updateIssueComment(commentId, body) {
      try {
        const { data } = await octokit.rest.issues.updateComment({ owner, repo, comment_id: commentId, body });
        return toComment(data);
      } catch (err) {
        throw toRemoteError(err, `PATCH /repos/${where}/issues/comments/${commentId}`, (status, gitHub) =>
          status === 403 ? `the token may not edit comment ${commentId} of ${where} (HTTP 403: ${gitHub})` : status === 404 ? `comment ${commentId} of ${where} not found (HTTP 404)` : common(status, gitHub),
        );
      }
    },

    async pullRequestHeadSha(pr) {
      try {
        const { data } = await octokit.rest.pulls.get({ owner, repo, pull_number: pr });
        return data.head.sha;
      } catch (err) {
        throw toRemoteError(err, `GET /repos/${where}/pulls/${pr}`, (status, gitHub) =>
          status === 404 ? `pull request #${pr} of ${where} not found, or the token cannot see it (HTTP 404)` : common(status, gitHub),
        );
      }
    },
  };
}
