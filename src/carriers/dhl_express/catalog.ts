// DHL Express (US account): export-only services and packages from carriers.json.
import { buildCatalog, type ServiceRules } from '../catalog-source.ts';

export const CARRIER_CODE = 'dhl_express';

const PACKAGING = ['package', 'dhl_express_envelope', 'dhl_express_flyer', 'dhl_express_box_2', 'dhl_express_tube'];
const DOCUMENT_PACKAGING = ['package', 'dhl_express_envelope', 'dhl_express_flyer'];

const SERVICE_RULES: Record<string, ServiceRules> = {
  dhl_express_worldwide: { packageCodes: PACKAGING },
  dhl_express_worldwide_documents: { packageCodes: DOCUMENT_PACKAGING },
  dhl_express_12_00: { packageCodes: PACKAGING, guaranteed: true },
  dhl_express_9_00: { packageCodes: PACKAGING, guaranteed: true },
  dhl_express_10_30: { packageCodes: PACKAGING, guaranteed: true, notRatedReason: 'DHL Express 10:30 is only sold for imports into the US' },
  dhl_economy_select: { packageCodes: PACKAGING, notRatedReason: 'DHL Economy Select is not offered from the US' },
  dhl_express_envelope: { packageCodes: ['dhl_express_envelope'] },
};

export const dhlExpressCatalog = buildCatalog(CARRIER_CODE, SERVICE_RULES);
