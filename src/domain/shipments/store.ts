// Persistence of shipments; the full neutral body is JSON, the filterable parts are columns.
import { MAX_ROW_ID, type Executor } from '../../db/index.ts';
import { lockingOnPostgres } from '../../db/locks.ts';
import { columnsOf, everyColumn, preparedQuery } from '../../db/prepared.ts';
import { notFound } from '../errors.ts';
import type { Shipment, ShipmentBody, ShipmentStatus } from './types.ts';

export interface NewShipment {
  body: ShipmentBody;
  orderId?: number | null;
  externalShipmentId?: string | null;
  shipmentNumber?: string | null;
  status?: ShipmentStatus;
  importBatchId?: string | null;
}

export type ShipmentRow = {
  id: number;
  account_id: number;
  order_id: number | null;
  external_shipment_id: string | null;
  shipment_number: string | null;
  status: string;
  import_batch_id: string | null;
  body: string;
  created_at: string;
  modified_at: string;
};

export function toShipment(row: ShipmentRow, tags: string[] = []): Shipment {
  // Assigned onto the parsed body: a spread plus many keys is V8's slow path (see orders/store.ts).
  return Object.assign(JSON.parse(row.body) as ShipmentBody, {
    id: row.id,
    accountId: row.account_id,
    orderId: row.order_id,
    externalShipmentId: row.external_shipment_id,
    shipmentNumber: row.shipment_number,
    status: row.status as ShipmentStatus,
    importBatchId: row.import_batch_id,
    tags,
    createdAt: row.created_at,
    modifiedAt: row.modified_at,
  });
}

/** The columns a shipment body fills: the parts lists filter on, and the body itself. */
export const shipmentColumns = (body: ShipmentBody) => ({
  carrier_id: body.carrierId,
  service_code: body.serviceCode,
  warehouse_id: body.warehouseId,
  ship_date: body.shipDate,
  is_return: body.isReturn ? (1 as const) : (0 as const),
  body: JSON.stringify(body),
});

type ShipmentInsert = Omit<ShipmentRow, 'id'> & ReturnType<typeof shipmentColumns>;
const SHIPMENT_COLUMNS = everyColumn<ShipmentInsert>({
  account_id: true, order_id: true, external_shipment_id: true, shipment_number: true, status: true, import_batch_id: true, created_at: true,
  modified_at: true, carrier_id: true, service_code: true, warehouse_id: true, ship_date: true, is_return: true, body: true,
});
const insertRow = preparedQuery((ex, p: ShipmentInsert) => ex.insertInto('shipments').values(columnsOf(p, SHIPMENT_COLUMNS)).returning('id'));
const setStatus = preparedQuery((ex, p: { accountId: number; id: number; status: ShipmentStatus; now: string }) =>
  ex.updateTable('shipments').set({ status: p.status, modified_at: p.now }).where('id', '=', p.id).where('account_id', '=', p.accountId),
);

const stateOf = preparedQuery((ex, p: { id: number }) =>
  lockingOnPostgres(ex, ex.selectFrom('shipments').select(['status', 'modified_at']).where('id', '=', p.id)),
);

/** A shipment's status and last change, its row locked for the rest of the transaction (PostgreSQL). */
export async function lockShipmentState(ex: Executor, id: number): Promise<{ status: ShipmentStatus; modifiedAt: string }> {
  const [row] = await stateOf(ex, { id });
  if (!row) throw notFound('shipment', `se-${id}`);
  return { status: row.status as ShipmentStatus, modifiedAt: row.modified_at };
}

export async function insertShipment(ex: Executor, accountId: number, input: NewShipment, now: string): Promise<Shipment> {
  const values: ShipmentInsert = {
    account_id: accountId,
    order_id: input.orderId ?? null,
    external_shipment_id: input.externalShipmentId ?? null,
    shipment_number: input.shipmentNumber ?? null,
    status: input.status ?? 'pending',
    import_batch_id: input.importBatchId ?? null,
    created_at: now,
    modified_at: now,
    ...shipmentColumns(input.body),
  };
  const [{ id }] = await insertRow(ex, values);
  // The shipment as stored, from what was just written: returning the row read its body back.
  return toShipment({ ...values, id });
}

export async function updateShipmentBody(ex: Executor, accountId: number, id: number, body: ShipmentBody, now: string): Promise<void> {
  await ex.updateTable('shipments').set({ ...shipmentColumns(body), modified_at: now }).where('id', '=', id).where('account_id', '=', accountId).execute();
}

export async function setShipmentStatus(ex: Executor, accountId: number, id: number, status: ShipmentStatus, now: string): Promise<void> {
  await setStatus(ex, { accountId, id, status, now });
}

async function tagsOf(ex: Executor, shipmentId: number): Promise<string[]> {
  const rows = await ex
    .selectFrom('shipment_tags as st')
    .innerJoin('tags as t', 't.id', 'st.tag_id')
    .select('t.name')
    .where('st.shipment_id', '=', shipmentId)
    .orderBy('t.name')
    .execute();
  return rows.map((r) => r.name);
}

/** Tag names per shipment, for a page of shipments in one query. */
export async function tagsOfShipments(ex: Executor, shipmentIds: number[]): Promise<Map<number, string[]>> {
  const tags = new Map<number, string[]>();
  if (shipmentIds.length === 0) return tags;
  const rows = await ex
    .selectFrom('shipment_tags as st')
    .innerJoin('tags as t', 't.id', 'st.tag_id')
    .select(['st.shipment_id', 't.name'])
    .where('st.shipment_id', 'in', shipmentIds)
    .orderBy('t.name')
    .execute();
  for (const row of rows) tags.set(row.shipment_id, [...(tags.get(row.shipment_id) ?? []), row.name]);
  return tags;
}

export async function findShipment(ex: Executor, accountId: number, id: number): Promise<Shipment | null> {
  // Ids past the 32-bit row range name no shipment (and PostgreSQL would reject the comparison).
  if (id > MAX_ROW_ID) return null;
  const row = await ex.selectFrom('shipments').selectAll().where('id', '=', id).where('account_id', '=', accountId).executeTakeFirst();
  return row ? toShipment(row, await tagsOf(ex, row.id)) : null;
}

export async function getShipment(ex: Executor, accountId: number, id: number): Promise<Shipment> {
  const shipment = await findShipment(ex, accountId, id);
  if (!shipment) throw notFound('shipment', `se-${id}`);
  return shipment;
}

export async function findShipmentByExternalId(ex: Executor, accountId: number, externalShipmentId: string): Promise<Shipment | null> {
  const row = await ex
    .selectFrom('shipments')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('external_shipment_id', '=', externalShipmentId)
    .executeTakeFirst();
  return row ? toShipment(row, await tagsOf(ex, row.id)) : null;
}

export async function findShipmentByOrder(ex: Executor, accountId: number, orderId: number): Promise<Shipment | null> {
  const row = await ex
    .selectFrom('shipments')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('order_id', '=', orderId)
    .orderBy('id')
    .executeTakeFirst();
  return row ? toShipment(row, await tagsOf(ex, row.id)) : null;
}
