// Batches: the account's label batches, a new batch from selected orders (their shipments) or
// shipments, processing by the job runner with a progress bar that polls a small JSON endpoint,
// the shipments that failed, and the combined PDF.
import type { FastifyPluginAsync } from 'fastify';
import { addToBatch, batchFile, batchProgress, getBatch, insertBatch, listBatches, listBatchErrors, requestProcessing } from '../../domain/batches/index.ts';
import type { BatchProgress } from '../../domain/batches/index.ts';
import { DomainError } from '../../domain/errors.ts';
import { findShipmentByOrder } from '../../domain/shipments/store.ts';
import { field, formAction, idParam, render } from '../render.ts';
import { accountId, BASE } from '../session.ts';

const LIST_PAGE = 50;
const CANDIDATES = 100;

/** Repeated form fields (checkboxes) as positive ids. */
function ids(body: unknown, name: string): number[] {
  const value = (body as Record<string, unknown> | null | undefined)?.[name];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.map((v) => (typeof v === 'string' && /^\d{1,9}$/.test(v.trim()) ? Number(v) : NaN)).filter((n) => Number.isInteger(n) && n > 0);
}

const RUNNING = new Set(['queued', 'processing', 'notifying']);

/** What the progress bar shows; `done` stops the polling. */
export function progressView(batchId: number, p: BatchProgress) {
  const tried = p.completed + p.errors;
  const percent = p.count === 0 ? 0 : Math.round((tried / p.count) * 100);
  const done = !RUNNING.has(p.status) && p.status !== 'open';
  return {
    status: p.status,
    count: p.count,
    completed: p.completed,
    errors: p.errors,
    pending: p.pending,
    percent: done ? 100 : Math.min(percent, 99),
    done,
    labelsUrl: done && p.completed > 0 ? `${BASE}/batches/${batchId}/labels.pdf` : null,
  };
}

export const batchRoutes: FastifyPluginAsync = async (app) => {
  const ctx = app.ctx;
  const db = ctx.database.db;

  app.get<{ Querystring: { page?: string } }>('/batches', async (request, reply) => {
    const account = accountId(request);
    const page = Math.max(1, Math.min(10_000, Number.parseInt(request.query.page ?? '1', 10) || 1));
    const [{ batches, total }, candidates] = await Promise.all([
      listBatches(db, account, { sortBy: 'created_at', sortDir: 'desc', offset: (page - 1) * LIST_PAGE, limit: LIST_PAGE }),
      // Shipments still without a label: an order's shipment is offered as the order.
      db
        .selectFrom('shipments as s')
        .leftJoin('orders as o', 'o.id', 's.order_id')
        .select(['s.id', 's.order_id', 's.external_shipment_id', 's.service_code', 's.created_at', 'o.order_number'])
        .where('s.account_id', '=', account)
        .where('s.status', '=', 'pending')
        .orderBy('s.id', 'desc')
        .limit(CANDIDATES)
        .execute(),
    ]);
    const pages = Math.max(1, Math.ceil(total / LIST_PAGE));
    return render(request, reply, 'batches/list', {
      title: 'Batches',
      nav: 'batches',
      batches,
      orders: candidates.filter((c) => c.order_id !== null),
      shipments: candidates.filter((c) => c.order_id === null),
      page,
      pages,
      prev: page > 1 ? `${BASE}/batches?page=${page - 1}` : null,
      next: page < pages ? `${BASE}/batches?page=${page + 1}` : null,
    });
  });

  app.post<{ Body: Record<string, unknown> }>('/batches', async (request, reply) =>
    formAction(request, reply, `${BASE}/batches`, async () => {
      const account = accountId(request);
      const orderIds = ids(request.body, 'order_id');
      const shipmentIds = ids(request.body, 'shipment_id');
      if (orderIds.length + shipmentIds.length === 0) throw new DomainError('validation', 'Select at least one order or shipment for the batch.');
      const notes = field(request.body, 'notes').slice(0, 200) || null;
      const now = ctx.clock.nowIso();
      const batchId = await db.transaction().execute(async (tx) => {
        const members = [...shipmentIds];
        for (const orderId of orderIds) {
          const shipment = await findShipmentByOrder(tx, account, orderId);
          if (!shipment) throw new DomainError('validation', `Order ${orderId} has no shipment to label.`);
          members.push(shipment.id);
        }
        const id = await insertBatch(tx, account, { externalBatchId: null, batchNotes: notes }, now);
        await addToBatch(tx, account, id, { shipmentIds: members, rateIds: [] }, now);
        return id;
      });
      return { message: `Batch ${batchId} created with ${orderIds.length + shipmentIds.length} shipments.`, to: `${BASE}/batches/${batchId}` };
    }),
  );

  app.get<{ Params: { id: string } }>('/batches/:id', async (request, reply) => {
    const account = accountId(request);
    const batch = await getBatch(db, account, idParam(request.params.id));
    const [progress, { errors, total }, members] = await Promise.all([
      batchProgress(db, account, batch.id),
      listBatchErrors(db, batch.id, 0, 200),
      db
        .selectFrom('batch_shipments as bs')
        .innerJoin('shipments as s', 's.id', 'bs.shipment_id')
        .leftJoin('orders as o', 'o.id', 's.order_id')
        .select(['bs.shipment_id', 'bs.state', 'bs.label_id', 's.external_shipment_id', 's.service_code', 'o.order_number'])
        .where('bs.batch_id', '=', batch.id)
        .orderBy('bs.id')
        .limit(500)
        .execute(),
    ]);
    return render(request, reply, 'batches/show', {
      title: `Batch ${batch.id}`,
      nav: 'batches',
      batch,
      progress: progressView(batch.id, progress),
      errors,
      errorTotal: total,
      members,
    });
  });

  // Polled every second by static/batch.js while the batch runs.
  app.get<{ Params: { id: string } }>('/batches/:id/progress', async (request, reply) => {
    const batchId = idParam(request.params.id);
    const progress = progressView(batchId, await batchProgress(db, accountId(request), batchId));
    return reply.header('cache-control', 'no-store').send(progress);
  });

  app.post<{ Params: { id: string } }>('/batches/:id/process', async (request, reply) => {
    const batchId = idParam(request.params.id);
    return formAction(request, reply, `${BASE}/batches/${batchId}`, async () => {
      await db.transaction().execute((tx) =>
        requestProcessing(tx, accountId(request), batchId, { labelLayout: '4x6', labelFormat: 'pdf', displayScheme: 'label' }, ctx.clock.nowIso()),
      );
      return 'Processing started: labels are bought one by one.';
    });
  });

  app.get<{ Params: { id: string } }>('/batches/:id/labels.pdf', async (request, reply) => {
    const batchId = idParam(request.params.id);
    const file = await batchFile(db, accountId(request), batchId, 'labels');
    return reply
      .type(file.document.contentType)
      .header('content-disposition', `attachment; filename="batch-${batchId}-labels.${file.document.contentType.includes('pdf') ? 'pdf' : 'zpl'}"`)
      .header('cache-control', 'no-store')
      .send(file.open());
  });
};
