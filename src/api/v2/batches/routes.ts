// /batches on V2 and ShipEngine: create, list, read, archive, add/remove shipments, errors, and
// process (which only queues the job that buys the labels; see src/domain/batches/process.ts).
import type { FastifyReply } from 'fastify';
import {
  addToBatch,
  archiveBatch,
  getBatch,
  getBatchByExternalId,
  insertBatch,
  listBatchErrors,
  listBatches,
  removeFromBatch,
  requestProcessing,
  type BatchStatus,
  type Members,
  type ProcessOptions,
} from '../../../domain/batches/index.ts';
import { actingAccount } from '../../common/context.ts';
import { idempotencyHeaderDoc, idempotent } from '../../common/idempotency.ts';
import { parseSeId } from '../../common/ids.ts';
import { offsetOf, pageLinks } from '../../common/paging.ts';
import type { SurfacePlugin } from '../shared/plugin.ts';
import { toV2Batch, toV2BatchError } from './mapper.ts';
import {
  addToBatchSchema,
  byExternalId,
  byId,
  createBatch,
  listBatchesQuery,
  listErrorsQuery,
  membersChange,
  processBatch,
  type CreateBatchBody,
  type ListBatchesQuery,
  type ListErrorsQuery,
  type MembersBody,
  type ProcessBody,
} from './schemas.ts';

type ById = { Params: { batch_id: string } };

const ids = (values: string[] | undefined) => (values ?? []).map((v) => parseSeId(v) ?? -1);
const membersOf = (body: MembersBody | undefined): Members => ({ shipmentIds: ids(body?.shipment_ids), rateIds: ids(body?.rate_ids) });
const instant = (value: string | undefined) => (value ? new Date(value).toISOString() : undefined);

const processOptions = (body: Partial<ProcessBody> | undefined): ProcessOptions => ({
  shipDate: body?.ship_date ? new Date(body.ship_date).toISOString().slice(0, 10) : null,
  labelLayout: body?.label_layout ?? '4x6',
  labelFormat: body?.label_format ?? 'pdf',
  displayScheme: body?.display_scheme ?? 'label',
});

const noContent = (reply: FastifyReply) => reply.code(204).send();

export const batchRoutes: SurfacePlugin = async (app, { surface }) => {
  const { db } = app.ctx.database;
  const base = `${app.ctx.config.publicUrl}${surface === 'v2' ? '/v2' : '/v1'}`;
  const clock = app.ctx.clock;
  const batchId = (request: { params: { batch_id: string } }) => parseSeId(request.params.batch_id) ?? -1;

  app.post<{ Body: CreateBatchBody }>('/batches', { schema: createBatch }, async (request) => {
    const accountId = actingAccount(request).id;
    const body = request.body ?? {};
    const now = clock.nowIso();
    const id = await db.transaction().execute(async (tx) => {
      const created = await insertBatch(tx, accountId, { externalBatchId: body.external_batch_id ?? null, batchNotes: body.batch_notes ?? null }, now);
      await addToBatch(tx, accountId, created, membersOf(body), now);
      if (body.process_labels?.create_batch_and_process_labels) await requestProcessing(tx, accountId, created, processOptions(body.process_labels), now);
      return created;
    });
    return toV2Batch(await getBatch(db, accountId, id), base);
  });

  app.get<{ Querystring: ListBatchesQuery }>('/batches', { schema: listBatchesQuery }, async (request) => {
    const q = request.query;
    const { batches, total } = await listBatches(db, actingAccount(request).id, {
      status: (q.batch_status ?? q.status) as BatchStatus | undefined,
      batchNumber: q.batch_number,
      createdAtStart: instant(q.created_at_start),
      createdAtEnd: instant(q.created_at_end),
      processedAtStart: instant(q.processed_at_start),
      processedAtEnd: instant(q.processed_at_end),
      sortBy: q.sort_by,
      sortDir: q.sort_dir,
      offset: offsetOf({ page: q.page, pageSize: q.page_size }),
      limit: q.page_size,
    });
    const pages = Math.ceil(total / q.page_size);
    return {
      batches: batches.map((b) => toV2Batch(b, base)),
      total,
      page: q.page,
      pages: Math.max(1, pages),
      links: pageLinks(request, app.ctx.config.publicUrl, q.page, pages, q.page_size),
    };
  });

  app.get<{ Params: { external_batch_id: string } }>('/batches/external_batch_id/:external_batch_id', { schema: byExternalId }, async (request) =>
    toV2Batch(await getBatchByExternalId(db, actingAccount(request).id, request.params.external_batch_id), base),
  );

  app.get<ById>('/batches/:batch_id', { schema: byId }, async (request) => toV2Batch(await getBatch(db, actingAccount(request).id, batchId(request)), base));

  // The V2 spec: both set the status to archived.
  for (const method of ['put', 'delete'] as const) {
    app[method]<ById>('/batches/:batch_id', { schema: byId }, async (request, reply) => {
      const accountId = actingAccount(request).id;
      await db.transaction().execute((tx) => archiveBatch(tx, accountId, batchId(request), clock.nowIso()));
      return noContent(reply);
    });
  }

  app.post<ById & { Body: CreateBatchBody }>('/batches/:batch_id/add', { schema: addToBatchSchema }, async (request, reply) => {
    const accountId = actingAccount(request).id;
    const id = batchId(request);
    const now = clock.nowIso();
    await db.transaction().execute(async (tx) => {
      await addToBatch(tx, accountId, id, membersOf(request.body), now);
      const process = request.body?.process_labels;
      if (process?.create_batch_and_process_labels) await requestProcessing(tx, accountId, id, processOptions(process), now);
    });
    return noContent(reply);
  });

  app.post<ById & { Body: MembersBody }>('/batches/:batch_id/remove', { schema: membersChange }, async (request, reply) => {
    const accountId = actingAccount(request).id;
    await db.transaction().execute((tx) => removeFromBatch(tx, accountId, batchId(request), membersOf(request.body), clock.nowIso()));
    return noContent(reply);
  });

  app.post<ById & { Body: Partial<ProcessBody> }>('/batches/:batch_id/process/labels', { schema: { ...processBatch, description: idempotencyHeaderDoc } }, async (request, reply) => {
    const accountId = actingAccount(request).id;
    const now = clock.nowIso();
    await db.transaction().execute((tx) =>
      idempotent(tx, request, reply, now, async () => {
        await requestProcessing(tx, accountId, batchId(request), processOptions(request.body), now);
        return null;
      }, 204),
    );
    return noContent(reply);
  });

  app.get<ById & { Querystring: ListErrorsQuery }>('/batches/:batch_id/errors', { schema: listErrorsQuery }, async (request) => {
    const accountId = actingAccount(request).id;
    const id = batchId(request);
    await getBatch(db, accountId, id);
    const { page } = request.query;
    const pageSize = request.query.pagesize ?? request.query.page_size ?? 25;
    const { errors, total } = await listBatchErrors(db, id, offsetOf({ page, pageSize }), pageSize);
    return { errors: errors.map(toV2BatchError), links: pageLinks(request, app.ctx.config.publicUrl, page, Math.ceil(total / pageSize), pageSize) };
  });
};
