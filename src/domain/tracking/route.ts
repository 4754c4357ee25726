// Where a parcel is scanned: its origin, 1-3 hubs roughly on the way, and its destination.
import type { PostalAddress } from '../shipping-types.ts';
import type { CarrierFamily } from './carrier-family.ts';
import { distanceMiles, usesUsPostalCodes, usPostalCoordinates } from './geo.ts';
import type { Coordinates } from './geo.ts';
import { HUBS, INTERNATIONAL_GATEWAYS } from './hubs.ts';
import type { Hub } from './hubs.ts';
import type { Random } from './prng.ts';
import { travelsByAir } from './service-profile.ts';
import { timeZoneOf } from './time-zones.ts';

export interface Stop {
  cityLocality: string;
  stateProvince: string;
  postalCode: string;
  countryCode: string;
  timeZone: string;
  coordinates: Coordinates | null;
}

export interface Route {
  origin: Stop;
  hubs: Stop[];
  destination: Stop;
  /** Crosses a customs border (US territories count as domestic). */
  international: boolean;
}

export function planRoute(
  family: CarrierFamily,
  serviceCode: string,
  shipFrom: PostalAddress,
  shipTo: PostalAddress,
  random: Random,
): Route {
  const origin = addressStop(shipFrom);
  const destination = addressStop(shipTo);
  const international =
    origin.countryCode !== destination.countryCode &&
    !(usesUsPostalCodes(origin.countryCode) && usesUsPostalCodes(destination.countryCode));
  const hubs = international
    ? [INTERNATIONAL_GATEWAYS[family]]
    : domesticHubs(family, travelsByAir(family, serviceCode), origin.coordinates, destination.coordinates, random);
  return { origin, hubs: hubs.map(hubStop), destination, international };
}

function domesticHubs(
  family: CarrierFamily,
  byAir: boolean,
  from: Coordinates | null,
  to: Coordinates | null,
  random: Random,
): Hub[] {
  if (!from || !to) return [HUBS[family][0]]; // unknown ZIP: the carrier's main hub
  return hubsOnTheWay(family, byAir, from, to, random);
}

/**
 * Hubs with the smallest detour from the straight line, visited in order of distance from
 * the origin. Air parcels fly through one hub; trucks stop more often the farther they go.
 */
function hubsOnTheWay(
  family: CarrierFamily,
  byAir: boolean,
  from: Coordinates,
  to: Coordinates,
  random: Random,
): Hub[] {
  const direct = distanceMiles(from, to);
  const maxHubs = byAir ? 1 : direct < 300 ? 1 : direct < 1200 ? 2 : 3;
  const count = random.int(Math.max(1, maxHubs - 1), maxHubs);
  const detour = (hub: Hub): number => {
    const at = hubCoordinates(hub);
    return distanceMiles(from, at) + distanceMiles(at, to) - direct;
  };
  // Each hub's detour computed once, not once per comparison.
  const shortlist = HUBS[family]
    .filter((hub) => (byAir ? hub.air : hub.ground))
    .map((hub) => ({ hub, detour: detour(hub) }))
    .sort((a, b) => a.detour - b.detour)
    .slice(0, count + 1)
    .map(({ hub }) => hub);
  // Leave out one of the shortlisted hubs at random so neighbours do not all share a path.
  if (shortlist.length > count) shortlist.splice(random.int(0, shortlist.length - 1), 1);
  return shortlist.sort((a, b) => distanceMiles(from, hubCoordinates(a)) - distanceMiles(from, hubCoordinates(b)));
}

/** Hubs are fixed: each one's coordinates are looked up once (every route sorts them all). */
const hubPlaces = new Map<Hub, Coordinates>();

function hubCoordinates(hub: Hub): Coordinates {
  let coordinates = hubPlaces.get(hub) ?? null;
  if (coordinates) return coordinates;
  coordinates = usPostalCoordinates('US', hub.postalCode);
  if (!coordinates) throw new Error(`No coordinates for hub ZIP ${hub.postalCode}`);
  hubPlaces.set(hub, coordinates);
  return coordinates;
}

function hubStop(hub: Hub): Stop {
  return {
    cityLocality: hub.city,
    stateProvince: hub.state,
    postalCode: hub.postalCode,
    countryCode: 'US',
    timeZone: timeZoneOf('US', hub.state),
    coordinates: hubCoordinates(hub),
  };
}

function addressStop(address: PostalAddress): Stop {
  const countryCode = address.countryCode.toUpperCase();
  return {
    cityLocality: address.cityLocality.toUpperCase(),
    stateProvince: address.stateProvince.toUpperCase(),
    postalCode: address.postalCode,
    countryCode,
    timeZone: timeZoneOf(countryCode, address.stateProvince),
    coordinates: usPostalCoordinates(countryCode, address.postalCode),
  };
}
