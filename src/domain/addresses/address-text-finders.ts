// Finders for the parts of a free-text address, each working on word tokens and returning
// the token span it recognised. Used by recognizeAddress.
import { canadianProvinceCode, canadianProvinceName } from './canada-provinces.ts';
import { normalizeUsState } from './normalize.ts';
import { SECONDARY_DESIGNATORS, STREET_SUFFIXES, US_STATE_CODES } from './pub28-reference.ts';
import { isLastInSegment, type TextToken } from './text-tokens.ts';

/** Indices of the first and last token of a recognised part. */
export interface Span {
  first: number;
  last: number;
}

interface PostalSpan extends Span {
  value: string;
  country: 'US' | 'CA';
}

/** The last US ZIP (ending a segment or following a state code) or Canadian postal code. */
export function findPostalCode(tokens: TextToken[]): PostalSpan | null {
  for (let i = tokens.length - 1; i >= 0; i--) {
    const word = tokens[i].upper;
    if (/^\d{5}(-\d{4})?$/.test(word) && (isLastInSegment(tokens, i) || US_STATE_CODES.has(tokens[i - 1]?.upper ?? ''))) {
      return { first: i, last: i, value: word, country: 'US' };
    }
    if (/^[A-Z]\d[A-Z]\d[A-Z]\d$/.test(word)) return { first: i, last: i, value: `${word.slice(0, 3)} ${word.slice(3)}`, country: 'CA' };
    const next = tokens[i + 1];
    if (/^[A-Z]\d[A-Z]$/.test(word) && next && !next.breakBefore && /^\d[A-Z]\d$/.test(next.upper)) {
      return { first: i, last: i + 1, value: `${word} ${next.upper}`, country: 'CA' };
    }
  }
  return null;
}

interface StreetSpan extends Span {
  value: string;
  houseNumber: number | null;
  hasSuffix: boolean;
}

const HOUSE_NUMBER = /^\d+[A-Z]?(-\d+[A-Z]?)?$/;
const PO_BOX = /\b(?:P\.?\s*O\.?|Post\s+Office)\s*Box\s+([A-Za-z0-9-]+)/i;
const ABBREVIATED_DIRECTIONALS = new Set(['N', 'S', 'E', 'W', 'NE', 'NW', 'SE', 'SW']);

export function findStreet(text: string, tokens: TextToken[], postal: Span | null): StreetSpan | null {
  const poBox = PO_BOX.exec(text);
  if (poBox) {
    const first = tokens.findIndex((t) => t.start >= poBox.index);
    const last = tokens.findIndex((t) => t.end >= poBox.index + poBox[0].length);
    return { first, last, value: `PO Box ${poBox[1]}`, houseNumber: null, hasSuffix: true };
  }
  for (let i = 0; i < tokens.length; i++) {
    if (postal && i >= postal.first) break;
    if (!HOUSE_NUMBER.test(tokens[i].upper)) continue;
    const street = extendStreet(tokens, i, postal);
    if (street) return { ...street, value: text.slice(tokens[i].start, tokens[street.last].end) };
  }
  return null;
}

/** From a house number, take words until a separator, a unit, a connector ("in"), or a suffix after the name. */
function extendStreet(tokens: TextToken[], first: number, postal: Span | null): Omit<StreetSpan, 'value'> | null {
  let last = first;
  let hasSuffix = false;
  for (let j = first + 1; j < tokens.length; j++) {
    const token = tokens[j];
    if (token.breakBefore || (postal && j >= postal.first) || startsUnit(tokens, j) || isConnector(token)) break;
    last = j;
    if (j > first + 1 && STREET_SUFFIXES.has(token.upper)) {
      hasSuffix = true;
      const next = tokens[j + 1];
      if (next && !next.breakBefore && ABBREVIATED_DIRECTIONALS.has(next.upper)) last = j + 1;
      break;
    }
  }
  const hasName = tokens.slice(first + 1, last + 1).some((t) => /\p{L}/u.test(t.text));
  if (!hasName) return null;
  return { first, last, houseNumber: Number.parseInt(tokens[first].text, 10), hasSuffix };
}

