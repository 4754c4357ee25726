// The UPS connector.
import { catalogLookups, rateShipment } from '../rate-shipment.ts';
import type { CarrierConnector } from '../types.ts';
import { CARRIER_CODE, upsCatalog } from './catalog.ts';
import { upsRules } from './rating.ts';

export const upsConnector: CarrierConnector = {
  carrierCode: CARRIER_CODE,
  catalog: upsCatalog,
  rate: (request) => rateShipment(request, upsRules),
  ...catalogLookups(upsCatalog),
};
