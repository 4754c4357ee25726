import type { FastifyPluginAsync } from 'fastify';
import { MAX_ROW_ID } from '../../../db/index.ts';
import { ORDER_STATUSES } from '../../../domain/orders/types.ts';
import { MARKETPLACES } from '../../../domain/stores/marketplaces.ts';
import {
  getStore,
  listStores,
  refreshStatus,
  refreshStores,
  setStoreActive,
  updateStore,
  type StatusMapping,
  type Store,
} from '../../../domain/stores/stores.ts';
import { actingAccount } from '../../common/context.ts';
import { intParam, rowId, successBody } from '../shared/params.ts';
import { FieldProblems, booleanIn, booleanQuery, dateTimeOut, instantIn } from '../shared/values.ts';

type Maybe<T> = T | null | undefined;

interface V1StoreBody {
  storeName: string;
  accountName?: Maybe<string>;
  email?: Maybe<string>;
  integrationUrl?: Maybe<string>;
  active?: Maybe<boolean>;
  companyName?: Maybe<string>;
  phone?: Maybe<string>;
  publicEmail?: Maybe<string>;
  website?: Maybe<string>;
  autoRefresh?: Maybe<boolean>;
  statusMappings?: Maybe<StatusMapping[]>;
}

const str = { type: ['string', 'null'], maxLength: 500 } as const;

const storeBody = {
  type: 'object',
  required: ['storeName'],
  properties: {
    storeId: { type: ['integer', 'null'] },
    storeName: { type: 'string', minLength: 1, maxLength: 200 },
    accountName: str,
    email: str,
    integrationUrl: str,
    active: { type: ['boolean', 'null'] },
    companyName: str,
    phone: str,
    publicEmail: str,
    website: str,
    autoRefresh: { type: ['boolean', 'null'] },
    statusMappings: {
      type: ['array', 'null'],
      items: {
        type: 'object',
        required: ['orderStatus', 'statusKey'],
        properties: { orderStatus: { type: 'string', enum: ORDER_STATUSES }, statusKey: { type: 'string', minLength: 1, maxLength: 100 } },
      },
    },
  },
} as const;

const storeIdBody = { type: 'object', required: ['storeId'], properties: { storeId: rowId } } as const;

/** The list shape; a single store adds its statusMappings. */
const listedStoreOut = (s: Store) => ({
  storeId: s.id,
  storeName: s.name,
  marketplaceId: s.marketplaceId,
  marketplaceName: s.marketplaceName,
  accountName: s.accountName,
  email: s.email,
  integrationUrl: s.integrationUrl,
  active: s.active,
  companyName: s.companyName,
  phone: s.phone,
  publicEmail: s.publicEmail,
  website: s.website,
  refreshDate: dateTimeOut(s.refreshDate),
  lastRefreshAttempt: dateTimeOut(s.lastRefreshAttempt),
  createDate: dateTimeOut(s.createdAt),
  modifyDate: dateTimeOut(s.modifiedAt),
  autoRefresh: s.autoRefresh,
});

const storeOut = (s: Store) => ({ ...listedStoreOut(s), statusMappings: s.statusMappings });

