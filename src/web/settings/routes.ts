// API Settings (V1 key pairs, V2 / ShipEngine keys) and Plan & add-ons.
import type { FastifyPluginAsync } from 'fastify';
import { createApiKey, createV1KeyPair, deleteAccountApiKey, deleteAccountV1KeyPair, listKeys, V1_KEY_MONTHS } from '../../domain/accounts/keys.ts';
import { hasShippingApi, planHasApiAccess } from '../../domain/accounts/plans.ts';
import { ADDON_INFO, ADDONS, changePlan, PLAN_INFO, PLANS, setAddon } from '../../domain/accounts/subscription.ts';
import { DomainError, notFound } from '../../domain/errors.ts';
import { getLogin, requireVerifiedEmail } from '../../domain/users-auth/logins.ts';
import { field, formAction, idParam, render, setFlash } from '../render.ts';
import { accountId, BASE } from '../session.ts';

/** A key pair this close to expiry gets a warning. */
export const EXPIRY_WARNING_DAYS = 30;

function months(value: string): number {
  const n = Number(value);
  if (!(V1_KEY_MONTHS as readonly number[]).includes(n)) throw new DomainError('validation', 'Choose an expiry of 3, 6 or 12 months.');
  return n;
}

export const settingsRoutes: FastifyPluginAsync = async (app) => {
  const ctx = app.ctx;
  const db = ctx.database.db;
  const back = `${BASE}/settings/api`;

  async function apiPage(request: Parameters<typeof render>[0], reply: Parameters<typeof render>[1], created: Record<string, unknown> = {}) {
    const login = await getLogin(db, accountId(request));
    const now = ctx.clock.nowIso();
    const soon = new Date(Date.parse(now) + EXPIRY_WARNING_DAYS * 86_400_000).toISOString();
    const keys = await listKeys(db, login.account.id);
    const pairs = keys
      .filter((k) => k.kind === 'v1')
      .map((k) => ({ ...k, number: k.id.slice(3), expired: k.expiresAt! <= now, expiringSoon: k.expiresAt! > now && k.expiresAt! <= soon }));
    const apiKeys = keys.filter((k) => k.kind === 'api').map((k) => ({ ...k, number: k.id.slice(4) }));
    return render(request, reply, 'settings/api', {
      title: 'API Settings',
      nav: 'api',
      pairs,
      apiKeys,
      months: V1_KEY_MONTHS,
      v1Access: planHasApiAccess(login.account.plan),
      v2Access: hasShippingApi(login.account),
      planName: PLAN_INFO[login.account.plan].name,
      ...created,
    });
  }

  app.get('/settings/api', async (request, reply) => apiPage(request, reply));

  // The new secret is shown in this response only: it is never stored, so no redirect.
  app.post<{ Body: Record<string, string> }>('/settings/api/v1-keys', async (request, reply) =>
    createdOrBack(request, reply, async () => {
      const login = await getLogin(db, accountId(request));
      requireVerifiedEmail(login);
      const pair = await db.transaction().execute((tx) => createV1KeyPair(tx, login.account.id, months(field(request.body, 'months')), ctx.clock.nowIso()));
      return { createdPair: pair };
    }),
  );

  app.post<{ Params: { id: string }; Body: Record<string, string> }>('/settings/api/v1-keys/:id/rotate', async (request, reply) =>
    createdOrBack(request, reply, async () => {
      const login = await getLogin(db, accountId(request));
      requireVerifiedEmail(login);
      const id = idParam(request.params.id);
      const pair = await db.transaction().execute(async (tx) => {
        // Rotation: the new pair replaces this one, atomically, so the two-pair limit never blocks it.
        if (!(await deleteAccountV1KeyPair(tx, login.account.id, id, ctx.clock.nowIso()))) throw notFound('key pair', id);
        return createV1KeyPair(tx, login.account.id, months(field(request.body, 'months')), ctx.clock.nowIso());
      });
      return { createdPair: pair, rotated: id };
    }),
  );

  app.post<{ Params: { id: string } }>('/settings/api/v1-keys/:id/delete', async (request, reply) =>
    formAction(request, reply, back, async () => {
      const id = idParam(request.params.id);
      if (!(await deleteAccountV1KeyPair(db, accountId(request), id, ctx.clock.nowIso()))) throw notFound('key pair', id);
      return 'The V1 key pair was deleted; calls with it are refused from now on.';
    }),
  );

  app.post<{ Body: Record<string, string> }>('/settings/api/api-keys', async (request, reply) =>
    createdOrBack(request, reply, async () => {
      const login = await getLogin(db, accountId(request));
      requireVerifiedEmail(login);
      const description = field(request.body, 'description').slice(0, 100) || 'Created in the dashboard';
      const key = await createApiKey(db, { accountId: login.account.id }, ctx.clock.nowIso(), { description });
      return { createdKey: key };
    }),
  );

  app.post<{ Params: { id: string } }>('/settings/api/api-keys/:id/delete', async (request, reply) =>
    formAction(request, reply, back, async () => {
      const id = idParam(request.params.id);
      if (!(await deleteAccountApiKey(db, accountId(request), id, ctx.clock.nowIso()))) throw notFound('API key', id);
      return 'The API key was deleted.';
    }),
  );

  async function createdOrBack(request: Parameters<typeof render>[0], reply: Parameters<typeof render>[1], action: () => Promise<Record<string, unknown>>) {
    let created: Record<string, unknown>;
    try {
      created = await action();
    } catch (error) {
      if (error instanceof DomainError && error.kind !== 'not_found') {
        setFlash(request, reply, ctx, { kind: 'error', message: error.message });
        return reply.redirect(back, 303);
      }
      throw error;
    }
    return apiPage(request, reply, created);
  }

  app.get('/settings/plan', async (request, reply) => {
    const login = await getLogin(db, accountId(request));
    return render(request, reply, 'settings/plan', {
      title: 'Plan & add-ons',
      nav: 'plan',
      plans: PLANS.map((p) => ({ code: p, ...PLAN_INFO[p] })),
      addons: ADDONS.map((a) => ({ code: a, ...ADDON_INFO[a], enabled: login.account.addons.includes(a) })),
      v1Access: planHasApiAccess(login.account.plan),
      v2Access: hasShippingApi(login.account),
    });
  });

  app.post<{ Body: Record<string, string> }>('/settings/plan', async (request, reply) =>
    formAction(request, reply, `${BASE}/settings/plan`, async () => {
      const account = await changePlan(db, accountId(request), field(request.body, 'plan'), ctx.clock.nowIso());
      return `You are now on the ${PLAN_INFO[account.plan].name} plan.`;
    }),
  );

  app.post<{ Params: { addon: string }; Body: Record<string, string> }>('/settings/addons/:addon', async (request, reply) =>
    formAction(request, reply, `${BASE}/settings/plan`, async () => {
      const enabled = field(request.body, 'enabled') === 'true';
      const addon = request.params.addon;
      if (!(ADDONS as readonly string[]).includes(addon)) throw notFound('add-on', addon);
      await setAddon(db, accountId(request), addon, enabled, ctx.clock.nowIso());
      return `${ADDON_INFO[addon as keyof typeof ADDON_INFO].name} add-on turned ${enabled ? 'on' : 'off'}.`;
    }),
  );
};
