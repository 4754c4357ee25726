// DHL Express export pricing from the 2025 US guide: zone by destination country, document / non-document
// rows, time-definite premiums, remote area and oversize surcharges, then fuel.
import { billableWeight, DIM_RULES } from '../../domain/rating/billable-weight.ts';
import { insuranceCharge, shippingCharge, withFuelSurcharge, type Charge } from '../../domain/rating/charges.ts';
import { isDhlRemoteArea } from '../../domain/rating/delivery-area.ts';
import { dhlExportZone } from '../../domain/rating/dhl-zones.ts';
import { exportPrice } from '../../domain/rating/export-pricing.ts';
import { FUEL_PERCENT } from '../../domain/rating/fuel.ts';
import { perHundredInsuranceFee, signatureCharge } from '../../domain/rating/option-fees.ts';
import { dhlOversizeCharge } from '../../domain/rating/package-surcharges.ts';
import { DHL_FEES } from '../../domain/rating/surcharge-schedules.ts';
import { modelTransitDays, slowestTransitDays, type CommitTime } from '../../domain/rating/transit.ts';
import type { Cents } from '../../domain/shipping-types.ts';
import type { CarrierRules, ParcelPrice, PreparedService, Rejection } from '../rate-shipment.ts';
import type { Shipment, ShipmentParcel } from '../shipment.ts';
import type { ServiceDefinition } from '../types.ts';
import { dhlExpressCatalog } from './catalog.ts';

const PREMIUMS: Readonly<Record<string, { cents: Cents; description: string }>> = {
  dhl_express_12_00: { cents: DHL_FEES.premium12pm, description: 'Time definite delivery by 12:00' },
  dhl_express_9_00: { cents: DHL_FEES.premium9am, description: 'Time definite delivery by 9:00' },
};

const COMMIT_TIMES: Readonly<Record<string, CommitTime>> = {
  dhl_express_12_00: { business: '12:00' },
  dhl_express_9_00: { business: '09:00' },
};

const DOCUMENTS_ONLY = new Set(['dhl_express_worldwide_documents', 'dhl_express_envelope']);

function remoteAreaCharge(shipment: Shipment, billedWeightLb: number): Charge | null {
  if (!isDhlRemoteArea(shipment.destinationPostalCode)) return null;
  const cents = Math.max(DHL_FEES.remoteAreaMinimum, Math.ceil(billedWeightLb) * DHL_FEES.remoteAreaPerLb);
  return shippingCharge('location_fee', 'Remote area surcharge', cents);
}

function priceParcel(service: ServiceDefinition, zone: string, shipment: Shipment, parcel: ShipmentParcel): ParcelPrice | Rejection {
  const envelope = parcel.packageCode === 'dhl_express_envelope';
  const billable = envelope ? parcel.weightLb : billableWeight(parcel.weightLb, parcel.box, DIM_RULES.dhlExpressUs).weightLb;
  const price = exportPrice(zone, billable, { documents: shipment.documents, envelope });
  if (!price) return { messages: [`No DHL Express price for ${billable} lb in zone ${zone}`] };
  if (service.serviceCode === 'dhl_express_envelope' && price.kind !== 'envelope') {
    return { messages: ['DHL Express Envelope carries documents up to 0.5 kg in a DHL Express Envelope'] };
  }

  const transport: Charge[] = [shippingCharge('shipping', 'Base rate', price.cents)];
  const premium = PREMIUMS[service.serviceCode];
  if (premium) transport.push(shippingCharge('shipping', premium.description, premium.cents));
  const remote = remoteAreaCharge(shipment, price.billedWeightLb);
  if (remote) transport.push(remote);
  const oversize = dhlOversizeCharge(parcel.box);
  if (oversize) transport.push(oversize);

  const charges = withFuelSurcharge(transport, FUEL_PERCENT.dhlExpress);
  const signature = signatureCharge(shipment.confirmation, DHL_FEES.signature);
  if (signature) charges.push(signature);
  if (parcel.insuredValueCents > 0) {
    charges.push(insuranceCharge('Shipment insurance', perHundredInsuranceFee(parcel.insuredValueCents, 0, DHL_FEES.insurancePer100)));
  }
  return { charges, billableWeightLb: price.billedWeightLb };
}

function prepare(service: ServiceDefinition, shipment: Shipment): PreparedService | Rejection {
  if (DOCUMENTS_ONLY.has(service.serviceCode) && !shipment.documents) {
    return { messages: [`${service.name} only carries documents (contents 'documents')`] };
  }
  const zone = dhlExportZone(shipment.destinationCountry);
  if (zone === null) return { messages: [`DHL Express has no export rates to ${shipment.destinationCountry}`] };
  return {
    zone: null,
    transit: {
      businessDays: modelTransitDays(service.serviceCode, null) ?? slowestTransitDays(service.typicalTransitDays) ?? 1,
      deliversSaturday: false,
      saturdayOption: false,
      commitTime: COMMIT_TIMES[service.serviceCode] ?? null,
    },
    priceParcel: (parcel) => priceParcel(service, zone, shipment, parcel),
  };
}

export const dhlExpressRules: CarrierRules = {
  catalog: dhlExpressCatalog,
  originCountries: ['US'],
  domesticCountries: [],
  prepare,
};
