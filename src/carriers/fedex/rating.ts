// FedEx pricing: FedEx Ground / Home Delivery and Express 2025 list tables by zone 2-8.
import { DIM_RULES } from '../../domain/rating/billable-weight.ts';
import { FUEL_PERCENT } from '../../domain/rating/fuel.ts';
import { fedexDeclaredValueFee } from '../../domain/rating/option-fees.ts';
import { lookupPrice } from '../../domain/rating/rate-table.ts';
import { FEDEX_FEES } from '../../domain/rating/surcharge-schedules.ts';
import { FEDEX_EXPRESS_TABLES, FEDEX_GROUND_TABLE } from '../../domain/rating/tables.ts';
import { modelTransitDays, slowestTransitDays, type CommitTime } from '../../domain/rating/transit.ts';
import { prepareParcelCarrierService, type ParcelCarrierFees, type ParcelCarrierServicePlan } from '../parcel-carrier-pricing.ts';
import type { CarrierRules, PreparedService, Rejection } from '../rate-shipment.ts';
import { isResidential, type Shipment } from '../shipment.ts';
import type { ServiceDefinition } from '../types.ts';
import { fedexCatalog } from './catalog.ts';

const GROUND_SERVICES = new Set(['fedex_ground', 'fedex_home_delivery', 'fedex_ground_international']);

/** Synthetic: FedEx international services as a share of the DHL Express export price (see parcel-carrier-pricing). */
const INTERNATIONAL_SHARE_OF_DHL: Readonly<Record<string, number>> = {
  fedex_international_first: 1.15,
  fedex_international_priority_express: 1.02,
  fedex_international_priority: 0.97,
  fedex_international_economy: 0.85,
  fedex_international_connect_plus: 0.55,
  fedex_ground_international: 0.3,
};

const COMMIT_TIMES: Readonly<Record<string, CommitTime>> = {
  fedex_first_overnight: { business: '08:00' },
  fedex_priority_overnight: { business: '10:30', residential: '12:00' },
  fedex_standard_overnight: { business: '17:00', residential: '20:00' },
  fedex_2day_am: { business: '10:30' },
  fedex_2day: { business: '17:00', residential: '20:00' },
  fedex_express_saver: { business: '17:00', residential: '20:00' },
};

const SATURDAY_SERVICES = new Set(FEDEX_FEES.saturday.serviceCodes);

const FEES: ParcelCarrierFees = {
  dimRule: DIM_RULES.fedex,
  envelopePackageCode: 'fedex_envelope',
  handling: FEDEX_FEES.handling,
  deliveryArea: FEDEX_FEES.deliveryArea,
  signature: FEDEX_FEES.signature,
  declaredValueFee: fedexDeclaredValueFee,
  saturdayCents: FEDEX_FEES.saturday.amount,
};

function domesticBasePrice(serviceCode: string, zone: number): ParcelCarrierServicePlan['basePrice'] {
  const zoneKey = String(zone);
  const expressTable = FEDEX_EXPRESS_TABLES.get(serviceCode);
  return (weightLb, envelope) => {
    if (expressTable && envelope) {
      const cents = expressTable.envelope.prices.get(zoneKey);
      return cents === undefined ? null : { cents, billedWeightLb: weightLb };
    }
    const price = lookupPrice(expressTable ? expressTable.weights : FEDEX_GROUND_TABLE, weightLb, zoneKey);
    return price && { cents: price.cents, billedWeightLb: price.row.maxWeightLb };
  };
}

function residentialCents(serviceCode: string, shipment: Shipment): number {
  // Home Delivery only goes to residences, so it always pays the residential charge.
  if (serviceCode === 'fedex_home_delivery') return FEDEX_FEES.residential.homeDelivery;
  if (!isResidential(shipment)) return 0;
  return GROUND_SERVICES.has(serviceCode) ? FEDEX_FEES.residential.ground : FEDEX_FEES.residential.express;
}

function transitDays(service: ServiceDefinition, zone: number | null): number {
  const model = service.serviceCode === 'fedex_home_delivery' ? 'fedex_ground' : service.serviceCode;
  return modelTransitDays(model, zone) ?? slowestTransitDays(service.typicalTransitDays) ?? 1;
}

function prepare(service: ServiceDefinition, shipment: Shipment): PreparedService | Rejection {
  const code = service.serviceCode;
  if (code === 'fedex_home_delivery' && shipment.residential === 'no') {
    return { messages: ['FedEx Home Delivery only delivers to residential addresses; use FedEx Ground'] };
  }
  return prepareParcelCarrierService(service, shipment, {
    fees: FEES,
    internationalShareOfDhl: INTERNATIONAL_SHARE_OF_DHL[code],
    domesticBasePrice: (zone) => domesticBasePrice(code, zone),
    fuelPercent: GROUND_SERVICES.has(code) ? FUEL_PERCENT.ground : FUEL_PERCENT.air,
    residentialCents: residentialCents(code, shipment),
    transit: (zone) => ({
      businessDays: transitDays(service, zone),
      deliversSaturday: code === 'fedex_home_delivery',
      saturdayOption: SATURDAY_SERVICES.has(code),
      commitTime: COMMIT_TIMES[code] ?? null,
    }),
  });
}

export const fedexRules: CarrierRules = {
  catalog: fedexCatalog,
  originCountries: ['US'],
  domesticCountries: ['US', 'PR'],
  prepare,
};
