// Shipments on /v2 and ShipEngine /v1: create several, list, get (by id or external id), full
// update while pending, cancel, and what stands between a shipment and its label.
import { DomainError, notFound } from '../../../domain/errors.ts';
import { listShipments } from '../../../domain/shipments/list.ts';
import { withWarehouseAddresses } from '../../../domain/shipments/resolve.ts';
import { shipmentProblems } from '../../../domain/shipments/problems.ts';
import { findShipmentByExternalId, getShipment } from '../../../domain/shipments/store.ts';
import { cancelShipment, updateShipment } from '../../../domain/shipments/update.ts';
import { validateShipTo, type ValidateAddressOption } from '../../../domain/shipments/validate-ship-to.ts';
import { domainErrorBody } from '../../common/v2-errors.ts';
import { actingAccount } from '../../common/context.ts';
import { pageLinks } from '../../common/paging.ts';
import { toV2AddressValidation } from '../addresses/mapper.ts';
import { rowIdOf } from '../shared/path-ids.ts';
import type { SurfacePlugin } from '../shared/plugin.ts';
import { seIdParam } from '../shared/query.ts';
import { createShipments, toCreatedShipment, type CreateShipmentItem } from './create-many.ts';
import { listShipmentsQuery, toShipmentFilter, toShipmentListing, type ListShipmentsQuery } from './list-query.ts';
import { fromV2Shipment, toV2Shipment, type V2ShipmentInput } from './mapper.ts';
import { createShipmentsBody, shipmentSchema } from './schemas.ts';
import { shipmentTagRoutes } from './tags.ts';

type IdParams = { shipment_id: string };
type UpdateBody = V2ShipmentInput & { validate_address?: ValidateAddressOption };

const tags = ['shipments'];
const params = seIdParam('shipment_id');
const shipmentIdOf = (request: { params: IdParams }) => rowIdOf(request.params.shipment_id, 'shipment');

export const shipmentRoutes: SurfacePlugin = async (app, { surface }) => {
  const { db } = app.ctx.database;
  const now = () => app.ctx.clock.nowIso();

  app.post<{ Body: { shipments: CreateShipmentItem[] } }>('/shipments', { schema: { tags, body: createShipmentsBody } }, async (request) => {
    const accountId = actingAccount(request).id;
    const created = await db.transaction().execute((tx) => createShipments(tx, accountId, request.body.shipments, now()));
    return { has_errors: created.some((c) => c.check.errors.length > 0), shipments: created.map(toCreatedShipment) };
  });

  app.get<{ Querystring: ListShipmentsQuery }>('/shipments', { schema: { tags, querystring: listShipmentsQuery } }, async (request) => {
    const listing = toShipmentListing(request.query);
    const accountId = actingAccount(request).id;
    const listed = await listShipments(db, accountId, toShipmentFilter(request.query), listing);
    const { total } = listed;
    const shipments = await withWarehouseAddresses(db, accountId, listed.shipments);
    // ShipEngine's list response counts at least one page, even an empty one.
    const pages = Math.max(1, Math.ceil(total / listing.pageSize));
    return {
      shipments: shipments.map(toV2Shipment),
      total,
      page: listing.page,
      pages,
      links: pageLinks(request, app.ctx.config.publicUrl, listing.page, pages, listing.pageSize),
    };
  });

  app.get<{ Params: { external_shipment_id: string } }>(
    '/shipments/external_shipment_id/:external_shipment_id',
    { schema: { tags, params: { type: 'object', properties: { external_shipment_id: { type: 'string', minLength: 1, maxLength: 50 } } } } },
    async (request) => {
      const { external_shipment_id: externalId } = request.params;
      const accountId = actingAccount(request).id;
      const shipment = await findShipmentByExternalId(db, accountId, externalId);
      if (!shipment) throw notFound('shipment with external_shipment_id', externalId);
      return toV2Shipment((await withWarehouseAddresses(db, accountId, [shipment]))[0]);
    },
  );

  app.get<{ Params: IdParams }>('/shipments/:shipment_id', { schema: { tags, params } }, async (request) => {
    const accountId = actingAccount(request).id;
    return toV2Shipment((await withWarehouseAddresses(db, accountId, [await getShipment(db, accountId, shipmentIdOf(request))]))[0]);
  });

  app.put<{ Params: IdParams; Body: UpdateBody }>(
    '/shipments/:shipment_id',
    { schema: { tags, params, body: shipmentSchema } },
    async (request) => {
      const accountId = actingAccount(request).id;
      const id = shipmentIdOf(request);
      const { body } = request;
      const check = validateShipTo(fromV2Shipment(body), body.validate_address);
      const references = { externalShipmentId: body.external_shipment_id, shipmentNumber: body.shipment_number };
      const shipment = await db.transaction().execute((tx) => updateShipment(tx, accountId, id, check.body, references, now()));
      // The update response requires address_validation; without validation the address is, plainly, unverified.
      const validation = check.validation ?? { status: 'unverified' as const, original: check.body.shipTo, matched: null, messages: [] };
      return { ...toV2Shipment(shipment), errors: check.errors, address_validation: toV2AddressValidation(validation) };
    },
  );

  app.put<{ Params: IdParams }>('/shipments/:shipment_id/cancel', { schema: { tags, params } }, async (request, reply) => {
    const accountId = actingAccount(request).id;
    const id = shipmentIdOf(request);
    await db.transaction().execute((tx) => cancelShipment(tx, accountId, id, now()));
    return reply.code(204).send();
  });

  app.get<{ Params: IdParams }>('/shipments/:shipment_id/errors', { schema: { tags, params } }, async (request) => {
    const accountId = actingAccount(request).id;
    const shipment = await getShipment(db, accountId, shipmentIdOf(request));
    const problems = await shipmentProblems(db, accountId, shipment);
    if (problems.length === 0) return { shipment_id: request.params.shipment_id, errors: [] };
    return { shipment_id: request.params.shipment_id, errors: domainErrorBody(surface, new DomainError('validation', problems[0].message, problems[0].code, problems)) };
  });

  await app.register(shipmentTagRoutes, { surface });
};
