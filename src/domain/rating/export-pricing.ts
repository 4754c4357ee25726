// Export prices from the DHL Express Worldwide 2025 US table (zones A-N). DHL quotes it directly; the UPS,
// FedEx and USPS international services are scaled from it (no other international table is available).
import type { Cents } from '../shipping-types.ts';
import { DHL_EXPORT_TABLES } from './tables.ts';
import { lookupPrice, maxTableWeightLb } from './rate-table.ts';

export interface ExportPrice {
  cents: Cents;
  /** Weight the price was read for: the "not over" row, or whole pounds above the table. */
  billedWeightLb: number;
  kind: 'envelope' | 'documents' | 'non_documents';
}

/**
 * Envelope row for an express envelope of documents up to 0.5 kg; documents rows for documents up to 4 lb;
 * otherwise the non-document rows, and above 150 lb whole pounds x the per-pound rate of the weight band.
 */
export function exportPrice(zone: string, weightLb: number, options: { documents: boolean; envelope: boolean }): ExportPrice | null {
  const tables = DHL_EXPORT_TABLES;
  if (options.documents && options.envelope && weightLb <= tables.envelope.maxWeightLb) {
    const cents = tables.envelope.prices.get(zone);
    return cents === undefined ? null : { cents, billedWeightLb: tables.envelope.maxWeightLb, kind: 'envelope' };
  }
  if (options.documents && weightLb <= maxTableWeightLb(tables.documents)) {
    const price = lookupPrice(tables.documents, weightLb, zone);
    return price && { cents: price.cents, billedWeightLb: price.row.maxWeightLb, kind: 'documents' };
  }
  if (weightLb <= maxTableWeightLb(tables.nonDocuments)) {
    const price = lookupPrice(tables.nonDocuments, weightLb, zone);
    return price && { cents: price.cents, billedWeightLb: price.row.maxWeightLb, kind: 'non_documents' };
  }
  const wholePounds = Math.ceil(weightLb);
  const band = tables.perPoundAbove150.find((candidate) => wholePounds >= candidate.fromLb && wholePounds <= candidate.toLb);
  const perLb = band?.pricesPerLb.get(zone);
  return perLb === undefined ? null : { cents: wholePounds * perLb, billedWeightLb: wholePounds, kind: 'non_documents' };
}
