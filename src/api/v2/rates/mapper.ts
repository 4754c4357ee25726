import type { RateInvalid, RateResponse, StoredRate } from '../../../domain/rates/shop.ts';
import type { RateQuote } from '../../../carriers/types.ts';
import { seId } from '../../common/ids.ts';
import { money } from '../shared/money.ts';

const dateTime = (day: string | null) => (day ? `${day}T00:00:00Z` : undefined);

/** The amounts and service facts every rate shape shares (rate, rate_estimate). */
function quoteFields(q: RateQuote) {
  return {
    shipping_amount: money(q.shippingCents),
    insurance_amount: money(q.insuranceCents),
    confirmation_amount: money(q.confirmationCents),
    other_amount: money(q.otherCents),
    rate_details: q.details.map((d) => ({
      rate_detail_type: d.type,
      carrier_description: d.description,
      amount: money(d.amountCents),
    })),
    zone: q.zone,
    package_type: q.packageType,
    ...(q.deliveryDays !== null ? { delivery_days: q.deliveryDays } : {}),
    guaranteed_service: q.guaranteedService,
    ...(q.estimatedDeliveryDate ? { estimated_delivery_date: dateTime(q.estimatedDeliveryDate) } : {}),
    carrier_delivery_days: q.carrierDeliveryDays,
    ship_date: dateTime(q.shipDate),
    negotiated_rate: false,
    service_type: q.serviceType,
    service_code: q.serviceCode,
    trackable: q.trackable,
    carrier_code: q.carrierCode,
    validation_status: q.warnings.length > 0 ? 'has_warnings' : 'valid',
    warning_messages: q.warnings,
    error_messages: [] as string[],
  };
}

export function toV2Rate(rate: StoredRate, rateType: 'shipment' | 'check' = 'shipment') {
  return {
    rate_id: seId(rate.id),
    rate_type: rateType,
    carrier_id: seId(rate.carrierId),
    ...quoteFields(rate.quote),
    carrier_nickname: rate.carrierNickname,
    carrier_friendly_name: rate.carrierFriendlyName,
  };
}

/** Estimates have no rate_details in either spec's rate_estimate. */
export function toV2RateEstimate(rate: { carrierId: number; carrierNickname: string; carrierFriendlyName: string; quote: RateQuote }) {
  const { rate_details: _omitted, ...fields } = quoteFields(rate.quote);
  return {
    rate_type: 'check',
    carrier_id: seId(rate.carrierId),
    ...fields,
    carrier_nickname: rate.carrierNickname,
    carrier_friendly_name: rate.carrierFriendlyName,
  };
}

export function toV2InvalidRate(invalid: RateInvalid) {
  const zero = money(0);
  return {
    rate_id: seId(invalid.id),
    rate_type: 'shipment',
    carrier_id: seId(invalid.carrierId),
    shipping_amount: zero,
    insurance_amount: zero,
    confirmation_amount: zero,
    other_amount: zero,
    zone: null,
    package_type: invalid.packageType,
    guaranteed_service: false,
    negotiated_rate: false,
    service_type: invalid.serviceType,
    service_code: invalid.serviceCode,
    trackable: false,
    carrier_code: invalid.carrierCode,
    carrier_nickname: invalid.carrierNickname,
    carrier_friendly_name: invalid.carrierFriendlyName,
    validation_status: 'invalid',
    warning_messages: [] as string[],
    error_messages: invalid.messages,
  };
}

export function toV2RateResponse(response: RateResponse, errorSource: string) {
  return {
    rates: response.rates.map((r) => toV2Rate(r)),
    invalid_rates: response.invalidRates.map(toV2InvalidRate),
    rate_request_id: seId(response.id),
    shipment_id: response.shipmentId ? seId(response.shipmentId) : undefined,
    created_at: response.createdAt,
    status: response.status,
    errors: response.errors.map((e) =>
      e.fromCarrier
        ? {
            error_source: 'carrier',
            error_type: 'system',
            error_code: 'unspecified',
            message: e.message,
            // Only ShipEngine's error model names the carrier; V2's has no such fields.
            ...(errorSource === 'shipengine' && e.carrierId ? { carrier_id: seId(e.carrierId), carrier_code: e.carrierCode } : {}),
          }
        : { error_source: errorSource, error_type: 'business_rules', error_code: 'no_rates_returned', message: e.message },
    ),
  };
}
