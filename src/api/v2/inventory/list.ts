// Paging shared by the inventory-area lists: page_size (today) or limit (2025 file), and the
// `total/page/pages/links` envelope.
import type { FastifyRequest } from 'fastify';
import { pageLinks } from '../../common/paging.ts';

export interface ListPaging {
  page: number;
  page_size?: number;
  limit?: number;
}

export function windowOf(query: ListPaging, defaultSize = 25) {
  const pageSize = query.page_size ?? query.limit ?? defaultSize;
  const page = query.page ?? 1;
  return { page, pageSize, offset: (page - 1) * pageSize, limit: pageSize };
}

export function envelope<T>(request: FastifyRequest, publicUrl: string, key: string, items: T[], total: number, w: { page: number; pageSize: number }) {
  const pages = Math.ceil(total / w.pageSize);
  // Links speak today's dialect: a 2025 `limit` becomes the page_size they carry.
  const url = new URL(request.url, 'http://placeholder');
  url.searchParams.delete('limit');
  const links = pageLinks({ url: `${url.pathname}${url.search}` } as FastifyRequest, publicUrl, w.page, pages, w.pageSize);
  return { [key]: items, total, page: w.page, pages, links };
}
