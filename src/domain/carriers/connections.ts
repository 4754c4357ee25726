// Carrier connections of an account: the built-in simulated carriers every account starts with,
// accounts connected later, and their settings.
import type { Executor } from '../../db/index.ts';
import { preparedQuery } from '../../db/prepared.ts';
import { onTableWrite } from '../../db/write-watch.ts';
import { DomainError, notFound } from '../errors.ts';
import { getCarrierConnector } from '../../carriers/registry.ts';
import type { CarrierConnector } from '../../carriers/types.ts';
import { raiseEvent } from '../events/raise.ts';

export const BUILT_IN_CARRIERS = ['stamps_com', 'ups', 'fedex', 'dhl_express'] as const;

export interface CarrierSettings {
  nickname?: string;
  is_primary_account?: boolean;
  enable_ground_saver_service?: boolean;
  use_ground_freight_pricing?: boolean;
  [key: string]: unknown;
}

export interface CarrierConnection {
  id: number;
  accountId: number;
  carrierCode: string;
  nickname: string;
  accountNumber: string;
  primary: boolean;
  funded: boolean;
  settings: CarrierSettings;
  connector: CarrierConnector;
  createdAt: string;
}

type Row = {
  id: number;
  account_id: number;
  carrier_code: string;
  nickname: string;
  account_number: string;
  is_primary: number;
  funded: number;
  settings: string;
  created_at: string;
};

function toConnection(row: Row): CarrierConnection {
  const connector = getCarrierConnector(row.carrier_code);
  if (!connector) throw new Error(`no connector for carrier ${row.carrier_code}`);
  return {
    id: row.id,
    accountId: row.account_id,
    carrierCode: row.carrier_code,
    nickname: row.nickname,
    accountNumber: row.account_number,
    primary: row.is_primary === 1,
    funded: row.funded === 1,
    settings: JSON.parse(row.settings),
    connector,
    createdAt: row.created_at,
  };
}

const live = (ex: Executor, accountId: number) =>
  ex.selectFrom('carriers').selectAll().where('account_id', '=', accountId).where('disconnected_at', 'is', null);

export async function listCarriers(ex: Executor, accountId: number): Promise<CarrierConnection[]> {
  return (await live(ex, accountId).orderBy('id').execute()).map(toConnection);
}

/**
 * A transaction's carrier reads, kept for the rest of it: buying a label reads its carrier when the
 * shipment is checked and again at the purchase. Any write to carriers in this process drops them all.
 */
let readInTransaction = new WeakMap<Executor, Map<string, CarrierConnection | null>>();
onTableWrite(['carriers'], () => {
  readInTransaction = new WeakMap();
});

const carrierById = preparedQuery((ex, p: { accountId: number; id: number }) => live(ex, p.accountId).where('id', '=', p.id));

export async function findCarrier(ex: Executor, accountId: number, id: number): Promise<CarrierConnection | null> {
  const key = `${accountId}:${id}`;
  let read = ex.isTransaction ? readInTransaction.get(ex) : undefined;
  if (read?.has(key)) return read.get(key)!;
  const [row] = await carrierById(ex, { accountId, id });
  const carrier = row ? toConnection(row) : null;
  if (ex.isTransaction) {
    if (!read) readInTransaction.set(ex, (read = new Map()));
    read.set(key, carrier);
  }
  return carrier;
}

export async function getCarrier(ex: Executor, accountId: number, id: number): Promise<CarrierConnection> {
  const carrier = await findCarrier(ex, accountId, id);
  if (!carrier) throw notFound('carrier', `se-${id}`);
  return carrier;
}

export interface NewConnection {
  carrierCode: string;
  nickname?: string;
  accountNumber?: string;
  funded?: boolean;
  settings?: CarrierSettings;
}

export async function connectCarrier(ex: Executor, accountId: number, input: NewConnection, now: string): Promise<CarrierConnection> {
  const connector = getCarrierConnector(input.carrierCode);
  if (!connector) {
    throw new DomainError('validation', `Shipdock does not simulate the carrier "${input.carrierCode}".`, 'carrier_not_supported', [
      { field: 'carrier_name', message: `unsupported carrier ${input.carrierCode}`, code: 'carrier_not_supported', value: input.carrierCode },
    ]);
  }
  const existing = await live(ex, accountId).where('carrier_code', '=', input.carrierCode).executeTakeFirst();
  const nickname = input.nickname ?? `${connector.catalog.friendlyName} (Shipdock)`;
  const row = await ex
    .insertInto('carriers')
    .values({
      account_id: accountId,
      carrier_code: input.carrierCode,
      nickname,
      account_number: input.accountNumber ?? `SD${String(accountId).padStart(4, '0')}${input.carrierCode.slice(0, 3).toUpperCase()}`,
      // The first connection of a carrier is its primary account, as in ShipStation.
      is_primary: existing ? 0 : 1,
      funded: input.funded ? 1 : 0,
      settings: JSON.stringify({ nickname, ...input.settings }),
      created_at: now,
      disconnected_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await raiseEvent(ex, accountId, 'carrier_connected', { resourcePath: `/carriers/se-${row.id}` }, now);
  return toConnection(row);
}

export async function provisionBuiltInCarriers(ex: Executor, accountId: number, now: string): Promise<void> {
  for (const carrierCode of BUILT_IN_CARRIERS) await connectCarrier(ex, accountId, { carrierCode }, now);
}

export async function disconnectCarrier(ex: Executor, accountId: number, id: number, now: string): Promise<void> {
  await getCarrier(ex, accountId, id);
  await ex.updateTable('carriers').set({ disconnected_at: now }).where('id', '=', id).execute();
}

export async function updateCarrierSettings(ex: Executor, accountId: number, id: number, patch: CarrierSettings): Promise<CarrierConnection> {
  const carrier = await getCarrier(ex, accountId, id);
  const settings = { ...carrier.settings, ...patch };
  const nickname = typeof patch.nickname === 'string' && patch.nickname ? patch.nickname : carrier.nickname;
  await ex.updateTable('carriers').set({ settings: JSON.stringify(settings), nickname }).where('id', '=', id).execute();
  if (patch.is_primary_account === true) {
    await ex
      .updateTable('carriers')
      .set({ is_primary: 0 })
      .where('account_id', '=', accountId)
      .where('carrier_code', '=', carrier.carrierCode)
      .where('id', '!=', id)
      .execute();
    await ex.updateTable('carriers').set({ is_primary: 1 }).where('id', '=', id).execute();
  }
  return getCarrier(ex, accountId, id);
}

/** The carrier named by code in a request (V1 carrierCode, V2 carrier_code): the primary connection. */
export async function carrierByCode(ex: Executor, accountId: number, carrierCode: string): Promise<CarrierConnection | null> {
  const carriers = await listCarriers(ex, accountId);
  const matching = carriers.filter((c) => c.carrierCode === carrierCode);
  return matching.find((c) => c.primary) ?? matching[0] ?? null;
}
