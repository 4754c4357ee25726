// V1 `Shipment` (what V1 calls a label) ⇄ the neutral model.
import type { Label } from '../../../domain/labels/types.ts';
import type { ShipmentBody } from '../../../domain/shipments/types.ts';
import { parcel, simpleShipment } from '../../../domain/shipments/build.ts';
import type { Confirmation, CustomsInput } from '../../../domain/shipping-types.ts';
import { weightInPounds } from '../../../domain/rating/units.ts';
import { formatV1Date, formatV1DateTime } from '../../../domain/time/pacific.ts';
import { fromV1Address, toV1Address, type V1Address } from '../shared/address.ts';
import { fromV1Dimensions, fromV1Weight, type V1Dimensions, type V1Weight } from '../shared/units.ts';

export interface V1LabelRequest {
  carrierCode: string;
  serviceCode: string;
  packageCode?: string | null;
  confirmation?: Confirmation | null;
  shipDate?: string | null;
  weight: V1Weight;
  dimensions?: V1Dimensions | null;
  shipFrom: V1Address;
  shipTo: V1Address;
  insuranceOptions?: { provider?: string | null; insureShipment?: boolean; insuredValue?: number } | null;
  internationalOptions?: {
    contents?: string | null;
    nonDelivery?: string | null;
    customsItems?: { description?: string; quantity?: number; value?: number; harmonizedTariffCode?: string | null; countryOfOrigin?: string | null }[] | null;
  } | null;
  advancedOptions?: Record<string, unknown> | null;
  testLabel?: boolean;
}

export function fromV1Customs(o: V1LabelRequest['internationalOptions']): CustomsInput | null {
  if (!o?.customsItems?.length) return null;
  return {
    contents: o.contents ?? 'merchandise',
    nonDelivery: o.nonDelivery ?? 'return_to_sender',
    // V1's customs item value is per item, like V2's.
    items: o.customsItems.map((i) => ({
      description: i.description ?? '',
      quantity: i.quantity ?? 1,
      valueCents: Math.round((i.value ?? 0) * 100),
      harmonizedTariffCode: i.harmonizedTariffCode ?? null,
      countryOfOrigin: i.countryOfOrigin ?? null,
    })),
  };
}

export function shipmentFromV1(body: V1LabelRequest, carrierId: number): ShipmentBody {
  const insured = body.insuranceOptions?.insureShipment ? Math.round((body.insuranceOptions.insuredValue ?? 0) * 100) : 0;
  return simpleShipment({
    carrierId,
    serviceCode: body.serviceCode,
    shipDate: body.shipDate ? body.shipDate.slice(0, 10) : null,
    shipTo: fromV1Address(body.shipTo),
    shipFrom: fromV1Address(body.shipFrom),
    confirmation: body.confirmation ?? 'none',
    customs: fromV1Customs(body.internationalOptions),
    advancedOptions: {
      saturday_delivery: body.advancedOptions?.saturdayDelivery === true,
      non_machinable: body.advancedOptions?.nonMachinable === true,
      contains_alcohol: body.advancedOptions?.containsAlcohol === true,
    },
    insuranceProvider: insured > 0 ? 'carrier' : 'none',
    packages: [
      parcel({
        packageCode: body.packageCode ?? 'package',
        weight: fromV1Weight(body.weight),
        dimensions: body.dimensions ? fromV1Dimensions(body.dimensions) : null,
        insuredValueCents: insured,
      }),
    ],
  });
}

export interface OrderFacts {
  orderId: number | null;
  orderKey: string | null;
  orderNumber: string | null;
  customerEmail: string | null;
  userId: string | null;
  warehouseId: number | null;
  items: unknown[] | null;
}

export function toV1Shipment(label: Label, order: OrderFacts, files: { labelData?: string | null; formData?: string | null } = {}) {
  const pounds = label.packages.reduce((sum, p) => sum + weightInPounds(p.weight), 0);
  const first = label.packages[0];
  return {
    shipmentId: label.id,
    orderId: order.orderId,
    orderKey: order.orderKey,
    userId: order.userId,
    customerEmail: order.customerEmail,
    orderNumber: order.orderNumber,
    createDate: formatV1DateTime(new Date(label.createdAt)),
    shipDate: formatV1Date(new Date(`${label.shipDate}T12:00:00Z`)),
    shipmentCost: label.costCents / 100,
    insuranceCost: label.insuranceCents / 100,
    trackingNumber: label.trackingNumber,
    isReturnLabel: label.isReturn,
    batchNumber: null,
    carrierCode: label.carrierCode,
    serviceCode: label.serviceCode,
    packageCode: label.packageCode,
    confirmation: label.confirmation,
    warehouseId: order.warehouseId,
    voided: label.status === 'voided',
    voidDate: label.voidedAt ? formatV1DateTime(new Date(label.voidedAt)) : null,
    marketplaceNotified: false,
    notifyErrorMessage: null,
    shipTo: toV1Address(label.shipTo),
    weight: { value: Math.round(pounds * 16 * 100) / 100, units: 'ounces', WeightUnits: 1 },
    dimensions: first?.dimensions
      ? { length: first.dimensions.length, width: first.dimensions.width, height: first.dimensions.height, units: first.dimensions.unit === 'centimeter' ? 'centimeters' : 'inches' }
      : null,
    insuranceOptions: { provider: label.insuranceCents > 0 ? 'carrier' : null, insureShipment: label.insuranceCents > 0, insuredValue: (first?.insuredValueCents ?? 0) / 100 },
    advancedOptions: null,
    shipmentItems: order.items,
    labelData: files.labelData ?? null,
    formData: files.formData ?? null,
  };
}
