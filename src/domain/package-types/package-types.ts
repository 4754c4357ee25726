// Custom package types of an account (V2/ShipEngine /packages): a code the account names its own
// boxes by, unique within the account and never one of the carriers' own package codes.
import type { Selectable } from 'kysely';
import { listCarrierConnectors } from '../../carriers/registry.ts';
import { MAX_ROW_ID, type Executor } from '../../db/index.ts';
import type { PackageTypesTable } from '../../db/schema.ts';
import { DomainError, invalidField, notFound } from '../errors.ts';
import type { Dimensions } from '../shipping-types.ts';

export interface PackageType {
  id: number;
  accountId: number;
  packageCode: string;
  name: string;
  description: string | null;
  dimensions: Dimensions | null;
  createdAt: string;
}

export interface PackageTypeInput {
  packageCode: string;
  name: string;
  description: string | null;
  dimensions: Dimensions | null;
}

const CARRIER_PACKAGE_CODES: ReadonlySet<string> = new Set(
  listCarrierConnectors().flatMap((connector) => connector.catalog.packageTypes.map((p) => p.packageCode)),
);

const toPackageType = (row: Selectable<PackageTypesTable>): PackageType => ({
  id: row.id,
  accountId: row.account_id,
  packageCode: row.package_code,
  name: row.name,
  description: row.description,
  dimensions: row.dimensions ? (JSON.parse(row.dimensions) as Dimensions) : null,
  createdAt: row.created_at,
});

const columns = (input: PackageTypeInput) => ({
  package_code: input.packageCode,
  name: input.name,
  description: input.description,
  dimensions: input.dimensions ? JSON.stringify(input.dimensions) : null,
});

export async function listPackageTypes(ex: Executor, accountId: number): Promise<PackageType[]> {
  return (await ex.selectFrom('package_types').selectAll().where('account_id', '=', accountId).orderBy('id').execute()).map(toPackageType);
}

export async function getPackageType(ex: Executor, accountId: number, id: number): Promise<PackageType> {
  const row = id > MAX_ROW_ID ? undefined : await ex.selectFrom('package_types').selectAll().where('id', '=', id).where('account_id', '=', accountId).executeTakeFirst();
  if (!row) throw notFound('package', `se-${id}`);
  return toPackageType(row);
}

async function checkCode(ex: Executor, accountId: number, packageCode: string, ownId: number | null) {
  if (CARRIER_PACKAGE_CODES.has(packageCode)) {
    throw invalidField('package_code', `"${packageCode}" is a carrier package code; choose another code for a custom package`, packageCode);
  }
  const taken = await ex
    .selectFrom('package_types')
    .select('id')
    .where('account_id', '=', accountId)
    .where('package_code', '=', packageCode)
    .executeTakeFirst();
  if (taken && taken.id !== ownId) {
    throw new DomainError('conflict', `a package with package_code "${packageCode}" already exists`, 'identifier_conflict', [
      { field: 'package_code', message: 'package_code must be unique', code: 'identifier_conflict', value: packageCode },
    ]);
  }
}

export async function createPackageType(ex: Executor, accountId: number, input: PackageTypeInput, now: string): Promise<PackageType> {
  await checkCode(ex, accountId, input.packageCode, null);
  const row = await ex
    .insertInto('package_types')
    .values({ account_id: accountId, ...columns(input), created_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toPackageType(row);
}

export async function updatePackageType(ex: Executor, accountId: number, id: number, input: PackageTypeInput): Promise<PackageType> {
  await getPackageType(ex, accountId, id);
  await checkCode(ex, accountId, input.packageCode, id);
  await ex.updateTable('package_types').set(columns(input)).where('id', '=', id).execute();
  return getPackageType(ex, accountId, id);
}

export async function deletePackageType(ex: Executor, accountId: number, id: number): Promise<void> {
  await getPackageType(ex, accountId, id);
  await ex.deleteFrom('package_types').where('id', '=', id).execute();
}
