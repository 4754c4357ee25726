import type { FastifyPluginAsync } from 'fastify';
import { formatV1DateTime } from '../../../domain/time/pacific.ts';
import { actingAccount } from '../../common/context.ts';

export const v1StoreRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.ctx.database;
  app.get<{ Querystring: { showInactive?: boolean; marketplaceId?: number } }>(
    '/stores',
    {
      schema: {
        tags: ['v1 stores'],
        querystring: { type: 'object', properties: { showInactive: { type: 'boolean' }, marketplaceId: { type: 'integer' } } },
      },
    },
    async (request) => {
      let query = db.selectFrom('stores').selectAll().where('account_id', '=', actingAccount(request).id);
      if (!request.query.showInactive) query = query.where('active', '=', 1);
      if (request.query.marketplaceId !== undefined) query = query.where('marketplace_id', '=', request.query.marketplaceId);
      const rows = await query.orderBy('id').execute();
      return rows.map((s) => {
        const details = JSON.parse(s.details) as Record<string, unknown>;
        return {
          storeId: s.id,
          storeName: s.name,
          marketplaceId: s.marketplace_id,
          marketplaceName: s.marketplace_name,
          accountName: details.accountName ?? null,
          email: details.email ?? null,
          integrationUrl: details.integrationUrl ?? null,
          active: s.active === 1,
          companyName: details.companyName ?? '',
          phone: details.phone ?? '',
          publicEmail: details.publicEmail ?? '',
          website: details.website ?? '',
          refreshDate: s.refresh_date ? formatV1DateTime(new Date(s.refresh_date)) : null,
          lastRefreshAttempt: s.last_refresh_attempt ? formatV1DateTime(new Date(s.last_refresh_attempt)) : null,
          createDate: formatV1DateTime(new Date(s.created_at)),
          modifyDate: formatV1DateTime(new Date(s.modified_at)),
          autoRefresh: details.autoRefresh === true,
        };
      });
    },
  );
};
