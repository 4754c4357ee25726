// Shipments assembled from a few facts (estimates, V1 getrates and createlabel), with ShipStation's defaults.
import type { Cents, Dimensions, PostalAddress, Weight } from '../shipping-types.ts';
import type { ShipmentBody, ShipmentPackage } from './types.ts';

export function parcel(p: { packageCode?: string | null; weight: Weight; dimensions?: Dimensions | null; insuredValueCents?: Cents }): ShipmentPackage {
  return {
    packageCode: p.packageCode ?? null,
    weight: p.weight,
    dimensions: p.dimensions ?? null,
    insuredValueCents: p.insuredValueCents ?? 0,
    labelMessages: { reference1: null, reference2: null, reference3: null },
    externalPackageId: null,
    contentDescription: null,
  };
}

export function simpleShipment(parts: Partial<ShipmentBody> & { shipTo: PostalAddress; shipFrom: PostalAddress; packages: ShipmentPackage[] }): ShipmentBody {
  return {
    carrierId: null,
    serviceCode: null,
    shipDate: null,
    warehouseId: null,
    returnTo: null,
    confirmation: 'none',
    customs: null,
    advancedOptions: {},
    insuranceProvider: 'none',
    items: [],
    taxIdentifiers: [],
    externalOrderId: null,
    orderSourceCode: null,
    isReturn: false,
    comparisonRateType: null,
    ...parts,
  };
}
