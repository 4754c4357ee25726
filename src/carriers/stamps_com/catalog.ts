// Stamps.com (USPS): services and packages from carriers.json, with the packages each service accepts.
import { FIRST_CLASS_MAIL_PACKAGES } from '../../domain/rating/first-class-mail.ts';
import { USPS_FLAT_RATES } from '../../domain/rating/tables.ts';
import { buildCatalog, type ServiceRules } from '../catalog-source.ts';

export const CARRIER_CODE = 'stamps_com';

const PARCELS = ['package', 'thick_envelope', 'large_envelope_or_flat', 'large_package', 'non_rectangular'];
const GROUND_PARCELS = ['package', 'thick_envelope', 'large_package', 'non_rectangular'];

const SERVICE_RULES: Record<string, ServiceRules> = {
  usps_ground_advantage: { packageCodes: PARCELS },
  usps_first_class_mail: { packageCodes: FIRST_CLASS_MAIL_PACKAGES, trackable: false, maxWeightLb: 13 / 16 },
  usps_priority_mail: { packageCodes: [...PARCELS, ...USPS_FLAT_RATES.priorityMail.keys()] },
  usps_priority_mail_express: { packageCodes: [...PARCELS, ...USPS_FLAT_RATES.priorityMailExpress.keys()], guaranteed: true },
  usps_media_mail: { packageCodes: GROUND_PARCELS, notRatedReason: 'USPS Media Mail prices are not part of the simulator rate data' },
  usps_parcel_select: { packageCodes: GROUND_PARCELS },
  usps_first_class_mail_international: { packageCodes: ['package', 'thick_envelope', 'large_envelope_or_flat'] },
  usps_priority_mail_international: { packageCodes: PARCELS },
  usps_priority_mail_express_international: { packageCodes: PARCELS },
  globalpost_parcel_select_smart_saver: {
    packageCodes: GROUND_PARCELS,
    notRatedReason: 'GlobalPost Parcel Select SmartSaver prices are not part of the simulator rate data',
  },
};

export const stampsComCatalog = buildCatalog(CARRIER_CODE, SERVICE_RULES);
