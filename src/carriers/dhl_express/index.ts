// The DHL Express connector (US account, export only).
import { catalogLookups, rateShipment } from '../rate-shipment.ts';
import type { CarrierConnector } from '../types.ts';
import { CARRIER_CODE, dhlExpressCatalog } from './catalog.ts';
import { dhlExpressRules } from './rating.ts';

export const dhlExpressConnector: CarrierConnector = {
  carrierCode: CARRIER_CODE,
  catalog: dhlExpressCatalog,
  rate: (request) => rateShipment(request, dhlExpressRules),
  ...catalogLookups(dhlExpressCatalog),
};
