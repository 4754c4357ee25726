// POST /shipments: several shipments in one transaction. A shipment the account cannot store
// (unknown carrier, taken external id, missing tag) fails the whole request with field errors
// naming `shipments[i]`; an address that fails validation is a per-item error in the response,
// and that shipment is stored so it can be corrected with PUT, as ShipStation does.
import type { Executor } from '../../../db/index.ts';
import { DomainError, type FieldIssue } from '../../../domain/errors.ts';
import { createOrderFromShipment } from '../../../domain/orders/sales-order.ts';
import { createShipment } from '../../../domain/shipments/create.ts';
import { getShipment } from '../../../domain/shipments/store.ts';
import type { Shipment } from '../../../domain/shipments/types.ts';
import { validateShipTo, type ShipToValidation, type ValidateAddressOption } from '../../../domain/shipments/validate-ship-to.ts';
import { toV2AddressValidation } from '../addresses/mapper.ts';
import { fromV2Shipment, toV2Shipment, type V2ShipmentInput } from './mapper.ts';

export type CreateShipmentItem = V2ShipmentInput & { validate_address?: ValidateAddressOption; create_sales_order?: boolean };

interface Created {
  shipment: Shipment;
  check: ShipToValidation;
}

function itemIssues(error: DomainError, index: number): FieldIssue[] {
  const prefix = `shipments[${index}]`;
  if (error.issues.length === 0) return [{ field: prefix, message: error.message, code: error.code }];
  return error.issues.map((issue) => ({ ...issue, field: `${prefix}.${issue.field}` }));
}

export async function createShipments(ex: Executor, accountId: number, items: CreateShipmentItem[], now: string): Promise<Created[]> {
  const created: Created[] = [];
  const failures: DomainError[] = [];
  const issues: FieldIssue[] = [];
  for (const [index, item] of items.entries()) {
    const check = validateShipTo(fromV2Shipment(item), item.validate_address);
    try {
      const meta = { externalShipmentId: item.external_shipment_id, shipmentNumber: item.shipment_number, tags: item.tags?.map((t) => t.name) };
      const stored = await createShipment(ex, accountId, check.body, meta, now);
      if (item.create_sales_order) await createOrderFromShipment(ex, accountId, stored, now);
      // The sales order links itself to the shipment; what is answered is the shipment as stored now.
      created.push({ shipment: item.create_sales_order ? await getShipment(ex, accountId, stored.id) : stored, check });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      failures.push(error);
      issues.push(...itemIssues(error, index));
    }
  }
  if (failures.length > 0) {
    // Only identifier clashes: 409 as for a single shipment; anything else makes the request invalid.
    const kind = failures.every((f) => f.kind === 'conflict') ? 'conflict' : 'validation';
    throw new DomainError(kind, issues[0].message, issues[0].code, issues);
  }
  return created;
}

export function toCreatedShipment({ shipment, check }: Created) {
  return {
    ...toV2Shipment(shipment),
    errors: check.errors,
    ...(check.validation ? { address_validation: toV2AddressValidation(check.validation) } : {}),
  };
}
