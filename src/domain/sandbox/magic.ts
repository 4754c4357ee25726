// Failure magic values: ship-to names (or address lines) that make Shipdock answer the way the
// live platform does when something goes wrong, so integrators can test their error handling.
// The one place the rule lives; rating, labels, voids, address validation and funding ask here.
// Matching is case-insensitive on a substring, like the tracking magic names (which never collide:
// see test/sandbox-extras/magic.test.ts).
import type { RateRequest, RateResult } from '../../carriers/types.ts';
import type { CarrierConnection } from '../carriers/connections.ts';
import { DomainError } from '../errors.ts';
import type { PostalAddress } from '../shipping-types.ts';

export type FailureScenario =
  | 'invalid_address'
  | 'carrier_down'
  | 'no_rates'
  | 'void_refused'
  | 'meter_failure'
  | 'batch_failure'
  | 'insufficient_funds';

export interface FailureMagicValue {
  trigger: string;
  scenario: FailureScenario;
  /** True when the trigger is followed by a carrier code (`CARRIER DOWN ups`): only that carrier fails. */
  perCarrier?: boolean;
  effect: string;
}

export const FAILURE_MAGIC_VALUES: readonly FailureMagicValue[] = [
  {
    trigger: 'INVALID ADDRESS',
    scenario: 'invalid_address',
    effect:
      'Address validation returns `status: error` with an `a1004` / `address_not_found` message; a label with `validate_address` fails 400 `invalid_address`; V1 orders show "Address validation failed".',
  },
  {
    trigger: 'CARRIER DOWN',
    scenario: 'carrier_down',
    perCarrier: true,
    effect:
      'That carrier times out: rates list it in `errors` (`error_source: carrier`, `error_type: system`) while other carriers rate; a label with it is 500 `error_source: carrier`; V1 is 500 `{Message}`.',
  },
  {
    trigger: 'NO RATES',
    scenario: 'no_rates',
    perCarrier: true,
    effect: "That carrier's services all come back in `invalid_rates` with the carrier's reason; buying one is 400 with that reason.",
  },
  {
    trigger: 'VOID REFUSED',
    scenario: 'void_refused',
    effect: 'Voiding the label answers 200 `approved: false` with the carrier\'s message; the label stays, nothing is refunded.',
  },
  {
    trigger: 'METER FAILURE',
    scenario: 'meter_failure',
    effect: 'Rating works; buying the label fails 400 `error_source: carrier`, `error_code: meter_failure`; nothing is charged.',
  },
  {
    trigger: 'BATCH FAILURE',
    scenario: 'batch_failure',
    effect: 'Fine on its own; inside a batch this shipment fails with a carrier error while the others get labels (`errors` count, batch errors list).',
  },
  {
    trigger: 'INSUFFICIENT FUNDS',
    scenario: 'insufficient_funds',
    effect: 'Buying a label is refused 400 `insufficient_funds` whatever the carrier balance (also for unfunded carriers and test labels).',
  },
];

export interface FailureMatch {
  scenario: FailureScenario;
  /** The carrier code the trigger names, for per-carrier scenarios; null: every carrier. */
  carrierCode: string | null;
}

/** The ship-to fields a trigger may sit in. */
function magicText(address: PostalAddress): string[] {
  return [address.name, address.companyName, address.addressLine1, address.addressLine2, address.addressLine3]
    .filter((v): v is string => typeof v === 'string' && v.length > 0)
    .map((v) => v.toUpperCase());
}

export function failureMagic(address: PostalAddress | null | undefined): FailureMatch | null {
  if (!address) return null;
  for (const text of magicText(address)) {
    for (const magic of FAILURE_MAGIC_VALUES) {
      const at = text.indexOf(magic.trigger);
      if (at < 0) continue;
      const carrierCode = magic.perCarrier ? (/^\s+([A-Z0-9_]+)/.exec(text.slice(at + magic.trigger.length))?.[1]?.toLowerCase() ?? null) : null;
      return { scenario: magic.scenario, carrierCode };
    }
  }
  return null;
}

const hits = (match: FailureMatch | null, scenario: FailureScenario, carrierCode?: string): boolean =>
  match !== null && match.scenario === scenario && (carrierCode === undefined || match.carrierCode === null || match.carrierCode === carrierCode);

export const carrierTimeoutMessage = (carrierName: string) =>
  `${carrierName} did not respond in time (carrier timeout). Please try again later.`;

/** A carrier that is down: rating it throws this; rate shopping lists it among the response's errors. */
export class CarrierUnavailableError extends DomainError {
  constructor(readonly carrierId: number, readonly carrierCode: string, carrierName: string) {
    super('carrier_unavailable', carrierTimeoutMessage(carrierName), 'unspecified');
  }
}

/** The carrier's rate call as the sandbox sees it: a down carrier throws, a no-rates carrier answers only invalid rates. */
export function rateWithCarrier(carrier: CarrierConnection, request: RateRequest): RateResult {
  const match = failureMagic(request.shipTo);
  if (hits(match, 'carrier_down', carrier.carrierCode)) throw new CarrierUnavailableError(carrier.id, carrier.carrierCode, carrier.connector.catalog.name);
  const result = carrier.connector.rate(request);
  if (!hits(match, 'no_rates', carrier.carrierCode)) return result;
  const reason = `${carrier.connector.catalog.name} returned no rates: the destination is not serviceable for this shipment.`;
  return {
    rates: [],
    invalidRates: [
      ...result.rates.map((r) => ({ carrierCode: r.carrierCode, serviceCode: r.serviceCode, serviceType: r.serviceType, packageType: r.packageType, messages: [reason] })),
      ...result.invalidRates,
    ],
  };
}

/** After rating, before a label is charged: the carrier is down, its meter refuses, or funds are refused. */
export function checkLabelPurchase(shipTo: PostalAddress, carrier: CarrierConnection, inBatch: boolean): void {
  const match = failureMagic(shipTo);
  const carrierName = carrier.connector.catalog.name;
  if (hits(match, 'carrier_down', carrier.carrierCode)) throw new CarrierUnavailableError(carrier.id, carrier.carrierCode, carrierName);
  if (hits(match, 'meter_failure') || (inBatch && hits(match, 'batch_failure'))) {
    throw new DomainError('carrier', `${carrierName} could not meter this label: postage meter failure. The label was not purchased.`, 'meter_failure');
  }
  if (hits(match, 'insufficient_funds')) {
    throw new DomainError('business_rules', 'Insufficient funds: your account balance cannot cover this label. Add funds and try again.', 'insufficient_funds');
  }
}

/** The carrier refusing a void, or null to go on. */
export function voidRefusal(shipTo: PostalAddress, carrierName: string): string | null {
  return hits(failureMagic(shipTo), 'void_refused')
    ? `${carrierName} refused to void this label: the carrier reports it was already scanned or the void window has closed.`
    : null;
}

/** Address validation: a magic address is not found. */
export const isUnfindableAddress = (address: PostalAddress) => hits(failureMagic(address), 'invalid_address');
