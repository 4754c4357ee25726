// Buying a label: check what the carrier can carry, price it with the rate engine, charge a
// funded carrier, mint one tracking number per package, all in the caller's transaction.
import { randomUUID } from 'node:crypto';
import type { Executor } from '../../db/index.ts';
import type { RateQuote } from '../../carriers/types.ts';
import { getCarrier, type CarrierConnection } from '../carriers/connections.ts';
import { requiresCustoms } from '../customs/index.ts';
import { DomainError, invalidField } from '../errors.ts';
import { assertCanInsure, chargePremium, shipsurancePremium } from '../insurance/shipsurance.ts';
import { checkLabelServicePoint } from '../service-points/index.ts';
import { rateRequestFor, type StoredRate } from '../rates/shop.ts';
import { checkLabelPurchase, rateWithCarrier } from '../sandbox/magic.ts';
import { inferCarrierId, resolveShipFrom } from '../shipments/resolve.ts';
import { lockShipmentState, setShipmentStatus } from '../shipments/store.ts';
import type { Shipment } from '../shipments/types.ts';
import { carrierFamily, mintTrackingNumber } from '../tracking/index.ts';
import { debitForLabel } from './funding.ts';
import { labelPurchased } from './order-link.ts';
import { labelCreatedEvents } from './label-events.ts';
import { purchaseSetup } from './purchase-setup.ts';
import { insertLabelAndPackages, labelFromRow, type LabelRow } from './store.ts';
import { imageId, labelImageFor } from '../label-images/images.ts';
import type { Label, LabelOptions, LabelPackage } from './types.ts';
import { downloadToken } from '../accounts/secrets.ts';

export interface PurchaseRequest {
  shipment: Shipment;
  /** Buy exactly this stored rate (POST /labels/rates/{rate_id}); else the shipment's carrier and service are priced now. */
  rate?: StoredRate | null;
  options: LabelOptions;
  isReturn?: boolean;
  outboundLabelId?: number | null;
  batchId?: number | null;
  /** Labels bought in one call share it (V1 SHIP_NOTIFY); a fresh one by default. */
  notifyBatchId?: string;
  /** PUDO labels: the service point the parcel goes to, or is dropped off at. */
  servicePoints?: { shipTo?: string | null; shipFrom?: string | null };
  /**
   * The caller created the shipment in this transaction for this purchase, already stored
   * label_purchased (the V2 surface's newLabelShipment gives both): no other transaction can see it, so there is no row lock to
   * take and no status to set, two statements less. A failed purchase rolls the shipment back with it.
   */
  forThisPurchase?: boolean;
}

function checkLayout(options: LabelOptions) {
  if (options.labelFormat === 'zpl' && options.labelLayout === 'letter') {
    throw invalidField('label_layout', 'ZPL labels are 4x6 only; the letter layout needs pdf or png', 'letter');
  }
}

function quoteFor(shipment: Shipment, modifiedAt: string, carrier: CarrierConnection, serviceCode: string, rate: StoredRate | null | undefined, now: string): RateQuote {
  if (rate) {
    if (rate.expiresAt <= now) throw new DomainError('business_rules', `rate se-${rate.id} expired at ${rate.expiresAt}; request new rates`, 'invalid_field_value');
    // A rate prices the shipment as it was; after a change its price no longer holds.
    if (modifiedAt > rate.createdAt) {
      throw new DomainError('business_rules', `rate se-${rate.id} was quoted before shipment se-${shipment.id} changed; request new rates`, 'invalid_field_value');
    }
    return rate.quote;
  }
  const result = rateWithCarrier(carrier, rateRequestFor(shipment, shipment.shipDate ?? now.slice(0, 10), carrier, [serviceCode]));
  const quote = result.rates.find((r) => r.serviceCode === serviceCode);
  if (quote) return quote;
  const reasons = result.invalidRates.flatMap((r) => r.messages);
  throw new DomainError('business_rules', reasons.join(' ') || `${carrier.carrierCode} cannot ship this with ${serviceCode}`, 'invalid_field_value', [
    { field: 'shipment.service_code', message: reasons.join(' ') || `${serviceCode} cannot carry this shipment`, code: 'invalid_field_value', value: serviceCode },
  ]);
}

