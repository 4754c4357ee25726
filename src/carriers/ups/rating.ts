// UPS pricing. No UPS table is available: per the rate README, UPS Ground uses the FedEx Ground table and the
// UPS air services the matching FedEx Express tables, raised 2 % so the two carriers look distinct.
import { DIM_RULES } from '../../domain/rating/billable-weight.ts';
import { FUEL_PERCENT } from '../../domain/rating/fuel.ts';
import { scaleCents } from '../../domain/rating/money.ts';
import { upsDeclaredValueFee } from '../../domain/rating/option-fees.ts';
import { lookupPrice } from '../../domain/rating/rate-table.ts';
import { UPS_FEES } from '../../domain/rating/surcharge-schedules.ts';
import { FEDEX_EXPRESS_TABLES, FEDEX_GROUND_TABLE, type ExpressTable } from '../../domain/rating/tables.ts';
import { modelTransitDays, slowestTransitDays, type CommitTime } from '../../domain/rating/transit.ts';
import { prepareParcelCarrierService, type BasePrice, type ParcelCarrierFees, type ParcelCarrierServicePlan } from '../parcel-carrier-pricing.ts';
import type { CarrierRules, PreparedService, Rejection } from '../rate-shipment.ts';
import { isResidential, type Shipment } from '../shipment.ts';
import type { ServiceDefinition } from '../types.ts';
import { upsCatalog } from './catalog.ts';

const UPS_OVER_FEDEX = 1.02;

/** UPS air service -> the FedEx Express table that prices it (rate README mapping). */
const AIR_TABLES: Readonly<Record<string, string>> = {
  ups_next_day_air_early_am: 'fedex_first_overnight',
  ups_next_day_air: 'fedex_priority_overnight',
  ups_next_day_air_saver: 'fedex_standard_overnight',
  ups_2nd_day_air_am: 'fedex_2day_am',
  ups_2nd_day_air: 'fedex_2day',
  ups_3_day_select: 'fedex_express_saver',
  // US -> Puerto Rico air services are priced like their mainland counterparts at the distance zone.
  ups_next_day_air_international: 'fedex_priority_overnight',
  ups_2nd_day_air_international: 'fedex_2day',
};

/** Synthetic: UPS international services as a share of the DHL Express export price (see parcel-carrier-pricing). */
const INTERNATIONAL_SHARE_OF_DHL: Readonly<Record<string, number>> = {
  ups_worldwide_express_plus: 1.12,
  ups_worldwide_express: 1.02,
  ups_worldwide_saver: 0.99,
  ups_worldwide_expedited: 0.87,
  ups_standard_international: 0.33,
  ups_ground_international: 0.31,
};

const GROUND_NETWORK = new Set(['ups_ground', 'ups_ground_saver', 'ups_standard_international', 'ups_ground_international']);

const COMMIT_TIMES: Readonly<Record<string, CommitTime>> = {
  ups_next_day_air_early_am: { business: '08:00' },
  ups_next_day_air: { business: '10:30' },
  ups_next_day_air_saver: { business: '15:00', residential: '20:00' },
  ups_2nd_day_air_am: { business: '10:30' },
  ups_2nd_day_air: { business: '20:00' },
  ups_3_day_select: { business: '20:00' },
};

const SATURDAY_SERVICES = new Set(['ups_next_day_air_early_am', 'ups_next_day_air', 'ups_2nd_day_air']);

const FEES: ParcelCarrierFees = {
  dimRule: DIM_RULES.ups,
  envelopePackageCode: 'ups_letter',
  handling: UPS_FEES.handling,
  deliveryArea: UPS_FEES.deliveryArea,
  signature: { domestic: UPS_FEES.signature, international: UPS_FEES.signature },
  declaredValueFee: upsDeclaredValueFee,
  saturdayCents: UPS_FEES.saturday,
};

function upsPrice(cents: number, billedWeightLb: number): BasePrice {
  return { cents: scaleCents(cents, UPS_OVER_FEDEX), billedWeightLb };
}

function domesticBasePrice(serviceCode: string, zone: number): ParcelCarrierServicePlan['basePrice'] {
  const zoneKey = String(zone);
  const airTableCode = AIR_TABLES[serviceCode];
  const airTable: ExpressTable | undefined = airTableCode ? FEDEX_EXPRESS_TABLES.get(airTableCode) : undefined;
  return (weightLb, envelope) => {
    if (airTable && envelope) {
      const cents = airTable.envelope.prices.get(zoneKey);
      return cents === undefined ? null : upsPrice(cents, weightLb);
    }
    const price = lookupPrice(airTable ? airTable.weights : FEDEX_GROUND_TABLE, weightLb, zoneKey);
    return price && upsPrice(price.cents, price.row.maxWeightLb);
  };
}

function residentialCents(serviceCode: string, shipment: Shipment): number {
  // Ground Saver is a residential product with the delivery cost built in.
  if (!isResidential(shipment) || serviceCode === 'ups_ground_saver') return 0;
  return GROUND_NETWORK.has(serviceCode) ? UPS_FEES.residential.ground : UPS_FEES.residential.air;
}

function transitDays(service: ServiceDefinition, zone: number | null): number {
  const published = slowestTransitDays(service.typicalTransitDays) ?? 1;
  if (service.serviceCode === 'ups_ground_saver') {
    // One day slower than Ground, within the published 2-7 days.
    return Math.min(published, (modelTransitDays('ups_ground', zone) ?? published - 1) + 1);
  }
  return modelTransitDays(service.serviceCode, zone) ?? published;
}

function prepare(service: ServiceDefinition, shipment: Shipment): PreparedService | Rejection {
  const code = service.serviceCode;
  return prepareParcelCarrierService(service, shipment, {
    fees: FEES,
    internationalShareOfDhl: INTERNATIONAL_SHARE_OF_DHL[code],
    domesticBasePrice: (zone) => domesticBasePrice(code, zone),
    fuelPercent: GROUND_NETWORK.has(code) ? FUEL_PERCENT.ground : FUEL_PERCENT.air,
    residentialCents: residentialCents(code, shipment),
    transit: (zone) => ({
      businessDays: transitDays(service, zone),
      deliversSaturday: false,
      saturdayOption: SATURDAY_SERVICES.has(code),
      commitTime: COMMIT_TIMES[code] ?? null,
    }),
  });
}

export const upsRules: CarrierRules = {
  catalog: upsCatalog,
  originCountries: ['US'],
  domesticCountries: ['US'],
  notOffered: (service, shipment) =>
    service.serviceCode === 'ups_ground_saver' && !shipment.groundSaverEnabled ? 'UPS Ground Saver is not enabled for this account' : null,
  prepare,
};
