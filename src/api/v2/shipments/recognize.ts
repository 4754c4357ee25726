// ShipEngine PUT /shipments/recognize: free text in, the shipment parts found out (score,
// partial shipment, entities). Values the request already knows win over what the text says.
import { listCarriers } from '../../../domain/carriers/connections.ts';
import { recognizeShipment } from '../../../domain/shipments/recognize.ts';
import type { Confirmation } from '../../../domain/shipping-types.ts';
import { actingAccount } from '../../common/context.ts';
import { seId } from '../../common/ids.ts';
import { addressToCheck, toV2Entity } from '../addresses/routes.ts';
import { isCompleteAddress, toResultAddress } from '../addresses/mapper.ts';
import { fromV2Address, type V2Address } from '../shared/address.ts';
import { money } from '../shared/money.ts';
import type { SurfacePlugin } from '../shared/plugin.ts';
import { CONFIRMATIONS } from './schemas.ts';

interface KnownShipment {
  carrier_id?: string;
  service_code?: string;
  confirmation?: Confirmation;
  ship_to?: V2Address;
  ship_from?: V2Address;
}

const body = {
  type: 'object',
  required: ['text'],
  properties: {
    text: { type: 'string', minLength: 1, maxLength: 10_000 },
    shipment: {
      type: 'object',
      properties: {
        carrier_id: { type: 'string', pattern: '^se-[0-9]{1,15}$' },
        service_code: { type: 'string', maxLength: 100 },
        confirmation: { type: 'string', enum: CONFIRMATIONS },
        ship_to: addressToCheck,
        ship_from: addressToCheck,
      },
    },
  },
} as const;

export const shipmentRecognizeRoutes: SurfacePlugin = async (app) => {
  const { db } = app.ctx.database;

  app.put<{ Body: { text: string; shipment?: KnownShipment } }>('/shipments/recognize', { schema: { tags: ['shipments'], body } }, async (request) => {
    const known = request.body.shipment ?? {};
    const carriers = await listCarriers(db, actingAccount(request).id);
    const services = carriers.flatMap((c) => c.connector.catalog.services.map((s) => ({ carrierCode: c.carrierCode, serviceCode: s.serviceCode, name: s.name })));
    const found = recognizeShipment(request.body.text, services, known.ship_to ? fromV2Address(known.ship_to) : {});
    const carrier = carriers.find((c) => c.carrierCode === found.carrierCode && c.primary) ?? carriers.find((c) => c.carrierCode === found.carrierCode);
    const shipTo = found.shipTo ?? (known.ship_to ? fromV2Address(known.ship_to) : null);
    const carrierId = known.carrier_id ?? (carrier ? seId(carrier.id) : undefined);
    const serviceCode = known.service_code ?? found.serviceCode ?? undefined;
    const confirmation = known.confirmation ?? found.confirmation ?? undefined;
    // A package needs a weight in both specs; dimensions or insurance alone stay entities only.
    const packages = found.weight
      ? [
          {
            weight: found.weight,
            ...(found.dimensions ? { dimensions: found.dimensions } : {}),
            ...(found.insuredValueCents !== null ? { insured_value: money(found.insuredValueCents) } : {}),
          },
        ]
      : undefined;
    return {
      score: found.score,
      shipment: {
        ...(carrierId ? { carrier_id: carrierId } : {}),
        ...(serviceCode ? { service_code: serviceCode } : {}),
        // A partial ship_to would break the schema's required fields; its parts stay in `entities`.
        ...(shipTo && isCompleteAddress(shipTo) ? { ship_to: toResultAddress(shipTo) } : {}),
        ...(known.ship_from ? { ship_from: toResultAddress(fromV2Address(known.ship_from)) } : {}),
        ...(confirmation ? { confirmation } : {}),
        ...(packages ? { packages } : {}),
      },
      entities: found.entities.map(toV2Entity),
    };
  });
};
