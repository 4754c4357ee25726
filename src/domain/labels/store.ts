// Persistence of labels and their packages.
import { sql, type Selectable } from 'kysely';
import { onPostgres, type Executor } from '../../db/index.ts';
import { columnsOf, everyColumn, preparedQuery } from '../../db/prepared.ts';
import type { LabelPackagesTable, LabelsTable } from '../../db/schema.ts';
import { notFound } from '../errors.ts';
import type { Label, LabelBody, LabelPackage, LabelStatus } from './types.ts';

type LabelRow = Selectable<LabelsTable>;

type StoredBody = LabelBody & { packages: Omit<LabelPackage, 'id' | 'trackingNumber'>[] };

export async function assembleLabels(ex: Executor, rows: LabelRow[]): Promise<Label[]> {
  if (rows.length === 0) return [];
  const packages = await ex
    .selectFrom('label_packages')
    .selectAll()
    .where(
      'label_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('label_id')
    .orderBy('sequence')
    .execute();
  return rows.map((row) => labelFromRow(row, packages.filter((p) => p.label_id === row.id)));
}

type PackageRow = Pick<Selectable<LabelPackagesTable>, 'id' | 'tracking_number'>;

/** A label from its row and its package rows (in sequence order). */
export function labelFromRow(row: LabelRow, own: PackageRow[]): Label {
  // The parsed body becomes the label: copying it (rest and spread) cost more than the parse.
  const label = JSON.parse(row.body) as Label;
  label.id = row.id;
  label.accountId = row.account_id;
  label.shipmentId = row.shipment_id;
  label.status = row.status as LabelStatus;
  label.carrierId = row.carrier_id;
  label.carrierCode = row.carrier_code;
  label.serviceCode = row.service_code;
  label.trackingNumber = row.tracking_number;
  label.rateId = row.rate_id;
  label.batchId = row.batch_id;
  label.notifyBatchId = row.notify_batch_id;
  label.outboundLabelId = row.outbound_label_id;
  label.isReturn = row.is_return === 1;
  label.costCents = row.cost_cents;
  label.insuranceCents = row.insurance_cents;
  label.shipDate = row.ship_date;
  label.downloadToken = row.download_token;
  label.createdAt = row.created_at;
  label.voidedAt = row.voided_at;
  label.packages = (label.packages as StoredBody['packages']).map((p, i) =>
    Object.assign(p, { id: own[i]?.id ?? 0, trackingNumber: own[i]?.tracking_number ?? row.tracking_number }),
  );
  return label;
}

const labelById = preparedQuery((ex, p: { accountId: number; id: number }) =>
  ex.selectFrom('labels').selectAll().where('id', '=', p.id).where('account_id', '=', p.accountId),
);
const packagesOf = preparedQuery((ex, p: { labelId: number }) =>
  ex.selectFrom('label_packages').select(['id', 'tracking_number']).where('label_id', '=', p.labelId).orderBy('sequence'),
);

const LABEL_COLUMNS = everyColumn<Omit<LabelRow, 'id'>>({
  account_id: true, shipment_id: true, status: true, carrier_id: true, carrier_code: true, service_code: true, tracking_number: true, rate_id: true,
  batch_id: true, notify_batch_id: true, outbound_label_id: true, is_return: true, test_label: true, cost_cents: true, insurance_cents: true,
  ship_date: true, ship_to_name: true, ship_to_country: true, download_token: true, body: true, created_at: true, voided_at: true,
});
const insertLabel = preparedQuery((ex, p: LabelRow) => ex.insertInto('labels').values(columnsOf(p, ['id', ...LABEL_COLUMNS])));
const insertPackage = preparedQuery((ex, p: { id: number; labelId: number; sequence: number; family: string; trackingNumber: string }) =>
  ex.insertInto('label_packages').values({ id: p.id, label_id: p.labelId, sequence: p.sequence, carrier_family: p.family, tracking_number: p.trackingNumber }),
);

/** Ids taken for a label and its packages before they are written (see insertLabelAndPackages). */
export interface LabelIds {
  label: number;
  packages: number[];
}

/**
 * PostgreSQL: the next label id and `packages` package ids from the tables' own sequences, as one
 * JSON value (purchase-setup.ts reads them in the same round trip as the account's setup).
 */
export const postgresLabelIds = (packages: number) =>
  sql<Record<string, unknown>>`json_build_object('label', nextval(pg_get_serial_sequence('labels', 'id')),
    'packages', array(select nextval(pg_get_serial_sequence('label_packages', 'id')) from generate_series(1, ${packages}::int)))`;

/**
 * The embedded database: what AUTOINCREMENT would give, past the largest id ever used and past every
 * row there is. One process writes it, one transaction at a time; another process's write in between
 * would fail this transaction (SQLITE_BUSY_SNAPSHOT) rather than reuse an id.
 */
export async function embeddedLabelIds(ex: Executor, packages: number): Promise<LabelIds> {
  const [last] = await lastEmbeddedIds(ex, {});
  return { label: last.labels + 1, packages: Array.from({ length: packages }, (_, i) => last.packages + 1 + i) };
}
// Every embedded purchase: compiled once.
const lastEmbeddedIds = preparedQuery((ex, _: Record<string, never>) =>
  ex.selectNoFrom([
    sql<number>`max(coalesce((select seq from sqlite_sequence where name = 'labels'), 0), coalesce((select max(id) from labels), 0))`.as('labels'),
    sql<number>`max(coalesce((select seq from sqlite_sequence where name = 'label_packages'), 0), coalesce((select max(id) from label_packages), 0))`.as('packages'),
  ]),
);

/**
 * A label and its packages as stored, with ids taken first, each package's tracking number minted
 * from its id (a serial: unique across the database, so tracking numbers are too); the label carries
 * its first package's. Rows are written once with their final numbers: inserting and then setting
 * them took 2 + 2 per package statements and, on the embedded database, dirtied two more index pages
 * per purchase (the placeholder numbers' entries). PostgreSQL writes label and packages in one statement.
 */
export async function insertLabelAndPackages(
  ex: Executor,
  ids: LabelIds,
  values: Omit<LabelRow, 'id' | 'tracking_number'>,
  packages: { sequence: number; family: string }[],
  mint: (serial: number) => string,
): Promise<{ id: number; packages: PackageRow[] }> {
  const id = ids.label;
  const minted = packages.map((_, i) => ({ id: ids.packages[i], tracking_number: mint(ids.packages[i]) }));
  if (onPostgres(ex)) {
    await ex
      .with('label', (db) => db.insertInto('labels').values({ ...values, id, tracking_number: minted[0].tracking_number }))
      .insertInto('label_packages')
      .values(packages.map((p, i) => ({ id: minted[i].id, label_id: id, sequence: p.sequence, carrier_family: p.family, tracking_number: minted[i].tracking_number })))
      .execute();
    return { id, packages: minted };
  }
  await insertLabel(ex, { ...values, id, tracking_number: minted[0].tracking_number });
  for (const [i, p] of packages.entries()) {
    await insertPackage(ex, { id: minted[i].id, labelId: id, sequence: p.sequence, family: p.family, trackingNumber: minted[i].tracking_number });
  }
  return { id, packages: minted };
}

/**
 * PostgreSQL: the label and its packages in one round trip, each a loopback send and a wake-up on
 * both sides (in process, the embedded database's second statement costs microseconds).
 */
const labelWithPackagesById = preparedQuery((ex, p: { accountId: number; id: number }) =>
  ex
    .selectFrom('labels')
    .selectAll()
    .select(
      sql<PackageRow[]>`(select coalesce(json_agg(json_build_object('id', p.id, 'tracking_number', p.tracking_number) order by p.sequence), '[]')
        from label_packages p where p.label_id = labels.id)`.as('packages'),
    )
    .where('id', '=', p.id)
    .where('account_id', '=', p.accountId),
);

export async function findLabel(ex: Executor, accountId: number, id: number): Promise<Label | null> {
  if (onPostgres(ex)) {
    const [row] = await labelWithPackagesById(ex, { accountId, id });
    return row ? labelFromRow(row, row.packages) : null;
  }
  const [row] = await labelById(ex, { accountId, id });
  return row ? labelFromRow(row, await packagesOf(ex, { labelId: row.id })) : null;
}

export async function getLabel(ex: Executor, accountId: number, id: number): Promise<Label> {
  const label = await findLabel(ex, accountId, id);
  if (!label) throw notFound('label', `se-${id}`);
  return label;
}

/** The newest label of the shipment with this external_shipment_id. */
export async function findLabelByExternalShipmentId(ex: Executor, accountId: number, externalShipmentId: string): Promise<Label | null> {
  const row = await ex
    .selectFrom('labels as l')
    .innerJoin('shipments as s', 's.id', 'l.shipment_id')
    .selectAll('l')
    .where('l.account_id', '=', accountId)
    .where('s.external_shipment_id', '=', externalShipmentId)
    .orderBy('l.id', 'desc')
    .executeTakeFirst();
  return row ? (await assembleLabels(ex, [row]))[0] : null;
}

export async function findLabelByToken(ex: Executor, token: string): Promise<Label | null> {
  const row = await ex.selectFrom('labels').selectAll().where('download_token', '=', token).executeTakeFirst();
  return row ? (await assembleLabels(ex, [row]))[0] : null;
}

export async function setLabelStatus(ex: Executor, id: number, status: LabelStatus, voidedAt: string | null): Promise<void> {
  await ex.updateTable('labels').set({ status, voided_at: voidedAt }).where('id', '=', id).execute();
}

export type { LabelRow, StoredBody };