export const v1StoreRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.ctx.database;
  const now = () => app.ctx.clock.nowIso();
  const tags = ['v1 stores'];
  const params = intParam('storeId');

  app.get<{ Querystring: { showInactive?: string; marketplaceId?: number } }>(
    '/stores',
    {
      schema: {
        tags,
        querystring: { type: 'object', properties: { showInactive: booleanQuery, marketplaceId: { type: 'integer', minimum: 0, maximum: MAX_ROW_ID } } },
      },
    },
    async (request) => {
      const stores = await listStores(db, actingAccount(request).id, { showInactive: booleanIn(request.query.showInactive), marketplaceId: request.query.marketplaceId });
      return stores.map(listedStoreOut);
    },
  );

  app.get('/stores/marketplaces', { schema: { tags } }, async () => MARKETPLACES.map(({ name, marketplaceId, ...abilities }) => ({ name, marketplaceId, ...abilities })));

  app.get<{ Querystring: { storeId: number } }>(
    '/stores/getrefreshstatus',
    { schema: { tags, querystring: { type: 'object', required: ['storeId'], properties: { storeId: rowId } } } },
    async (request) => {
      const status = await refreshStatus(db, actingAccount(request).id, request.query.storeId);
      return { ...status, lastRefreshAttempt: dateTimeOut(status.lastRefreshAttempt), refreshDate: dateTimeOut(status.refreshDate) };
    },
  );

  // The documented request sends storeId and refreshDate in the query string and repeats them in the body.
  app.post<{ Querystring: { storeId?: number; refreshDate?: string }; Body: { storeId?: number | null; refreshDate?: string | null } | null }>(
    '/stores/refreshstore',
    {
      schema: {
        tags,
        querystring: { type: 'object', properties: { storeId: rowId, refreshDate: { type: 'string' } } },
        body: { type: ['object', 'null'], properties: { storeId: { anyOf: [rowId, { type: 'null' }] }, refreshDate: { type: ['string', 'null'] } } },
      },
    },
    async (request) => {
      const accountId = actingAccount(request).id;
      const storeId = request.query.storeId ?? request.body?.storeId ?? null;
      const problems = new FieldProblems();
      const refreshDate = instantIn(problems, 'refreshDate', request.query.refreshDate ?? request.body?.refreshDate);
      problems.check();
      const refreshed = await db.transaction().execute((tx) => refreshStores(tx, accountId, storeId, refreshDate, now()));
      if (storeId === null) return successBody(`A store refresh has been initiated for ${refreshed.length} active store(s).`);
      if (refreshed.length === 0) return successBody(`Store ID ${storeId} is inactive and cannot be refreshed.`, false);
      return successBody(`A store refresh has been initiated for Store ID ${storeId}`);
    },
  );

  app.get<{ Params: { storeId: number } }>('/stores/:storeId', { schema: { tags, params } }, async (request) =>
    storeOut(await getStore(db, actingAccount(request).id, request.params.storeId)),
  );

  // A full replace of the store's settings; marketplace, ids and dates are not editable.
  app.put<{ Params: { storeId: number }; Body: V1StoreBody }>('/stores/:storeId', { schema: { tags, params, body: storeBody } }, async (request) => {
    const accountId = actingAccount(request).id;
    const b = request.body;
    const store = await db.transaction().execute(async (tx) => {
      const current = await getStore(tx, accountId, request.params.storeId);
      return updateStore(
        tx,
        accountId,
        current.id,
        {
          name: b.storeName.trim(),
          active: b.active ?? current.active,
          accountName: b.accountName ?? null,
          email: b.email ?? null,
          integrationUrl: b.integrationUrl ?? null,
          companyName: b.companyName ?? '',
          phone: b.phone ?? '',
          publicEmail: b.publicEmail ?? '',
          website: b.website ?? '',
          autoRefresh: b.autoRefresh === true,
          statusMappings: b.statusMappings ?? current.statusMappings,
        },
        now(),
      );
    });
    return storeOut(store);
  });

  app.post<{ Body: { storeId: number } }>('/stores/deactivate', { schema: { tags, body: storeIdBody } }, async (request) => {
    const accountId = actingAccount(request).id;
    const changed = await db.transaction().execute((tx) => setStoreActive(tx, accountId, request.body.storeId, false, now()));
    return changed ? successBody('The requested store has been deactivated.') : successBody('The requested store is already inactive.', false);
  });

  app.post<{ Body: { storeId: number } }>('/stores/reactivate', { schema: { tags, body: storeIdBody } }, async (request) => {
    const accountId = actingAccount(request).id;
    const changed = await db.transaction().execute((tx) => setStoreActive(tx, accountId, request.body.storeId, true, now()));
    return changed ? successBody('The requested store has been reactivated.') : successBody('The requested store is already active.', false);
  });
};
