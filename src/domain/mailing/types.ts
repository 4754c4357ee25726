// V2 mailing: envelopes, sheets of mail labels and NetStamps, each piece USPS First-Class Mail.
import type { PostalAddress } from '../shipping-types.ts';

export type MailingKind = 'envelope' | 'mail_labels' | 'netstamps';
export type MailClass = 'letter' | 'flat';

export interface PieceDimensionsIn {
  length: number;
  height: number;
  thickness: number;
}

/** One requested piece, already checked field by field. */
export interface MailPieceInput {
  /** Where it came from in the request, for field errors: `shipments[2]`. */
  path: string;
  carrierId: number | null;
  serviceCode: string;
  packageCode: string | null;
  weightOz: number;
  dimensions: PieceDimensionsIn | null;
  nonMachinable: boolean;
  shipTo: PostalAddress | null;
  shipFrom: PostalAddress | null;
  externalShipmentId: string | null;
  /** Sheet position (NetStamps; mail labels get theirs from the sheet's start). */
  row: number | null;
  column: number | null;
}

export interface MailingRequest {
  kind: MailingKind;
  pieces: MailPieceInput[];
  /** First free position on a mail-label sheet. */
  startRow: number;
  startColumn: number;
}

export interface Postage {
  mailClass: MailClass;
  billedOunces: number;
  baseCents: number;
  nonMachinableCents: number;
  totalCents: number;
  /** stamped (NetStamps) or metered (printed envelopes and labels). */
  priceKind: 'stamped' | 'metered';
}

export interface MailPiece {
  id: number;
  mailingId: number;
  sequence: number;
  serviceCode: string;
  postage: Postage;
  weightOz: number;
  dimensions: PieceDimensionsIn | null;
  shipTo: PostalAddress | null;
  shipFrom: PostalAddress | null;
  externalShipmentId: string | null;
  row: number | null;
  column: number | null;
  /** 20-digit IMb tracking code and its routing ZIP (5 or 9 digits); null on NetStamps. */
  imb: { trackingCode: string; routingCode: string } | null;
  /** The 2D indicium's data (NetStamps and printed postage). */
  indiciumData: string;
  createdAt: string;
}

export interface Mailing {
  id: number;
  accountId: number;
  kind: MailingKind;
  carrierId: number;
  carrierCode: string;
  totalCents: number;
  downloadToken: string;
  createdAt: string;
  pieces: MailPiece[];
}
