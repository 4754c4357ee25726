// Persistence of manifests, their labels and the requests that made them.
import type { Selectable } from 'kysely';
import type { Executor } from '../../db/index.ts';
import type { ManifestsTable } from '../../db/schema.ts';
import { notFound } from '../errors.ts';
import type { Manifest, ManifestFilter, ManifestRequest, ManifestRequestStatus } from './types.ts';

type ManifestRow = Selectable<ManifestsTable>;

async function assemble(ex: Executor, rows: ManifestRow[]): Promise<Manifest[]> {
  if (rows.length === 0) return [];
  const links = await ex
    .selectFrom('manifest_labels')
    .select(['manifest_id', 'label_id'])
    .where(
      'manifest_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('label_id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    accountId: row.account_id,
    requestId: row.request_id,
    carrierId: row.carrier_id,
    warehouseId: row.warehouse_id,
    shipDate: row.ship_date,
    submissionId: row.submission_id,
    downloadToken: row.download_token,
    shipper: JSON.parse(row.shipper),
    labelIds: links.filter((l) => l.manifest_id === row.id).map((l) => l.label_id),
    createdAt: row.created_at,
  }));
}

export interface NewManifest {
  requestId: number;
  carrierId: number;
  warehouseId: number;
  shipDate: string;
  submissionId: string;
  downloadToken: string;
  shipper: Manifest['shipper'];
  labelIds: number[];
}

export async function insertManifestRequest(ex: Executor, accountId: number, status: ManifestRequestStatus, now: string): Promise<number> {
  const row = await ex.insertInto('manifest_requests').values({ account_id: accountId, status, created_at: now }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function insertManifest(ex: Executor, accountId: number, m: NewManifest, now: string): Promise<number> {
  const row = await ex
    .insertInto('manifests')
    .values({
      account_id: accountId,
      request_id: m.requestId,
      carrier_id: m.carrierId,
      warehouse_id: m.warehouseId,
      ship_date: m.shipDate,
      submission_id: m.submissionId,
      download_token: m.downloadToken,
      shipper: JSON.stringify(m.shipper),
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // manifest_labels.label_id is the primary key: a label already on a manifest fails the insert.
  await ex
    .insertInto('manifest_labels')
    .values(m.labelIds.map((labelId) => ({ label_id: labelId, manifest_id: row.id })))
    .execute();
  return row.id;
}

export async function findManifest(ex: Executor, accountId: number, id: number): Promise<Manifest | null> {
  const row = await ex.selectFrom('manifests').selectAll().where('id', '=', id).where('account_id', '=', accountId).executeTakeFirst();
  return row ? (await assemble(ex, [row]))[0] : null;
}

export async function getManifest(ex: Executor, accountId: number, id: number): Promise<Manifest> {
  const manifest = await findManifest(ex, accountId, id);
  if (!manifest) throw notFound('manifest', `se-${id}`);
  return manifest;
}

export async function findManifestByToken(ex: Executor, token: string): Promise<Manifest | null> {
  const row = await ex.selectFrom('manifests').selectAll().where('download_token', '=', token).executeTakeFirst();
  return row ? (await assemble(ex, [row]))[0] : null;
}

export async function getManifestRequest(ex: Executor, accountId: number, id: number): Promise<ManifestRequest> {
  const request = await ex.selectFrom('manifest_requests').selectAll().where('id', '=', id).where('account_id', '=', accountId).executeTakeFirst();
  if (!request) throw notFound('manifest request', `se-${id}`);
  const rows = await ex.selectFrom('manifests').selectAll().where('request_id', '=', id).orderBy('id').execute();
  return { id: request.id, status: request.status as ManifestRequestStatus, createdAt: request.created_at, manifests: await assemble(ex, rows) };
}

/** Which of these labels already sit on a manifest, and on which. */
export async function manifestsOfLabels(ex: Executor, labelIds: number[]): Promise<Map<number, number>> {
  if (labelIds.length === 0) return new Map();
  const rows = await ex.selectFrom('manifest_labels').select(['label_id', 'manifest_id']).where('label_id', 'in', labelIds).execute();
  return new Map(rows.map((r) => [r.label_id, r.manifest_id]));
}

export async function listManifests(ex: Executor, accountId: number, f: ManifestFilter): Promise<{ manifests: Manifest[]; total: number }> {
  let query = ex.selectFrom('manifests as m').where('m.account_id', '=', accountId);
  if (f.warehouseId !== undefined) query = query.where('m.warehouse_id', '=', f.warehouseId);
  if (f.carrierId !== undefined) query = query.where('m.carrier_id', '=', f.carrierId);
  if (f.shipDateStart) query = query.where('m.ship_date', '>=', f.shipDateStart);
  if (f.shipDateEnd) query = query.where('m.ship_date', '<=', f.shipDateEnd);
  if (f.createdAtStart) query = query.where('m.created_at', '>=', f.createdAtStart);
  if (f.createdAtEnd) query = query.where('m.created_at', '<=', f.createdAtEnd);
  if (f.labelIds && f.labelIds.length > 0) {
    const labelIds = f.labelIds;
    query = query.where((eb) => eb.exists(eb.selectFrom('manifest_labels as ml').select('ml.label_id').whereRef('ml.manifest_id', '=', 'm.id').where('ml.label_id', 'in', labelIds)));
  }
  const [rows, count] = await Promise.all([
    query.selectAll('m').orderBy('m.created_at', 'desc').orderBy('m.id', 'desc').offset(f.offset).limit(f.limit).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { manifests: await assemble(ex, rows), total: Number(count.n) };
}
