// Request schemas of /manifests. The official body is a oneOf of two closed objects; the rules
// that tell them apart live in the route, so a wrong mix gets a field-level message.
import { pagingQuery } from '../shared/query.ts';

const seId = { type: 'string', pattern: '^se-[0-9]{1,15}$' } as const;
/** A date-time as the spec says, or the bare date the docs' examples also send. */
const dateOrDateTime = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}([T ].*)?$', maxLength: 40 } as const;
const labelIds = { type: 'array', items: seId, maxItems: 500 } as const;

export const createManifestBody = {
  type: 'object',
  properties: {
    carrier_id: seId,
    warehouse_id: seId,
    ship_date: dateOrDateTime,
    label_ids: labelIds,
    excluded_label_ids: { type: 'array', items: seId, maxItems: 1000 },
  },
} as const;

export interface CreateManifestBody {
  carrier_id?: string;
  warehouse_id?: string;
  ship_date?: string;
  label_ids?: string[];
  excluded_label_ids?: string[];
}

export const manifestListQuery = {
  type: 'object',
  properties: {
    warehouse_id: seId,
    carrier_id: seId,
    ship_date_start: dateOrDateTime,
    ship_date_end: dateOrDateTime,
    created_at_start: { type: 'string', format: 'date-time' },
    created_at_end: { type: 'string', format: 'date-time' },
    label_ids: { type: 'array', items: { type: 'string', maxLength: 2000 }, maxItems: 500 },
    page: pagingQuery.page,
    page_size: pagingQuery.page_size,
  },
} as const;

export interface ManifestListQuery {
  warehouse_id?: string;
  carrier_id?: string;
  ship_date_start?: string;
  ship_date_end?: string;
  created_at_start?: string;
  created_at_end?: string;
  label_ids?: string[];
  page: number;
  page_size: number;
}
