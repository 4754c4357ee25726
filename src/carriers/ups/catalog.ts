// UPS: services and packages from carriers.json, with the packages and destinations each service accepts.
import { buildCatalog, type ServiceRules } from '../catalog-source.ts';

export const CARRIER_CODE = 'ups';

const CUSTOMER_PACKAGING = ['package'];
const EXPRESS_PACKAGING = ['package', 'ups_letter', 'ups_express_pak', 'ups_express_box_small', 'ups_express_box_medium', 'ups_express_box_large', 'ups_express_box', 'ups_tube'];
const WORLDWIDE_PACKAGING = [...EXPRESS_PACKAGING, 'ups_10_kg_box', 'ups_25_kg_box'];

const SERVICE_RULES: Record<string, ServiceRules> = {
  ups_ground: { packageCodes: CUSTOMER_PACKAGING },
  ups_ground_saver: { packageCodes: CUSTOMER_PACKAGING },
  ups_3_day_select: { packageCodes: EXPRESS_PACKAGING, guaranteed: true },
  ups_2nd_day_air: { packageCodes: EXPRESS_PACKAGING, guaranteed: true },
  ups_2nd_day_air_am: { packageCodes: EXPRESS_PACKAGING, guaranteed: true },
  ups_next_day_air_saver: { packageCodes: EXPRESS_PACKAGING, guaranteed: true },
  ups_next_day_air: { packageCodes: EXPRESS_PACKAGING, guaranteed: true },
  ups_next_day_air_early_am: { packageCodes: EXPRESS_PACKAGING, guaranteed: true },
  ups_standard_international: { packageCodes: CUSTOMER_PACKAGING, destinationCountries: ['CA', 'MX'] },
  ups_ground_international: { packageCodes: CUSTOMER_PACKAGING, destinationCountries: ['CA', 'MX'] },
  ups_worldwide_express: { packageCodes: WORLDWIDE_PACKAGING, guaranteed: true },
  ups_worldwide_express_plus: { packageCodes: WORLDWIDE_PACKAGING, guaranteed: true },
  ups_worldwide_expedited: { packageCodes: WORLDWIDE_PACKAGING, guaranteed: true },
  ups_worldwide_saver: { packageCodes: WORLDWIDE_PACKAGING, guaranteed: true },
  ups_next_day_air_international: { packageCodes: EXPRESS_PACKAGING, destinationCountries: ['PR'], guaranteed: true },
  ups_2nd_day_air_international: { packageCodes: EXPRESS_PACKAGING, destinationCountries: ['PR'], guaranteed: true },
};

export const upsCatalog = buildCatalog(CARRIER_CODE, SERVICE_RULES);
