// Surcharge amounts from reference/domain/rates/surcharges.json, converted to cents once.
// UPS values are "approx" in the source and mirror the FedEx structure, as the source notes.
import type { Cents } from '../shipping-types.ts';
import { dollarsToCents } from './money.ts';
import { readReferenceJson } from './reference-data.ts';

type ZoneBands = Record<'2' | '3-4' | '5-6' | '7+', number>;

interface SurchargesFile {
  usps: {
    nonstandard_fees_commercial: { name: string; amount: number }[];
    included_insurance: Record<'priority_mail' | 'priority_mail_express' | 'ground_advantage_commercial', number>;
    extra_services_approx: { signature_confirmation: number; adult_signature_required: number; insurance_per_100_over_100: number };
  };
  fedex_2025: {
    residential_delivery_charge: { express_per_package: number; ground_per_package: number; home_delivery_per_package: number };
    additional_handling_surcharge: {
      by_zone_per_package: { dimension: ZoneBands; weight: ZoneBands };
      international: { dimension: number; weight: number };
    };
    oversize_charge: { international_per_package: number; us: string };
    declared_value: { free_up_to: number; '100.01_to_300': number; per_100_over_300: number };
    delivery_signature_options: {
      international_per_package: { indirect: number; direct: number; adult: number };
      us_per_package_approx: { indirect: number; direct: number; adult: number };
    };
    saturday_delivery: { per_package: number; services: string[] };
    delivery_area_surcharge: { approx_2025: Record<'commercial' | 'residential' | 'extended_commercial' | 'extended_residential' | 'remote' | 'alaska' | 'hawaii', number> };
  };
  ups_2025_approx: {
    residential_surcharge: { ground: number; air: number };
    delivery_area_surcharge: Record<'commercial' | 'residential' | 'extended_commercial' | 'extended_residential' | 'remote_hi' | 'remote_ak', number>;
    large_package_surcharge: { amount_range: [number, number] };
    declared_value: { free_up_to: number; per_100_over_100: number; minimum: number };
    saturday_delivery: number;
    delivery_confirmation: { signature_required: number; adult_signature_required: number };
  };
  dhl_express_us_2025: {
    time_definite_premiums: { express_9_00: number; express_12_00: number };
    listed_surcharges_in_order: string[];
  };
  insurance_third_party: { shipsurance_style_per_100: [number, number] };
}

const data = readReferenceJson<SurchargesFile>('rates/surcharges.json');
const cents = dollarsToCents;

/** Surcharge amounts that step up with the zone: 2, 3-4, 5-6, 7 and beyond. */
export interface ZoneTieredAmount {
  zone2: Cents;
  zone3to4: Cents;
  zone5to6: Cents;
  zone7plus: Cents;
}

export function amountForZone(amount: ZoneTieredAmount, zone: number): Cents {
  if (zone <= 2) return amount.zone2;
  if (zone <= 4) return amount.zone3to4;
  if (zone <= 6) return amount.zone5to6;
  return amount.zone7plus;
}

function tiered(bands: ZoneBands): ZoneTieredAmount {
  return { zone2: cents(bands['2']), zone3to4: cents(bands['3-4']), zone5to6: cents(bands['5-6']), zone7plus: cents(bands['7+']) };
}

/** The source gives only a min-max range for the US oversize charge: spread it evenly over the four zone tiers. */
function tieredFromRange(min: number, max: number): ZoneTieredAmount {
  const step = (max - min) / 3;
  return { zone2: cents(min), zone3to4: Math.round((min + step) * 100), zone5to6: Math.round((min + 2 * step) * 100), zone7plus: cents(max) };
}

function rangeInText(text: string): [number, number] {
  const match = /\$(\d+(?:\.\d+)?)-\$(\d+(?:\.\d+)?)/.exec(text);
  if (!match) throw new Error(`No $min-$max range in "${text}"`);
  return [Number(match[1]), Number(match[2])];
}

export interface HandlingSchedule {
  dimension: ZoneTieredAmount;
  weight: ZoneTieredAmount;
  oversize: ZoneTieredAmount;
  international: { dimension: Cents; weight: Cents; oversize: Cents };
}

export interface DeliveryAreaSchedule {
  commercial: Cents;
  residential: Cents;
  extendedCommercial: Cents;
  extendedResidential: Cents;
  remote: Cents;
  alaska: Cents;
  hawaii: Cents;
}

export interface SignatureFees {
  signature: Cents;
  direct: Cents;
  adult: Cents;
}

const fedex = data.fedex_2025;
const ups = data.ups_2025_approx;
const fedexHandling = fedex.additional_handling_surcharge;

