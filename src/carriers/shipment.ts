// A rate request normalized once: countries as carriers see them, weights in pounds, boxes in inches.
import type { Cents, Confirmation, ResidentialIndicator } from '../domain/shipping-types.ts';
import { residentialIndicator } from '../domain/addresses/residential.ts';
import { boxInInches, weightInPounds, type Box } from '../domain/rating/units.ts';
import { effectiveCountry, zip5 } from '../domain/rating/us-postal.ts';
import type { CarrierCatalog, RateRequest } from './types.ts';

export interface ShipmentParcel {
  /** 1-based, for messages. */
  number: number;
  packageCode: string;
  weightLb: number;
  /** The parcel's own dimensions, else the package type's printed ones; null when unknown. */
  box: Box | null;
  insuredValueCents: Cents;
}

export interface Shipment {
  originCountry: string;
  originZip5: string | null;
  destinationCountry: string;
  destinationZip5: string | null;
  destinationPostalCode: string;
  residential: ResidentialIndicator;
  parcels: ShipmentParcel[];
  shipDate: string;
  confirmation: Confirmation;
  saturdayDelivery: boolean;
  hasCustoms: boolean;
  documents: boolean;
  groundSaverEnabled: boolean;
}

export const DEFAULT_PACKAGE_CODE = 'package';

export function normalizeShipment(request: RateRequest, catalog: CarrierCatalog): Shipment {
  const parcels = request.parcels.map((parcel, index): ShipmentParcel => {
    const packageCode = parcel.packageCode ?? DEFAULT_PACKAGE_CODE;
    const dimensions = parcel.dimensions ?? catalog.packageTypes.find((type) => type.packageCode === packageCode)?.dimensions ?? null;
    const box = dimensions && dimensions.length > 0 && dimensions.width > 0 && dimensions.height > 0 ? boxInInches(dimensions) : null;
    return {
      number: index + 1,
      packageCode,
      weightLb: weightInPounds(parcel.weight),
      box,
      insuredValueCents: parcel.insuredValueCents ?? 0,
    };
  });
  const contents = request.contents ?? request.customs?.contents ?? '';
  return {
    originCountry: effectiveCountry(request.shipFrom),
    originZip5: zip5(request.shipFrom.postalCode),
    destinationCountry: effectiveCountry(request.shipTo),
    destinationZip5: zip5(request.shipTo.postalCode),
    destinationPostalCode: request.shipTo.postalCode ?? '',
    // The request's own yes/no wins; only then the validator's evidence (which may stay unknown).
    residential: residentialIndicator(request.shipTo),
    parcels,
    shipDate: request.shipDate,
    confirmation: request.confirmation,
    saturdayDelivery: request.saturdayDelivery ?? false,
    hasCustoms: request.customs != null,
    documents: contents.trim().toLowerCase() === 'documents',
    groundSaverEnabled: request.settings?.groundSaverEnabled ?? false,
  };
}

/** Residential surcharges apply on evidence only: an `unknown` destination is rated as commercial. */
export function isResidential(shipment: Shipment): boolean {
  return shipment.residential === 'yes';
}
