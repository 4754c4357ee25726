import { MAX_ROW_ID } from '../../../db/index.ts';
import { pagingSchema } from '../../common/paging.ts';

/** A row id: ids past PostgreSQL's 32-bit serial range name no row (and must not reach a query). */
export const rowId = { type: 'integer', minimum: 1, maximum: MAX_ROW_ID } as const;

/** An optional reference in a body: null, or 0 as .NET clients send for "none", or a row id. */
export const optionalRowId = { type: ['integer', 'null'], minimum: 0, maximum: MAX_ROW_ID } as const;

export const intParam = (name: string) => ({ type: 'object', required: [name], properties: { [name]: rowId } }) as const;

/** V1 list paging: page from 1, pageSize 1..500, default 100. */
export const v1PagingQuery = {
  ...pagingSchema('pageSize', { defaultSize: 100 }),
  sortDir: { type: 'string', enum: ['ASC', 'DESC', 'asc', 'desc', 'Asc', 'Desc'] },
} as const;

export const successBody = (message: string, success = true) => ({ success, message });
