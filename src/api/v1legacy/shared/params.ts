export const intParam = (name: string) =>
  ({ type: 'object', required: [name], properties: { [name]: { type: 'integer', minimum: 1 } } }) as const;

/** V1 list paging: page from 1, pageSize 1..500, default 100. */
export const v1PagingQuery = {
  page: { type: 'integer', minimum: 1, default: 1 },
  pageSize: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
  sortDir: { type: 'string', enum: ['ASC', 'DESC', 'asc', 'desc'] },
} as const;

export const successBody = (message: string, success = true) => ({ success, message });
