// Free-text shipment recognition (ShipEngine PUT /v1/shipments/recognize), rule based: the
// destination address, package weight and dimensions, insured value, delivery confirmation and a
// carrier service named in words ("via USPS first class").
import { recognizeAddress, type RecognizedEntity } from '../addresses/index.ts';
import type { Confirmation, Dimensions, PostalAddress, Weight, WeightUnit } from '../shipping-types.ts';

export interface NamedService {
  carrierCode: string;
  serviceCode: string;
  name: string;
}

export interface RecognizedShipment {
  /** Confidence in [0, 1]: the mean of the address score and every shipment entity's score. */
  score: number;
  shipTo: Partial<PostalAddress> | null;
  weight: Weight | null;
  dimensions: Dimensions | null;
  insuredValueCents: number | null;
  confirmation: Confirmation | null;
  carrierCode: string | null;
  serviceCode: string | null;
  entities: RecognizedEntity[];
}

const WEIGHT = /(\d+(?:\.\d+)?)\s*(ounces?|oz|pounds?|lbs?|kilograms?|kgs?|grams?|g)\b/i;
const DIMENSIONS = /(\d+(?:\.\d+)?)\s*(?:x|by|×)\s*(\d+(?:\.\d+)?)\s*(?:x|by|×)\s*(\d+(?:\.\d+)?)\s*(inches|inch|in\b|"|centimeters|centimetres|cm\b)?/i;
const INSURED = /\binsur\w*\b[^.$]*?\$\s?(\d[\d,]*(?:\.\d{1,2})?)/i;
const CONFIRMATIONS: [RegExp, Confirmation][] = [
  [/\badult[ -]signature\b/i, 'adult_signature'],
  [/\bdirect[ -]signature\b/i, 'direct_signature'],
  [/\bsignature\b/i, 'signature'],
  [/\bdelivery confirmation\b/i, 'delivery'],
];
const CARRIERS: [RegExp, string][] = [
  [/\b(?:usps|stamps\.com|postal service)\b/i, 'stamps_com'],
  [/\bups\b/i, 'ups'],
  [/\bfed ?ex\b/i, 'fedex'],
  [/\bdhl(?: express)?\b/i, 'dhl_express'],
];
/** Words in a written destination that precede the recipient ("ship it to Margie ..."). */
const DESTINATION_CUE = /\b(?:ship|send|deliver|mail)\b[^.]*?\bto\s+/gi;

const WEIGHT_UNITS: [RegExp, WeightUnit][] = [
  [/^(?:ounces?|oz)$/i, 'ounce'],
  [/^(?:pounds?|lbs?)$/i, 'pound'],
  [/^(?:kilograms?|kgs?)$/i, 'kilogram'],
  [/^(?:grams?|g)$/i, 'gram'],
];

const words = (text: string) => text.toLowerCase().replace(/[®™]/g, '').split(/[^a-z0-9]+/).filter(Boolean);

/** An entity for group `group` of a match in the text; `offset` is where the searched text began. */
function entity(type: string, match: RegExpExecArray, score: number, result: Record<string, unknown>, group = 0, offset = 0): RecognizedEntity {
  const text = match[group].trim();
  const startIndex = offset + match.index + match[0].indexOf(text);
  return { type, score, text, startIndex, endIndex: startIndex + text.length - 1, result };
}

/** Words a carrier puts before its service names ("USPS Priority Mail", "DHL Express 12:00"). */
const BRAND_WORDS: Record<string, readonly string[]> = { stamps_com: ['usps'], ups: ['ups'], fedex: ['fedex'], dhl_express: ['dhl', 'express'] };

/**
 * The service whose name (without the brand) shares the longest word prefix with the words
 * written after the carrier; ties go to the shortest name, so "ups ground" is UPS Ground rather
 * than UPS Ground Saver. Returns the service and how many written words it matched.
 */
function matchService(written: string[], carrierCode: string, services: readonly NamedService[]): { service: NamedService; matched: number } | null {
  const brand = BRAND_WORDS[carrierCode] ?? [];
  let best: { service: NamedService; matched: number; length: number } | null = null;
  for (const service of services.filter((s) => s.carrierCode === carrierCode)) {
    const serviceWords = words(service.name);
    while (serviceWords.length > 1 && brand.includes(serviceWords[0])) serviceWords.shift();
    let matched = 0;
    while (matched < serviceWords.length && serviceWords[matched] === written[matched]) matched++;
    if (matched === 0) continue;
    if (!best || matched > best.matched || (matched === best.matched && serviceWords.length < best.length)) {
      best = { service, matched, length: serviceWords.length };
    }
  }
  return best;
}

/** The address part of the text: what follows the last "ship ... to" cue, or all of it. */
function addressText(text: string): { offset: number; text: string } {
  let offset = 0;
  for (const cue of text.matchAll(DESTINATION_CUE)) offset = cue.index + cue[0].length;
  return { offset, text: text.slice(offset) };
}

export function recognizeShipment(text: string, services: readonly NamedService[], knownShipTo: Partial<PostalAddress> = {}): RecognizedShipment {
  const entities: RecognizedEntity[] = [];
  const found: Omit<RecognizedShipment, 'score' | 'entities' | 'shipTo'> = {
    weight: null,
    dimensions: null,
    insuredValueCents: null,
    confirmation: null,
    carrierCode: null,
    serviceCode: null,
  };

  const dimensions = DIMENSIONS.exec(text);
  if (dimensions) {
    const unit = /^c/i.test(dimensions[4] ?? '') ? 'centimeter' : 'inch';
    found.dimensions = { length: Number(dimensions[1]), width: Number(dimensions[2]), height: Number(dimensions[3]), unit };
    entities.push(entity('dimensions', dimensions, 0.9, { ...found.dimensions }));
  }
  const weight = WEIGHT.exec(text);
  if (weight) {
    const unit = WEIGHT_UNITS.find(([pattern]) => pattern.test(weight[2]))![1];
    found.weight = { value: Number(weight[1]), unit };
    entities.push(entity('weight', weight, 0.9, { ...found.weight }));
  }
  const insured = INSURED.exec(text);
  if (insured) {
    found.insuredValueCents = Math.round(Number(insured[1].replace(/,/g, '')) * 100);
    entities.push(entity('insured_value', insured, 0.9, { value: found.insuredValueCents / 100, unit: 'usd' }, 1));
  }
  for (const [pattern, confirmation] of CONFIRMATIONS) {
    const match = pattern.exec(text);
    if (!match) continue;
    found.confirmation = confirmation;
    entities.push(entity('delivery_confirmation', match, 0.9, { value: confirmation }));
    break;
  }
  for (const [pattern, carrierCode] of CARRIERS) {
    const match = pattern.exec(text);
    if (!match) continue;
    found.carrierCode = carrierCode;
    entities.push(entity('carrier', match, 0.9, { value: carrierCode }));
    const afterIndex = match.index + match[0].length;
    const written = words(text.slice(afterIndex));
    const service = matchService(written, carrierCode, services);
    if (service) {
      found.serviceCode = service.service.serviceCode;
      const span = new RegExp(written.slice(0, service.matched).join('\\W+'), 'i').exec(text.slice(afterIndex))!;
      entities.push(entity('service', span, 0.8, { value: found.serviceCode }, 0, afterIndex));
    }
    break;
  }

  // The address is read from text with the package facts blanked out (same length, so entity
  // positions still point into the original), or "10 x 8 x 4 cm" would pass for a street.
  const blanked = entities.reduce((t, e) => t.slice(0, e.startIndex) + ' '.repeat(e.endIndex - e.startIndex + 1) + t.slice(e.endIndex + 1), text);
  const part = addressText(blanked);
  const address = recognizeAddress(part.text, knownShipTo);
  const shipmentScores = entities.map((e) => e.score);
  for (const e of address.entities) entities.push({ ...e, startIndex: e.startIndex + part.offset, endIndex: e.endIndex + part.offset });
  const hasAddress = address.entities.length > 0;
  const all = [address.score, ...shipmentScores];
  return {
    score: hasAddress || shipmentScores.length > 0 ? Math.round((all.reduce((sum, s) => sum + s, 0) / all.length) * 1000) / 1000 : 0,
    shipTo: hasAddress ? address.address : null,
    ...found,
    entities: entities.sort((a, b) => a.startIndex - b.startIndex),
  };
}
