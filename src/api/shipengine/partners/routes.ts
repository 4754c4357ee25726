// The Partner API (ShipEngine /v1/partners/...): partner keys only, each partner sees its own accounts.
import type { FastifyRequest } from 'fastify';
import { MAX_ROW_ID } from '../../../db/index.ts';
import { notFound } from '../../../domain/errors.ts';
import * as accounts from '../../../domain/partners/accounts.ts';
import * as apiKeys from '../../../domain/partners/api-keys.ts';
import { offsetOf, pageLinks } from '../../common/paging.ts';
import type { SurfacePlugin } from '../../v2/shared/plugin.ts';
import { acceptEmptyBodies } from './empty-body.ts';
import { fromCreateAccountBody, toAccountJson, toCreatedAccountJson, toCreatedApiKeyJson, toListedApiKeyJson, type CreateAccountBody } from './mapper.ts';
import { accountParams, apiKeyParams, createAccountBody, createApiKeyBody, externalIdParams, listAccountsQuery } from './schemas.ts';

type AccountParams = { account_id: string };
type ListQuery = { page: number; page_size: number; sort_dir: 'asc' | 'desc'; external_account_id?: string; active?: boolean };

const config = { partner: true };
const tags = ['partners'];

function partnerIdOf(request: FastifyRequest): number {
  if (request.principal?.kind !== 'partner') throw new Error('partner route reached without a partner key');
  return request.principal.partnerId;
}

/** A path id past the largest row id names nothing: 404, like any unknown id. */
function rowId(value: string, what: string): number {
  const id = Number(value.replace(/^se-/, ''));
  if (id > MAX_ROW_ID) throw notFound(what, value);
  return id;
}

const parseAccountId = (value: string) => rowId(value, 'account');

export const partnerRoutes: SurfacePlugin = async (app) => {
  acceptEmptyBodies(app);
  const { db } = app.ctx.database;
  const now = () => app.ctx.clock.nowIso();

  app.post<{ Body: CreateAccountBody }>('/partners/accounts', { config, schema: { tags, body: createAccountBody } }, async (request) => {
    const partnerId = partnerIdOf(request);
    const input = await accounts.preparePartnerAccount(fromCreateAccountBody(request.body));
    const { account, apiKey } = await db.transaction().execute((tx) => accounts.createPartnerAccount(tx, partnerId, input, now()));
    return toCreatedAccountJson(account, apiKey);
  });

  app.get<{ Querystring: ListQuery }>('/partners/accounts', { config, schema: { tags, querystring: listAccountsQuery } }, async (request) => {
    const { page, page_size: pageSize, sort_dir: sortDir, external_account_id: externalAccountId, active } = request.query;
    const { accounts: list, total } = await accounts.listPartnerAccounts(
      db,
      partnerIdOf(request),
      { externalAccountId, active },
      { offset: offsetOf({ page, pageSize }), limit: pageSize, sortDir },
    );
    const pages = Math.ceil(total / pageSize);
    return {
      accounts: list.map(toAccountJson),
      total,
      page,
      pages,
      links: pageLinks(request, app.ctx.config.publicUrl, page, pages, pageSize),
    };
  });

  app.get<{ Params: AccountParams }>('/partners/accounts/:account_id', { config, schema: { tags, params: accountParams } }, async (request) =>
    toAccountJson(await accounts.getPartnerAccount(db, partnerIdOf(request), parseAccountId(request.params.account_id))),
  );

  app.get<{ Params: { external_account_id: string } }>(
    '/partners/accounts/external_account_id/:external_account_id',
    { config, schema: { tags, params: externalIdParams } },
    async (request) =>
      toAccountJson(await accounts.getPartnerAccountByExternalId(db, partnerIdOf(request), request.params.external_account_id)),
  );

  for (const [action, active] of [['disable', false], ['enable', true]] as const) {
    app.put<{ Params: AccountParams }>(`/partners/accounts/:account_id/${action}`, { config, schema: { tags, params: accountParams } }, async (request, reply) => {
      const partnerId = partnerIdOf(request);
      const accountId = parseAccountId(request.params.account_id);
      await db.transaction().execute((tx) => accounts.setPartnerAccountActive(tx, partnerId, accountId, active, now()));
      return reply.code(204).send();
    });
  }

  app.post<{ Params: AccountParams; Body: { description?: string | null } }>(
    '/partners/accounts/:account_id/api_keys',
    { config, schema: { tags, params: accountParams, body: createApiKeyBody } },
    async (request) => {
      const partnerId = partnerIdOf(request);
      const accountId = parseAccountId(request.params.account_id);
      const description = request.body.description ?? '';
      const key = await db.transaction().execute((tx) => apiKeys.createPartnerAccountApiKey(tx, partnerId, accountId, description, now()));
      return toCreatedApiKeyJson(key, accountId);
    },
  );

  app.get<{ Params: AccountParams }>('/partners/accounts/:account_id/api_keys', { config, schema: { tags, params: accountParams } }, async (request) => {
    const keys = await apiKeys.listPartnerAccountApiKeys(db, partnerIdOf(request), parseAccountId(request.params.account_id));
    return keys.map(toListedApiKeyJson);
  });

  app.delete<{ Params: AccountParams & { api_key_id: string } }>(
    '/partners/accounts/:account_id/api_keys/:api_key_id',
    { config, schema: { tags, params: apiKeyParams } },
    async (request, reply) => {
      const partnerId = partnerIdOf(request);
      const accountId = parseAccountId(request.params.account_id);
      const keyId = rowId(request.params.api_key_id, 'API key');
      await db.transaction().execute((tx) => apiKeys.deletePartnerAccountApiKey(tx, partnerId, accountId, keyId, now()));
      return reply.code(204).send();
    },
  );
};
