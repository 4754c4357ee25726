// Carrier-neutral tracking shapes; the V2/ShipEngine layer maps them to tracking_information
// and track_event (snake_case), ShipStation V1 to its own fields.
import type { PostalAddress } from '../shipping-types.ts';

/** ShipEngine two-letter status codes. */
export type TrackingStatusCode = 'UN' | 'AC' | 'IT' | 'DE' | 'EX' | 'AT' | 'NY' | 'SP';

/** The status_detail_code values the simulator emits (all present in both V2 and ShipEngine lists). */
export type StatusDetailCode =
  | 'ELEC_ADVICE_RECD_BY_CARRIER'
  | 'RECEIVED_BY_CARRIER'
  | 'IN_TRANSIT'
  | 'CUSTOMS_CLEARED'
  | 'RECEIVED_LOCAL_DELIVERY_DEPOT'
  | 'OUT_FOR_DELIVERY'
  | 'DELIVERED'
  | 'ATTEMPTED_DELIVERY'
  | 'COLLECT_AT_LOCAL_PO'
  | 'AWAITING_COLLECTION_FROM_PICKUP_POINT'
  | 'RETURN_TO_SENDER'
  | 'CARRIER_DELAYS'
  | 'PARCEL_LOST';

/** Label-level `tracking_status`. */
export type LabelTrackingStatus = 'unknown' | 'in_transit' | 'delivered' | 'error';

export interface SimulateTrackingInput {
  carrierCode: string;
  serviceCode: string;
  trackingNumber: string;
  /** ISO date-time (its instant is when the label was created) or `YYYY-MM-DD`. */
  shipDate: string;
  /** `YYYY-MM-DD`; null lets the simulator pick the service's typical transit time. */
  estimatedDeliveryDate: string | null;
  shipFrom: PostalAddress;
  shipTo: PostalAddress;
  now: Date;
  voided?: boolean;
}

export interface TrackingEvent {
  /** UTC, `YYYY-MM-DDTHH:mm:ssZ`. */
  occurredAt: string;
  /** Local time where the event happened, `YYYY-MM-DDTHH:mm:ss` without offset. */
  carrierOccurredAt: string;
  description: string;
  cityLocality: string;
  stateProvince: string;
  postalCode: string;
  countryCode: string;
  companyName: string | null;
  signer: string | null;
  eventCode: string;
  statusCode: TrackingStatusCode;
  statusDescription: string;
  carrierStatusCode: string;
  carrierStatusDescription: string;
  carrierDetailCode: string;
  statusDetailCode: StatusDetailCode;
  statusDetailDescription: string;
  latitude: number | null;
  longitude: number | null;
}

export interface TrackingResult {
  statusCode: TrackingStatusCode;
  statusDescription: string;
  statusDetailCode: StatusDetailCode;
  statusDetailDescription: string;
  carrierStatusCode: string;
  carrierStatusDescription: string;
  carrierDetailCode: string;
  /** UTC date-times, `YYYY-MM-DDTHH:mm:ssZ`; the estimate is the delivery date at 00:00Z. */
  shipDate: string;
  estimatedDeliveryDate: string | null;
  actualDeliveryDate: string | null;
  exceptionDescription: string | null;
  /** Newest first, as the carriers' APIs list them. */
  events: TrackingEvent[];
}
