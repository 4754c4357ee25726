// USPS pricing through Stamps.com: which table, flat rates, dimensional weight, fees and transit per service.
import { billableWeight, DIM_RULES, NONRECTANGULAR_VOLUME_FACTOR } from '../../domain/rating/billable-weight.ts';
import { insuranceCharge, shippingCharge, type Charge } from '../../domain/rating/charges.ts';
import { dhlExportZone } from '../../domain/rating/dhl-zones.ts';
import { exportPrice } from '../../domain/rating/export-pricing.ts';
import { firstClassMailPrice } from '../../domain/rating/first-class-mail.ts';
import { scaleCents } from '../../domain/rating/money.ts';
import { perHundredInsuranceFee, signatureCharge } from '../../domain/rating/option-fees.ts';
import { uspsNonstandardCharges, uspsSizeProblem } from '../../domain/rating/package-surcharges.ts';
import { lookupPrice, type RateTable } from '../../domain/rating/rate-table.ts';
import { USPS_FEES } from '../../domain/rating/surcharge-schedules.ts';
import { USPS_COMMERCIAL_TABLES, USPS_FLAT_RATES } from '../../domain/rating/tables.ts';
import { modelTransitDays, slowestTransitDays, type CommitTime, type TransitPlan } from '../../domain/rating/transit.ts';
import { US_AND_TERRITORIES } from '../../domain/rating/us-postal.ts';
import { uspsZone } from '../../domain/rating/zones.ts';
import type { Cents } from '../../domain/shipping-types.ts';
import type { CarrierRules, ParcelPrice, PreparedService, Rejection } from '../rate-shipment.ts';
import type { Shipment, ShipmentParcel } from '../shipment.ts';
import type { ServiceDefinition } from '../types.ts';
import { stampsComCatalog } from './catalog.ts';

interface DomesticPricing {
  table: RateTable;
  flatRates?: ReadonlyMap<string, Cents>;
  includedInsuranceCents: Cents;
  maxLengthPlusGirthIn: number;
  /** Service whose row of the transit model applies. */
  transitModel: string;
  commitTime?: CommitTime;
}

const DOMESTIC_PRICING: Readonly<Record<string, DomesticPricing>> = {
  usps_ground_advantage: {
    table: USPS_COMMERCIAL_TABLES.groundAdvantage,
    includedInsuranceCents: USPS_FEES.includedInsurance.groundAdvantage,
    maxLengthPlusGirthIn: 130,
    transitModel: 'usps_ground_advantage',
  },
  // Parcel Select Ground was folded into Ground Advantage in 2023: the commercial Ground Advantage table prices it.
  usps_parcel_select: {
    table: USPS_COMMERCIAL_TABLES.groundAdvantage,
    includedInsuranceCents: USPS_FEES.includedInsurance.groundAdvantage,
    maxLengthPlusGirthIn: 130,
    transitModel: 'usps_ground_advantage',
  },
  usps_priority_mail: {
    table: USPS_COMMERCIAL_TABLES.priorityMail,
    flatRates: USPS_FLAT_RATES.priorityMail,
    includedInsuranceCents: USPS_FEES.includedInsurance.priorityMail,
    maxLengthPlusGirthIn: 130,
    transitModel: 'usps_priority_mail',
  },
  usps_priority_mail_express: {
    table: USPS_COMMERCIAL_TABLES.priorityMailExpress,
    flatRates: USPS_FLAT_RATES.priorityMailExpress,
    includedInsuranceCents: USPS_FEES.includedInsurance.priorityMailExpress,
    maxLengthPlusGirthIn: 108,
    transitModel: 'usps_priority_mail_express',
    commitTime: { business: '18:00' },
  },
};

/**
 * No USPS international table is available: these services are priced as a share of the DHL Express export
 * price for the destination's zone (synthetic factors, chosen so 1 lb to Canada or Australia lands near USPS retail).
 */
const INTERNATIONAL_SHARE_OF_DHL: Readonly<Record<string, number>> = {
  usps_first_class_mail_international: 0.18,
  usps_priority_mail_international: 0.42,
  usps_priority_mail_express_international: 0.55,
};

function optionCharges(shipment: Shipment, parcel: ShipmentParcel, includedInsuranceCents: Cents): Charge[] {
  const charges: Charge[] = [];
  const signature = signatureCharge(shipment.confirmation, USPS_FEES.signature);
  if (signature) charges.push(signature);
  if (parcel.insuredValueCents > 0) {
    charges.push(insuranceCharge('USPS insurance', perHundredInsuranceFee(parcel.insuredValueCents, includedInsuranceCents, USPS_FEES.insurancePer100)));
  }
  return charges;
}

function transitPlan(businessDays: number, commitTime?: CommitTime): TransitPlan {
  return { businessDays, deliversSaturday: true, saturdayOption: false, commitTime: commitTime ?? null };
}

