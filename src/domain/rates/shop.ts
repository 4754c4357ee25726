// Rate shopping: rates a neutral shipment with the account's carriers and stores every quote
// with an id and an expiry, so a label can be bought from it later.
import { MAX_ROW_ID, type Executor } from '../../db/index.ts';
import type { InvalidRate, RateQuote, RateRequest } from '../../carriers/types.ts';
import { listCarriers, type CarrierConnection } from '../carriers/connections.ts';
import { DomainError } from '../errors.ts';
import { CarrierUnavailableError, rateWithCarrier } from '../sandbox/magic.ts';
import type { ShipmentBody } from '../shipments/types.ts';

export const RATE_VALIDITY_DAYS = 7;

export interface RateOptions {
  carrierIds?: number[];
  serviceCodes?: string[];
  packageTypes?: string[];
}

export interface StoredRate {
  id: number;
  carrierId: number;
  carrierNickname: string;
  carrierFriendlyName: string;
  quote: RateQuote;
  createdAt: string;
  expiresAt: string;
  shipmentId: number | null;
  rateResponseId: number;
}

export interface RateInvalid extends InvalidRate {
  /** Invalid rates get ids too (the specs require rate_id on them); no label can be bought from one. */
  id: number;
  carrierId: number;
  carrierNickname: string;
  carrierFriendlyName: string;
}

export interface RateResponse {
  id: number;
  shipmentId: number | null;
  status: 'completed' | 'partial' | 'error';
  createdAt: string;
  rates: StoredRate[];
  invalidRates: RateInvalid[];
  errors: RateError[];
}

export interface RateError {
  carrierId: number | null;
  carrierCode: string | null;
  message: string;
  /** A carrier that failed (timeout): error_source carrier, error_type system. Absent: no rates at all. */
  fromCarrier?: boolean;
}

export function rateRequestFor(shipment: ShipmentBody, shipDate: string, carrier: CarrierConnection, serviceCodes?: string[]): RateRequest {
  if (!shipment.shipFrom) throw new DomainError('validation', 'the shipment has no ship_from address and no warehouse', 'field_value_required');
  return {
    shipFrom: shipment.shipFrom,
    shipTo: shipment.shipTo,
    parcels: shipment.packages.map((p) => ({
      packageCode: p.packageCode,
      weight: p.weight,
      dimensions: p.dimensions,
      // The carrier prices declared value only when it is the insurer; Shipsurance bills its own
      // premium at purchase and third-party cover is bought outside Shipdock.
      insuredValueCents: shipment.insuranceProvider === 'carrier' ? p.insuredValueCents : 0,
    })),
    shipDate,
    serviceCodes,
    confirmation: shipment.confirmation,
    saturdayDelivery: shipment.advancedOptions.saturday_delivery === true,
    customs: shipment.customs,
    contents: shipment.customs?.contents,
    settings: { groundSaverEnabled: carrier.settings.enable_ground_saver_service === true },
  };
}

function addDays(iso: string, days: number): string {
  return new Date(new Date(iso).getTime() + days * 86_400_000).toISOString();
}

async function chosenCarriers(ex: Executor, accountId: number, carrierIds?: number[]): Promise<CarrierConnection[]> {
  const carriers = await listCarriers(ex, accountId);
  if (!carrierIds || carrierIds.length === 0) return carriers;
  const unknown = carrierIds.filter((id) => !carriers.some((c) => c.id === id));
  if (unknown.length > 0) {
    throw new DomainError('validation', `carrier se-${unknown[0]} is not connected to this account`, 'carrier_not_connected', [
      { field: 'rate_options.carrier_ids', message: `carrier se-${unknown[0]} is not connected to this account`, code: 'carrier_not_connected', value: `se-${unknown[0]}` },
    ]);
  }
  return carriers.filter((c) => carrierIds.includes(c.id));
}

