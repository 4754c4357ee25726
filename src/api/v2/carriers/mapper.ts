import type { CarrierConnection } from '../../../domain/carriers/connections.ts';
import type { PackageTypeDefinition, ServiceDefinition } from '../../../carriers/types.ts';
import { publicCarrierCode } from '../../../domain/carriers/walleted.ts';
import { seId } from '../../common/ids.ts';

/** Services visible for a connection: UPS Ground Saver only once enabled in the carrier's settings. */
export function servicesOf(carrier: CarrierConnection): readonly ServiceDefinition[] {
  return carrier.connector.catalog.services.filter(
    (s) => s.serviceCode !== 'ups_ground_saver' || carrier.settings.enable_ground_saver_service === true,
  );
}

// `carrier_code` is left out of services: both specs type it as an se_id, which no code matches.
export const toV2Service = (carrier: CarrierConnection) => (s: ServiceDefinition) => ({
  carrier_id: seId(carrier.id),
  service_code: s.serviceCode,
  name: s.name,
  domestic: s.domestic,
  international: s.international,
  is_multi_package_supported: s.multiPackageSupported,
});

export const toV2PackageType = (p: PackageTypeDefinition) => ({
  package_code: p.packageCode,
  name: p.name,
  ...(p.dimensions ? { dimensions: p.dimensions } : {}),
  description: p.description,
});

export const toV2Option = (o: { name: string; defaultValue: string | null }) => ({
  name: o.name,
  ...(o.defaultValue ? { default_value: o.defaultValue } : {}),
  description: '',
});

export function toV2Carrier(carrier: CarrierConnection, balanceCents: number | null) {
  const catalog = carrier.connector.catalog;
  return {
    carrier_id: seId(carrier.id),
    carrier_code: publicCarrierCode(carrier),
    account_number: carrier.accountNumber,
    requires_funded_amount: carrier.funded,
    balance: (balanceCents ?? 0) / 100,
    nickname: carrier.nickname,
    friendly_name: catalog.friendlyName,
    primary: carrier.primary,
    has_multi_package_supporting_services: catalog.hasMultiPackageSupportingServices,
    supports_label_messages: catalog.supportsLabelMessages,
    disabled_by_billing_plan: false,
    services: servicesOf(carrier).map(toV2Service(carrier)),
    packages: catalog.packageTypes.map(toV2PackageType),
    options: catalog.advancedOptions.map(toV2Option),
  };
}
