// What each carrier calls the steps of a journey: raw codes and texts from tracking-events.md §4-5.
import type { CarrierFamily } from './carrier-family.ts';
import type { StatusDetailCode } from './types.ts';

export type Milestone =
  | 'labelCreated'
  | 'accepted'
  | 'departedOrigin'
  | 'arrivedAtHub'
  | 'departedHub'
  | 'customsCleared'
  | 'arrivedAtDestination'
  | 'outForDelivery'
  | 'delivered'
  | 'attempted'
  | 'returnedToSender'
  | 'delayed'
  | 'lost'
  | 'heldForPickup';

export interface CarrierEvent {
  /** Raw status: USPS/FedEx/DHL event code, UPS activity status type (M, P, I, O, D, X, RS). */
  carrierStatusCode: string;
  /** The most specific raw code, also reported as event_code (UPS: MP, OR, AR, DP, OT, KB...). */
  carrierDetailCode: string;
  description: string;
  statusDetailCode: StatusDetailCode;
}

const event = (
  carrierStatusCode: string,
  carrierDetailCode: string,
  description: string,
  statusDetailCode: StatusDetailCode,
): CarrierEvent => ({ carrierStatusCode, carrierDetailCode, description, statusDetailCode });

/** USPS, FedEx and DHL report a single code per event. */
const single = (code: string, description: string, statusDetailCode: StatusDetailCode): CarrierEvent =>
  event(code, code, description, statusDetailCode);

type Vocabulary = Record<Exclude<Milestone, 'customsCleared'>, CarrierEvent> & { customsCleared?: CarrierEvent };

