import type { FastifyPluginAsync } from 'fastify';
import { getCustomer, listCustomers, type Customer, type CustomerSort } from '../../../domain/customers/customers.ts';
import { MAX_ROW_ID } from '../../../db/index.ts';
import { actingAccount } from '../../common/context.ts';
import { intParam, rowId, v1PagingQuery } from '../shared/params.ts';
import { FieldProblems, dateTimeOut, enumIn, pageBody, rowsOf, sortDirIn, type V1Paging } from '../shared/values.ts';

const customerOut = (c: Customer) => ({
  customerId: c.id,
  createDate: dateTimeOut(c.createdAt),
  modifyDate: dateTimeOut(c.modifiedAt),
  name: c.name,
  company: c.company,
  street1: c.street1,
  street2: c.street2,
  city: c.city,
  state: c.state,
  postalCode: c.postalCode,
  countryCode: c.countryCode,
  phone: c.phone,
  email: c.email,
  addressVerified: c.addressVerified,
  marketplaceUsernames: c.marketplaceUsernames.map((u) => ({
    customerUserId: u.id,
    customerId: u.customerId,
    createDate: dateTimeOut(u.createdAt),
    modifyDate: dateTimeOut(u.modifiedAt),
    marketplaceId: u.marketplaceId,
    marketplace: u.marketplace,
    username: u.username,
  })),
  tags: c.tags.map((t) => ({ tagId: t.id, name: t.name })),
});

const SORTS: Record<string, CustomerSort> = { Name: 'name', ModifyDate: 'modified_at', CreateDate: 'created_at' };

const listQuery = {
  type: 'object',
  properties: {
    stateCode: { type: 'string' },
    countryCode: { type: 'string' },
    marketplaceId: { type: 'integer', minimum: 0, maximum: MAX_ROW_ID },
    tagId: rowId,
    sortBy: { type: 'string' },
    ...v1PagingQuery,
  },
} as const;

type ListQuery = V1Paging & { stateCode?: string; countryCode?: string; marketplaceId?: number; tagId?: number; sortBy?: string; sortDir?: string };

export const v1CustomerRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.ctx.database;
  const tags = ['v1 customers'];

  app.get<{ Params: { customerId: number } }>('/customers/:customerId', { schema: { tags, params: intParam('customerId') } }, async (request) =>
    customerOut(await getCustomer(db, actingAccount(request).id, request.params.customerId)),
  );

  app.get<{ Querystring: ListQuery }>('/customers', { schema: { tags, querystring: listQuery } }, async (request) => {
    const q = request.query;
    const problems = new FieldProblems();
    const sortBy = enumIn(problems, 'sortBy', q.sortBy, Object.keys(SORTS));
    problems.check();
    const { customers, total } = await listCustomers(
      db,
      actingAccount(request).id,
      { stateCode: q.stateCode || undefined, countryCode: q.countryCode || undefined, marketplaceId: q.marketplaceId, tagId: q.tagId },
      { by: sortBy ? SORTS[sortBy] : 'id', dir: sortDirIn(q.sortDir) },
      rowsOf(q),
    );
    return pageBody('customers', customers.map(customerOut), total, q);
  });
};
