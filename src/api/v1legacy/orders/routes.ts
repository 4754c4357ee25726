import { Ajv, type ValidateFunction } from 'ajv';
import { sql } from 'kysely';
import type { FastifyError, FastifyPluginAsync, FastifyReply } from 'fastify';
import type { Executor } from '../../../db/index.ts';
import { DomainError } from '../../../domain/errors.ts';
import {
  addOrderTag,
  assignUser,
  deleteOrder,
  holdOrderUntil,
  markAsShipped,
  removeOrderTag,
  restoreFromHold,
  unassignUser,
} from '../../../domain/orders/actions.ts';
import { completeImport, forgetLookups, newImportBatch, type ImportBatch } from '../../../domain/orders/import-batch.ts';
import { listOrderIds, type KeptStamp, type OrderFilter, type OrderSort } from '../../../domain/orders/list.ts';
import { renderedOrderList } from '../../../domain/orders/rendered.ts';
import { saveOrder } from '../../../domain/orders/save.ts';
import { getOrder } from '../../../domain/orders/store.ts';
import { ORDER_STATUSES } from '../../../domain/orders/types.ts';
import { formatV1Date } from '../../../domain/time/pacific.ts';
import { actingAccount } from '../../common/context.ts';
import { validationIssues } from '../../common/v2-errors.ts';
import { intParam, successBody } from '../shared/params.ts';
import { FieldProblems, calendarDateIn, enumIn, instantIn, pageOfJson, rowsOf, sortDirIn, type V1Paging } from '../shared/values.ts';
import { orderIn, orderOut, orderTexts, type V1OrderBody } from './mapper.ts';
import {
  assignUserBody,
  createOrdersSchema,
  holdUntilBody,
  listByTagQuery,
  listOrdersQuery,
  markAsShippedBody,
  orderBodySchema,
  orderIdBody,
  orderTagBody,
  unassignUserBody,
} from './schemas.ts';

type ListQuery = V1Paging & Record<string, string | undefined> & { storeId?: number; sortDir?: string };

const SORTS: Record<string, OrderSort> = { OrderDate: 'order_date', ModifyDate: 'modified_at', CreateDate: 'created_at' };

function filterOf(q: ListQuery, problems: FieldProblems): OrderFilter {
  return {
    customerName: q.customerName || undefined,
    itemKeyword: q.itemKeyword || undefined,
    createdFrom: instantIn(problems, 'createDateStart', q.createDateStart) ?? undefined,
    createdTo: instantIn(problems, 'createDateEnd', q.createDateEnd) ?? undefined,
    modifiedFrom: instantIn(problems, 'modifyDateStart', q.modifyDateStart) ?? undefined,
    modifiedTo: instantIn(problems, 'modifyDateEnd', q.modifyDateEnd) ?? undefined,
    orderDateFrom: instantIn(problems, 'orderDateStart', q.orderDateStart) ?? undefined,
    orderDateTo: instantIn(problems, 'orderDateEnd', q.orderDateEnd) ?? undefined,
    paymentDateFrom: instantIn(problems, 'paymentDateStart', q.paymentDateStart) ?? undefined,
    paymentDateTo: instantIn(problems, 'paymentDateEnd', q.paymentDateEnd) ?? undefined,
    orderNumber: q.orderNumber || undefined,
    status: enumIn(problems, 'orderStatus', q.orderStatus, ORDER_STATUSES),
    storeId: q.storeId,
    shipToCountry: q.customsCountryCode || undefined,
    importBatchId: q.importBatchId || undefined,
  };
}

// createorders checks each order on its own, so one bad order fails alone (as on ShipStation).
// Compiled on first use: it is a large schema and compiling it at start cost 0.4 s.
let orderBodyValidator: ValidateFunction<V1OrderBody> | undefined;

function orderBodyProblem(candidate: unknown): string | null {
  const validateOrderBody = (orderBodyValidator ??= new Ajv({ coerceTypes: 'array', useDefaults: true, removeAdditional: false, allErrors: true, strict: false }).compile<V1OrderBody>(orderBodySchema));
  if (validateOrderBody(candidate)) return null;
  const issues = validationIssues({ validation: validateOrderBody.errors, validationContext: 'body' } as unknown as FastifyError);
  return issues.map((i) => i.message).join('; ');
}