// Codes marked "undocumented" have no entry in the reference and were chosen to look plausible.
export const CARRIER_EVENTS: Readonly<Record<CarrierFamily, Vocabulary>> = {
  usps: {
    labelCreated: single('MA', 'Shipping Label Created, USPS Awaiting Item', 'ELEC_ADVICE_RECD_BY_CARRIER'),
    accepted: single('03', 'USPS in possession of item', 'RECEIVED_BY_CARRIER'),
    departedOrigin: single('SF', 'Departed Post Office', 'IN_TRANSIT'),
    arrivedAtHub: single('10', 'Arrived at USPS Regional Facility', 'IN_TRANSIT'),
    departedHub: single('10', 'Departed USPS Regional Facility', 'IN_TRANSIT'),
    arrivedAtDestination: single('07', 'Arrived at Post Office', 'RECEIVED_LOCAL_DELIVERY_DEPOT'),
    outForDelivery: single('OF', 'Out for Delivery', 'OUT_FOR_DELIVERY'),
    delivered: single('01', 'Delivered, Front Door/Porch', 'DELIVERED'),
    attempted: single('02', 'Notice Left (No Authorized Recipient Available)', 'ATTEMPTED_DELIVERY'),
    returnedToSender: single('09', 'Return to Sender', 'RETURN_TO_SENDER'),
    delayed: single('29', 'Delivery Exception, Carrier Delay', 'CARRIER_DELAYS'),
    lost: single('29', 'Delivery Exception, Item Could Not Be Located', 'PARCEL_LOST'),
    heldForPickup: single('16', 'Available for Pickup', 'COLLECT_AT_LOCAL_PO'),
  },
  ups: {
    labelCreated: event('M', 'MP', 'Shipper created a label, UPS has not received the package yet.', 'ELEC_ADVICE_RECD_BY_CARRIER'),
    accepted: event('P', 'OR', 'Origin Scan', 'RECEIVED_BY_CARRIER'),
    departedOrigin: event('I', 'DP', 'Departed from Facility', 'IN_TRANSIT'),
    arrivedAtHub: event('I', 'AR', 'Arrived at Facility', 'IN_TRANSIT'),
    departedHub: event('I', 'DP', 'Departed from Facility', 'IN_TRANSIT'),
    arrivedAtDestination: event('I', 'AR', 'Arrived at Facility', 'RECEIVED_LOCAL_DELIVERY_DEPOT'),
    outForDelivery: event('O', 'OT', 'Out For Delivery Today', 'OUT_FOR_DELIVERY'),
    delivered: event('D', 'KB', 'DELIVERED', 'DELIVERED'),
    // X exceptions: the detail codes are undocumented, so the status type is repeated.
    attempted: event('X', 'X', 'The receiver was not available for delivery. We\'ll make a second attempt the next business day.', 'ATTEMPTED_DELIVERY'),
    returnedToSender: event('RS', 'RS', 'Returned to Sender', 'RETURN_TO_SENDER'),
    delayed: event('X', 'X', 'Your package is delayed due to an operational issue.', 'CARRIER_DELAYS'),
    lost: event('X', 'X', 'We are unable to locate your package.', 'PARCEL_LOST'),
    heldForPickup: event('I', 'I', 'Delivered to UPS Access Point, awaiting customer pickup', 'AWAITING_COLLECTION_FROM_PICKUP_POINT'), // undocumented codes
  },
  fedex: {
    labelCreated: single('OC', 'Shipment information sent to FedEx', 'ELEC_ADVICE_RECD_BY_CARRIER'),
    accepted: single('PU', 'Picked up', 'RECEIVED_BY_CARRIER'),
    departedOrigin: single('DP', 'Left FedEx origin facility', 'IN_TRANSIT'),
    arrivedAtHub: single('AR', 'Arrived at FedEx hub', 'IN_TRANSIT'),
    departedHub: single('DP', 'Departed FedEx hub', 'IN_TRANSIT'),
    customsCleared: single('CC', 'International shipment release - Import', 'CUSTOMS_CLEARED'),
    arrivedAtDestination: single('AF', 'At local FedEx facility', 'RECEIVED_LOCAL_DELIVERY_DEPOT'),
    outForDelivery: single('OD', 'On FedEx vehicle for delivery', 'OUT_FOR_DELIVERY'),
    delivered: single('DL', 'Delivered', 'DELIVERED'),
    attempted: single('DE', 'Delivery exception - Customer not available or business closed', 'ATTEMPTED_DELIVERY'),
    returnedToSender: single('RS', 'Return to shipper', 'RETURN_TO_SENDER'),
    delayed: single('DY', 'Delay - Operational delay', 'CARRIER_DELAYS'),
    lost: single('SE', 'Shipment exception - Package could not be located', 'PARCEL_LOST'),
    heldForPickup: single('HL', 'Hold at location - Ready for pickup', 'AWAITING_COLLECTION_FROM_PICKUP_POINT'),
  },
  dhl_express: {
    labelCreated: single('SD', 'Shipment information received', 'ELEC_ADVICE_RECD_BY_CARRIER'), // undocumented code
    accepted: single('PU', 'Shipment picked up', 'RECEIVED_BY_CARRIER'),
    departedOrigin: single('DF', 'Departed Facility', 'IN_TRANSIT'),
    arrivedAtHub: single('AF', 'Arrived at DHL Sort Facility', 'IN_TRANSIT'),
    departedHub: single('DF', 'Departed Facility', 'IN_TRANSIT'),
    customsCleared: single('CR', 'Clearance processing complete', 'CUSTOMS_CLEARED'),
    arrivedAtDestination: single('AR', 'Arrived at DHL Delivery Facility', 'RECEIVED_LOCAL_DELIVERY_DEPOT'),
    outForDelivery: single('WC', 'With delivery courier', 'OUT_FOR_DELIVERY'),
    delivered: single('OK', 'Delivered', 'DELIVERED'),
    attempted: single('NH', 'Delivery attempted; recipient not home', 'ATTEMPTED_DELIVERY'),
    returnedToSender: single('RT', 'Returned to shipper', 'RETURN_TO_SENDER'),
    delayed: single('OH', 'Shipment on hold', 'CARRIER_DELAYS'),
    lost: single('OH', 'Shipment on hold - could not be located', 'PARCEL_LOST'),
    heldForPickup: single('CC', 'Awaiting collection by recipient as requested', 'AWAITING_COLLECTION_FROM_PICKUP_POINT'),
  },
};

export function carrierEvent(family: CarrierFamily, milestone: Milestone): CarrierEvent {
  const found = CARRIER_EVENTS[family][milestone];
  if (!found) throw new Error(`${family} reports no ${milestone} event`);
  return found;
}

/** UPS records where it left the parcel; DHL Express always collects a signature. */
export function signerFor(family: CarrierFamily, recipientName: string): string | null {
  if (family === 'ups') return 'FRONT DOOR';
  if (family === 'dhl_express') return recipientName.trim().split(/\s+/).at(-1)?.toUpperCase() || null;
  return null;
}
