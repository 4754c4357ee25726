// ShipStation-funded ("walleted") carriers are the simulated connectors with a prepaid balance.
// ShipStation lists them under their own codes: USPS through ShipStation keeps `stamps_com`, the
// others carry a `_walleted` suffix (`ups_walleted`, `dhl_express_walleted`). Rating, labels and
// tracking keep the connector's code, as ShipStation's tracking does (`ups_walleted` tracks as `ups`).
import type { CarrierConnection } from './connections.ts';

const SUFFIX = '_walleted';

/** The code a carrier object shows (V2/ShipEngine `carrier_code`, V1 `code`). */
export function publicCarrierCode(carrier: Pick<CarrierConnection, 'carrierCode' | 'funded'>): string {
  return carrier.funded && carrier.carrierCode !== 'stamps_com' ? `${carrier.carrierCode}${SUFFIX}` : carrier.carrierCode;
}

/** Whether a code from a request (path carrier_name, V1 carrierCode) names this carrier. */
export function carrierAnswersTo(carrier: Pick<CarrierConnection, 'carrierCode' | 'funded'>, code: string): boolean {
  return code === publicCarrierCode(carrier) || code === carrier.carrierCode;
}