export async function rateShipment(
  ex: Executor,
  accountId: number,
  shipment: ShipmentBody,
  options: RateOptions,
  now: string,
  shipmentId: number | null = null,
): Promise<RateResponse> {
  const shipDate = shipment.shipDate ?? now.slice(0, 10);
  const carriers = await chosenCarriers(ex, accountId, options.carrierIds);
  const quotes: { carrier: CarrierConnection; quote: RateQuote }[] = [];
  const invalids: { carrier: CarrierConnection; invalid: InvalidRate }[] = [];
  const carrierErrors: RateError[] = [];
  for (const carrier of carriers) {
    let result;
    try {
      result = rateWithCarrier(carrier, rateRequestFor(shipment, shipDate, carrier, options.serviceCodes));
    } catch (error) {
      // One carrier failing does not fail the request: the others still rate.
      if (!(error instanceof CarrierUnavailableError)) throw error;
      carrierErrors.push({ carrierId: carrier.id, carrierCode: carrier.carrierCode, message: error.message, fromCarrier: true });
      continue;
    }
    for (const quote of result.rates) {
      if (options.packageTypes?.length && !options.packageTypes.includes(quote.packageType)) continue;
      quotes.push({ carrier, quote });
    }
    for (const invalid of result.invalidRates) invalids.push({ carrier, invalid });
  }

  const status = quotes.length === 0 ? 'error' : carrierErrors.length > 0 ? 'partial' : 'completed';
  const expiresAt = addDays(now, RATE_VALIDITY_DAYS);
  const entries: StoredEntry[] = [
    ...quotes.map(({ carrier, quote }) => ({ kind: 'valid' as const, carrierId: carrier.id, quote, ...carrierMeta(carrier) })),
    ...invalids.map(({ carrier, invalid }) => ({ kind: 'invalid' as const, carrierId: carrier.id, invalid, ...carrierMeta(carrier) })),
  ];
  const ids = await storeQuoteSet(ex, accountId, shipmentId, status, now, expiresAt, entries);
  const rates: StoredRate[] = [];
  const invalidRates: RateInvalid[] = [];
  entries.forEach((entry, i) => {
    const meta = { carrierNickname: entry.carrierNickname, carrierFriendlyName: entry.carrierFriendlyName };
    if (entry.kind === 'valid') rates.push({ id: ids.rateIds[i], carrierId: entry.carrierId, ...meta, quote: entry.quote, createdAt: now, expiresAt, shipmentId, rateResponseId: ids.responseId });
    else invalidRates.push({ ...entry.invalid, id: ids.rateIds[i], carrierId: entry.carrierId, ...meta });
  });
  const errors: RateError[] =
    quotes.length === 0 && invalids.length === 0 && carrierErrors.length === 0 ? [{ carrierId: null, carrierCode: null, message: 'No carrier returned rates for this shipment.' }] : carrierErrors;
  return { id: ids.responseId, shipmentId, status, createdAt: now, rates, invalidRates, errors };
}

export type StoredEntry =
  | { kind: 'valid'; carrierId: number; quote: RateQuote; carrierNickname: string; carrierFriendlyName: string }
  | { kind: 'invalid'; carrierId: number; invalid: InvalidRate; carrierNickname: string; carrierFriendlyName: string };

const carrierMeta = (carrier: CarrierConnection) => ({ carrierNickname: carrier.nickname, carrierFriendlyName: carrier.connector.catalog.friendlyName });

/*
 * A quote set is one `rate_responses` row: its entries in `body` as one JSON document (`v: 2`),
 * not one row per rate. Rate ids stay plain integers: entry i of row h is `h * SLOTS + i`, so a
 * rate id names its row and its place without an index of its own. A set of more than SLOTS
 * entries continues in further rows (status 'continued', no shipment) listed in the first row's
 * `more`. Rows written before this format (`body` '{}', one `rates` row per rate) are still read.
 */
const SLOTS = 128;

interface QuoteSetBody {
  v: 2;
  expiresAt: string;
  entries: StoredEntry[];
  /** Continuation rows of the set, in order (first row only). */
  more?: number[];
  /** The set's first row and shipment (continuation rows only). */
  responseId?: number;
  shipmentId?: number | null;
}

