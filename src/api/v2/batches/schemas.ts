// Request schemas of the batch operations. The official ones are stricter than the documented
// examples (external_batch_id as an se_id, where the examples send UUIDs): any short string goes.
import { BATCH_STATUSES } from '../../../domain/batches/index.ts';
import { pagingQuery, seIdParam } from '../shared/query.ts';

const seId = { type: 'string', pattern: '^se-[0-9]{1,15}$' } as const;
const ids = { type: 'array', maxItems: 10_000, items: seId } as const;
const labelLayout = { type: 'string', enum: ['4x6', 'letter'], default: '4x6' } as const;
const labelFormat = { type: 'string', enum: ['pdf', 'png', 'zpl'], default: 'pdf' } as const;
const displayScheme = { type: 'string', enum: ['label', 'qr_code', 'label_and_qr_code', 'paperless', 'label_and_paperless'], default: 'label' } as const;
const shipDate = { type: 'string', format: 'date-time' } as const;

const processProperties = { ship_date: shipDate, label_layout: labelLayout, label_format: labelFormat, display_scheme: displayScheme } as const;

export interface ProcessBody {
  ship_date?: string;
  label_layout: '4x6' | 'letter';
  label_format: 'pdf' | 'png' | 'zpl';
  display_scheme: string;
}

export interface MembersBody {
  shipment_ids?: string[];
  rate_ids?: string[];
}

export interface CreateBatchBody extends MembersBody {
  external_batch_id?: string;
  batch_notes?: string;
  process_labels?: Partial<ProcessBody> & { create_batch_and_process_labels?: boolean };
}

const batchParam = seIdParam('batch_id');

export const createBatch = {
  tags: ['batches'],
  body: {
    type: 'object',
    properties: {
      external_batch_id: { type: 'string', minLength: 1, maxLength: 100 },
      batch_notes: { type: 'string', maxLength: 1000 },
      shipment_ids: ids,
      rate_ids: ids,
      process_labels: { type: 'object', properties: { create_batch_and_process_labels: { type: 'boolean' }, ...processProperties } },
    },
  },
} as const;

export const membersChange = {
  tags: ['batches'],
  params: batchParam,
  body: { type: 'object', properties: { shipment_ids: ids, rate_ids: ids } },
} as const;

/** The V2 add_to_batch body is the create-and-process one: process_labels may queue the batch too. */
export const addToBatchSchema = {
  ...membersChange,
  body: { type: 'object', properties: { ...membersChange.body.properties, process_labels: createBatch.body.properties.process_labels } },
} as const;

export const processBatch = { tags: ['batches'], params: batchParam, body: { type: 'object', properties: processProperties } } as const;

export const byId = { tags: ['batches'], params: batchParam } as const;

export const byExternalId = {
  tags: ['batches'],
  params: { type: 'object', required: ['external_batch_id'], properties: { external_batch_id: { type: 'string', minLength: 1, maxLength: 100 } } },
} as const;

const status = { type: 'string', enum: BATCH_STATUSES } as const;

/** `batch_status` is today's name, `status` the 2025 file's: both filter. */
export const listBatchesQuery = {
  tags: ['batches'],
  querystring: {
    type: 'object',
    properties: {
      status,
      batch_status: status,
      batch_number: { type: 'string', maxLength: 50 },
      created_at_start: shipDate,
      created_at_end: shipDate,
      processed_at_start: shipDate,
      processed_at_end: shipDate,
      sort_by: { type: 'string', enum: ['ship_date', 'processed_at', 'created_at'], default: 'created_at' },
      ...pagingQuery,
    },
  },
} as const;

export interface ListBatchesQuery {
  status?: string;
  batch_status?: string;
  batch_number?: string;
  created_at_start?: string;
  created_at_end?: string;
  processed_at_start?: string;
  processed_at_end?: string;
  sort_by: 'ship_date' | 'processed_at' | 'created_at';
  sort_dir: 'asc' | 'desc';
  page: number;
  page_size: number;
}

/** The spec names the page size `pagesize` here; `page_size` is accepted too. */
export const listErrorsQuery = {
  tags: ['batches'],
  params: batchParam,
  querystring: {
    type: 'object',
    properties: {
      page: pagingQuery.page,
      pagesize: { type: 'integer', minimum: 1, maximum: 500 },
      page_size: { type: 'integer', minimum: 1, maximum: 500 },
    },
  },
} as const;

export interface ListErrorsQuery {
  page: number;
  pagesize?: number;
  page_size?: number;
}
