// What each carrier network's service points look like: the storefronts that host them, their
// opening hours, what they do, and the services that can deliver to them (hold-for-pickup, UPS
// Access Point delivery, FedEx Hold at Location, DHL ServicePoint).
import type { CarrierFamily } from '../tracking/carrier-family.ts';

export type Weekday = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';
export type Hours = Record<Weekday, { open: string; close: string }[]>;
export type Feature = 'drop_off_point' | 'pickup_point' | 'print_services' | 'after_hours_locker' | 'after_hours_dropbox';

export interface Brand {
  /** `{city}` is replaced by the point's city. */
  name: string;
  type: 'pudo' | 'locker';
  features: Feature[];
  hours: Hours;
  countries: ('US' | 'CA')[];
}

export interface Network {
  family: CarrierFamily;
  /** One letter in ids. */
  tag: string;
  /** Expected points per 0.01° × 0.01° cell (about 1 km²) in a populated area. */
  density: number;
  phone: string;
  serviceCodes: string[];
  brands: Brand[];
}

const span = (open: string, close: string) => [{ open, close }];
function week(weekdays: [string, string] | null, saturday: [string, string] | null, sunday: [string, string] | null): Hours {
  const day = (h: [string, string] | null) => (h ? span(h[0], h[1]) : []);
  return {
    monday: day(weekdays),
    tuesday: day(weekdays),
    wednesday: day(weekdays),
    thursday: day(weekdays),
    friday: day(weekdays),
    saturday: day(saturday),
    sunday: day(sunday),
  };
}

const ALWAYS = week(['00:00', '23:59'], ['00:00', '23:59'], ['00:00', '23:59']);
const PHARMACY = week(['08:00', '22:00'], ['08:00', '22:00'], ['09:00', '20:00']);
const RETAIL = week(['09:00', '21:00'], ['09:00', '21:00'], ['10:00', '18:00']);
const SHIP_CENTER = week(['08:00', '18:30'], ['09:00', '15:00'], null);
const BUS = ['US', 'CA'] as ('US' | 'CA')[];

export const NETWORKS: readonly Network[] = [
  {
    family: 'usps',
    tag: 'P',
    density: 0.12,
    phone: '1-800-275-8777',
    serviceCodes: ['usps_priority_mail', 'usps_priority_mail_express', 'usps_ground_advantage'],
    brands: [
      { name: '{city} Post Office', type: 'pudo', features: ['drop_off_point', 'pickup_point', 'after_hours_dropbox'], hours: week(['08:30', '17:00'], ['09:00', '12:00'], null), countries: ['US'] },
      { name: '{city} Post Office', type: 'pudo', features: ['drop_off_point', 'pickup_point'], hours: week(['09:00', '17:00'], ['09:00', '14:00'], null), countries: ['US'] },
      { name: 'USPS Contract Postal Unit', type: 'pudo', features: ['drop_off_point', 'pickup_point'], hours: week(['10:00', '18:00'], ['10:00', '16:00'], null), countries: ['US'] },
    ],
  },
  {
    family: 'ups',
    tag: 'U',
    density: 0.3,
    phone: '1-800-742-5877',
    serviceCodes: ['ups_ground', 'ups_3_day_select', 'ups_2nd_day_air', 'ups_next_day_air_saver', 'ups_next_day_air', 'ups_standard_international'],
    brands: [
      { name: 'The UPS Store', type: 'pudo', features: ['drop_off_point', 'pickup_point', 'print_services'], hours: SHIP_CENTER, countries: BUS },
      { name: 'UPS Access Point - CVS Pharmacy', type: 'pudo', features: ['drop_off_point', 'pickup_point'], hours: PHARMACY, countries: ['US'] },
      { name: 'UPS Access Point - Michaels', type: 'pudo', features: ['drop_off_point', 'pickup_point'], hours: RETAIL, countries: ['US'] },
      { name: 'UPS Access Point - Staples', type: 'pudo', features: ['drop_off_point', 'pickup_point', 'print_services'], hours: RETAIL, countries: BUS },
      { name: 'UPS Access Point Locker', type: 'locker', features: ['drop_off_point', 'pickup_point', 'after_hours_locker'], hours: ALWAYS, countries: BUS },
    ],
  },
  {
    family: 'fedex',
    tag: 'F',
    density: 0.25,
    phone: '1-800-463-3339',
    serviceCodes: ['fedex_ground', 'fedex_express_saver', 'fedex_2day', 'fedex_standard_overnight', 'fedex_priority_overnight', 'fedex_international_priority'],
    brands: [
      { name: 'FedEx Office Print & Ship Center', type: 'pudo', features: ['drop_off_point', 'pickup_point', 'print_services', 'after_hours_dropbox'], hours: week(['07:00', '21:00'], ['09:00', '18:00'], ['12:00', '18:00']), countries: BUS },
      { name: 'FedEx OnSite - Walgreens', type: 'pudo', features: ['drop_off_point', 'pickup_point'], hours: PHARMACY, countries: ['US'] },
      { name: 'FedEx OnSite - Dollar General', type: 'pudo', features: ['drop_off_point', 'pickup_point'], hours: week(['08:00', '22:00'], ['08:00', '22:00'], ['08:00', '22:00']), countries: ['US'] },
      { name: 'FedEx Ship Centre', type: 'pudo', features: ['drop_off_point', 'pickup_point', 'print_services'], hours: SHIP_CENTER, countries: ['CA'] },
    ],
  },
  {
    family: 'dhl_express',
    tag: 'D',
    density: 0.08,
    phone: '1-800-225-5345',
    serviceCodes: ['dhl_express_worldwide', 'dhl_express_12_00', 'dhl_express_9_00'],
    brands: [
      { name: 'DHL Express ServicePoint', type: 'pudo', features: ['drop_off_point', 'pickup_point'], hours: SHIP_CENTER, countries: BUS },
      { name: 'DHL Express ServicePoint - PostNet', type: 'pudo', features: ['drop_off_point', 'pickup_point', 'print_services'], hours: week(['09:00', '18:00'], ['10:00', '14:00'], null), countries: ['US'] },
      { name: 'DHL Express ServicePoint - Staples', type: 'pudo', features: ['drop_off_point', 'print_services'], hours: RETAIL, countries: BUS },
    ],
  },
];

export const networkOf = (family: string | null) => NETWORKS.find((n) => n.family === family) ?? null;
export const networkByTag = (tag: string) => NETWORKS.find((n) => n.tag === tag) ?? null;

export const STREETS = [
  'Main St', 'Oak St', 'Maple Ave', 'Park Ave', 'Washington St', 'Elm St', 'Cedar Rd', 'Lake Dr', 'Pine St', 'Commerce Blvd',
  'Market St', 'Broadway', 'Center St', 'Highland Ave', 'Church St', 'Mill Rd', 'Jefferson Ave', 'Lincoln Way', 'Sunset Blvd', 'River Rd',
];
