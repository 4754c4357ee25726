// V1 carriers, services and packages; V1 weights and dimensions in the neutral units.
import type { PackageTypeDefinition, ServiceDefinition } from '../../../carriers/types.ts';
import type { CarrierConnection } from '../../../domain/carriers/connections.ts';
import { carrierAnswersTo, publicCarrierCode } from '../../../domain/carriers/walleted.ts';
import type { Cents } from '../../../domain/shipping-types.ts';

export const toV1Carrier = (carrier: CarrierConnection, balanceCents: Cents) => ({
  name: carrier.connector.catalog.friendlyName,
  code: publicCarrierCode(carrier),
  accountNumber: carrier.accountNumber,
  requiresFundedAccount: carrier.funded,
  balance: balanceCents / 100,
  nickname: carrier.nickname,
  shippingProviderId: carrier.id,
  primary: carrier.primary,
});

/** Services and packages share V1's shape: the carrier's code and the item's code, name and reach. */
export const toV1CatalogEntry = (carrier: CarrierConnection) => (entry: ServiceDefinition | PackageTypeDefinition) => ({
  carrierCode: publicCarrierCode(carrier),
  code: 'serviceCode' in entry ? entry.serviceCode : entry.packageCode,
  name: entry.name,
  domestic: entry.domestic,
  international: entry.international,
});

/** The connection a V1 carrierCode names: one showing exactly that code first, primary accounts first. */
export function connectionForCode(carriers: CarrierConnection[], code: string): CarrierConnection | null {
  const answering = carriers.filter((c) => carrierAnswersTo(c, code));
  const exact = answering.filter((c) => publicCarrierCode(c) === code);
  const pick = (list: CarrierConnection[]) => list.find((c) => c.primary) ?? list[0];
  return pick(exact) ?? pick(answering) ?? null;
}
