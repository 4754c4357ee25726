import type { FastifyRequest } from 'fastify';

export interface PageRequest {
  page: number;
  pageSize: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pages: number;
}

/**
 * The one paging schema of every list, on every surface (V1 names the size `pageSize`, V2 and
 * ShipEngine `page_size`). Bounded integers: the row offset stays exact and never reaches SQL as
 * Infinity or a 20-digit number (non-finite input is refused by finite-numbers.ts).
 */
export const MAX_PAGE = 10_000_000;
export const MAX_PAGE_SIZE = 500;

export function pagingSchema<S extends string>(sizeName: S, options: { defaultSize: number; maxSize?: number }) {
  return {
    page: { type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 1 },
    [sizeName]: { type: 'integer', minimum: 1, maximum: options.maxSize ?? MAX_PAGE_SIZE, default: options.defaultSize },
  } as { page: { type: 'integer'; minimum: 1; maximum: number; default: 1 } } & Record<S, { type: 'integer'; minimum: 1; maximum: number; default: number }>;
}

export const offsetOf = ({ page, pageSize }: PageRequest) => (page - 1) * pageSize;

export function pageOf<T>(items: T[], total: number, request: PageRequest): Page<T> {
  return { items, total, page: request.page, pages: Math.ceil(total / request.pageSize) };
}

/** V2 `links`: absolute hrefs that keep every filter of the request, with page and page_size set. */
export function pageLinks(request: FastifyRequest, publicUrl: string, page: number, pages: number, pageSize: number) {
  const url = new URL(request.url, 'http://placeholder');
  const href = (n: number) => {
    const params = new URLSearchParams(url.search);
    params.set('page', String(n));
    params.set('page_size', String(pageSize));
    return { href: `${publicUrl}${url.pathname}?${params.toString()}` };
  };
  const last = Math.max(1, pages);
  return {
    first: href(1),
    last: href(last),
    prev: page > 1 ? href(Math.min(page - 1, last)) : {},
    next: page < pages ? href(page + 1) : {},
  };
}