export const FEDEX_FEES = {
  residential: {
    ground: cents(fedex.residential_delivery_charge.ground_per_package),
    homeDelivery: cents(fedex.residential_delivery_charge.home_delivery_per_package),
    express: cents(fedex.residential_delivery_charge.express_per_package),
  },
  deliveryArea: {
    commercial: cents(fedex.delivery_area_surcharge.approx_2025.commercial),
    residential: cents(fedex.delivery_area_surcharge.approx_2025.residential),
    extendedCommercial: cents(fedex.delivery_area_surcharge.approx_2025.extended_commercial),
    extendedResidential: cents(fedex.delivery_area_surcharge.approx_2025.extended_residential),
    remote: cents(fedex.delivery_area_surcharge.approx_2025.remote),
    alaska: cents(fedex.delivery_area_surcharge.approx_2025.alaska),
    hawaii: cents(fedex.delivery_area_surcharge.approx_2025.hawaii),
  } satisfies DeliveryAreaSchedule,
  handling: {
    dimension: tiered(fedexHandling.by_zone_per_package.dimension),
    weight: tiered(fedexHandling.by_zone_per_package.weight),
    oversize: tieredFromRange(...rangeInText(fedex.oversize_charge.us)),
    international: {
      dimension: cents(fedexHandling.international.dimension),
      weight: cents(fedexHandling.international.weight),
      oversize: cents(fedex.oversize_charge.international_per_package),
    },
  } satisfies HandlingSchedule,
  declaredValue: {
    freeUpTo: cents(fedex.declared_value.free_up_to),
    upTo300: cents(fedex.declared_value['100.01_to_300']),
    per100Over300: cents(fedex.declared_value.per_100_over_300),
  },
  signature: {
    domestic: {
      signature: cents(fedex.delivery_signature_options.us_per_package_approx.indirect),
      direct: cents(fedex.delivery_signature_options.us_per_package_approx.direct),
      adult: cents(fedex.delivery_signature_options.us_per_package_approx.adult),
    } satisfies SignatureFees,
    international: {
      signature: cents(fedex.delivery_signature_options.international_per_package.indirect),
      direct: cents(fedex.delivery_signature_options.international_per_package.direct),
      adult: cents(fedex.delivery_signature_options.international_per_package.adult),
    } satisfies SignatureFees,
  },
  saturday: { amount: cents(fedex.saturday_delivery.per_package), serviceCodes: fedex.saturday_delivery.services },
};

export const UPS_FEES = {
  residential: { ground: cents(ups.residential_surcharge.ground), air: cents(ups.residential_surcharge.air) },
  // UPS has no separate contiguous-US remote tier in the source: remote ZIPs pay the extended amounts.
  deliveryArea: {
    commercial: cents(ups.delivery_area_surcharge.commercial),
    residential: cents(ups.delivery_area_surcharge.residential),
    extendedCommercial: cents(ups.delivery_area_surcharge.extended_commercial),
    extendedResidential: cents(ups.delivery_area_surcharge.extended_residential),
    remote: cents(ups.delivery_area_surcharge.extended_residential),
    alaska: cents(ups.delivery_area_surcharge.remote_ak),
    hawaii: cents(ups.delivery_area_surcharge.remote_hi),
  } satisfies DeliveryAreaSchedule,
  // UPS additional handling mirrors the FedEx zone amounts (its source ranges are exactly FedEx zone 2 .. 7+).
  handling: {
    ...FEDEX_FEES.handling,
    oversize: tieredFromRange(...ups.large_package_surcharge.amount_range),
  } satisfies HandlingSchedule,
  declaredValue: {
    freeUpTo: cents(ups.declared_value.free_up_to),
    per100: cents(ups.declared_value.per_100_over_100),
    minimum: cents(ups.declared_value.minimum),
  },
  signature: {
    signature: cents(ups.delivery_confirmation.signature_required),
    direct: cents(ups.delivery_confirmation.signature_required),
    adult: cents(ups.delivery_confirmation.adult_signature_required),
  } satisfies SignatureFees,
  saturday: cents(ups.saturday_delivery),
};

function uspsNonstandardFee(name: string): Cents {
  const fee = data.usps.nonstandard_fees_commercial.find((entry) => entry.name === name);
  if (!fee) throw new Error(`USPS fee "${name}" missing from surcharges.json`);
  return cents(fee.amount);
}

export const USPS_FEES = {
  nonstandardLengthOver22: uspsNonstandardFee('Nonstandard Length > 22 in'),
  nonstandardLengthOver30: uspsNonstandardFee('Nonstandard Length > 30 in'),
  nonstandardVolumeOver2CuFt: uspsNonstandardFee('Nonstandard Volume > 2 cu ft'),
  includedInsurance: {
    priorityMail: cents(data.usps.included_insurance.priority_mail),
    priorityMailExpress: cents(data.usps.included_insurance.priority_mail_express),
    groundAdvantage: cents(data.usps.included_insurance.ground_advantage_commercial),
  },
  insurancePer100: cents(data.usps.extra_services_approx.insurance_per_100_over_100),
  signature: {
    signature: cents(data.usps.extra_services_approx.signature_confirmation),
    // USPS has no direct-signature product: it maps to Signature Confirmation (carriers.json).
    direct: cents(data.usps.extra_services_approx.signature_confirmation),
    adult: cents(data.usps.extra_services_approx.adult_signature_required),
  } satisfies SignatureFees,
};

/** "Remote Area 0.50/lb, min 50.00" -> the numbers after the label. */
function dhlListedAmounts(label: string): number[] {
  const entry = data.dhl_express_us_2025.listed_surcharges_in_order.find((text) => text.startsWith(label));
  if (!entry) throw new Error(`DHL surcharge "${label}" missing from surcharges.json`);
  return [...entry.slice(label.length).matchAll(/\d+(?:\.\d+)?/g)].map((match) => Number(match[0]));
}

const [remotePerLb, remoteMinimum] = dhlListedAmounts('Remote Area');

export const DHL_FEES = {
  premium9am: cents(data.dhl_express_us_2025.time_definite_premiums.express_9_00),
  premium12pm: cents(data.dhl_express_us_2025.time_definite_premiums.express_12_00),
  remoteAreaPerLb: cents(remotePerLb),
  remoteAreaMinimum: cents(remoteMinimum),
  oversizePiece: cents(dhlListedAmounts('Oversize Piece')[0]),
  // Not in the source: DHL signature services priced like the FedEx international ones,
  // and shipment insurance at the upper third-party rate per $100.
  signature: FEDEX_FEES.signature.international,
  insurancePer100: cents(data.insurance_third_party.shipsurance_style_per_100[1]),
};