function domesticParcel(pricing: DomesticPricing, zone: number, shipment: Shipment, parcel: ShipmentParcel): ParcelPrice | Rejection {
  const flatRate = pricing.flatRates?.get(parcel.packageCode);
  if (flatRate !== undefined) {
    return { charges: [shippingCharge('shipping', 'Flat rate postage - USPS commercial', flatRate), ...optionCharges(shipment, parcel, pricing.includedInsuranceCents)], billableWeightLb: parcel.weightLb };
  }
  const sizeProblem = uspsSizeProblem(parcel.box, pricing.maxLengthPlusGirthIn);
  if (sizeProblem) return { messages: [sizeProblem] };
  const volumeFactor = parcel.packageCode === 'non_rectangular' ? NONRECTANGULAR_VOLUME_FACTOR : 1;
  const billable = billableWeight(parcel.weightLb, parcel.box, DIM_RULES.usps, volumeFactor);
  const price = lookupPrice(pricing.table, billable.weightLb, String(zone));
  if (!price) return { messages: [`No ${pricing.table.name} price for ${billable.weightLb} lb in zone ${zone}`] };
  return {
    charges: [shippingCharge('shipping', `Postage - ${pricing.table.name}`, price.cents), ...uspsNonstandardCharges(parcel.box), ...optionCharges(shipment, parcel, pricing.includedInsuranceCents)],
    billableWeightLb: price.row.maxWeightLb,
  };
}

function firstClassParcel(shipment: Shipment, parcel: ShipmentParcel): ParcelPrice | Rejection {
  if (signatureCharge(shipment.confirmation, USPS_FEES.signature)) {
    return { messages: ['Signature confirmation is not available for First-Class Mail letters, flats and postcards'] };
  }
  const price = firstClassMailPrice(parcel.packageCode, parcel.weightLb);
  if (!price) return { messages: [`Too heavy for First-Class Mail as ${parcel.packageCode}`] };
  return { charges: [shippingCharge('shipping', 'Postage', price.cents), ...optionCharges(shipment, parcel, 0)], billableWeightLb: price.billedOunces / 16 };
}

function prepareDomestic(service: ServiceDefinition, shipment: Shipment): PreparedService | Rejection {
  if (!shipment.originZip5 || !shipment.destinationZip5) return { messages: ['A 5-digit ZIP code is required for the origin and the destination'] };
  const zone = uspsZone(shipment.originZip5, shipment.destinationZip5);
  if (zone === null) return { messages: [`Unknown ZIP code: ${shipment.originZip5} -> ${shipment.destinationZip5}`] };
  const pricing = DOMESTIC_PRICING[service.serviceCode];
  if (pricing) {
    const days = modelTransitDays(pricing.transitModel, zone) ?? slowestTransitDays(service.typicalTransitDays) ?? 1;
    return { zone, transit: transitPlan(days, pricing.commitTime), priceParcel: (parcel) => domesticParcel(pricing, zone, shipment, parcel) };
  }
  if (service.serviceCode === 'usps_first_class_mail') {
    const days = slowestTransitDays(service.typicalTransitDays) ?? 1;
    return { zone, transit: transitPlan(days), priceParcel: (parcel) => firstClassParcel(shipment, parcel) };
  }
  return { messages: [`${service.name} is not priced by the simulator`] };
}

function prepareInternational(service: ServiceDefinition, shipment: Shipment): PreparedService | Rejection {
  const share = INTERNATIONAL_SHARE_OF_DHL[service.serviceCode];
  const zone = dhlExportZone(shipment.destinationCountry);
  if (share === undefined || zone === null) return { messages: [`${service.name} has no rates to ${shipment.destinationCountry}`] };
  const days = modelTransitDays(service.serviceCode, null) ?? slowestTransitDays(service.typicalTransitDays) ?? 1;
  return {
    zone: null,
    transit: { businessDays: days, deliversSaturday: false, saturdayOption: false, commitTime: null },
    priceParcel: (parcel) => {
      const billable = billableWeight(parcel.weightLb, parcel.box, DIM_RULES.usps);
      const price = exportPrice(zone, billable.weightLb, { documents: false, envelope: false });
      if (!price) return { messages: [`No international price for ${billable.weightLb} lb`] };
      return { charges: [shippingCharge('shipping', 'Postage', scaleCents(price.cents, share)), ...optionCharges(shipment, parcel, 0)], billableWeightLb: price.billedWeightLb };
    },
  };
}

export const stampsComRules: CarrierRules = {
  catalog: stampsComCatalog,
  originCountries: US_AND_TERRITORIES,
  domesticCountries: US_AND_TERRITORIES,
  prepare: (service, shipment) => (service.domestic ? prepareDomestic(service, shipment) : prepareInternational(service, shipment)),
};
