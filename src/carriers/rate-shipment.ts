// The rating loop shared by every connector: choose services, apply the checks every carrier makes
// (route, customs, confirmation, packages, weights), then let the connector price each parcel and sum.
import { combineCharges, summarizeCharges, type Charge } from '../domain/rating/charges.ts';
import { estimateDelivery, type DeliveryEstimate, type TransitPlan } from '../domain/rating/transit.ts';
import { US_AND_TERRITORIES } from '../domain/rating/us-postal.ts';
import { isResidential, normalizeShipment, type Shipment, type ShipmentParcel } from './shipment.ts';
import type { CarrierCatalog, InvalidRate, RateQuote, RateRequest, RateResult, ServiceDefinition } from './types.ts';

export interface Rejection {
  messages: string[];
}

export interface ParcelPrice {
  charges: Charge[];
  billableWeightLb: number;
}

/** A service ready to price: its zone and transit for this route, and how to price one parcel. */
export interface PreparedService {
  zone: number | null;
  transit: TransitPlan;
  priceParcel(parcel: ShipmentParcel, options: { paidSaturdayDelivery: boolean }): ParcelPrice | Rejection;
}

export interface CarrierRules {
  catalog: CarrierCatalog;
  /** Origins the account ships from (ISO-2). */
  originCountries: readonly string[];
  /** Destinations the carrier treats as domestic from those origins. */
  domesticCountries: readonly string[];
  /** Why a service is not offered to this account or shipment; such services are skipped unless requested by code. */
  notOffered?(service: ServiceDefinition, shipment: Shipment): string | null;
  prepare(service: ServiceDefinition, shipment: Shipment): PreparedService | Rejection;
}

export function isRejection(value: object): value is Rejection {
  return 'messages' in value;
}

function formatLb(weightLb: number): string {
  return String(Math.round(weightLb * 100) / 100);
}

function parcelLabel(shipment: Shipment, parcel: ShipmentParcel): string {
  return shipment.parcels.length > 1 ? `Package ${parcel.number}: ` : '';
}

function shipmentProblems(shipment: Shipment, rules: CarrierRules): string[] {
  const problems: string[] = [];
  if (!rules.originCountries.includes(shipment.originCountry)) {
    problems.push(`${rules.catalog.name} rates are only available for shipments from ${rules.originCountries.join(', ')}`);
  }
  if (shipment.parcels.length === 0) problems.push('At least one package is required');
  for (const parcel of shipment.parcels) {
    if (!(parcel.weightLb > 0)) problems.push(`${parcelLabel(shipment, parcel)}Package weight must be greater than zero`);
  }
  if (!rules.catalog.confirmations[shipment.confirmation]) {
    problems.push(`${rules.catalog.name} does not offer the '${shipment.confirmation}' delivery confirmation`);
  }
  return problems;
}

function serviceProblems(service: ServiceDefinition, shipment: Shipment, rules: CarrierRules): string[] {
  const problems: string[] = [];
  const destination = shipment.destinationCountry;
  const domestic = destination === shipment.originCountry || rules.domesticCountries.includes(destination);
  if (domestic && !service.domestic) problems.push(`${service.name} is an international service and cannot ship within ${destination}`);
  if (!domestic && !service.international) problems.push(`${service.name} is a domestic service and cannot ship to ${destination}`);
  const crossesCustomsBorder = !US_AND_TERRITORIES.includes(destination);
  if (!domestic && service.international && crossesCustomsBorder && !shipment.hasCustoms) {
    problems.push('Customs information is required for international shipments');
  }
  if (service.destinationCountries && !service.destinationCountries.includes(destination)) {
    problems.push(`${service.name} only ships to ${service.destinationCountries.join(', ')}`);
  }
  if (shipment.parcels.length > 1 && !service.multiPackageSupported) problems.push(`${service.name} does not support multi-package shipments`);
  for (const parcel of shipment.parcels) {
    const label = parcelLabel(shipment, parcel);
    const packageType = rules.catalog.packageTypes.find((type) => type.packageCode === parcel.packageCode);
    if (!packageType) {
      problems.push(`${label}Package type '${parcel.packageCode}' is not offered by ${rules.catalog.name}`);
      continue;
    }
    if (!service.packageCodes.includes(parcel.packageCode)) problems.push(`${label}${packageType.name} cannot be shipped with ${service.name}`);
    else if (domestic && !packageType.domestic) problems.push(`${label}${packageType.name} is only available for international shipments`);
    else if (!domestic && !packageType.international) problems.push(`${label}${packageType.name} is only available for domestic shipments`);
    if (service.maxWeightLb !== null && parcel.weightLb > service.maxWeightLb) {
      problems.push(`${label}Weight ${formatLb(parcel.weightLb)} lb exceeds the ${formatLb(service.maxWeightLb)} lb maximum for ${service.name}`);
    }
    if (packageType.maxWeightLb !== null && parcel.weightLb > packageType.maxWeightLb) {
      problems.push(`${label}Weight ${formatLb(parcel.weightLb)} lb exceeds the ${formatLb(packageType.maxWeightLb)} lb maximum for ${packageType.name}`);
    }
  }
  return problems;
}

