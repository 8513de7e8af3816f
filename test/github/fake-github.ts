/**
 * A stateful fake of the few GitHub REST endpoints `dbxsync comment` uses, over real HTTP on
 * 127.0.0.1, so the tests drive the real Octokit client: list issue comments (paginated with Link
 * headers), create and update a comment, GET /user, GET a pull request. It checks the token on
 * every request and can answer with scripted failures.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeComment {
  id: number;
  body: string;
  user: { login: string; type: 'User' | 'Bot' };
}

export interface Fault {
  readonly method: string;
  /** Matched against the path without the API prefix and query, e.g. /repos/acme/dstate/issues/7/comments. */
  readonly path: RegExp;
  /** The HTTP status answered, or 'drop': the connection is closed with no answer at all. */
  readonly status: number | 'drop';
  /** How many matching requests fail (default: all). */
  times?: number;
  readonly message?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface FakeGitHubOptions {
  /** The token the fake accepts. */
  readonly token: string;
  /** The login comments are created under (the token's identity). */
  readonly login?: string;
  /** What GET /user answers: the login (a personal token) or 403 (an installation token, as in Actions). */
  readonly userEndpoint?: 'login' | 'forbidden';
  /** API prefix, e.g. /api/v3 for GitHub Enterprise Server. */
  readonly prefix?: string;
  readonly perPage?: number;
  /** Head commit of every pull request. */
  readonly headSha?: string;
  /** The origin the comment listing's Link header names (default: the fake's own). */
  readonly linkOrigin?: string;
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: string;
}

export class FakeGitHub {
  readonly comments = new Map<number, FakeComment[]>();
  readonly requests: RecordedRequest[] = [];
  readonly faults: Fault[] = [];
  private nextId = 1000;
  private server: Server | null = null;
  private base = '';

  constructor(readonly options: FakeGitHubOptions) {}

  get apiUrl(): string {
    return this.base;
  }

  /** Comments on pull request `issue`, created (so also listed) in this order. */
  seed(issue: number, ...comments: readonly Omit<FakeComment, 'id'>[]): FakeComment[] {
    const list = this.comments.get(issue) ?? [];
    const added = comments.map((c) => ({ ...c, id: this.nextId++ }));
    list.push(...added);
    this.comments.set(issue, list);
    return added;
  }

  async start(): Promise<this> {
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => this.handle(req, res, body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}${this.options.prefix ?? ''}`;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (server === null) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private send(res: ServerResponse, status: number, data: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-github-request-id': `REQ-${this.requests.length}`, ...headers });
    res.end(JSON.stringify(data));
  }

  private view(c: FakeComment): Record<string, unknown> {
    const issue = [...this.comments.entries()].find(([, list]) => list.includes(c))?.[0] ?? 0;
    return { id: c.id, body: c.body, user: c.user, html_url: `https://github.example/acme/dstate/pull/${issue}#issuecomment-${c.id}` };
  }

  private handle(req: IncomingMessage, res: ServerResponse, raw: string): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const prefix = this.options.prefix ?? '';
    const method = req.method ?? 'GET';
    if (!url.pathname.startsWith(`${prefix}/`)) return this.send(res, 404, { message: 'Not Found' });
    const path = url.pathname.slice(prefix.length);
    this.requests.push({ method, path, query: url.search });

    if (req.headers.authorization !== `token ${this.options.token}`) return this.send(res, 401, { message: 'Bad credentials' });
    const fault = this.faults.find((f) => f.method === method && f.path.test(path) && (f.times === undefined || f.times > 0));
    if (fault) {
      if (fault.times !== undefined) fault.times -= 1;
      if (fault.status === 'drop') return void res.socket?.destroy();
      return this.send(res, fault.status, { message: fault.message ?? 'scripted failure' }, { ...(fault.headers ?? {}) });
    }

    const login = this.options.login ?? 'github-actions[bot]';
    if (method === 'GET' && path === '/user') {
      if (this.options.userEndpoint === 'login') return this.send(res, 200, { login, type: 'User' });
      return this.send(res, 403, { message: 'Resource not accessible by integration' });
    }
    let m = /^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)$/.exec(path);
    if (m && method === 'GET') return this.send(res, 200, { number: Number(m[3]), head: { sha: this.options.headSha ?? 'f'.repeat(40) } });

    m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(path);
    if (m) {
      const issue = Number(m[3]);
      const list = this.comments.get(issue) ?? [];
      if (method === 'GET') {
        const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), this.options.perPage ?? 100);
        const page = Number(url.searchParams.get('page') ?? 1);
        const last = Math.max(1, Math.ceil(list.length / perPage));
        const link = (p: number, rel: string): string => {
          const next = new URL(url.toString());
          next.searchParams.set('per_page', String(perPage));
          next.searchParams.set('page', String(p));
          const base = this.options.linkOrigin === undefined ? this.base : `${this.options.linkOrigin}${prefix}`;
          return `<${base}${path}${next.search}>; rel="${rel}"`;
        };
        const links = page < last ? [link(page + 1, 'next'), link(last, 'last')] : [];
        const headers: Record<string, string> = links.length > 0 ? { link: links.join(', ') } : {};
        return this.send(res, 200, list.slice((page - 1) * perPage, page * perPage).map((c) => this.view(c)), headers);
      }
      if (method === 'POST') {
        const { body } = JSON.parse(raw) as { body: string };
        const [created] = this.seed(issue, { body, user: { login, type: login.endsWith('[bot]') ? 'Bot' : 'User' } });
        return this.send(res, 201, this.view(created!));
      }
    }
    m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/.exec(path);
    if (m && method === 'PATCH') {
      const comment = [...this.comments.values()].flat().find((c) => c.id === Number(m![3]));
      if (!comment) return this.send(res, 404, { message: 'Not Found' });
      if (comment.user.login !== login) return this.send(res, 403, { message: 'Resource not accessible by integration' });
      comment.body = (JSON.parse(raw) as { body: string }).body;
      return this.send(res, 200, this.view(comment));
    }
    return this.send(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
  }
}
