// FedEx: services and packages from carriers.json, with the packages and destinations each service accepts.
// One Rate packaging is listed but accepted by no service: One Rate prices are not in the rate data.
import { buildCatalog, type ServiceRules } from '../catalog-source.ts';

export const CARRIER_CODE = 'fedex';

const CUSTOMER_PACKAGING = ['package'];
const EXPRESS_PACKAGING = ['package', 'fedex_envelope', 'fedex_pak', 'fedex_small_box', 'fedex_medium_box', 'fedex_large_box', 'fedex_extra_large_box', 'fedex_tube', 'fedex_box'];
const INTERNATIONAL_EXPRESS_PACKAGING = [...EXPRESS_PACKAGING, 'fedex_10kg_box', 'fedex_25kg_box'];
const FREIGHT_NOT_RATED = 'FedEx freight services are not rated by the simulator (no freight price data)';

const SERVICE_RULES: Record<string, ServiceRules> = {
  fedex_ground: { packageCodes: CUSTOMER_PACKAGING },
  fedex_home_delivery: { packageCodes: CUSTOMER_PACKAGING },
  fedex_2day: { packageCodes: EXPRESS_PACKAGING, guaranteed: true },
  fedex_2day_am: { packageCodes: EXPRESS_PACKAGING, guaranteed: true },
  fedex_express_saver: { packageCodes: EXPRESS_PACKAGING, guaranteed: true },
  fedex_standard_overnight: { packageCodes: EXPRESS_PACKAGING, guaranteed: true },
  fedex_priority_overnight: { packageCodes: EXPRESS_PACKAGING, guaranteed: true },
  fedex_first_overnight: { packageCodes: EXPRESS_PACKAGING, guaranteed: true },
  fedex_1_day_freight: { packageCodes: CUSTOMER_PACKAGING, notRatedReason: FREIGHT_NOT_RATED },
  fedex_2_day_freight: { packageCodes: CUSTOMER_PACKAGING, notRatedReason: FREIGHT_NOT_RATED },
  fedex_3_day_freight: { packageCodes: CUSTOMER_PACKAGING, notRatedReason: FREIGHT_NOT_RATED },
  fedex_first_overnight_freight: { packageCodes: CUSTOMER_PACKAGING, notRatedReason: FREIGHT_NOT_RATED },
  fedex_ground_international: { packageCodes: CUSTOMER_PACKAGING, destinationCountries: ['CA'] },
  fedex_international_economy: { packageCodes: INTERNATIONAL_EXPRESS_PACKAGING, guaranteed: true },
  fedex_international_priority: { packageCodes: INTERNATIONAL_EXPRESS_PACKAGING, guaranteed: true },
  fedex_international_priority_express: { packageCodes: INTERNATIONAL_EXPRESS_PACKAGING, guaranteed: true },
  fedex_international_first: { packageCodes: INTERNATIONAL_EXPRESS_PACKAGING, guaranteed: true },
  fedex_international_economy_freight: { packageCodes: CUSTOMER_PACKAGING, notRatedReason: FREIGHT_NOT_RATED },
  fedex_international_priority_freight: { packageCodes: CUSTOMER_PACKAGING, notRatedReason: FREIGHT_NOT_RATED },
  fedex_international_connect_plus: { packageCodes: CUSTOMER_PACKAGING },
};

export const fedexCatalog = buildCatalog(CARRIER_CODE, SERVICE_RULES);
