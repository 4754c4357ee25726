// Creating a shipment: the account's defaults filled in, references checked, rules applied once.
import { MAX_ROW_ID, type Executor } from '../../db/index.ts';
import { findCarrier } from '../carriers/connections.ts';
import { validateCustoms } from '../customs/index.ts';
import { DomainError, type FieldIssue } from '../errors.ts';
import { findTag } from '../tags/tags.ts';
import { resolveCarrier, resolveShipFrom } from './resolve.ts';
import { insertShipment } from './store.ts';
import type { Shipment, ShipmentBody } from './types.ts';

export interface ShipmentMeta {
  externalShipmentId?: string | null;
  shipmentNumber?: string | null;
  tags?: string[];
  importBatchId?: string | null;
  orderId?: number | null;
  /** A shipment made for a label bought in the same transaction is stored label_purchased at once. */
  status?: 'label_purchased';
}

/** Checks a shipment's references and customs; returns the body with ship-from resolved. */
export async function prepareShipment(ex: Executor, accountId: number, body: ShipmentBody): Promise<ShipmentBody> {
  const resolved = await resolveCarrier(ex, accountId, await resolveShipFrom(ex, accountId, body));
  const issues: FieldIssue[] = [];
  if (resolved.carrierId !== null) {
    const carrier = resolved.carrierId > MAX_ROW_ID ? null : await findCarrier(ex, accountId, resolved.carrierId);
    if (!carrier) {
      issues.push({ field: 'carrier_id', message: `carrier se-${resolved.carrierId} is not connected to this account`, code: 'carrier_not_connected', value: `se-${resolved.carrierId}` });
    } else if (resolved.serviceCode && !carrier.connector.catalog.services.some((s) => s.serviceCode === resolved.serviceCode)) {
      issues.push({ field: 'service_code', message: `${carrier.carrierCode} has no service ${resolved.serviceCode}`, code: 'invalid_field_value', value: resolved.serviceCode });
    }
  }
  // Customs may be added later (rates then report the international services as invalid);
  // customs that are sent must be right.
  if (resolved.customs) {
    const parties = { shipFrom: resolved.shipFrom!, shipTo: resolved.shipTo };
    for (const e of validateCustoms(resolved.customs, parties)) issues.push({ field: e.fieldName, message: e.message, code: e.code });
  }
  if (issues.length > 0) throw new DomainError('validation', issues[0].message, issues[0].code, issues);
  return resolved;
}

export async function externalIdTaken(ex: Executor, accountId: number, externalShipmentId: string): Promise<boolean> {
  const row = await ex
    .selectFrom('shipments')
    .select('id')
    .where('account_id', '=', accountId)
    .where('external_shipment_id', '=', externalShipmentId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function tagShipment(ex: Executor, accountId: number, shipmentId: number, tagName: string): Promise<void> {
  const tag = await findTag(ex, accountId, tagName);
  if (!tag) throw new DomainError('not_found', `tag "${tagName}" was not found`, 'invalid_identifier');
  const existing = await ex.selectFrom('shipment_tags').select('tag_id').where('shipment_id', '=', shipmentId).where('tag_id', '=', tag.id).executeTakeFirst();
  if (!existing) await ex.insertInto('shipment_tags').values({ shipment_id: shipmentId, tag_id: tag.id }).execute();
}

export async function createShipment(ex: Executor, accountId: number, body: ShipmentBody, meta: ShipmentMeta, now: string): Promise<Shipment> {
  const prepared = await prepareShipment(ex, accountId, body);
  if (meta.externalShipmentId && (await externalIdTaken(ex, accountId, meta.externalShipmentId))) {
    throw new DomainError('conflict', `a shipment with external_shipment_id "${meta.externalShipmentId}" already exists`, 'identifier_conflict', [
      { field: 'external_shipment_id', message: 'external_shipment_id must be unique', code: 'identifier_conflict', value: meta.externalShipmentId },
    ]);
  }
  // ShipStation dates a shipment without a ship date for the day it is created.
  const dated = { ...prepared, shipDate: prepared.shipDate ?? now.slice(0, 10) };
  const shipment = await insertShipment(
    ex,
    accountId,
    { body: dated, externalShipmentId: meta.externalShipmentId, shipmentNumber: meta.shipmentNumber, importBatchId: meta.importBatchId, orderId: meta.orderId, status: meta.status },
    now,
  );
  for (const tag of meta.tags ?? []) await tagShipment(ex, accountId, shipment.id, tag);
  return { ...shipment, tags: [...(meta.tags ?? [])].sort() };
}
