// Listing shipments: the V2/ShipEngine filters, sorting and paging, done in SQL on either engine.
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { onPostgres, type Executor } from '../../db/index.ts';
import { tagsOfShipments, toShipment } from './store.ts';
import type { Shipment, ShipmentStatus } from './types.ts';

export interface ShipmentFilter {
  status?: ShipmentStatus;
  /** `se-12`: the shipments of that label batch. */
  batchId?: string;
  /** Shipdock has no pickups yet, so naming one matches no shipment. */
  pickupId?: string;
  tag?: string;
  /** ISO-8601 instants, inclusive. */
  createdAtStart?: string;
  createdAtEnd?: string;
  modifiedAtStart?: string;
  modifiedAtEnd?: string;
  /** The linked sales order (`se-12` or `12`) or a `sales_order_id` carried by an item. */
  salesOrderId?: string;
  externalShipmentId?: string;
  shipmentNumber?: string;
  /** Case-insensitive part of the recipient's name. */
  shipToName?: string;
  /** Case-insensitive part of an item's SKU or name. */
  itemKeyword?: string;
  /** The shipments of the orders one import created (SHIPMENT_CREATED_V2 webhooks point here). */
  importBatchId?: string;
}

export interface ShipmentListing {
  page: number;
  pageSize: number;
  sortBy: 'created_at' | 'modified_at';
  sortDir: 'asc' | 'desc';
}

const escapeLike = (text: string) => text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);

/** The recipient's name lives in the JSON body; each engine has its own JSON accessor. */
function shipToNameContains(ex: Executor, text: string): RawBuilder<SqlBool> {
  const name = onPostgres(ex) ? sql`(body::jsonb #>> '{shipTo,name}')` : sql`json_extract(body, '$.shipTo.name')`;
  return sql<SqlBool>`lower(${name}) like ${`%${escapeLike(text)}%`} escape '\\'`;
}

function itemMatches(ex: Executor, keyword: string): RawBuilder<SqlBool> {
  const pattern = `%${escapeLike(keyword)}%`;
  return onPostgres(ex)
    ? sql<SqlBool>`exists (select 1 from jsonb_array_elements(body::jsonb -> 'items') as item where lower(item ->> 'sku') like ${pattern} escape '\\' or lower(item ->> 'name') like ${pattern} escape '\\')`
    : sql<SqlBool>`exists (select 1 from json_each(body, '$.items') where lower(json_extract(value, '$.sku')) like ${pattern} escape '\\' or lower(json_extract(value, '$.name')) like ${pattern} escape '\\')`;
}

function itemHasSalesOrder(ex: Executor, salesOrderId: string): RawBuilder<SqlBool> {
  return onPostgres(ex)
    ? sql<SqlBool>`(body::jsonb -> 'items') @> ${JSON.stringify([{ salesOrderId }])}::jsonb`
    : sql<SqlBool>`exists (select 1 from json_each(body, '$.items') where json_extract(value, '$.salesOrderId') = ${salesOrderId})`;
}

const linkedOrderId = (value: string): number | null => {
  const match = /^(?:se-)?(\d{1,9})$/.exec(value);
  return match ? Number(match[1]) : null;
};

export async function listShipments(
  ex: Executor,
  accountId: number,
  filter: ShipmentFilter,
  listing: ShipmentListing,
): Promise<{ shipments: Shipment[]; total: number }> {
  if (filter.pickupId !== undefined) return { shipments: [], total: 0 };
  const batchId = filter.batchId === undefined ? undefined : (/^se-(\d{1,9})$/.exec(filter.batchId)?.[1] ?? '-1');
  const { tag, salesOrderId, shipToName, itemKeyword } = filter;
  const query = ex
    .selectFrom('shipments')
    .where('account_id', '=', accountId)
    .$if(filter.status !== undefined, (q) => q.where('status', '=', filter.status!))
    .$if(batchId !== undefined, (q) =>
      q.where('id', 'in', (eb) => eb.selectFrom('batch_shipments').select('shipment_id').where('batch_id', '=', Number(batchId))),
    )
    .$if(filter.createdAtStart !== undefined, (q) => q.where('created_at', '>=', filter.createdAtStart!))
    .$if(filter.createdAtEnd !== undefined, (q) => q.where('created_at', '<=', filter.createdAtEnd!))
    .$if(filter.modifiedAtStart !== undefined, (q) => q.where('modified_at', '>=', filter.modifiedAtStart!))
    .$if(filter.modifiedAtEnd !== undefined, (q) => q.where('modified_at', '<=', filter.modifiedAtEnd!))
    .$if(filter.externalShipmentId !== undefined, (q) => q.where('external_shipment_id', '=', filter.externalShipmentId!))
    .$if(filter.shipmentNumber !== undefined, (q) => q.where('shipment_number', '=', filter.shipmentNumber!))
    .$if(shipToName !== undefined, (q) => q.where(shipToNameContains(ex, shipToName!)))
    .$if(itemKeyword !== undefined, (q) => q.where(itemMatches(ex, itemKeyword!)))
    .$if(filter.importBatchId !== undefined, (q) =>
      q.where('order_id', 'in', ex.selectFrom('order_import_batches').select('order_id').where('batch_id', '=', filter.importBatchId!)),
    )
    .$if(salesOrderId !== undefined, (q) =>
      q.where((eb) => {
        const orderId = linkedOrderId(salesOrderId!);
        const byItem = itemHasSalesOrder(ex, salesOrderId!);
        return orderId === null ? byItem : eb.or([eb('order_id', '=', orderId), byItem]);
      }),
    )
    .$if(tag !== undefined, (q) =>
      q.where('id', 'in', (eb) =>
        eb
          .selectFrom('shipment_tags as st')
          .innerJoin('tags as t', 't.id', 'st.tag_id')
          .select('st.shipment_id')
          .where('t.account_id', '=', accountId)
          .where('t.name', '=', tag!),
      ),
    );

  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query
    .selectAll()
    .orderBy(listing.sortBy, listing.sortDir)
    .orderBy('id', listing.sortDir)
    .limit(listing.pageSize)
    .offset((listing.page - 1) * listing.pageSize)
    .execute();
  const tags = await tagsOfShipments(ex, rows.map((r) => r.id));
  return { shipments: rows.map((row) => toShipment(row, tags.get(row.id) ?? [])), total: Number(total) };
}
