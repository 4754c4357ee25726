// Per-parcel pricing shared by UPS and FedEx, which apply the same surcharge rules with their own amounts:
// base + residential + delivery area + handling (+ Saturday), fuel on those, then signature and declared value.
import { billableWeight, type DimWeightRule } from '../domain/rating/billable-weight.ts';
import { insuranceCharge, otherCharge, shippingCharge, withFuelSurcharge, type Charge } from '../domain/rating/charges.ts';
import { deliveryAreaSurcharge } from '../domain/rating/delivery-area.ts';
import { dhlExportZone } from '../domain/rating/dhl-zones.ts';
import { exportPrice } from '../domain/rating/export-pricing.ts';
import { scaleCents } from '../domain/rating/money.ts';
import { signatureCharge } from '../domain/rating/option-fees.ts';
import { handlingCharge, handlingKind, handlingMinimumBillableLb, parcelCarrierSizeProblem } from '../domain/rating/package-surcharges.ts';
import type { DeliveryAreaSchedule, HandlingSchedule, SignatureFees } from '../domain/rating/surcharge-schedules.ts';
import { FEDEX_ENVELOPE_MAX_LB } from '../domain/rating/tables.ts';
import type { TransitPlan } from '../domain/rating/transit.ts';
import { roundBoxToInches } from '../domain/rating/units.ts';
import { parcelCarrierZone } from '../domain/rating/zones.ts';
import type { Cents } from '../domain/shipping-types.ts';
import type { ParcelPrice, PreparedService, Rejection } from './rate-shipment.ts';
import { isResidential, type Shipment, type ShipmentParcel } from './shipment.ts';
import type { ServiceDefinition } from './types.ts';

export interface ParcelCarrierFees {
  dimRule: DimWeightRule;
  /** The carrier's letter/envelope packaging, priced from the envelope row up to 8 oz. */
  envelopePackageCode: string;
  handling: HandlingSchedule;
  deliveryArea: DeliveryAreaSchedule;
  signature: { domestic: SignatureFees; international: SignatureFees };
  declaredValueFee(valueCents: Cents): Cents;
  saturdayCents: Cents;
}

export interface BasePrice {
  cents: Cents;
  billedWeightLb: number;
}

export interface ParcelCarrierServicePlan {
  /** Domestic zone 2-8; null for international (flat international handling amounts, no delivery area surcharge). */
  domesticZone: number | null;
  /** Table price for a billable weight; `envelope` asks for the envelope row. Null when the table has no cell. */
  basePrice(weightLb: number, envelope: boolean): BasePrice | null;
  fuelPercent: number;
  /** Residential surcharge for this service and address, 0 when none. */
  residentialCents: Cents;
}

function priceParcelCarrierParcel(
  plan: ParcelCarrierServicePlan,
  fees: ParcelCarrierFees,
  shipment: Shipment,
  parcel: ShipmentParcel,
  paidSaturdayDelivery: boolean,
): ParcelPrice | Rejection {
  const box = parcel.box && roundBoxToInches(parcel.box);
  const sizeProblem = parcelCarrierSizeProblem(box);
  if (sizeProblem) return { messages: [sizeProblem] };

  const international = plan.domesticZone === null;
  const handling = handlingKind(box, parcel.weightLb, international);
  const envelope = parcel.packageCode === fees.envelopePackageCode && parcel.weightLb <= FEDEX_ENVELOPE_MAX_LB;
  const billableLb = envelope
    ? parcel.weightLb
    : Math.max(billableWeight(parcel.weightLb, box, fees.dimRule).weightLb, handlingMinimumBillableLb(handling));
  const base = plan.basePrice(billableLb, envelope);
  if (!base) return { messages: [`No price for ${billableLb} lb`] };

  const transport: Charge[] = [shippingCharge('shipping', 'Base rate', base.cents)];
  if (plan.residentialCents > 0) transport.push(shippingCharge('delivery', 'Residential surcharge', plan.residentialCents));
  if (!international && shipment.destinationZip5) {
    const deliveryArea = deliveryAreaSurcharge(shipment.destinationZip5, isResidential(shipment), fees.deliveryArea);
    if (deliveryArea) transport.push(deliveryArea);
  }
  if (handling) transport.push(handlingCharge(handling, fees.handling, plan.domesticZone));
  if (paidSaturdayDelivery) transport.push(otherCharge('delivery', 'Saturday delivery', fees.saturdayCents, true));

  const charges = withFuelSurcharge(transport, plan.fuelPercent);
  const signature = signatureCharge(shipment.confirmation, international ? fees.signature.international : fees.signature.domestic);
  if (signature) charges.push(signature);
  if (parcel.insuredValueCents > 0) charges.push(insuranceCharge('Declared value', fees.declaredValueFee(parcel.insuredValueCents)));
  return { charges, billableWeightLb: base.billedWeightLb };
}

export interface ParcelCarrierServiceSetup {
  fees: ParcelCarrierFees;
  /**
   * International services have no table of their own: they are priced as this share of the DHL Express
   * export price for the destination's zone (synthetic, but ordered like the real services).
   */
  internationalShareOfDhl?: number;
  /** Domestic table lookup for the zone. */
  domesticBasePrice(zone: number): ParcelCarrierServicePlan['basePrice'];
  fuelPercent: number;
  residentialCents: Cents;
  transit(zone: number | null): TransitPlan;
}

function internationalPlan(shipment: Shipment, setup: ParcelCarrierServiceSetup, share: number): ParcelCarrierServicePlan | null {
  const exportZone = dhlExportZone(shipment.destinationCountry);
  if (exportZone === null) return null;
  return {
    domesticZone: null,
    basePrice: (weightLb, envelope) => {
      const price = exportPrice(exportZone, weightLb, { documents: shipment.documents, envelope });
      return price && { cents: scaleCents(price.cents, share), billedWeightLb: price.billedWeightLb };
    },
    fuelPercent: setup.fuelPercent,
    residentialCents: setup.residentialCents,
  };
}

/** Zone, transit and per-parcel pricing of one UPS/FedEx service for a shipment. */
export function prepareParcelCarrierService(service: ServiceDefinition, shipment: Shipment, setup: ParcelCarrierServiceSetup): PreparedService | Rejection {
  let plan: ParcelCarrierServicePlan;
  if (setup.internationalShareOfDhl !== undefined) {
    const international = internationalPlan(shipment, setup, setup.internationalShareOfDhl);
    if (!international) return { messages: [`${service.name} has no rates to ${shipment.destinationCountry}`] };
    plan = international;
  } else {
    if (!shipment.originZip5 || !shipment.destinationZip5) return { messages: ['A 5-digit ZIP code is required for the origin and the destination'] };
    const zone = parcelCarrierZone(shipment.originZip5, shipment.destinationZip5);
    if (zone === null) return { messages: [`Unknown ZIP code: ${shipment.originZip5} -> ${shipment.destinationZip5}`] };
    plan = { domesticZone: zone, basePrice: setup.domesticBasePrice(zone), fuelPercent: setup.fuelPercent, residentialCents: setup.residentialCents };
  }
  return {
    zone: plan.domesticZone,
    transit: setup.transit(plan.domesticZone),
    priceParcel: (parcel, options) => priceParcelCarrierParcel(plan, setup.fees, shipment, parcel, options.paidSaturdayDelivery),
  };
}
