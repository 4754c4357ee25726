// /pickups: schedule, list, get and cancel carrier pickups.
import { cancelPickup, schedulePickup } from '../../../domain/pickups/schedule.ts';
import { getPickup, listPickups } from '../../../domain/pickups/store.ts';
import { actingAccount } from '../../common/context.ts';
import { pageLinks } from '../../common/paging.ts';
import { idFilter, instantFilter } from '../shared/list-filters.ts';
import { rowIdOf } from '../shared/path-ids.ts';
import type { SurfacePlugin } from '../shared/plugin.ts';
import { toV2Pickup } from './mapper.ts';
import { pickupIdParam, pickupListQuery, schedulePickupBody, type PickupListQuery, type SchedulePickupBody } from './schemas.ts';

export const pickupRoutes: SurfacePlugin = async (app) => {
  const { db } = app.ctx.database;
  const clock = app.ctx.clock;

  app.post<{ Body: SchedulePickupBody }>('/pickups', { schema: { tags: ['package_pickups'], body: schedulePickupBody } }, async (request) => {
    const accountId = actingAccount(request).id;
    const body = request.body;
    const labelIds = [...new Set(body.label_ids.map((id) => rowIdOf(id, 'label')))];
    const pickup = await db.transaction().execute((tx) =>
      schedulePickup(
        tx,
        accountId,
        {
          labelIds,
          contact: { name: body.contact_details.name, email: body.contact_details.email, phone: body.contact_details.phone },
          notes: body.pickup_notes ?? '',
          window: { startAt: body.pickup_window.start_at, endAt: body.pickup_window.end_at },
        },
        clock.now(),
      ),
    );
    return { ...toV2Pickup(pickup), request_id: request.id, errors: [] };
  });

  app.get<{ Querystring: PickupListQuery }>('/pickups', { schema: { tags: ['package_pickups'], querystring: pickupListQuery } }, async (request) => {
    const q = request.query;
    const { pickups, total } = await listPickups(db, actingAccount(request).id, {
      carrierId: idFilter(q.carrier_id),
      warehouseId: idFilter(q.warehouse_id),
      createdAtStart: instantFilter('created_at_start', q.created_at_start),
      createdAtEnd: instantFilter('created_at_end', q.created_at_end),
      offset: (q.page - 1) * q.page_size,
      limit: q.page_size,
    });
    const pages = Math.ceil(total / q.page_size);
    return {
      pickups: pickups.map(toV2Pickup),
      total,
      page: q.page,
      pages: Math.max(1, pages),
      links: pageLinks(request, app.ctx.config.publicUrl, q.page, pages, q.page_size),
      request_id: request.id,
      errors: [],
    };
  });

  app.get<{ Params: { pickup_id: string } }>('/pickups/:pickup_id', { schema: { tags: ['package_pickups'], params: pickupIdParam } }, async (request) => ({
    ...toV2Pickup(await getPickup(db, actingAccount(request).id, request.params.pickup_id)),
    request_id: request.id,
    errors: [],
  }));

  app.delete<{ Params: { pickup_id: string } }>('/pickups/:pickup_id', { schema: { tags: ['package_pickups'], params: pickupIdParam } }, async (request) => {
    const accountId = actingAccount(request).id;
    const pickup = await db.transaction().execute((tx) => cancelPickup(tx, accountId, request.params.pickup_id, clock.now()));
    return { request_id: request.id, errors: [], pickup_id: pickup.publicId };
  });
};
