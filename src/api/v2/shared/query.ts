// Query-string schemas shared by V2 list endpoints.
export const pagingQuery = {
  page: { type: 'integer', minimum: 1, maximum: 10_000_000, default: 1 },
  page_size: { type: 'integer', minimum: 1, maximum: 500, default: 25 },
  sort_dir: { type: 'string', enum: ['asc', 'desc'], default: 'desc' },
} as const;

export const seIdParam = (name: string) =>
  ({
    type: 'object',
    required: [name],
    properties: { [name]: { type: 'string', pattern: '^se-[0-9]{1,15}$' } },
  }) as const;
