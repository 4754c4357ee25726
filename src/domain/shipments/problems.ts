// What currently stands between a stored shipment and its label: the recipient's address, the
// carrier and service it names, customs, and packages the service cannot take together.
import type { Executor } from '../../db/index.ts';
import { validateAddress } from '../addresses/index.ts';
import { findCarrier } from '../carriers/connections.ts';
import { validateCustoms } from '../customs/index.ts';
import { DomainError, type FieldIssue } from '../errors.ts';
import { prepareShipment } from './create.ts';
import type { Shipment } from './types.ts';

export async function shipmentProblems(ex: Executor, accountId: number, shipment: Shipment): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  for (const message of validateAddress(shipment.shipTo).messages) {
    if (message.type === 'error') issues.push({ field: 'ship_to', message: message.message, code: 'invalid_address' });
  }
  try {
    await prepareShipment(ex, accountId, shipment);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    issues.push(...(error.issues.length > 0 ? error.issues : [{ field: 'shipment', message: error.message, code: error.code }]));
  }
  // prepareShipment checks customs that are present; a missing declaration only matters across a border.
  if (!shipment.customs && shipment.shipFrom) {
    for (const e of validateCustoms(null, { shipFrom: shipment.shipFrom, shipTo: shipment.shipTo })) {
      issues.push({ field: e.fieldName, message: e.message, code: e.code });
    }
  }
  const carrier = shipment.carrierId === null ? null : await findCarrier(ex, accountId, shipment.carrierId);
  if (carrier && shipment.serviceCode && shipment.packages.length > 1 && !carrier.connector.supportsMultiPackage(shipment.serviceCode)) {
    issues.push({ field: 'packages', message: `${shipment.serviceCode} takes one package per label`, code: 'invalid_field_value', value: shipment.packages.length });
  }
  return issues;
}
