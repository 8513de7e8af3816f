/**
 * Where `dbxsync comment` is running, read from the variables GitHub Actions sets
 * (https://docs.github.com/actions/reference/variables-reference) and the event payload file.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../domain/errors.js';

type Env = Readonly<Record<string, string | undefined>>;

/** The repository, pull request and run a comment is about. */
export interface ActionsContext {
  /** REST API root (GITHUB_API_URL), without a trailing slash. */
  readonly apiUrl: string;
  /** Web root (GITHUB_SERVER_URL), without a trailing slash: links in the comment point here. */
  readonly serverUrl: string;
  readonly owner: string;
  readonly repo: string;
  /** From --pr, else the event's pull_request.number; null when neither says. */
  readonly pr: number | null;
  /** The pull request's head commit, from the event when it is about the same pull request. */
  readonly headSha: string | null;
  /** Link to this workflow run (its artifacts hold the full plan); null outside Actions. */
  readonly runUrl: string | null;
  /** True when the event says the pull request comes from another repository (a fork). */
  readonly fromFork: boolean;
  /** GITHUB_STEP_SUMMARY: the file the job summary is appended to. */
  readonly stepSummaryFile: string | null;
  /** The checkout (GITHUB_WORKSPACE, else the working directory): file links are relative to it. */
  readonly workspace: string;
}

function value(env: Env, name: string): string | undefined {
  const v = env[name];
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

/** http:// would send the token in clear: accepted only for loopback hosts (tests). */
function checkedUrl(name: string, text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch (err) {
    throw new UsageError(`${name} is not a URL: "${text}"`, { cause: err });
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new UsageError(`${name} must be an https:// URL (http:// only for loopback hosts), got "${text}"`);
  }
  return text.replace(/\/+$/, '');
}

export function parsePullRequestNumber(text: string, source: string): number {
  if (!/^[1-9][0-9]{0,9}$/.test(text.trim())) throw new UsageError(`${source} must be a pull request number, got "${text}"`);
  return Number(text.trim());
}

interface PullRequestEvent {
  pull_request?: {
    number?: unknown;
    head?: { sha?: unknown; repo?: { full_name?: unknown } | null };
    base?: { repo?: { full_name?: unknown } };
  };
}

async function readEvent(file: string, cwd: string): Promise<PullRequestEvent> {
  let text: string;
  try {
    text = await readFile(path.resolve(cwd, file), 'utf8');
  } catch (err) {
    throw new UsageError(`GITHUB_EVENT_PATH ${file} cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`, { cause: err });
  }
  try {
    const data: unknown = JSON.parse(text);
    return typeof data === 'object' && data !== null ? (data as PullRequestEvent) : {};
  } catch (err) {
    throw new UsageError(`GITHUB_EVENT_PATH ${file} is not valid JSON`, { cause: err });
  }
}

/** Read the context; `prOption` is the --pr value, which wins over the event. */
export async function readActionsContext(env: Env, cwd: string, prOption: string | undefined): Promise<ActionsContext> {
  const repository = value(env, 'GITHUB_REPOSITORY');
  if (repository === undefined) throw new UsageError('GITHUB_REPOSITORY is not set (owner/name, as GitHub Actions sets it)');
  const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(repository);
  if (!match) throw new UsageError(`GITHUB_REPOSITORY must be owner/name, got "${repository}"`);
  const [, owner = '', repo = ''] = match;

  const apiUrl = checkedUrl('GITHUB_API_URL', value(env, 'GITHUB_API_URL') ?? 'https://api.github.com');
  const serverUrl = checkedUrl('GITHUB_SERVER_URL', value(env, 'GITHUB_SERVER_URL') ?? 'https://github.com');

  const eventPath = value(env, 'GITHUB_EVENT_PATH');
  const event = eventPath === undefined ? {} : await readEvent(eventPath, cwd);
  const pullRequest = event.pull_request;
  const eventPr = typeof pullRequest?.number === 'number' ? pullRequest.number : null;
  const pr = prOption !== undefined ? parsePullRequestNumber(prOption, '--pr') : eventPr;
  const sameAsEvent = pr !== null && pr === eventPr;
  const sha = pullRequest?.head?.sha;
  const headSha = sameAsEvent && typeof sha === 'string' && /^[0-9a-f]{7,64}$/i.test(sha) ? sha : null;
  const headRepo = pullRequest?.head?.repo?.full_name;
  const baseRepo = pullRequest?.base?.repo?.full_name ?? repository;
  const fromFork = sameAsEvent && typeof headRepo === 'string' && headRepo !== baseRepo;

  const runId = value(env, 'GITHUB_RUN_ID');
  const runUrl = runId !== undefined && /^\d+$/.test(runId) ? `${serverUrl}/${owner}/${repo}/actions/runs/${runId}` : null;

  return {
    apiUrl,
    serverUrl,
    owner,
    repo,
    pr,
    headSha,
    runUrl,
    fromFork,
    stepSummaryFile: value(env, 'GITHUB_STEP_SUMMARY') ?? null,
    workspace: path.resolve(cwd, value(env, 'GITHUB_WORKSPACE') ?? '.'),
  };
}