function startsUnit(tokens: TextToken[], index: number): boolean {
  const word = tokens[index].upper;
  if (/^#\w+$/.test(word)) return true;
  const next = tokens[index + 1];
  return word !== '#' && SECONDARY_DESIGNATORS.has(word) && next !== undefined && /\d/.test(next.text);
}

interface UnitSpan extends Span {
  value: string;
  number: string;
}

export function findUnit(tokens: TextToken[], index: number): UnitSpan | null {
  if (index >= tokens.length || !startsUnit(tokens, index)) return null;
  const designator = tokens[index].text;
  if (designator.startsWith('#')) return { first: index, last: index, value: designator, number: designator.slice(1) };
  const number = tokens[index + 1].text.replace(/^#/, '');
  return { first: index, last: index + 1, value: `${titleCase(designator)} ${number}`, number };
}

interface StateSpan extends Span {
  code: string;
  name: string;
  /** Written as a capitalised code or a full name, or right before the postal code. */
  confident: boolean;
}

/** The last state/province mention in [from, to): a full name, or a two-letter code that is
 *  capitalised or ends its segment (so "in austin" is not Indiana). */
export function findState(tokens: TextToken[], from: number, to: number, postalCountry?: 'US' | 'CA'): StateSpan | null {
  for (let last = to - 1; last >= from; last--) {
    for (const size of [3, 2, 1]) {
      const first = last - size + 1;
      if (first < from || tokens.slice(first + 1, last + 1).some((t) => t.breakBefore)) continue;
      const phrase = tokens.slice(first, last + 1).map((t) => t.upper).join(' ');
      const match = stateByPhrase(phrase, postalCountry);
      if (!match) continue;
      const isCode = size === 1 && phrase.length === 2;
      const capitalised = tokens[first].text === phrase;
      const beforePostal = last === to - 1 && to < tokens.length;
      if (isCode && !capitalised && !beforePostal && !isLastInSegment(tokens, last)) continue;
      return { first, last, ...match, confident: !isCode || capitalised || beforePostal };
    }
  }
  return null;
}

function stateByPhrase(phrase: string, postalCountry?: 'US' | 'CA'): { code: string; name: string } | null {
  if (postalCountry !== 'CA') {
    const code = normalizeUsState(phrase);
    const name = US_STATE_CODES.get(code);
    if (name) return { code, name };
  }
  if (postalCountry !== 'US') {
    const code = canadianProvinceCode(phrase);
    const name = code ? canadianProvinceName(code) : null;
    if (code && name) return { code, name };
  }
  return null;
}

/** The words of the segment that ends right before the state (or postal code). */
export function findCity(tokens: TextToken[], from: number, to: number): (Span & { value: string }) | null {
  let first = to - 1;
  while (first > from && !tokens[first].breakBefore) first--;
  while (first < to && isConnector(tokens[first])) first++;
  if (first < from || first >= to) return null;
  const words = tokens.slice(first, to);
  if (!words.every((t) => /^\p{L}[\p{L}'’.-]*$/u.test(t.text))) return null;
  return { first, last: to - 1, value: titleCase(words.map((t) => t.text).join(' ')) };
}

const COUNTRY_WORDS: readonly { words: string[]; code: string; name: string; exactCase?: true }[] = [
  { words: ['UNITED', 'STATES', 'OF', 'AMERICA'], code: 'US', name: 'United States' },
  { words: ['UNITED', 'STATES'], code: 'US', name: 'United States' },
  { words: ['USA'], code: 'US', name: 'United States' },
  { words: ['US'], code: 'US', name: 'United States', exactCase: true },
  { words: ['CANADA'], code: 'CA', name: 'Canada' },
];

/** Only a country written out in the text counts; it is never inferred from the postal code. */
export function findCountry(tokens: TextToken[], from: number): (Span & { code: string; name: string }) | null {
  for (let i = Math.max(from, 0); i < tokens.length; i++) {
    for (const country of COUNTRY_WORDS) {
      const window = tokens.slice(i, i + country.words.length);
      const matches =
        window.length === country.words.length &&
        window.every((t, k) => (country.exactCase ? t.text : t.upper) === country.words[k]);
      if (matches) return { first: i, last: i + window.length - 1, code: country.code, name: country.name };
    }
  }
  return null;
}

/** Phrases that introduce a recipient rather than name one. */
const LEAD_IN = /^((PLEASE )?(SHIP|SEND|DELIVER|MAIL)( IT| THIS)? TO|ATTN|ATTENTION|C\/O|TO)$/;
const COMPANY_ENDINGS = new Set(['INC', 'LLC', 'LTD', 'CORP', 'CORPORATION', 'CO', 'COMPANY', 'GMBH', 'PLC', 'LLP', 'LP']);

type NameSpan = Span & { type: 'person' | 'company_name'; value: string };

/** Segments before the street: one ending like "Inc"/"LLC" is a company, the first other one a person. */
export function findNames(tokens: TextToken[], streetStart: number): NameSpan[] {
  const names: NameSpan[] = [];
  for (const segment of segments(tokens, 0, streetStart)) {
    let last = segment.last;
    while (last >= segment.first && isConnector(tokens[last])) last--;
    const first = segment.first + leadInLength(tokens.slice(segment.first, last + 1));
    const words = tokens.slice(first, last + 1);
    if (words.length === 0 || words.some((t) => /\d/.test(t.text))) continue;
    const type = COMPANY_ENDINGS.has(tokens[last].upper) ? 'company_name' : 'person';
    if (names.some((n) => n.type === type)) continue;
    names.push({ first, last, type, value: words.map((t) => t.text).join(' ') });
  }
  return names;
}

/** How many leading words form a lead-in such as "Send it to" or "Attn". */
function leadInLength(words: TextToken[]): number {
  for (let length = Math.min(words.length, 4); length > 0; length--) {
    if (LEAD_IN.test(words.slice(0, length).map((t) => t.upper).join(' '))) return length;
  }
  return 0;
}

/** Break-free runs of tokens within [from, to). */
function segments(tokens: TextToken[], from: number, to: number): Span[] {
  const spans: Span[] = [];
  for (let i = from; i < to; i++) {
    const current = spans.at(-1);
    if (current && !tokens[i].breakBefore) current.last = i;
    else spans.push({ first: i, last: i });
  }
  return spans;
}

/** Lower-case glue words around addresses in prose ("Margie at 3800 ... in austin"). */
function isConnector(token: TextToken): boolean {
  return token.text === 'at' || token.text === 'in';
}

function titleCase(words: string): string {
  return words.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, letter: string) => sep + letter.toUpperCase());
}
