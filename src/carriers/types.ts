// The connector contract: every simulated carrier exposes its catalog and a pure, synchronous rate().
import type { Cents, Confirmation, CustomsInput, Dimensions, ParcelInput, PostalAddress } from '../domain/shipping-types.ts';
import type { RateDetail } from '../domain/rating/charges.ts';

export interface RateRequest {
  shipFrom: PostalAddress;
  shipTo: PostalAddress;
  parcels: ParcelInput[];
  /** YYYY-MM-DD. */
  shipDate: string;
  /** Restrict to these services; without it every service the account offers is rated. */
  serviceCodes?: string[];
  confirmation: Confirmation;
  saturdayDelivery?: boolean;
  customs?: CustomsInput | null;
  /** 'documents' selects the DHL document rates (falls back to customs.contents). */
  contents?: string;
  settings?: { groundSaverEnabled?: boolean };
}

export interface RateQuote {
  carrierCode: string;
  serviceCode: string;
  /** Display name of the service. */
  serviceType: string;
  packageType: string;
  zone: number | null;
  /** Sum over parcels of the weight each was billed at. */
  billableWeightLb: number;
  shippingCents: Cents;
  insuranceCents: Cents;
  confirmationCents: Cents;
  otherCents: Cents;
  totalCents: Cents;
  details: RateDetail[];
  /** The pickup date used (a Sunday or holiday ship date moves forward). */
  shipDate: string;
  deliveryDays: number | null;
  estimatedDeliveryDate: string | null;
  carrierDeliveryDays: string;
  guaranteedService: boolean;
  trackable: boolean;
  warnings: string[];
}

export interface InvalidRate {
  carrierCode: string;
  serviceCode: string;
  serviceType: string;
  packageType: string;
  messages: string[];
}

export interface RateResult {
  rates: RateQuote[];
  invalidRates: InvalidRate[];
}

export interface ServiceDefinition {
  serviceCode: string;
  name: string;
  domestic: boolean;
  international: boolean;
  multiPackageSupported: boolean;
  maxWeightLb: number | null;
  /** As published, e.g. "2-5" business days. */
  typicalTransitDays: string | null;
  carrierNativeCode: string | null;
  /** Package codes the service accepts. */
  packageCodes: readonly string[];
  /** Only these destination countries (ISO-2), when set. */
  destinationCountries?: readonly string[];
  guaranteed: boolean;
  trackable: boolean;
  /** Listed by the carrier but not rated by the simulator (no price data, or not sold from the US). */
  notRatedReason?: string;
}

export interface PackageTypeDefinition {
  packageCode: string;
  name: string;
  description: string | null;
  dimensions: Dimensions | null;
  domestic: boolean;
  international: boolean;
  maxWeightLb: number | null;
}

export interface AdvancedOptionDefinition {
  name: string;
  defaultValue: string | null;
}

export interface CarrierCatalog {
  carrierCode: string;
  name: string;
  friendlyName: string;
  requiresFundedAmount: boolean;
  hasMultiPackageSupportingServices: boolean;
  supportsLabelMessages: boolean;
  services: readonly ServiceDefinition[];
  packageTypes: readonly PackageTypeDefinition[];
  advancedOptions: readonly AdvancedOptionDefinition[];
  /** Confirmation levels the carrier offers, with what each means for it. */
  confirmations: Readonly<Partial<Record<Confirmation, string>>>;
}

export interface CarrierConnector {
  carrierCode: string;
  catalog: CarrierCatalog;
  rate(request: RateRequest): RateResult;
  supportsMultiPackage(serviceCode: string): boolean;
  maxWeightLb(serviceCode: string): number | null;
}
