// The Stamps.com (USPS) connector.
import { catalogLookups, rateShipment } from '../rate-shipment.ts';
import type { CarrierConnector } from '../types.ts';
import { CARRIER_CODE, stampsComCatalog } from './catalog.ts';
import { stampsComRules } from './rating.ts';

export const stampsComConnector: CarrierConnector = {
  carrierCode: CARRIER_CODE,
  catalog: stampsComCatalog,
  rate: (request) => rateShipment(request, stampsComRules),
  ...catalogLookups(stampsComCatalog),
};
