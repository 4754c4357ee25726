// POST /manifests: which labels a manifest takes, one manifest per carrier, warehouse and ship day.
// Rules: a label is on at most one manifest (also a primary key in the database); voided, return
// and unfinished labels are left out; a label must leave from a warehouse (manifests are per
// warehouse, as in ShipStation). Nothing left to manifest is a 400.
import { randomBytes } from 'node:crypto';
import type { Executor } from '../../db/index.ts';
import { lockRow } from '../../db/locks.ts';
import { getCarrier } from '../carriers/connections.ts';
import { DomainError, invalidField } from '../errors.ts';
import type { PostalAddress } from '../shipping-types.ts';
import { getWarehouse } from '../warehouses/warehouses.ts';
import { getManifestRequest, insertManifest, insertManifestRequest, manifestsOfLabels } from './store.ts';
import type { ManifestCriteria, ManifestRequest } from './types.ts';

/** The documented ceiling of label_ids in one explicit manifest. */
export const MAX_MANIFEST_LABELS = 500;

interface Candidate {
  id: number;
  carrierId: number;
  warehouseId: number | null;
  shipDate: string;
  status: string;
  isReturn: boolean;
  shipFrom: PostalAddress;
}

async function candidates(ex: Executor, accountId: number, criteria: ManifestCriteria): Promise<Candidate[]> {
  let query = ex
    .selectFrom('labels as l')
    .innerJoin('shipments as s', 's.id', 'l.shipment_id')
    .select(['l.id', 'l.carrier_id', 'l.ship_date', 'l.status', 'l.is_return', 'l.body', 's.warehouse_id'])
    .where('l.account_id', '=', accountId);
  if (criteria.kind === 'labels') query = query.where('l.id', 'in', criteria.labelIds);
  else {
    query = query.where('l.carrier_id', '=', criteria.carrierId).where('s.warehouse_id', '=', criteria.warehouseId).where('l.ship_date', '=', criteria.shipDate);
    if (criteria.labelIds) query = query.where('l.id', 'in', criteria.labelIds);
    if (criteria.excludedLabelIds.length > 0) query = query.where('l.id', 'not in', criteria.excludedLabelIds);
  }
  const rows = await query.orderBy('l.id').execute();
  return rows.map((r) => ({
    id: r.id,
    carrierId: r.carrier_id,
    warehouseId: r.warehouse_id,
    shipDate: r.ship_date,
    status: r.status,
    isReturn: r.is_return === 1,
    shipFrom: (JSON.parse(r.body) as { shipFrom: PostalAddress }).shipFrom,
  }));
}

const eligible = (label: Candidate) => label.status === 'completed' && !label.isReturn;

/** USPS-style 22-digit electronic file number: the request id and the manifest's place in it. */
export function submissionIdFor(requestId: number, index: number): string {
  return `94757${String(requestId).padStart(14, '0')}${String(index).padStart(3, '0')}`;
}

// The spec documents no 404 for POST /manifests: ids in the body that name nothing of the
// account's are field errors (400 invalid_identifier), as for a shipment's warehouse_id.
const unknownId = (field: string, what: string, id: number) => invalidField(field, `${what} se-${id} was not found`, `se-${id}`, 'invalid_identifier');

async function checkDayCriteria(ex: Executor, accountId: number, criteria: Extract<ManifestCriteria, { kind: 'day' }>) {
  await getCarrier(ex, accountId, criteria.carrierId).catch(() => {
    throw unknownId('carrier_id', 'carrier', criteria.carrierId);
  });
  await getWarehouse(ex, accountId, criteria.warehouseId).catch(() => {
    throw unknownId('warehouse_id', 'warehouse', criteria.warehouseId);
  });
}

export async function createManifests(ex: Executor, accountId: number, criteria: ManifestCriteria, now: string): Promise<ManifestRequest> {
  if (criteria.kind === 'day') await checkDayCriteria(ex, accountId, criteria);
  const wanted = criteria.kind === 'labels' ? criteria.labelIds : (criteria.labelIds ?? []);
  if (wanted.length > MAX_MANIFEST_LABELS) throw invalidField('label_ids', `A manifest takes at most ${MAX_MANIFEST_LABELS} labels.`);
  // Locked in id order (no deadlock between two requests) before the manifest check below.
  for (const id of [...wanted].sort((a, b) => a - b)) await lockRow(ex, 'labels', id);

  const found = await candidates(ex, accountId, criteria);
  if (criteria.kind === 'labels') {
    const missing = criteria.labelIds.find((id) => !found.some((l) => l.id === id));
    if (missing !== undefined) throw unknownId('label_ids', 'label', missing);
  } else {
    for (const label of found) await lockRow(ex, 'labels', label.id);
  }
  const onManifest = await manifestsOfLabels(ex, found.map((l) => l.id));
  let labels = found.filter(eligible);
  if (criteria.kind === 'labels') {
    const taken = labels.find((l) => onManifest.has(l.id));
    if (taken) {
      throw invalidField('label_ids', `Label se-${taken.id} is already on manifest se-${onManifest.get(taken.id)}; a label can be on one manifest only.`, `se-${taken.id}`, 'invalid_status');
    }
    const homeless = labels.find((l) => l.warehouseId === null);
    if (homeless) {
      throw invalidField('label_ids', `Label se-${homeless.id} was not shipped from a warehouse; manifests are made per warehouse.`, `se-${homeless.id}`);
    }
  } else {
    labels = labels.filter((l) => !onManifest.has(l.id));
  }
  if (labels.length === 0) {
    const scope =
      criteria.kind === 'labels'
        ? 'none of the given labels can be manifested (voided, return and unfinished labels are left out)'
        : `no unmanifested label of carrier se-${criteria.carrierId} ships from warehouse se-${criteria.warehouseId} on ${criteria.shipDate}`;
    throw new DomainError('validation', `No eligible labels for a manifest: ${scope}.`, 'invalid_field_value');
  }

  const groups = new Map<string, Candidate[]>();
  for (const label of labels) {
    const key = `${label.carrierId}|${label.warehouseId}|${label.shipDate}`;
    groups.set(key, [...(groups.get(key) ?? []), label]);
  }
  const requestId = await insertManifestRequest(ex, accountId, 'completed', now);
  let index = 0;
  for (const group of groups.values()) {
    const [first] = group;
    await insertManifest(
      ex,
      accountId,
      {
        requestId,
        carrierId: first.carrierId,
        warehouseId: first.warehouseId!,
        shipDate: first.shipDate,
        submissionId: submissionIdFor(requestId, ++index),
        downloadToken: randomBytes(16).toString('base64url'),
        shipper: first.shipFrom,
        labelIds: group.map((l) => l.id),
      },
      now,
    );
  }
  return getManifestRequest(ex, accountId, requestId);
}
