// Turning a label request into a purchase: options, address validation, the shipment to label.
import { validateAddress } from '../../../domain/addresses/index.ts';
import { DomainError } from '../../../domain/errors.ts';
import type { PurchaseRequest } from '../../../domain/labels/purchase.ts';
import type { LabelOptions } from '../../../domain/labels/types.ts';
import { createShipment } from '../../../domain/shipments/create.ts';
import type { ShipmentBody } from '../../../domain/shipments/types.ts';
import type { Executor } from '../../../db/index.ts';
import { fromV2Shipment, type V2ShipmentInput } from '../shipments/mapper.ts';
import type { LabelOptionsBody } from './schemas.ts';

export type LabelRequest = LabelOptionsBody & {
  ship_to_service_point_id?: string | null;
  ship_from_service_point_id?: string | null;
  shipment: V2ShipmentInput & { external_shipment_id?: string | null; shipment_number?: string | null };
};

/**
 * The shipment a label request describes, stored already label_purchased, with the flag that tells
 * purchaseLabel so (`forThisPurchase`): spread both into the purchase, made in the same transaction,
 * which rolls the shipment back if it fails. `adjust` may change it first (e.g. a shipping rule).
 */
export async function newLabelShipment(
  ex: Executor,
  accountId: number,
  body: LabelRequest,
  now: string,
  adjust: (shipment: ShipmentBody) => Promise<ShipmentBody> = async (s) => s,
): Promise<Required<Pick<PurchaseRequest, 'shipment' | 'forThisPurchase'>>> {
  const shipmentBody = await adjust(applyAddressValidation(fromV2Shipment(body.shipment), body.validate_address));
  const shipment = await createShipment(ex, accountId, { ...shipmentBody, isReturn: body.is_return_label || shipmentBody.isReturn }, {
    externalShipmentId: body.shipment.external_shipment_id,
    shipmentNumber: body.shipment.shipment_number,
    tags: body.shipment.tags?.map((t) => t.name),
    status: 'label_purchased',
  }, now);
  return { shipment, forThisPurchase: true };
}

export const toLabelOptions = (body: LabelOptionsBody): LabelOptions => ({
  labelFormat: body.label_format,
  labelLayout: body.label_layout,
  downloadType: body.label_download_type,
  displayScheme: body.display_scheme,
  testLabel: body.test_label,
  chargeEvent: body.charge_event,
  rmaNumber: body.rma_number ?? null,
  labelImageId: body.label_image_id ?? null,
});

/** validate_address on a label: an undeliverable ship-to stops the purchase; validate_and_clean uses the corrected one. */
export function applyAddressValidation(body: ShipmentBody, mode: LabelOptionsBody['validate_address']): ShipmentBody {
  if (mode === 'no_validation') return body;
  const result = validateAddress(body.shipTo);
  if (result.status === 'error') {
    const messages = result.messages.map((m) => m.message).join(' ');
    throw new DomainError('validation', `Invalid ship_to address: ${messages}`, 'invalid_address', [
      { field: 'shipment.ship_to', message: messages || 'the address could not be validated', code: 'invalid_address' },
    ]);
  }
  return mode === 'validate_and_clean' && result.matched ? { ...body, shipTo: result.matched } : body;
}

