// A return label for an outbound one: addresses swapped, same carrier and service, its own
// tracking number, linked to the outbound label by outbound_label_id.
import type { Executor } from '../../db/index.ts';
import { DomainError } from '../errors.ts';
import { getShipment } from '../shipments/store.ts';
import { purchaseLabel } from './purchase.ts';
import { getLabel } from './store.ts';
import type { Label, LabelOptions } from './types.ts';

export async function createReturnLabel(ex: Executor, accountId: number, outboundId: number, options: LabelOptions, now: string): Promise<Label> {
  const outbound = await getLabel(ex, accountId, outboundId);
  if (outbound.isReturn) throw new DomainError('business_rules', `label se-${outbound.id} is itself a return label`, 'return_label_not_supported');
  if (outbound.status === 'voided') throw new DomainError('business_rules', `label se-${outbound.id} is voided`, 'invalid_status');
  const shipment = await getShipment(ex, accountId, outbound.shipmentId);
  const returning = {
    ...shipment,
    carrierId: outbound.carrierId,
    serviceCode: outbound.serviceCode,
    shipFrom: outbound.shipTo,
    shipTo: shipment.returnTo ?? outbound.shipFrom,
    isReturn: true,
  };
  return purchaseLabel(ex, accountId, { shipment: returning, options, isReturn: true, outboundLabelId: outbound.id }, now);
}
