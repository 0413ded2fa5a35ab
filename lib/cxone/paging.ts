import "server-only";
/**
 * One pagination adapter for the styles CXone answers with: an opaque page token (the
 * seed's coverage), `top`/`skip` (the Admin API), `_links.next` (WFM data) and
 * `204 No Content` for an empty range (any of them). It stops on a repeated token or
 * link (the server would loop forever) and on a page cap, and says so.
 */
import { CxonePaginationError } from "./errors";

export type PagingStyle =
  | { kind: "token"; param: string; field: string }
  | { kind: "topSkip"; top: number }
  | { kind: "links" };

export interface PageAnswer<Body> {
  status: number;
  /** undefined for 204 No Content. */
  data: Body | undefined;
}

export interface PageCursor {
  /** Query parameters for this page (token, or top/skip). */
  query: Record<string, string | number>;
  /** `_links.next` of the previous page, followed as it is. */
  href?: string;
}

export interface ReadPagesOptions<Body, Item> {
  style: PagingStyle;
  /** What is being read, for messages ("admin agents"). */
  what: string;
  path: string;
  fetchPage: (cursor: PageCursor) => Promise<PageAnswer<Body>>;
  items: (body: Body) => Item[];
  /** The next token or link of a page; null or "" when it is the last. */
  next?: (body: Body) => string | null | undefined;
  /** Total records when the server says it (top/skip stops at it). */
  total?: (body: Body) => number | undefined;
  maxPages?: number;
}

export interface Page<Item> {
  pageNumber: number;
  items: Item[];
  /** True when the page was a 204 No Content. */
  noContent: boolean;
}

export async function* readPages<Body, Item>(o: ReadPagesOptions<Body, Item>): AsyncGenerator<Page<Item>, void, undefined> {
  const maxPages = o.maxPages ?? 1_000;
  const seen = new Set<string>();
  let cursor: PageCursor = { query: o.style.kind === "topSkip" ? { top: o.style.top, skip: 0 } : {} };
  let read = 0;
  for (let pageNumber = 1; ; pageNumber++) {
    const answer = await o.fetchPage(cursor);
    if (answer.status === 204 || answer.data === undefined) {
      yield { pageNumber, items: [], noContent: true };
      return;
    }
    const body = answer.data;
    const items = o.items(body);
    read += items.length;
    yield { pageNumber, items, noContent: false };

    let nextCursor: PageCursor | null;
    let marker: string;
    switch (o.style.kind) {
      case "topSkip": {
        const total = o.total?.(body);
        const done = items.length < o.style.top || (total !== undefined && read >= total) || items.length === 0;
        marker = `skip=${read}`;
        nextCursor = done ? null : { query: { top: o.style.top, skip: read } };
        break;
      }
      case "token": {
        const next = o.next?.(body);
        marker = next ?? "";
        nextCursor = next ? { query: { [o.style.param]: next } } : null;
        break;
      }
      case "links": {
        const next = o.next?.(body);
        marker = next ?? "";
        nextCursor = next ? { query: {}, href: next } : null;
        break;
      }
    }
    if (!nextCursor) return;
    if (seen.has(marker)) {
      throw new CxonePaginationError(
        `Stopped reading ${o.what}: CXone offered the same next page (${abbreviate(marker)}) a second time after page ${pageNumber}, which would loop forever. ${read} records were read.`,
        { code: "REPEATED_PAGE_TOKEN", method: "GET", path: o.path, details: { pages: pageNumber, read } },
      );
    }
    if (pageNumber >= maxPages) {
      throw new CxonePaginationError(
        `Stopped reading ${o.what} after ${maxPages} pages (the page cap) while CXone still offered more; ${read} records were read. Narrow the range.`,
        { code: "PAGE_CAP", method: "GET", path: o.path, details: { pages: pageNumber, read } },
      );
    }
    seen.add(marker);
    cursor = nextCursor;
  }
}

function abbreviate(token: string): string {
  return token.length > 40 ? `${token.slice(0, 36)}…` : token;
}
