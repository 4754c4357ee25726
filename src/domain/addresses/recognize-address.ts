// Free-text address recognition (ShipEngine PUT /v1/addresses/recognize), rule based:
// postal code, then the street line (house number ... suffix), its unit, the state before the
// postal code, the city before the state, and names/companies before the street.
import type { PostalAddress } from '../shipping-types.ts';
import { findCity, findCountry, findNames, findPostalCode, findState, findStreet, findUnit, type Span } from './address-text-finders.ts';
import { tokenize } from './text-tokens.ts';
import { lookupUsZip } from './us-zip-directory.ts';

export interface RecognizedEntity {
  /** person, company_name, address_line, number, city_locality, state_province, postal_code, country */
  type: string;
  score: number;
  text: string;
  startIndex: number;
  /** Index of the entity's last character (inclusive), as in the API. */
  endIndex: number;
  result: Record<string, unknown>;
}

export interface RecognizedAddress {
  /** Confidence in [0, 1]: the mean score of line 1, city, state and postal code (0 when missing). */
  score: number;
  address: Partial<PostalAddress>;
  entities: RecognizedEntity[];
}

/** `known` holds values the caller already has; they win over anything parsed. */
export function recognizeAddress(text: string, known: Partial<PostalAddress> = {}): RecognizedAddress {
  const tokens = tokenize(text);
  const entity = (type: string, span: Span, score: number, result: Record<string, unknown>): RecognizedEntity => ({
    type,
    score,
    text: text.slice(tokens[span.first].start, tokens[span.last].end),
    startIndex: tokens[span.first].start,
    endIndex: tokens[span.last].end - 1,
    result,
  });
  const entities: RecognizedEntity[] = [];
  const found: Partial<PostalAddress> = {};
  const fieldScores = { line1: 0, city: 0, state: 0, postal: 0 };

  const postal = findPostalCode(tokens);
  const street = findStreet(text, tokens, postal);
  const unit = street ? findUnit(tokens, street.last + 1) : null;
  const afterStreet = (unit ?? street)?.last ?? -1;
  const state = findState(tokens, afterStreet + 1, postal?.first ?? tokens.length, postal?.country);
  // A city is only told apart from other words by the state or postal code that follows it.
  const cityEnd = state?.first ?? postal?.first;
  const city = cityEnd === undefined ? null : findCity(tokens, afterStreet + 1, cityEnd);
  const country = findCountry(tokens, afterStreet + 1);

  for (const name of street ? findNames(tokens, street.first) : []) {
    found[name.type === 'person' ? 'name' : 'companyName'] ??= name.value;
    entities.push(entity(name.type, name, 0.9, { value: name.value }));
  }
  if (street) {
    fieldScores.line1 = street.hasSuffix ? 0.95 : 0.85;
    found.addressLine1 = street.value;
    entities.push(entity('address_line', street, fieldScores.line1, { line: 1, value: street.value }));
    if (street.houseNumber !== null) {
      const numberSpan = { first: street.first, last: street.first };
      entities.push(entity('number', numberSpan, fieldScores.line1, { type: 'cardinal', value: street.houseNumber }));
    }
  }
  if (unit) {
    found.addressLine2 = unit.value;
    entities.push(entity('address_line', unit, 0.95, { line: 2, value: unit.value }));
    if (/^\d+$/.test(unit.number)) {
      entities.push(entity('number', { first: unit.last, last: unit.last }, 0.95, { type: 'cardinal', value: Number(unit.number) }));
    }
  }
  if (city) {
    const zipCity = postal?.country === 'US' ? lookupUsZip(postal.value.slice(0, 5))?.city : undefined;
    fieldScores.city = zipCity === city.value.toUpperCase() ? 0.95 : 0.8;
    found.cityLocality = city.value;
    entities.push(entity('city_locality', city, fieldScores.city, { value: city.value }));
  }
  if (state) {
    fieldScores.state = state.confident ? 0.9 : 0.6;
    found.stateProvince = state.code;
    entities.push(entity('state_province', state, fieldScores.state, { name: state.name, value: state.code }));
  }
  if (postal) {
    fieldScores.postal = postal.country === 'CA' || lookupUsZip(postal.value.slice(0, 5)) ? 0.95 : 0.7;
    found.postalCode = postal.value;
    entities.push(entity('postal_code', postal, fieldScores.postal, { value: postal.value }));
  }
  if (country) {
    found.countryCode = country.code;
    entities.push(entity('country', country, 0.95, { name: country.name, value: country.code }));
  }

  const knownValues = Object.fromEntries(Object.entries(known).filter(([, value]) => value != null && value !== ''));
  const scores = Object.values(fieldScores);
  return {
    score: Math.round((scores.reduce((sum, s) => sum + s, 0) / scores.length) * 1000) / 1000,
    address: { ...found, residential: 'unknown', ...knownValues },
    entities: entities.sort((a, b) => a.startIndex - b.startIndex),
  };
}

