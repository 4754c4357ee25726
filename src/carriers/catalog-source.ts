// Builds a connector catalog from reference/domain/carriers.json plus the connector's own per-service rules.
import type { Confirmation, Dimensions } from '../domain/shipping-types.ts';
import { readReferenceJson } from '../domain/rating/reference-data.ts';
import type { CarrierCatalog, PackageTypeDefinition, ServiceDefinition } from './types.ts';

interface SourceService {
  service_code: string;
  name: string;
  domestic: boolean;
  international: boolean;
  is_multi_package_supported: boolean;
  typical_transit_business_days?: string;
  max_weight_lb?: number;
  carrier_native_code?: string;
}

interface SourcePackage {
  package_code: string;
  name: string;
  domestic: boolean;
  international: boolean;
  dimensions: { unit: 'inch' | 'centimeter'; length: number; width: number; height: number } | null;
  description?: string;
  max_weight_lb?: number;
}

interface SourceCarrier {
  name: string;
  friendly_name: string;
  requires_funded_amount: boolean;
  has_multi_package_supporting_services: boolean;
  supports_label_messages?: boolean;
  confirmations: Partial<Record<Confirmation, string>>;
  services: SourceService[];
  packages: SourcePackage[];
  advanced_options: { name: string; default_value: string | null }[];
}

const carriers = readReferenceJson<{ carriers: Record<string, SourceCarrier> }>('carriers.json').carriers;

/** What the connector adds to a listed service: the rules the source file does not carry. */
export interface ServiceRules {
  packageCodes: readonly string[];
  destinationCountries?: readonly string[];
  guaranteed?: boolean;
  trackable?: boolean;
  /** Overrides the source when the simulator enforces a tighter limit (e.g. First-Class Mail 13 oz). */
  maxWeightLb?: number;
  notRatedReason?: string;
}

function packageType(source: SourcePackage): PackageTypeDefinition {
  const dimensions: Dimensions | null = source.dimensions
    ? { unit: source.dimensions.unit, length: source.dimensions.length, width: source.dimensions.width, height: source.dimensions.height }
    : null;
  return {
    // carriers.json records UPS's live `ups__express_box_large`; the spec's package_code pattern
    // forbids a double underscore, so Shipdock names it ups_express_box_large.
    packageCode: source.package_code.replace(/_{2,}/g, '_'),
    name: source.name,
    description: source.description ?? null,
    dimensions,
    domestic: source.domestic,
    international: source.international,
    maxWeightLb: source.max_weight_lb ?? null,
  };
}

/** Every service in the source must have rules, so a new listed service cannot slip through unrated. */
export function buildCatalog(carrierCode: string, rules: Readonly<Record<string, ServiceRules>>): CarrierCatalog {
  const source = carriers[carrierCode];
  if (!source) throw new Error(`carriers.json has no carrier "${carrierCode}"`);
  const services: ServiceDefinition[] = source.services.map((service) => {
    const rule = rules[service.service_code];
    if (!rule) throw new Error(`No rating rules for ${carrierCode}/${service.service_code}`);
    return {
      serviceCode: service.service_code,
      name: service.name,
      domestic: service.domestic,
      international: service.international,
      multiPackageSupported: service.is_multi_package_supported,
      maxWeightLb: rule.maxWeightLb ?? service.max_weight_lb ?? null,
      typicalTransitDays: service.typical_transit_business_days ?? null,
      carrierNativeCode: service.carrier_native_code ?? null,
      packageCodes: rule.packageCodes,
      destinationCountries: rule.destinationCountries,
      guaranteed: rule.guaranteed ?? false,
      trackable: rule.trackable ?? true,
      notRatedReason: rule.notRatedReason,
    };
  });
  return {
    carrierCode,
    name: source.name,
    friendlyName: source.friendly_name,
    requiresFundedAmount: source.requires_funded_amount,
    hasMultiPackageSupportingServices: source.has_multi_package_supporting_services,
    supportsLabelMessages: source.supports_label_messages ?? false,
    services,
    packageTypes: source.packages.map(packageType),
    advancedOptions: source.advanced_options.map((option) => ({ name: option.name, defaultValue: option.default_value })),
    confirmations: source.confirmations,
  };
}
