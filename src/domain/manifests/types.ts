// An end-of-day manifest (SCAN form) in surface-neutral form.
import type { PostalAddress } from '../shipping-types.ts';

export type ManifestRequestStatus = 'in_progress' | 'completed';

export interface Manifest {
  id: number;
  accountId: number;
  requestId: number;
  carrierId: number;
  warehouseId: number;
  /** YYYY-MM-DD: the day the carrier takes the pieces. */
  shipDate: string;
  /** The carrier's electronic file number, 22 digits like a USPS SCAN form's. */
  submissionId: string;
  downloadToken: string;
  shipper: PostalAddress;
  labelIds: number[];
  createdAt: string;
}

export interface ManifestRequest {
  id: number;
  status: ManifestRequestStatus;
  createdAt: string;
  manifests: Manifest[];
}

/** Explicit (label ids) or implicit (carrier, warehouse, ship date, minus exclusions). */
export type ManifestCriteria =
  | { kind: 'labels'; labelIds: number[] }
  | { kind: 'day'; carrierId: number; warehouseId: number; shipDate: string; labelIds?: number[]; excludedLabelIds: number[] };

export interface ManifestFilter {
  warehouseId?: number;
  carrierId?: number;
  shipDateStart?: string;
  shipDateEnd?: string;
  createdAtStart?: string;
  createdAtEnd?: string;
  labelIds?: number[];
  offset: number;
  limit: number;
}
