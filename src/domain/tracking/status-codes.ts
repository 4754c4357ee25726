// Normalized status vocabulary: texts from the ShipEngine OpenAPI, pairing from tracking-events.md §3.
import type { LabelTrackingStatus, StatusDetailCode, TrackingStatusCode } from './types.ts';

export const STATUS_DESCRIPTIONS: Readonly<Record<TrackingStatusCode, string>> = {
  UN: 'Unknown',
  AC: 'Accepted',
  IT: 'In Transit',
  DE: 'Delivered',
  EX: 'Exception',
  AT: 'Delivery Attempt',
  NY: 'Not Yet In System',
  SP: 'Delivered To Collection Location',
};

export const STATUS_DETAILS: Readonly<Record<StatusDetailCode, { statusCode: TrackingStatusCode; description: string }>> = {
  ELEC_ADVICE_RECD_BY_CARRIER: { statusCode: 'NY', description: "Your shipment is now in the carrier's system." },
  RECEIVED_BY_CARRIER: {
    statusCode: 'AC',
    description: 'Your parcel has been received by the carrier and is beginning its journey.',
  },
  IN_TRANSIT: { statusCode: 'IT', description: 'Your shipment is on its way between the carrier hubs.' },
  CUSTOMS_CLEARED: { statusCode: 'IT', description: 'Your parcel has cleared customs and is continuing its journey.' },
  RECEIVED_LOCAL_DELIVERY_DEPOT: {
    statusCode: 'IT',
    description: 'Your parcel has arrived at the local delivery depot and is almost ready for delivery.',
  },
  OUT_FOR_DELIVERY: { statusCode: 'IT', description: 'Your parcel is on its way and will be delivered today.' },
  DELIVERED: { statusCode: 'DE', description: 'Your parcel has been successfully delivered.' },
  ATTEMPTED_DELIVERY: {
    statusCode: 'AT',
    description: 'The carrier attempted to deliver your parcel but was unable to complete delivery.',
  },
  COLLECT_AT_LOCAL_PO: { statusCode: 'SP', description: 'Your parcel is ready for collection at your local post office.' },
  AWAITING_COLLECTION_FROM_PICKUP_POINT: {
    statusCode: 'SP',
    description: 'Your parcel is ready for collection at the selected pickup point.',
  },
  RETURN_TO_SENDER: { statusCode: 'EX', description: 'Your parcel is being returned to the sender due to delivery issues.' },
  CARRIER_DELAYS: { statusCode: 'EX', description: 'Your parcel is delayed due to issues within the carrier network.' },
  PARCEL_LOST: { statusCode: 'EX', description: 'The carrier has reported that your parcel is lost and will not be delivered.' },
};

/** The label object's `tracking_status` for a tracking status code. */
export function labelTrackingStatus(statusCode: TrackingStatusCode): LabelTrackingStatus {
  switch (statusCode) {
    case 'UN':
    case 'NY':
      return 'unknown';
    case 'DE':
      return 'delivered';
    case 'EX':
      return 'error';
    default:
      return 'in_transit';
  }
}
