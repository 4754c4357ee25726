// /manifests: create (explicit label ids, or carrier + warehouse + ship date), list, get, and the
// request-status form. Manifests are made synchronously, so every request is `completed`.
import { DomainError, invalidField } from '../../../domain/errors.ts';
import { createManifests } from '../../../domain/manifests/create.ts';
import { getManifest, getManifestRequest, listManifests } from '../../../domain/manifests/store.ts';
import type { ManifestCriteria } from '../../../domain/manifests/types.ts';
import { parseIsoDate } from '../../../domain/time/calendar.ts';
import { actingAccount } from '../../common/context.ts';
import { pageLinks } from '../../common/paging.ts';
import { idFilter, instantFilter } from '../shared/list-filters.ts';
import { rowIdOf } from '../shared/path-ids.ts';
import type { SurfacePlugin } from '../shared/plugin.ts';
import { seIdParam } from '../shared/query.ts';
import { toManifestRequestResponse, toV2Manifest } from './mapper.ts';
import { createManifestBody, manifestListQuery, type CreateManifestBody, type ManifestListQuery } from './schemas.ts';

/** The calendar day a ship_date names, as written (the carrier's local day, not UTC's). */
function shipDay(field: string, value: string): string {
  const day = parseIsoDate(value.slice(0, 10));
  if (!day || (value.length > 10 && Number.isNaN(Date.parse(value)))) throw invalidField(field, `${field} must be an ISO 8601 date or date-time`, value);
  return value.slice(0, 10);
}

/** Body ids past the row range name nothing: a field error, as POST /manifests documents no 404. */
function bodyId(field: string, what: string, value: string): number {
  try {
    return rowIdOf(value, what);
  } catch {
    throw invalidField(field, `${what} ${value} was not found`, value, 'invalid_identifier');
  }
}

const labelIdsOf = (field: string, ids: string[]) => [...new Set(ids.map((id) => bodyId(field, 'label', id)))];

function criteriaOf(body: CreateManifestBody): ManifestCriteria {
  const implicit = body.carrier_id !== undefined || body.warehouse_id !== undefined || body.ship_date !== undefined;
  if (!implicit) {
    if (!body.label_ids || body.label_ids.length === 0) {
      throw invalidField('label_ids', 'label_ids is required unless carrier_id, warehouse_id and ship_date are given', undefined, 'field_value_required');
    }
    if (body.excluded_label_ids?.length) throw invalidField('excluded_label_ids', 'excluded_label_ids only applies with carrier_id, warehouse_id and ship_date');
    return { kind: 'labels', labelIds: labelIdsOf('label_ids', body.label_ids) };
  }
  for (const field of ['carrier_id', 'warehouse_id', 'ship_date'] as const) {
    if (body[field] === undefined) throw invalidField(field, `${field} is required when manifesting by carrier, warehouse and ship date`, undefined, 'field_value_required');
  }
  return {
    kind: 'day',
    carrierId: bodyId('carrier_id', 'carrier', body.carrier_id!),
    warehouseId: bodyId('warehouse_id', 'warehouse', body.warehouse_id!),
    shipDate: shipDay('ship_date', body.ship_date!),
    labelIds: body.label_ids?.length ? labelIdsOf('label_ids', body.label_ids) : undefined,
    excludedLabelIds: labelIdsOf('excluded_label_ids', body.excluded_label_ids ?? []),
  };
}

export const manifestRoutes: SurfacePlugin = async (app, { surface }) => {
  const { db } = app.ctx.database;
  const base = `${app.ctx.config.publicUrl}${surface === 'v2' ? '/v2' : '/v1'}`;

  app.post<{ Body: CreateManifestBody }>('/manifests', { schema: { tags: ['manifests'], body: createManifestBody } }, async (request) => {
    const accountId = actingAccount(request).id;
    const criteria = criteriaOf(request.body ?? {});
    const now = app.ctx.clock.nowIso();
    const made = await db.transaction().execute((tx) => createManifests(tx, accountId, criteria, now));
    return toManifestRequestResponse(made, base, surface, request.id);
  });

  app.get<{ Querystring: ManifestListQuery }>('/manifests', { schema: { tags: ['manifests'], querystring: manifestListQuery } }, async (request) => {
    const q = request.query;
    const labelIds = q.label_ids?.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean).map((v) => idFilter(v)!);
    if (labelIds && labelIds.length > 500) throw invalidField('label_ids', 'label_ids takes at most 500 ids');
    const { manifests, total } = await listManifests(db, actingAccount(request).id, {
      warehouseId: idFilter(q.warehouse_id),
      carrierId: idFilter(q.carrier_id),
      shipDateStart: q.ship_date_start && shipDay('ship_date_start', q.ship_date_start),
      shipDateEnd: q.ship_date_end && shipDay('ship_date_end', q.ship_date_end),
      createdAtStart: instantFilter('created_at_start', q.created_at_start),
      createdAtEnd: instantFilter('created_at_end', q.created_at_end),
      labelIds,
      offset: (q.page - 1) * q.page_size,
      limit: q.page_size,
    });
    const pages = Math.ceil(total / q.page_size);
    return {
      manifests: manifests.map((m) => toV2Manifest(m, base)),
      total,
      page: q.page,
      pages: Math.max(1, pages),
      links: pageLinks(request, app.ctx.config.publicUrl, q.page, pages, q.page_size),
    };
  });

  app.get<{ Params: { manifest_request_id: string } }>(
    '/manifests/requests/:manifest_request_id',
    { schema: { tags: ['manifests'], params: seIdParam('manifest_request_id') } },
    async (request) => {
      const made = await getManifestRequest(db, actingAccount(request).id, rowIdOf(request.params.manifest_request_id, 'manifest request'));
      if (made.manifests.length === 0) throw new DomainError('not_found', `manifest request ${request.params.manifest_request_id} made no manifest`);
      // Only ShipEngine documents this operation; both surfaces answer in its shape.
      return toManifestRequestResponse(made, base, surface, request.id, false);
    },
  );

  app.get<{ Params: { manifest_id: string } }>('/manifests/:manifest_id', { schema: { tags: ['manifests'], params: seIdParam('manifest_id') } }, async (request) =>
    toV2Manifest(await getManifest(db, actingAccount(request).id, rowIdOf(request.params.manifest_id, 'manifest')), base),
  );
};
