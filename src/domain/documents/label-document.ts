import type { PostalAddress } from '../shipping-types.ts';
import type { LabelLogo } from './label-logo.ts';

export type KnownLabelCarrier = 'stamps_com' | 'ups' | 'fedex' | 'dhl_express';

export interface PackageDimensionsIn {
  length: number;
  width: number;
  height: number;
}

/** Everything printed on one package's 4x6 label; one input per package of a shipment. */
export interface LabelDocumentInput {
  labelId: string;
  // `string & {}` keeps editor completion for the known codes while accepting any carrier.
  carrierCode: KnownLabelCarrier | (string & {});
  carrierName: string;
  serviceCode: string;
  serviceName: string;
  trackingNumber: string;
  shipFrom: PostalAddress;
  shipTo: PostalAddress;
  weightOz: number;
  dimensionsIn?: PackageDimensionsIn | null;
  zone: number | null;
  /** YYYY-MM-DD */
  shipDate: string;
  references: string[];
  isTest: boolean;
  isReturn: boolean;
  /** 1-based */
  packageIndex: number;
  packageCount: number;
  postageCents?: number;
  international: boolean;
  /** The account's label image, already fitted to the logo box; printed left of the FROM block. */
  logo?: LabelLogo | null;
}