/** V1 answers failed tag/user/hold operations with 200 {success:false, message}. */
async function outcome(run: () => Promise<unknown>, message: string) {
  try {
    await run();
    return successBody(message);
  } catch (error) {
    if (error instanceof DomainError && error.kind === 'business_rules') return successBody(error.message, false);
    throw error;
  }
}

export const v1OrderRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.ctx.database;
  const now = () => app.ctx.clock.nowIso();
  const tags = ['v1 orders'];
  const params = intParam('orderId');
  const write = <T>(work: (tx: Executor) => Promise<T>) => db.transaction().execute(work);

  app.get<{ Params: { orderId: number } }>('/orders/:orderId', { schema: { tags, params } }, async (request) =>
    orderOut(await getOrder(db, actingAccount(request).id, request.params.orderId)),
  );

  app.delete<{ Params: { orderId: number } }>('/orders/:orderId', { schema: { tags, params } }, async (request) => {
    const accountId = actingAccount(request).id;
    await write((tx) => deleteOrder(tx, accountId, request.params.orderId, now()));
    return successBody('The requested order has been deleted.');
  });

  // Lists send the orders' kept JSON (migration 0021, domain/orders/rendered.ts): the same bytes
  // as serializing orderOut, without building 100 orders per page.
  const orderPage = async (reply: FastifyReply, q: V1Paging, listed: { ids: number[]; total: number; kept: Map<number, KeptStamp> }) => {
    const list = await renderedOrderList(db, listed.ids, orderTexts, listed.kept);
    return reply.type('application/json; charset=utf-8').send(pageOfJson('orders', list, listed.total, q));
  };

  app.get<{ Querystring: ListQuery }>('/orders', { schema: { tags, querystring: listOrdersQuery } }, async (request, reply) => {
    const q = request.query;
    const problems = new FieldProblems();
    const filter = filterOf(q, problems);
    const sortBy = enumIn(problems, 'sortBy', q.sortBy, Object.keys(SORTS));
    problems.check();
    const sort = { by: sortBy ? SORTS[sortBy] : ('id' as const), dir: sortDirIn(q.sortDir) };
    return orderPage(reply, q, await listOrderIds(db, actingAccount(request).id, filter, sort, rowsOf(q), { kept: true }));
  });

  app.get<{ Querystring: ListQuery & { tagId: number } }>('/orders/listbytag', { schema: { tags, querystring: listByTagQuery } }, async (request, reply) => {
    const q = request.query;
    const problems = new FieldProblems();
    const status = enumIn(problems, 'orderStatus', q.orderStatus, ORDER_STATUSES);
    problems.check();
    return orderPage(reply, q, await listOrderIds(db, actingAccount(request).id, { status, tagId: q.tagId }, { by: 'id', dir: sortDirIn(q.sortDir) }, rowsOf(q), { kept: true }));
  });

  app.post<{ Body: V1OrderBody }>('/orders/createorder', { schema: { tags, body: orderBodySchema } }, async (request) => {
    const accountId = actingAccount(request).id;
    const input = orderIn(request.body);
    const order = await write(async (tx) => {
      const batch = newImportBatch();
      const saved = await saveOrder(tx, accountId, input, { now: now(), batch });
      await completeImport(tx, accountId, batch, now());
      return saved;
    });
    return orderOut(order);
  });

  app.post<{ Body: unknown[] }>('/orders/createorders', { schema: { tags, body: createOrdersSchema } }, async (request) => {
    const accountId = actingAccount(request).id;
    const results = await write(async (tx) => {
      const batch = newImportBatch();
      const outcomes = [];
      for (const [index, candidate] of request.body.entries()) outcomes.push(await saveOne(tx, accountId, candidate, index, batch));
      await completeImport(tx, accountId, batch, now());
      return outcomes;
    });
    return { hasErrors: results.some((r) => !r.success), results };
  });

  /** One order of a createorders call, inside a savepoint so that its failure undoes only its own writes. */
  async function saveOne(tx: Executor, accountId: number, candidate: unknown, index: number, batch: ImportBatch) {
    const given = (candidate ?? {}) as Partial<V1OrderBody>;
    const failure = (errorMessage: string) => ({
      orderId: 0,
      orderNumber: typeof given.orderNumber === 'string' ? given.orderNumber : null,
      orderKey: typeof given.orderKey === 'string' ? given.orderKey : null,
      success: false,
      errorMessage,
    });
    const problem = orderBodyProblem(candidate);
    if (problem) return failure(problem);
    const savepoint = sql.raw(`createorders_${index}`);
    await sql`savepoint ${savepoint}`.execute(tx);
    try {
      const order = await saveOrder(tx, accountId, orderIn(candidate as V1OrderBody), { now: now(), batch });
      await sql`release savepoint ${savepoint}`.execute(tx);
      return { orderId: order.id, orderNumber: order.orderNumber, orderKey: order.orderKey, success: true, errorMessage: null };
    } catch (error) {
      await sql`rollback to savepoint ${savepoint}`.execute(tx);
      await sql`release savepoint ${savepoint}`.execute(tx);
      forgetLookups(batch);
      if (!(error instanceof DomainError)) throw error;
      return failure(error.message);
    }
  }

  app.post<{ Body: { orderId: number; tagId: number } }>('/orders/addtag', { schema: { tags, body: orderTagBody } }, async (request) => {
    const accountId = actingAccount(request).id;
    const { orderId, tagId } = request.body;
    return outcome(() => write((tx) => addOrderTag(tx, accountId, orderId, tagId, now())), 'Tag added successfully.');
  });

  app.post<{ Body: { orderId: number; tagId: number } }>('/orders/removetag', { schema: { tags, body: orderTagBody } }, async (request) => {
    const accountId = actingAccount(request).id;
    const { orderId, tagId } = request.body;
    return outcome(() => write((tx) => removeOrderTag(tx, accountId, orderId, tagId, now())), 'Tag removed successfully.');
  });

  app.post<{ Body: { orderIds: number[]; userId: string } }>('/orders/assignuser', { schema: { tags, body: assignUserBody } }, async (request) => {
    const accountId = actingAccount(request).id;
    const { orderIds, userId } = request.body;
    return outcome(() => write((tx) => assignUser(tx, accountId, orderIds, userId, now())), 'User assigned successfully.');
  });

  app.post<{ Body: { orderIds: number[] } }>('/orders/unassignuser', { schema: { tags, body: unassignUserBody } }, async (request) => {
    const accountId = actingAccount(request).id;
    return outcome(() => write((tx) => unassignUser(tx, accountId, request.body.orderIds, now())), 'User unassigned successfully.');
  });

  app.post<{ Body: { orderId: number; holdUntilDate: string } }>('/orders/holduntil', { schema: { tags, body: holdUntilBody } }, async (request) => {
    const accountId = actingAccount(request).id;
    const problems = new FieldProblems();
    const holdUntil = instantIn(problems, 'holdUntilDate', request.body.holdUntilDate);
    if (holdUntil === null && problems.issues.length === 0) problems.add('holdUntilDate', 'The holdUntilDate field is required.');
    const today = formatV1Date(app.ctx.clock.now());
    if (holdUntil !== null && formatV1Date(new Date(holdUntil)) < today) problems.add('holdUntilDate', `holdUntilDate ${request.body.holdUntilDate} is in the past (today is ${today}, Pacific time).`);
    problems.check();
    return outcome(() => write((tx) => holdOrderUntil(tx, accountId, request.body.orderId, holdUntil!, now())), 'Order held successfully.');
  });

  app.post<{ Body: { orderId: number } }>('/orders/restorefromhold', { schema: { tags, body: orderIdBody } }, async (request) => {
    const accountId = actingAccount(request).id;
    return outcome(() => write((tx) => restoreFromHold(tx, accountId, request.body.orderId, now())), 'The requested order has been restored');
  });

  app.post<{
    Body: { orderId: number; carrierCode: string; shipDate?: string | null; trackingNumber?: string | null; notifyCustomer?: boolean | null; notifySalesChannel?: boolean | null };
  }>('/orders/markasshipped', { schema: { tags, body: markAsShippedBody } }, async (request) => {
    const accountId = actingAccount(request).id;
    const body = request.body;
    const problems = new FieldProblems();
    // Without a ship date the order ships today (Pacific).
    const shipDate = calendarDateIn(problems, 'shipDate', body.shipDate) ?? formatV1Date(app.ctx.clock.now());
    problems.check();
    const fulfillment = await write((tx) =>
      markAsShipped(
        tx,
        accountId,
        body.orderId,
        {
          carrierCode: body.carrierCode.trim(),
          shipDate,
          trackingNumber: body.trackingNumber?.trim() || null,
          notifyCustomer: body.notifyCustomer === true,
          notifySalesChannel: body.notifySalesChannel === true,
        },
        now(),
      ),
    );
    return { orderId: fulfillment.orderId, orderNumber: fulfillment.orderNumber };
  });
};
