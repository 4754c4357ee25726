import type { FastifyPluginAsync } from 'fastify';
import { listFulfillments, type Fulfillment } from '../../../domain/fulfillments/fulfillments.ts';
import { actingAccount } from '../../common/context.ts';
import { rowId, v1PagingQuery } from '../shared/params.ts';
import { FieldProblems, calendarDateIn, dateTimeOut, enumIn, instantIn, pageBody, rowsOf, sortDirIn, type V1Paging } from '../shared/values.ts';

const fulfillmentOut = (f: Fulfillment) => ({
  fulfillmentId: f.id,
  orderId: f.orderId,
  orderNumber: f.orderNumber,
  userId: f.userId,
  customerEmail: f.customerEmail,
  trackingNumber: f.trackingNumber,
  createDate: dateTimeOut(f.createdAt),
  // A ship date is a day; V1 writes it as that day's midnight.
  shipDate: `${f.shipDate}T00:00:00.0000000`,
  // Fulfillments record shipments made outside Shipdock; none is voided, delivered or billed here.
  voidDate: null,
  deliveryDate: null,
  carrierCode: f.carrierCode,
  sellerFillProviderId: null,
  sellerFillProviderName: null,
  fulfillmentServiceCode: null,
  fulfillmentProviderCode: null,
  fulfillmentFee: 0,
  voidRequested: false,
  voided: false,
  marketplaceNotified: f.marketplaceNotified,
  notifyErrorMessage: null,
  shipTo: f.shipTo,
});

const listQuery = {
  type: 'object',
  properties: {
    fulfillmentId: rowId,
    orderId: rowId,
    orderNumber: { type: 'string' },
    trackingNumber: { type: 'string' },
    recipientName: { type: 'string' },
    createDateStart: { type: 'string' },
    createDateEnd: { type: 'string' },
    shipDateStart: { type: 'string' },
    shipDateEnd: { type: 'string' },
    sortBy: { type: 'string' },
    ...v1PagingQuery,
  },
} as const;

type ListQuery = V1Paging & { fulfillmentId?: number; orderId?: number; sortDir?: string } & Record<string, string | undefined>;

export const v1FulfillmentRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.ctx.database;
  app.get<{ Querystring: ListQuery }>('/fulfillments', { schema: { tags: ['v1 fulfillments'], querystring: listQuery } }, async (request) => {
    const q = request.query;
    const problems = new FieldProblems();
    const filter = {
      fulfillmentId: q.fulfillmentId,
      orderId: q.orderId,
      orderNumber: q.orderNumber || undefined,
      trackingNumber: q.trackingNumber || undefined,
      recipientName: q.recipientName || undefined,
      createdFrom: instantIn(problems, 'createDateStart', q.createDateStart) ?? undefined,
      createdTo: instantIn(problems, 'createDateEnd', q.createDateEnd) ?? undefined,
      shipDateFrom: calendarDateIn(problems, 'shipDateStart', q.shipDateStart) ?? undefined,
      shipDateTo: calendarDateIn(problems, 'shipDateEnd', q.shipDateEnd) ?? undefined,
    };
    const sortBy = enumIn(problems, 'sortBy', q.sortBy, ['ShipDate', 'CreateDate'] as const);
    problems.check();
    const sort = { by: sortBy === 'ShipDate' ? ('ship_date' as const) : ('created_at' as const), dir: sortDirIn(q.sortDir) };
    const { fulfillments, total } = await listFulfillments(db, actingAccount(request).id, filter, sort, rowsOf(q));
    return pageBody('fulfillments', fulfillments.map(fulfillmentOut), total, q);
  });
};
