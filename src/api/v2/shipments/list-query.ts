// GET /shipments query string: the filters both specs list, paging and sorting.
import { invalidField } from '../../../domain/errors.ts';
import type { ShipmentFilter, ShipmentListing } from '../../../domain/shipments/list.ts';
import type { ShipmentStatus } from '../../../domain/shipments/types.ts';
import { pagingQuery } from '../shared/query.ts';

export interface ListShipmentsQuery {
  page: number;
  page_size: number;
  sort_dir: 'asc' | 'desc';
  sort_by: 'created_at' | 'modified_at';
  shipment_status?: ShipmentStatus;
  batch_id?: string;
  pickup_id?: string;
  tag?: string;
  created_at_start?: string;
  created_at_end?: string;
  modified_at_start?: string;
  modified_at_end?: string;
  sales_order_id?: string;
  external_shipment_id?: string;
  shipment_number?: string;
  ship_to_name?: string;
  item_keyword?: string;
  import_batch_id?: string;
}

const text = { type: 'string', minLength: 1, maxLength: 200 } as const;
const instant = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}' } as const;

export const listShipmentsQuery = {
  type: 'object',
  properties: {
    ...pagingQuery,
    sort_by: { type: 'string', enum: ['created_at', 'modified_at'], default: 'created_at' },
    shipment_status: { type: 'string', enum: ['pending', 'processing', 'label_purchased', 'cancelled'] },
    batch_id: text,
    pickup_id: text,
    tag: text,
    created_at_start: instant,
    created_at_end: instant,
    modified_at_start: instant,
    modified_at_end: instant,
    sales_order_id: text,
    external_shipment_id: text,
    shipment_number: text,
    ship_to_name: text,
    item_keyword: text,
    import_batch_id: text,
  },
} as const;

/** Stored timestamps are UTC ISO strings, so a bound compares as text once it is written the same way. */
function utcInstant(field: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw invalidField(field, `${field} must be an ISO-8601 date-time`, value);
  return new Date(time).toISOString();
}

export function toShipmentFilter(q: ListShipmentsQuery): ShipmentFilter {
  return {
    status: q.shipment_status,
    batchId: q.batch_id,
    pickupId: q.pickup_id,
    tag: q.tag,
    createdAtStart: utcInstant('created_at_start', q.created_at_start),
    createdAtEnd: utcInstant('created_at_end', q.created_at_end),
    modifiedAtStart: utcInstant('modified_at_start', q.modified_at_start),
    modifiedAtEnd: utcInstant('modified_at_end', q.modified_at_end),
    salesOrderId: q.sales_order_id,
    externalShipmentId: q.external_shipment_id,
    shipmentNumber: q.shipment_number,
    shipToName: q.ship_to_name,
    itemKeyword: q.item_keyword,
    importBatchId: q.import_batch_id,
  };
}

export const toShipmentListing = (q: ListShipmentsQuery): ShipmentListing => ({ page: q.page, pageSize: q.page_size, sortBy: q.sort_by, sortDir: q.sort_dir });
