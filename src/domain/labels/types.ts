// A purchased label in surface-neutral form.
import type { RateDetail } from '../../domain/rating/charges.ts';
import type { Cents, Confirmation, CustomsInput, PostalAddress } from '../shipping-types.ts';
import type { ShipmentPackage } from '../shipments/types.ts';

export type LabelStatus = 'processing' | 'completed' | 'error' | 'voided';
export type LabelFormat = 'pdf' | 'png' | 'zpl';
export type LabelLayout = '4x6' | 'letter';

export interface LabelPackage extends Omit<ShipmentPackage, 'packageCode'> {
  id: number;
  sequence: number;
  trackingNumber: string;
  packageCode: string;
}

export interface LabelOptions {
  labelFormat: LabelFormat;
  labelLayout: LabelLayout;
  downloadType: 'url' | 'inline';
  displayScheme: string;
  testLabel: boolean;
  chargeEvent: string;
  rmaNumber: string | null;
  /** label_image_id: the requested logo (`img_12`); stored as the one printed (or the default, or null). */
  labelImageId?: string | null;
}

/** What is stored in the label's JSON body. */
export interface LabelBody extends LabelOptions {
  carrierName: string;
  serviceName: string;
  packageCode: string;
  shipTo: PostalAddress;
  shipFrom: PostalAddress;
  confirmation: Confirmation;
  customs: CustomsInput | null;
  international: boolean;
  trackable: boolean;
  zone: number | null;
  estimatedDeliveryDate: string | null;
  shippingCents: Cents;
  confirmationCents: Cents;
  otherCents: Cents;
  details: RateDetail[];
  externalShipmentId: string | null;
  externalOrderId: string | null;
  orderId: number | null;
  /** PUDO labels (absent on labels stored before service points existed). */
  shipToServicePointId?: string | null;
  shipFromServicePointId?: string | null;
}

export interface Label extends LabelBody {
  id: number;
  accountId: number;
  shipmentId: number;
  status: LabelStatus;
  carrierId: number;
  carrierCode: string;
  serviceCode: string;
  trackingNumber: string;
  rateId: number | null;
  batchId: number | null;
  notifyBatchId: string;
  outboundLabelId: number | null;
  isReturn: boolean;
  costCents: Cents;
  insuranceCents: Cents;
  shipDate: string;
  downloadToken: string;
  packages: LabelPackage[];
  createdAt: string;
  voidedAt: string | null;
}