function saturdayWarnings(service: ServiceDefinition, shipment: Shipment, transit: TransitPlan, estimate: DeliveryEstimate): string[] {
  if (!shipment.saturdayDelivery || transit.deliversSaturday) return [];
  if (!transit.saturdayOption) return [`Saturday delivery is not available for ${service.name}`];
  if (!estimate.paidSaturdayDelivery) return [`Saturday delivery not applied: estimated delivery ${estimate.estimatedDeliveryDate} is not a Saturday`];
  return [];
}

function quoteService(service: ServiceDefinition, shipment: Shipment, rules: CarrierRules): RateQuote | Rejection {
  const problems = serviceProblems(service, shipment, rules);
  if (problems.length > 0) return { messages: problems };
  const prepared = rules.prepare(service, shipment);
  if (isRejection(prepared)) return prepared;
  const estimate = estimateDelivery(shipment.shipDate, prepared.transit, {
    saturdayDelivery: shipment.saturdayDelivery,
    residential: isResidential(shipment),
  });
  if (!estimate) return { messages: [`Ship date '${shipment.shipDate}' is not a valid YYYY-MM-DD date`] };

  const prices: ParcelPrice[] = [];
  const messages: string[] = [];
  for (const parcel of shipment.parcels) {
    const price = prepared.priceParcel(parcel, { paidSaturdayDelivery: estimate.paidSaturdayDelivery });
    if (isRejection(price)) messages.push(...price.messages.map((message) => parcelLabel(shipment, parcel) + message));
    else prices.push(price);
  }
  if (messages.length > 0) return { messages };

  const amounts = summarizeCharges(combineCharges(prices.map((price) => price.charges)));
  return {
    carrierCode: rules.catalog.carrierCode,
    serviceCode: service.serviceCode,
    serviceType: service.name,
    packageType: shipment.parcels[0].packageCode,
    zone: prepared.zone,
    billableWeightLb: Math.round(prices.reduce((sum, price) => sum + price.billableWeightLb, 0) * 10_000) / 10_000,
    ...amounts,
    shipDate: estimate.shipDate,
    deliveryDays: estimate.deliveryDays,
    estimatedDeliveryDate: estimate.estimatedDeliveryDate,
    carrierDeliveryDays: estimate.carrierDeliveryDays,
    guaranteedService: service.guaranteed,
    trackable: service.trackable,
    warnings: saturdayWarnings(service, shipment, prepared.transit, estimate),
  };
}

function invalidRate(rules: CarrierRules, shipment: Shipment, serviceCode: string, serviceType: string, messages: string[]): InvalidRate {
  return {
    carrierCode: rules.catalog.carrierCode,
    serviceCode,
    serviceType,
    packageType: shipment.parcels[0]?.packageCode ?? 'package',
    messages,
  };
}

export function rateShipment(request: RateRequest, rules: CarrierRules): RateResult {
  const shipment = normalizeShipment(request, rules.catalog);
  const requested = request.serviceCodes && request.serviceCodes.length > 0 ? new Set(request.serviceCodes) : null;
  const result: RateResult = { rates: [], invalidRates: [] };

  if (requested) {
    const known = new Set(rules.catalog.services.map((service) => service.serviceCode));
    for (const code of requested) {
      if (!known.has(code)) result.invalidRates.push(invalidRate(rules, shipment, code, code, [`Unknown service '${code}' for ${rules.catalog.name}`]));
    }
  }

  const shipmentLevel = shipmentProblems(shipment, rules);
  for (const service of rules.catalog.services) {
    if (requested && !requested.has(service.serviceCode)) continue;
    const notOffered = service.notRatedReason ?? rules.notOffered?.(service, shipment) ?? null;
    if (notOffered) {
      if (requested) result.invalidRates.push(invalidRate(rules, shipment, service.serviceCode, service.name, [notOffered]));
      continue;
    }
    const outcome = shipmentLevel.length > 0 ? { messages: shipmentLevel } : quoteService(service, shipment, rules);
    if (isRejection(outcome)) result.invalidRates.push(invalidRate(rules, shipment, service.serviceCode, service.name, outcome.messages));
    else result.rates.push(outcome);
  }
  return result;
}

/** Connector methods that only read the catalog. */
export function catalogLookups(catalog: CarrierCatalog) {
  const find = (serviceCode: string) => catalog.services.find((service) => service.serviceCode === serviceCode);
  return {
    supportsMultiPackage: (serviceCode: string) => find(serviceCode)?.multiPackageSupported ?? false,
    maxWeightLb: (serviceCode: string) => find(serviceCode)?.maxWeightLb ?? null,
  };
}
