/**
 * A listing a server never ends (issue 12 item 3): a cursor or `next` link that comes back, or more
 * pages than the listing can hold, stops the read with one line naming the route, instead of
 * calling on forever and holding every page in memory.
 */
import { RemoteError } from '../domain/errors.js';
import type { Service } from './origin.js';

/** The most pages a listing may take, and why (said in the error). */
export interface PageBound {
  readonly pages: number;
  readonly why: string;
}

/** Follows one listing's cursors (Dropbox) or next links (Okta), page by page. */
export class PageGuard {
  private readonly seen = new Set<string>();
  /** Pages read so far. */
  pages = 1;

  constructor(
    readonly service: Service,
    readonly route: string,
    /** 'cursor' or 'next link': what the server hands back to go on. */
    readonly token: string,
    first?: string,
  ) {
    if (first !== undefined) this.seen.add(first);
  }

  /** Before asking for the page `token` leads to: refuse a token already followed, or a page past `bound`. */
  follow(token: string, bound: PageBound): void {
    if (this.seen.has(token)) throw this.endless(`its ${this.token} repeats one already followed (after page ${this.pages}): the listing would never end`);
    this.seen.add(token);
    this.pages++;
    if (this.pages > bound.pages) throw this.endless(`it went past ${bound.pages} pages (${bound.why}): the listing would never end`);
  }

  /** The same line for another sign of a loop, e.g. an item listed twice. */
  endless(what: string): RemoteError {
    // The CLI's line already names the service and route: "dbxsync plan: dropbox team/groups/list: listing stopped: ...".
    return new RemoteError({ service: this.service, route: this.route, code: 'endless_listing', message: `listing stopped: ${what}` });
  }
}
