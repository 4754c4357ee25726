// Rate shopping: rates a neutral shipment with the account's carriers and stores every quote
// with an id and an expiry, so a label can be bought from it later.
import type { Executor } from '../../db/index.ts';
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
  const header = await ex
    .insertInto('rate_responses')
    .values({ account_id: accountId, shipment_id: shipmentId, status, body: '{}', created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const expiresAt = addDays(now, RATE_VALIDITY_DAYS);
  const entries: { carrier: CarrierConnection; serviceCode: string; totalCents: number; entry: StoredEntry }[] = [
    ...quotes.map(({ carrier, quote }) => ({ carrier, serviceCode: quote.serviceCode, totalCents: quote.totalCents, entry: { kind: 'valid' as const, quote, ...carrierMeta(carrier) } })),
    ...invalids.map(({ carrier, invalid }) => ({ carrier, serviceCode: invalid.serviceCode, totalCents: 0, entry: { kind: 'invalid' as const, invalid, ...carrierMeta(carrier) } })),
  ];
  // One multi-row insert: ids come back in row order (ascending within the statement).
  const ids =
    entries.length === 0
      ? []
      : (
          await ex
            .insertInto('rates')
            .values(
              entries.map((e) => ({
                account_id: accountId,
                rate_response_id: header.id,
                shipment_id: shipmentId,
                carrier_id: e.carrier.id,
                service_code: e.serviceCode,
                total_cents: e.totalCents,
                quote: JSON.stringify(e.entry),
                created_at: now,
                expires_at: expiresAt,
              })),
            )
            .returning('id')
            .execute()
        )
          .map((r) => r.id)
          .sort((a, b) => a - b);
  const rates: StoredRate[] = [];
  const invalidRates: RateInvalid[] = [];
  entries.forEach(({ carrier, entry }, i) => {
    const meta = carrierMeta(carrier);
    if (entry.kind === 'valid') rates.push({ id: ids[i], carrierId: carrier.id, ...meta, quote: entry.quote, createdAt: now, expiresAt, shipmentId, rateResponseId: header.id });
    else invalidRates.push({ ...entry.invalid, id: ids[i], carrierId: carrier.id, ...meta });
  });
  const errors: RateError[] =
    quotes.length === 0 && invalids.length === 0 && carrierErrors.length === 0 ? [{ carrierId: null, carrierCode: null, message: 'No carrier returned rates for this shipment.' }] : carrierErrors;
  return { id: header.id, shipmentId, status, createdAt: now, rates, invalidRates, errors };
}

type StoredEntry =
  | { kind: 'valid'; quote: RateQuote; carrierNickname: string; carrierFriendlyName: string }
  | { kind: 'invalid'; invalid: InvalidRate; carrierNickname: string; carrierFriendlyName: string };

const carrierMeta = (carrier: CarrierConnection) => ({ carrierNickname: carrier.nickname, carrierFriendlyName: carrier.connector.catalog.friendlyName });

type RateRow = { id: number; carrier_id: number; quote: string; created_at: string; expires_at: string; shipment_id: number | null; rate_response_id: number };

function toStoredRate(row: RateRow, stored: Extract<StoredEntry, { kind: 'valid' }>): StoredRate {
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
  const row = await ex.selectFrom('rates').selectAll().where('id', '=', rateId).where('account_id', '=', accountId).executeTakeFirst();
  if (!row) return null;
  const entry = JSON.parse(row.quote) as StoredEntry;
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
  const rows = await ex.selectFrom('rates').selectAll().where('rate_response_id', '=', header.id).orderBy('id').execute();
  const rates: StoredRate[] = [];
  const invalidRates: RateInvalid[] = [];
  for (const row of rows) {
    const entry = JSON.parse(row.quote) as StoredEntry;
    if (entry.kind === 'valid') rates.push(toStoredRate(row, entry));
    else invalidRates.push({ ...entry.invalid, id: row.id, carrierId: row.carrier_id, carrierNickname: entry.carrierNickname, carrierFriendlyName: entry.carrierFriendlyName });
  }
  return { id: header.id, shipmentId, status: header.status as RateResponse['status'], createdAt: header.created_at, rates, invalidRates, errors: [] };
}