export async function purchaseLabel(ex: Executor, accountId: number, request: PurchaseRequest, now: string): Promise<Label> {
  const { rate, options } = request;
  // Shipments synced from V1 orders may leave ship-from to the account's warehouse.
  const shipment = request.shipment.shipFrom ? request.shipment : { ...request.shipment, ...(await resolveShipFrom(ex, accountId, request.shipment)) };
  const isReturnOfLabel = request.outboundLabelId != null;
  let modifiedAt = shipment.modifiedAt;
  if (!request.forThisPurchase) {
    // The caller read the shipment before the lock; a purchase that waited on it must see the status now.
    const state = await lockShipmentState(ex, shipment.id);
    modifiedAt = state.modifiedAt;
    if (state.status === 'cancelled') throw new DomainError('business_rules', `shipment se-${shipment.id} is cancelled`, 'invalid_status');
    if (state.status === 'label_purchased' && !isReturnOfLabel) {
      throw new DomainError('business_rules', `shipment se-${shipment.id} already has a label; void it before buying another`, 'invalid_status');
    }
  }
  checkLayout(options);
  const serviceCode = rate?.quote.serviceCode ?? shipment.serviceCode;
  // A shipment saved with a service and no carrier: the carrier offering that service.
  const carrierId = rate?.carrierId ?? shipment.carrierId ?? (serviceCode ? await inferCarrierId(ex, accountId, serviceCode, 'shipment.carrier_id') : null);
  if (!carrierId) throw invalidField('shipment.carrier_id', 'carrier_id is required to buy a label', undefined, 'field_value_required');
  if (!serviceCode) throw invalidField('shipment.service_code', 'service_code is required to buy a label', undefined, 'field_value_required');
  const carrier = await getCarrier(ex, accountId, carrierId);
  const shipFrom = shipment.shipFrom!;
  if (requiresCustoms(shipFrom, shipment.shipTo) && !shipment.customs) {
    throw invalidField('shipment.customs', 'international shipments need customs information to buy a label', undefined, 'customs_items_required');
  }
  if (shipment.packages.length > 1 && !carrier.connector.supportsMultiPackage(serviceCode)) {
    throw invalidField('shipment.packages', `${serviceCode} takes one package per label; buy one label per package`, shipment.packages.length);
  }
  const quote = quoteFor(shipment, modifiedAt, carrier, serviceCode, rate, now);
  checkLabelPurchase(shipment.shipTo, carrier, request.batchId != null);
  const service = carrier.connector.catalog.services.find((s) => s.serviceCode === serviceCode);
  const international = shipFrom.countryCode !== shipment.shipTo.countryCode;
  // Shipsurance is bought beside the carrier: its premium is the label's insurance cost.
  const premiumCents =
    shipment.insuranceProvider === 'shipsurance'
      ? shipsurancePremium({ carrierFamily: carrierFamily(carrier.carrierCode), international, insuredValuesCents: shipment.packages.map((p) => p.insuredValueCents) })
      : 0;
  if (premiumCents > 0) await assertCanInsure(ex, accountId);
  const { shipTo: toPoint, shipFrom: fromPoint } = request.servicePoints ?? {};
  if (toPoint) checkLabelServicePoint('ship_to_service_point_id', toPoint, carrier, serviceCode, shipment.shipTo.countryCode);
  if (fromPoint) checkLabelServicePoint('ship_from_service_point_id', fromPoint, carrier, serviceCode, shipFrom.countryCode);
  const costCents = quote.shippingCents + quote.confirmationCents + quote.otherCents;
  const packages: Omit<LabelPackage, 'id' | 'trackingNumber'>[] = shipment.packages.map((p, index) => ({
    sequence: index + 1,
    packageCode: p.packageCode ?? 'package',
    weight: p.weight,
    dimensions: p.dimensions,
    insuredValueCents: p.insuredValueCents,
    labelMessages: p.labelMessages,
    externalPackageId: p.externalPackageId,
    contentDescription: p.contentDescription,
  }));
  const setup = await purchaseSetup(ex, accountId, shipment.packages.length);
  const logoId = await labelImageFor(ex, accountId, options.labelImageId, setup.defaultLabelImageId);
  const body = {
    ...options,
    labelImageId: logoId === null ? null : imageId(logoId),
    carrierName: carrier.connector.catalog.name,
    serviceName: service?.name ?? quote.serviceType,
    packageCode: quote.packageType,
    shipTo: shipment.shipTo,
    shipFrom,
    confirmation: shipment.confirmation,
    customs: shipment.customs,
    international,
    trackable: quote.trackable,
    zone: quote.zone,
    estimatedDeliveryDate: quote.estimatedDeliveryDate,
    shippingCents: quote.shippingCents,
    confirmationCents: quote.confirmationCents,
    otherCents: quote.otherCents,
    details: quote.details,
    externalShipmentId: shipment.externalShipmentId,
    externalOrderId: shipment.externalOrderId,
    orderId: shipment.orderId,
    packages,
    shipToServicePointId: toPoint ?? null,
    shipFromServicePointId: fromPoint ?? null,
  };
  const values: Omit<LabelRow, 'id' | 'tracking_number'> = {
    account_id: accountId,
    shipment_id: shipment.id,
    status: 'completed',
    carrier_id: carrier.id,
    carrier_code: carrier.carrierCode,
    service_code: serviceCode,
    rate_id: rate?.id ?? null,
    batch_id: request.batchId ?? null,
    notify_batch_id: request.notifyBatchId ?? randomUUID(),
    outbound_label_id: request.outboundLabelId ?? null,
    is_return: request.isReturn || shipment.isReturn ? 1 : 0,
    test_label: options.testLabel ? 1 : 0,
    cost_cents: costCents,
    insurance_cents: quote.insuranceCents + premiumCents,
    ship_date: quote.shipDate,
    ship_to_name: shipment.shipTo.name,
    ship_to_country: shipment.shipTo.countryCode,
    download_token: downloadToken(),
    body: JSON.stringify(body),
    created_at: now,
    voided_at: null,
  };
  const family = carrierFamily(carrier.carrierCode) ?? carrier.carrierCode;
  const { id, packages: minted } = await insertLabelAndPackages(
    ex,
    setup.ids,
    values,
    shipment.packages.map((_, index) => ({ sequence: index + 1, family })),
    (serial) => mintTrackingNumber(carrier.carrierCode, serviceCode, serial),
  );
  // Test labels are free, as in ShipStation; everything else is charged to a funded carrier.
  if (!options.testLabel) {
    await debitForLabel(ex, carrier, quote.totalCents, id, now);
    await chargePremium(ex, accountId, premiumCents, id, now);
  }
  if (!isReturnOfLabel && !request.forThisPurchase) await setShipmentStatus(ex, accountId, shipment.id, 'label_purchased', now);
  // The label as stored, from what was just written (reading it back cost two queries).
  const label = labelFromRow({ ...values, id, tracking_number: minted[0].tracking_number }, minted);
  await labelPurchased(ex, label, setup.shipNotify, now);
  await labelCreatedEvents(ex, label, setup.labelCreated, now);
  return label;
}
