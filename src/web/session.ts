// Who is signed in: the session cookie resolved against the database on every dashboard request.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../api/common/context.ts';
import { getLogin, type Login } from '../domain/users-auth/logins.ts';
import { createSession, deleteSession, findSession, SESSION_DAYS, sweepExpiredSessions, type WebSession } from '../domain/users-auth/sessions.ts';

export const SESSION_COOKIE = 'shipdock_session';
export const BASE = '/app';

declare module 'fastify' {
  interface FastifyRequest {
    web: { login: Login; session: WebSession } | null;
  }
  interface FastifyContextConfig {
    /** Dashboard pages anyone can open (sign-in, sign-up, verification). */
    anonymous?: boolean;
  }
}

/** Secure cookies when the request came over HTTPS or the server is published on https. */
export function isSecure(request: FastifyRequest, ctx: AppContext): boolean {
  return request.protocol === 'https' || ctx.config.publicUrl.startsWith('https:');
}

export const cookieOptions = (request: FastifyRequest, ctx: AppContext) => ({
  path: BASE,
  httpOnly: true,
  sameSite: 'lax' as const,
  secure: isSecure(request, ctx),
});

export async function loadSession(ctx: AppContext, request: FastifyRequest): Promise<void> {
  request.web = null;
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return;
  const session = await findSession(ctx.database.db, token, ctx.clock.nowIso());
  if (!session) return;
  request.web = { session, login: await getLogin(ctx.database.db, session.accountId) };
}

export async function startSession(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, accountId: number): Promise<void> {
  // A new id at every sign-in, so a session id planted before sign-in is worthless afterwards.
  const old = request.cookies[SESSION_COOKIE];
  if (old) await deleteSession(ctx.database.db, old);
  await sweepExpiredSessions(ctx.database.db, ctx.clock.nowIso());
  const { token } = await createSession(ctx.database.db, accountId, ctx.clock.nowIso());
  reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions(request, ctx), maxAge: SESSION_DAYS * 86_400 });
}

export async function endSession(ctx: AppContext, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const token = request.cookies[SESSION_COOKIE];
  if (token) await deleteSession(ctx.database.db, token);
  reply.clearCookie(SESSION_COOKIE, cookieOptions(request, ctx));
}

/** The signed-in account's id; routes behind the sign-in hook always have one. */
export function accountId(request: FastifyRequest): number {
  if (!request.web) throw new Error('dashboard route reached without a session');
  return request.web.login.account.id;
}