export async function storeQuoteSet(
  ex: Executor,
  accountId: number,
  shipmentId: number | null,
  status: string,
  now: string,
  expiresAt: string,
  entries: StoredEntry[],
): Promise<{ responseId: number; rateIds: number[] }> {
  const chunks: StoredEntry[][] = [];
  for (let i = 0; i < entries.length; i += SLOTS) chunks.push(entries.slice(i, i + SLOTS));
  if (chunks.length === 0) chunks.push([]);
  const first: QuoteSetBody = { v: 2, expiresAt, entries: chunks[0] };
  const header = await ex
    .insertInto('rate_responses')
    .values({ account_id: accountId, shipment_id: shipmentId, status, body: JSON.stringify(first), created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const rowIds = [header.id];
  for (const chunk of chunks.slice(1)) {
    const body: QuoteSetBody = { v: 2, expiresAt, entries: chunk, responseId: header.id, shipmentId };
    const row = await ex
      .insertInto('rate_responses')
      .values({ account_id: accountId, shipment_id: null, status: 'continued', body: JSON.stringify(body), created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    rowIds.push(row.id);
  }
  if (rowIds.length > 1) {
    await ex.updateTable('rate_responses').set({ body: JSON.stringify({ ...first, more: rowIds.slice(1) }) }).where('id', '=', header.id).execute();
  }
  const lastRowId = rowIds.at(-1)!;
  if (lastRowId * SLOTS + SLOTS - 1 > MAX_ROW_ID) throw new Error('rate ids are exhausted on this database (32-bit ids)');
  return { responseId: header.id, rateIds: entries.map((_, i) => rowIds[Math.floor(i / SLOTS)] * SLOTS + (i % SLOTS)) };
}

const parseSet = (body: string): QuoteSetBody | null => {
  if (body === '{}') return null;
  const parsed = JSON.parse(body) as QuoteSetBody;
  return parsed.v === 2 ? parsed : null;
};

type RateRow = { id: number; carrier_id: number; quote: string; created_at: string; expires_at: string; shipment_id: number | null; rate_response_id: number };
type LegacyEntry =
  | { kind: 'valid'; quote: RateQuote; carrierNickname: string; carrierFriendlyName: string }
  | { kind: 'invalid'; invalid: InvalidRate; carrierNickname: string; carrierFriendlyName: string };

function toStoredRate(row: RateRow, stored: Extract<LegacyEntry, { kind: 'valid' }>): StoredRate {
  return {
    id: row.id,
    carrierId: row.carrier_id,
    carrierNickname: stored.carrierNickname,
    carrierFriendlyName: stored.carrierFriendlyName,
    quote: stored.quote,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    shipmentId: row.shipment_id,
    rateResponseId: row.rate_response_id,
  };
}

/** A rate that can be bought; invalid rates are not found here. */
export async function findRate(ex: Executor, accountId: number, rateId: number): Promise<StoredRate | null> {
  const rowId = Math.floor(rateId / SLOTS);
  const slot = rateId % SLOTS;
  const set = await ex
    .selectFrom('rate_responses')
    .select(['id', 'shipment_id', 'body', 'created_at'])
    .where('id', '=', rowId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  const parsed = set ? parseSet(set.body) : null;
  if (set && parsed) {
    const entry = parsed.entries[slot];
    if (!entry) return null;
    if (entry.kind !== 'valid') return null;
    return {
      id: rateId,
      carrierId: entry.carrierId,
      carrierNickname: entry.carrierNickname,
      carrierFriendlyName: entry.carrierFriendlyName,
      quote: entry.quote,
      createdAt: set.created_at,
      expiresAt: parsed.expiresAt,
      shipmentId: parsed.responseId !== undefined ? (parsed.shipmentId ?? null) : set.shipment_id,
      rateResponseId: parsed.responseId ?? set.id,
    };
  }
  // A rate stored before quote sets were compact: its own row.
  const row = await ex.selectFrom('rates').selectAll().where('id', '=', rateId).where('account_id', '=', accountId).executeTakeFirst();
  if (!row) return null;
  const entry = JSON.parse(row.quote) as LegacyEntry;
  return entry.kind === 'valid' ? toStoredRate(row, entry) : null;
}

/** The newest rate response of a shipment, as GET /shipments/{id}/rates shows it. */
export async function latestRateResponse(ex: Executor, accountId: number, shipmentId: number): Promise<RateResponse | null> {
  const header = await ex
    .selectFrom('rate_responses')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('shipment_id', '=', shipmentId)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!header) return null;
  const rates: StoredRate[] = [];
  const invalidRates: RateInvalid[] = [];
  const set = parseSet(header.body);
  if (set) {
    const rows = [{ id: header.id, entries: set.entries }];
    for (const id of set.more ?? []) {
      const more = await ex.selectFrom('rate_responses').select(['id', 'body']).where('id', '=', id).where('account_id', '=', accountId).executeTakeFirst();
      if (more) rows.push({ id: more.id, entries: parseSet(more.body)?.entries ?? [] });
    }
    for (const row of rows) {
      row.entries.forEach((entry, slot) => {
        const id = row.id * SLOTS + slot;
        const meta = { carrierNickname: entry.carrierNickname, carrierFriendlyName: entry.carrierFriendlyName };
        if (entry.kind === 'valid') {
          rates.push({ id, carrierId: entry.carrierId, ...meta, quote: entry.quote, createdAt: header.created_at, expiresAt: set.expiresAt, shipmentId, rateResponseId: header.id });
        } else {
          invalidRates.push({ ...entry.invalid, id, carrierId: entry.carrierId, ...meta });
        }
      });
    }
  } else {
    const rows = await ex.selectFrom('rates').selectAll().where('rate_response_id', '=', header.id).orderBy('id').execute();
    for (const row of rows) {
      const entry = JSON.parse(row.quote) as LegacyEntry;
      if (entry.kind === 'valid') rates.push(toStoredRate(row, entry));
      else invalidRates.push({ ...entry.invalid, id: row.id, carrierId: row.carrier_id, carrierNickname: entry.carrierNickname, carrierFriendlyName: entry.carrierFriendlyName });
    }
  }
  return { id: header.id, shipmentId, status: header.status as RateResponse['status'], createdAt: header.created_at, rates, invalidRates, errors: [] };
}
