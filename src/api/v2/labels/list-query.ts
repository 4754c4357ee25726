import { pagingQuery } from '../shared/query.ts';

const seId = { type: 'string', pattern: '^se-[0-9]{1,15}$' } as const;

export const labelListQuery = {
  type: 'object',
  properties: {
    label_status: { type: 'string', enum: ['processing', 'completed', 'error', 'voided'] },
    service_code: { type: 'string' },
    carrier_id: seId,
    tracking_number: { type: 'string' },
    batch_id: seId,
    rate_id: seId,
    shipment_id: seId,
    warehouse_id: seId,
    created_at_start: { type: 'string', format: 'date-time' },
    created_at_end: { type: 'string', format: 'date-time' },
    sort_by: { type: 'string', enum: ['modified_at', 'created_at', 'voided_at'], default: 'created_at' },
    ...pagingQuery,
  },
} as const;

export interface LabelListQuery {
  label_status?: string;
  service_code?: string;
  carrier_id?: string;
  tracking_number?: string;
  batch_id?: string;
  rate_id?: string;
  shipment_id?: string;
  warehouse_id?: string;
  created_at_start?: string;
  created_at_end?: string;
  sort_by: 'modified_at' | 'created_at' | 'voided_at';
  sort_dir: 'asc' | 'desc';
  page: number;
  page_size: number;
}
