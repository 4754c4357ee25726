// Simulated carriers are grouped by the network that moves the parcel: every V1/V2 carrier
// code for USPS postage (stamps_com, endicia, usps...) shares USPS numbers and events.

export type CarrierFamily = 'usps' | 'ups' | 'fedex' | 'dhl_express';

const FAMILY_BY_CARRIER_CODE: Readonly<Record<string, CarrierFamily>> = {
  stamps_com: 'usps',
  usps: 'usps',
  usps_walleted: 'usps',
  endicia: 'usps',
  ups: 'ups',
  ups_walleted: 'ups',
  fedex: 'fedex',
  fedex_walleted: 'fedex',
  dhl_express: 'dhl_express',
  dhl_express_worldwide: 'dhl_express',
  dhl_express_walleted: 'dhl_express',
};

export function carrierFamily(carrierCode: string): CarrierFamily | null {
  return FAMILY_BY_CARRIER_CODE[carrierCode] ?? null;
}
