// What kind of delivery point a standardised US line 1 names, and what CASS would reject in it:
// a street address needs a numeric primary number and a street name; PO Box, rural route,
// highway contract and military (PSC/CMR/UNIT) lines need their box numbers.
import type { AddressDetailCode } from './validation-messages.ts';

export type DeliveryPointType = 'street' | 'po_box' | 'rural_route' | 'highway_contract' | 'military' | 'general_delivery';

export interface DeliveryPointProblem {
  detailCode: AddressDetailCode;
  message: string;
}

export interface DeliveryPoint {
  type: DeliveryPointType;
  problem: DeliveryPointProblem | null;
}

/** How the recognised non-street types are described in the validation's info message. */
export const DELIVERY_POINT_DESCRIPTIONS: Readonly<Record<Exclude<DeliveryPointType, 'street'>, string>> = {
  po_box: 'PO Box address',
  rural_route: 'rural route address',
  highway_contract: 'highway contract route address',
  military: 'military (APO/FPO/DPO) address',
  general_delivery: 'General Delivery address',
};

/**
 * Primary numbers USPS accepts: 123, 123A, 123-B, 123-45 (Queens), 123 1/2, and the Wisconsin /
 * Utah grid forms N6W23001 and W156N9500. Anything else with a digit is malformed.
 */
const PRIMARY_NUMBER = /^(\d+[A-Z]?|\d+-(\d+|[A-Z])|[NSEW]\d+[NSEW]\d+|[A-Z]\d+)$/;

/** `line1` as standardised by normalizeDeliveryLine (uppercase, PO BOX / RR / HC forms). */
export function classifyDeliveryPoint(line1: string, military: boolean): DeliveryPoint {
  const tokens = line1.split(' ').filter(Boolean);
  const [first = '', second] = tokens;
  if (first === 'PO' && second === 'BOX') {
    return point('po_box', tokens.length >= 3 ? null : { detailCode: 'missing_box_number', message: 'a PO Box number is required' });
  }
  if (first === 'RR' || first === 'HC') {
    const type = first === 'RR' ? 'rural_route' : 'highway_contract';
    if (!second || !/^\d+$/.test(second)) return point(type, { detailCode: 'invalid_box_number', message: `a ${first} route number is required` });
    return point(type, tokens[2] === 'BOX' && tokens[3] ? null : { detailCode: 'missing_box_number', message: `a box number is required on ${first} ${second}` });
  }
  if (/^(PSC|CMR|UNIT)$/.test(first) && second && /^\d+$/.test(second)) {
    if (!military) return point('military', { detailCode: 'minimum_postal_code_verification_failed', message: `${first} ${second} is a military address: the city must be APO, FPO or DPO and the state AA, AE or AP` });
    return point('military', tokens[2] === 'BOX' && tokens[3] ? null : { detailCode: 'missing_box_number', message: `a box number is required on ${first} ${second}` });
  }
  if (first === 'GENERAL' && second === 'DELIVERY') return point('general_delivery', null);

  if (!/\d/.test(first)) return point('street', { detailCode: 'missing_house_number', message: 'a street number is required' });
  if (!PRIMARY_NUMBER.test(first)) {
    return point('street', { detailCode: 'invalid_house_number', message: `the street number "${first}" is not a valid primary number` });
  }
  const nameStart = /^\d+\/\d+$/.test(second ?? '') ? 2 : 1;
  if (tokens.length <= nameStart) return point('street', { detailCode: 'street_does_not_match_unique_street_name', message: 'a street name is required' });
  return point('street', null);
}

function point(type: DeliveryPointType, problem: DeliveryPointProblem | null): DeliveryPoint {
  return { type, problem };
}
