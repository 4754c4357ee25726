// Query-string schemas shared by V2 list endpoints.
import { pagingSchema } from '../../common/paging.ts';

export const pagingQuery = {
  ...pagingSchema('page_size', { defaultSize: 25 }),
  sort_dir: { type: 'string', enum: ['asc', 'desc'], default: 'desc' },
} as const;

export const seIdParam = (name: string) =>
  ({
    type: 'object',
    required: [name],
    properties: { [name]: { type: 'string', pattern: '^se-[0-9]{1,15}$' } },
  }) as const;
