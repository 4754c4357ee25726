// Shipments (purchased labels): list, label detail with its image and downloads, tracking
// timeline, void and return label, all through the label domain.
import type { FastifyPluginAsync } from 'fastify';
import { DomainError } from '../../domain/errors.ts';
import { labelFile } from '../../domain/labels/documents.ts';
import { listLabels } from '../../domain/labels/list.ts';
import { createReturnLabel } from '../../domain/labels/returns.ts';
import { getLabel } from '../../domain/labels/store.ts';
import { trackLabel } from '../../domain/labels/tracking.ts';
import { voidLabel } from '../../domain/labels/void.ts';
import { DASHBOARD_LABEL } from '../orders/routes.ts';
import { formAction, idParam, render } from '../render.ts';
import { accountId, BASE } from '../session.ts';

export const PAGE_SIZE = 25;
const STATUSES = ['completed', 'voided'] as const;

export const shipmentRoutes: FastifyPluginAsync = async (app) => {
  const ctx = app.ctx;
  const db = ctx.database.db;

  app.get<{ Querystring: Record<string, string | undefined> }>('/shipments', async (request, reply) => {
    const q = request.query;
    const page = Math.max(1, Math.min(10_000, Number.parseInt(q.page ?? '1', 10) || 1));
    const status = STATUSES.find((s) => s === q.status);
    const tracking = (q.tracking ?? '').trim().slice(0, 60);
    const { labels, total } = await listLabels(db, accountId(request), {
      labelStatus: status,
      trackingNumber: tracking || undefined,
      sortBy: 'created_at',
      sortDir: 'desc',
      offset: (page - 1) * PAGE_SIZE,
      limit: PAGE_SIZE,
    });
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const link = (p: number) => `${BASE}/shipments?${new URLSearchParams({ ...(status ? { status } : {}), ...(tracking ? { tracking } : {}), page: String(p) })}`;
    return render(request, reply, 'shipments/list', {
      title: 'Shipments',
      nav: 'shipments',
      labels,
      total,
      status: status ?? '',
      tracking,
      page,
      pages,
      prev: page > 1 ? link(page - 1) : null,
      next: page < pages ? link(page + 1) : null,
    });
  });

  app.get<{ Params: { id: string } }>('/shipments/:id', async (request, reply) => {
    const label = await getLabel(db, accountId(request), idParam(request.params.id));
    const tracking = trackLabel(label, ctx.clock.now());
    const returns = await db.selectFrom('labels').select(['id', 'tracking_number', 'status']).where('account_id', '=', label.accountId).where('outbound_label_id', '=', label.id).orderBy('id').execute();
    return render(request, reply, 'shipments/show', {
      title: `Shipment ${label.trackingNumber}`,
      nav: 'shipments',
      label,
      tracking,
      returns,
    });
  });

  app.get<{ Params: { id: string; format: string } }>('/shipments/:id/label.:format', async (request, reply) => {
    const label = await getLabel(db, accountId(request), idParam(request.params.id));
    const format = request.params.format;
    if (!['png', 'pdf', 'zpl'].includes(format)) throw new DomainError('not_found', `no ${format} label`);
    const file = await labelFile(db, label, `label-${label.id}.${format}`, ctx.clock.nowIso());
    if (!file) throw new DomainError('not_found', `no ${format} label`);
    const disposition = format === 'png' ? 'inline' : 'attachment';
    return reply
      .type(file.contentType)
      .header('content-disposition', `${disposition}; filename="label-${label.trackingNumber}.${format}"`)
      .header('cache-control', 'private, max-age=300')
      .send(file.content);
  });

  const back = (id: string) => `${BASE}/shipments/${encodeURIComponent(id)}`;

  app.post<{ Params: { id: string } }>('/shipments/:id/void', async (request, reply) =>
    formAction(request, reply, back(request.params.id), async () => {
      const result = await db.transaction().execute((tx) => voidLabel(tx, accountId(request), idParam(request.params.id), ctx.clock.now()));
      if (!result.approved) throw new DomainError('business_rules', result.message);
      return 'Label voided; its cost goes back to the carrier balance.';
    }),
  );

  app.post<{ Params: { id: string } }>('/shipments/:id/return', async (request, reply) =>
    formAction(request, reply, back(request.params.id), async () => {
      const label = await db.transaction().execute((tx) => createReturnLabel(tx, accountId(request), idParam(request.params.id), DASHBOARD_LABEL, ctx.clock.nowIso()));
      return { message: `Return label created: ${label.trackingNumber}.`, to: `${BASE}/shipments/${label.id}` };
    }),
  );
};
