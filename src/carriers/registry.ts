// All simulated carriers, looked up by carrier code.
import { dhlExpressConnector } from './dhl_express/index.ts';
import { fedexConnector } from './fedex/index.ts';
import { stampsComConnector } from './stamps_com/index.ts';
import type { CarrierConnector } from './types.ts';
import { upsConnector } from './ups/index.ts';

const CONNECTORS: readonly CarrierConnector[] = [stampsComConnector, upsConnector, fedexConnector, dhlExpressConnector];

const BY_CODE = new Map(CONNECTORS.map((connector) => [connector.carrierCode, connector]));

export function listCarrierConnectors(): readonly CarrierConnector[] {
  return CONNECTORS;
}

export function getCarrierConnector(carrierCode: string): CarrierConnector | null {
  return BY_CODE.get(carrierCode) ?? null;
}
