// Sorting hubs the simulated parcels pass through (all in the US). `air` hubs serve the
// express services; the international gateway is where parcels leave or enter the US.
import type { CarrierFamily } from './carrier-family.ts';

export interface Hub {
  city: string;
  state: string;
  postalCode: string;
  air: boolean;
  ground: boolean;
}

const hub = (city: string, state: string, postalCode: string, network: 'air' | 'ground' | 'both'): Hub => ({
  city,
  state,
  postalCode,
  air: network !== 'ground',
  ground: network !== 'air',
});

export const HUBS: Readonly<Record<CarrierFamily, readonly Hub[]>> = {
  // USPS regional processing (NDC-style) facilities carry every mail class.
  usps: [
    hub('ATLANTA', 'GA', '30336', 'both'),
    hub('CHICAGO', 'IL', '60608', 'both'),
    hub('DALLAS', 'TX', '75260', 'both'),
    hub('DENVER', 'CO', '80266', 'both'),
    hub('DES MOINES', 'IA', '50318', 'both'),
    hub('DETROIT', 'MI', '48233', 'both'),
    hub('GREENSBORO', 'NC', '27498', 'both'),
    hub('JACKSONVILLE', 'FL', '32099', 'both'),
    hub('KANSAS CITY', 'KS', '66101', 'both'),
    hub('LOS ANGELES', 'CA', '90052', 'both'),
    hub('MEMPHIS', 'TN', '38101', 'both'),
    hub('MINNEAPOLIS', 'MN', '55401', 'both'),
    hub('JERSEY CITY', 'NJ', '07097', 'both'),
    hub('PHILADELPHIA', 'PA', '19104', 'both'),
    hub('PITTSBURGH', 'PA', '15290', 'both'),
    hub('SAN FRANCISCO', 'CA', '94188', 'both'),
    hub('SEATTLE', 'WA', '98168', 'both'),
    hub('SPRINGFIELD', 'MA', '01152', 'both'),
    hub('SAINT LOUIS', 'MO', '63155', 'both'),
    hub('CINCINNATI', 'OH', '45235', 'both'),
    hub('PHOENIX', 'AZ', '85026', 'both'),
    hub('SALT LAKE CITY', 'UT', '84199', 'both'),
    hub('HOUSTON', 'TX', '77201', 'both'),
    hub('ALBUQUERQUE', 'NM', '87101', 'both'),
    hub('BILLINGS', 'MT', '59107', 'both'),
    hub('ANCHORAGE', 'AK', '99501', 'both'),
    hub('HONOLULU', 'HI', '96819', 'both'),
  ],
  ups: [
    hub('LOUISVILLE', 'KY', '40209', 'air'), // Worldport
    hub('ONTARIO', 'CA', '91761', 'both'),
    hub('PHILADELPHIA', 'PA', '19153', 'both'),
    hub('HODGKINS', 'IL', '60525', 'ground'),
    hub('MESQUITE', 'TX', '75149', 'ground'),
    hub('ATLANTA', 'GA', '30336', 'ground'),
    hub('SECAUCUS', 'NJ', '07094', 'ground'),
    hub('EARTH CITY', 'MO', '63045', 'ground'),
    hub('SALT LAKE CITY', 'UT', '84104', 'ground'),
    hub('PHOENIX', 'AZ', '85043', 'ground'),
    hub('COMMERCE CITY', 'CO', '80022', 'ground'),
    hub('OAKLAND', 'CA', '94621', 'ground'),
    hub('KENT', 'WA', '98032', 'ground'),
    hub('JACKSONVILLE', 'FL', '32219', 'ground'),
    hub('HOUSTON', 'TX', '77060', 'ground'),
    hub('MAUMEE', 'OH', '43537', 'ground'),
    hub('MAPLE GROVE', 'MN', '55369', 'ground'),
    hub('LENEXA', 'KS', '66219', 'ground'),
    hub('ANCHORAGE', 'AK', '99501', 'both'),
    hub('HONOLULU', 'HI', '96819', 'both'),
  ],
  fedex: [
    hub('MEMPHIS', 'TN', '38118', 'air'), // World Hub
    hub('INDIANAPOLIS', 'IN', '46241', 'air'),
    hub('FORT WORTH', 'TX', '76177', 'air'),
    hub('OAKLAND', 'CA', '94621', 'air'),
    hub('NEWARK', 'NJ', '07114', 'air'),
    hub('GREENSBORO', 'NC', '27409', 'air'),
    hub('HAGERSTOWN', 'MD', '21740', 'ground'),
    hub('GROVE CITY', 'OH', '43123', 'ground'),
    hub('NORTHLAKE', 'IL', '60164', 'ground'),
    hub('ELLENWOOD', 'GA', '30294', 'ground'),
    hub('FONTANA', 'CA', '92335', 'ground'),
    hub('PHOENIX', 'AZ', '85043', 'ground'),
    hub('SALT LAKE CITY', 'UT', '84104', 'ground'),
    hub('DENVER', 'CO', '80239', 'ground'),
    hub('SUMNER', 'WA', '98390', 'ground'),
    hub('ORLANDO', 'FL', '32824', 'ground'),
    hub('KANSAS CITY', 'KS', '66106', 'ground'),
    hub('ALLENTOWN', 'PA', '18106', 'ground'),
    hub('SACRAMENTO', 'CA', '95838', 'ground'),
    hub('HOUSTON', 'TX', '77073', 'ground'),
    hub('ANCHORAGE', 'AK', '99501', 'both'),
    hub('HONOLULU', 'HI', '96819', 'both'),
  ],
  dhl_express: [
    hub('CINCINNATI HUB', 'KY', '41048', 'air'),
    hub('JAMAICA', 'NY', '11430', 'air'),
    hub('LOS ANGELES', 'CA', '90045', 'air'),
    hub('MIAMI', 'FL', '33126', 'air'),
    hub('CHICAGO', 'IL', '60666', 'air'),
  ],
};

export const INTERNATIONAL_GATEWAYS: Readonly<Record<CarrierFamily, Hub>> = {
  usps: hub('JAMAICA', 'NY', '11430', 'air'), // New York International Service Center
  ups: HUBS.ups[0],
  fedex: HUBS.fedex[0],
  dhl_express: HUBS.dhl_express[0],
};
