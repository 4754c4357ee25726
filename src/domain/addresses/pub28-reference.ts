// USPS Publication 28 tables (suffixes C1, secondary units C2, directionals, state codes),
// loaded from the project's reference data so there is one source of truth.
import { readFileSync } from 'node:fs';

interface AddressReferenceFile {
  street_suffix_lookup: Record<string, string>;
  secondary_unit_designators: { name: string; abbr: string; requires_range: boolean }[];
  secondary_unit_lookup: Record<string, string>;
  directionals: Record<string, string>;
  states: Record<string, string>;
  territories_and_freely_associated: Record<string, string>;
  military_states: Record<string, string>;
  military_cities: string[];
}

const reference = JSON.parse(
  readFileSync(new URL('../../../reference/domain/address.json', import.meta.url), 'utf8'),
) as AddressReferenceFile;

/** Any accepted suffix spelling (STREET, STR, ST...) -> standard abbreviation (ST). */
export const STREET_SUFFIXES: ReadonlyMap<string, string> = new Map(Object.entries(reference.street_suffix_lookup));

export interface SecondaryDesignator {
  abbr: string;
  /** True when the designator must be followed by a unit number (APT 4), false for REAR, LOBBY... */
  requiresRange: boolean;
}

const rangeByAbbr = new Map(reference.secondary_unit_designators.map((d) => [d.abbr, d.requires_range]));

/** Any designator spelling (APARTMENT, APT, #) -> standard form. `#` stands in for an unknown designator. */
export const SECONDARY_DESIGNATORS: ReadonlyMap<string, SecondaryDesignator> = new Map(
  Object.entries(reference.secondary_unit_lookup).map(([spelling, abbr]) => [
    spelling,
    { abbr, requiresRange: rangeByAbbr.get(abbr) ?? true },
  ]),
);

/** NORTH -> N, and each abbreviation to itself so both spellings are recognised. */
export const DIRECTIONALS: ReadonlyMap<string, string> = new Map(
  Object.entries(reference.directionals).flatMap(([full, abbr]) => [
    [full, abbr],
    [abbr, abbr],
  ]),
);

/** Every code USPS accepts in the state position: 50 states + DC, territories, freely associated states, AA/AE/AP. */
export const US_STATE_CODES: ReadonlyMap<string, string> = new Map(
  Object.entries({
    ...reference.states,
    ...reference.territories_and_freely_associated,
    ...reference.military_states,
  }),
);

export const MILITARY_STATE_CODES: ReadonlySet<string> = new Set(Object.keys(reference.military_states));
export const MILITARY_CITIES: ReadonlySet<string> = new Set(reference.military_cities);
