// The FedEx connector.
import { catalogLookups, rateShipment } from '../rate-shipment.ts';
import type { CarrierConnector } from '../types.ts';
import { CARRIER_CODE, fedexCatalog } from './catalog.ts';
import { fedexRules } from './rating.ts';

export const fedexConnector: CarrierConnector = {
  carrierCode: CARRIER_CODE,
  catalog: fedexCatalog,
  rate: (request) => rateShipment(request, fedexRules),
  ...catalogLookups(fedexCatalog),
};
