// A shipment in surface-neutral form: the V2 `shipment`, and the shipping side of a V1 order.
import type { Cents, Confirmation, CustomsInput, Dimensions, PostalAddress, Weight } from '../shipping-types.ts';

export type ShipmentStatus = 'pending' | 'processing' | 'label_purchased' | 'cancelled';

export interface ShipmentPackage {
  packageCode: string | null;
  weight: Weight;
  dimensions: Dimensions | null;
  insuredValueCents: Cents;
  labelMessages: { reference1: string | null; reference2: string | null; reference3: string | null };
  externalPackageId: string | null;
  contentDescription: string | null;
}

export interface ShipmentItem {
  name: string;
  sku: string | null;
  quantity: number;
  salesOrderId: string | null;
  salesOrderItemId: string | null;
  externalOrderId: string | null;
  externalOrderItemId: string | null;
  asin: string | null;
  orderSourceCode: string | null;
}

export interface ShipmentBody {
  carrierId: number | null;
  serviceCode: string | null;
  shipDate: string | null;
  shipTo: PostalAddress;
  shipFrom: PostalAddress | null;
  warehouseId: number | null;
  returnTo: PostalAddress | null;
  confirmation: Confirmation;
  customs: CustomsInput | null;
  advancedOptions: Record<string, unknown>;
  insuranceProvider: 'none' | 'shipsurance' | 'carrier' | 'third_party';
  packages: ShipmentPackage[];
  items: ShipmentItem[];
  taxIdentifiers: unknown[];
  externalOrderId: string | null;
  orderSourceCode: string | null;
  isReturn: boolean;
  comparisonRateType: string | null;
}

export interface Shipment extends ShipmentBody {
  id: number;
  accountId: number;
  orderId: number | null;
  externalShipmentId: string | null;
  shipmentNumber: string | null;
  status: ShipmentStatus;
  importBatchId: string | null;
  tags: string[];
  createdAt: string;
  modifiedAt: string;
}
