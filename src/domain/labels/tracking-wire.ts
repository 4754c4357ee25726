// Tracking information in its V2 / ShipEngine wire shape: the body of GET /labels/{id}/track and
// GET /tracking, and the inline `data` of track webhooks (the same object, by design).
import { trackingUrl, type TrackingEvent, type TrackingResult } from '../tracking/index.ts';

/** Drops null fields: the specs type them as strings/numbers, not nullable. */
function defined<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;
}

type Carrier = { id: number; code: string };

export function toV2Tracking(t: TrackingResult, carrier: Carrier, trackingNumber: string) {
  return { ...toV2TrackingStatus(t, carrier, trackingNumber), events: t.events.map(toV2TrackingEvent) };
}

/** Everything but the events. */
export function toV2TrackingStatus(t: TrackingResult, carrier: Carrier, trackingNumber: string) {
  return defined({
    tracking_number: trackingNumber,
    tracking_url: trackingUrl(carrier.code, trackingNumber),
    status_code: t.statusCode,
    status_detail_code: t.statusDetailCode,
    status_detail_description: t.statusDetailDescription,
    carrier_code: carrier.code,
    carrier_id: carrier.id,
    carrier_detail_code: t.carrierDetailCode ?? t.carrierStatusCode,
    status_description: t.statusDescription,
    carrier_status_code: t.carrierStatusCode,
    carrier_status_description: t.carrierStatusDescription,
    ship_date: t.shipDate,
    estimated_delivery_date: t.estimatedDeliveryDate,
    actual_delivery_date: t.actualDeliveryDate,
    exception_description: t.exceptionDescription,
  });
}

export function toV2TrackingEvent(e: TrackingEvent) {
  return defined({
    occurred_at: e.occurredAt,
    // The carrier's local wall time has no offset; the specs require one, so it is given in UTC.
    carrier_occurred_at: e.occurredAt,
    description: e.description,
    city_locality: e.cityLocality,
    state_province: e.stateProvince,
    postal_code: e.postalCode,
    country_code: e.countryCode,
    company_name: e.companyName,
    signer: e.signer,
    event_code: e.eventCode,
    carrier_detail_code: e.carrierDetailCode,
    status_code: e.statusCode,
    status_description: e.statusDescription,
    carrier_status_code: e.carrierStatusCode,
    carrier_status_description: e.carrierStatusDescription,
    status_detail_code: e.statusDetailCode,
    status_detail_description: e.statusDetailDescription,
    latitude: e.latitude,
    longitude: e.longitude,
  });
}
