// Sign-in, sign-up, email verification, sign-out, password change and the sandbox outbox.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { hashPassword } from '../../domain/accounts/secrets.ts';
import { DomainError } from '../../domain/errors.ts';
import { changePassword, checkPassword, getLogin, normalizeEmail, signIn, signUp } from '../../domain/users-auth/logins.ts';
import { listOutbox, sendMail } from '../../domain/users-auth/mail.ts';
import { deleteOtherSessions } from '../../domain/users-auth/sessions.ts';
import { createVerification, verifyEmail } from '../../domain/users-auth/verification.ts';
import type { AppContext } from '../../api/common/context.ts';
import { field, formAction, render, setFlash } from '../render.ts';
import { accountId, BASE, endSession, startSession } from '../session.ts';

/** Sign-in and sign-up attempts per email and per client address, each minute. */
export const SIGN_IN_LIMITS = { perEmail: 10, perAddress: 30 };

/** Only local paths: `next` must not send a freshly signed-in user to another site. */
function safeNext(value: string): string {
  return value.startsWith(`${BASE}/`) || value === BASE ? value.replace(/[\r\n]/g, '') : BASE;
}

async function throttle(ctx: AppContext, request: FastifyRequest, email: string): Promise<void> {
  const buckets = [
    { bucket: `web-sign-in:email:${email.toLowerCase()}`, limit: SIGN_IN_LIMITS.perEmail },
    { bucket: `web-sign-in:ip:${request.ip}`, limit: SIGN_IN_LIMITS.perAddress },
  ];
  for (const { bucket, limit } of buckets) {
    const decision = await ctx.rateLimiter.hit(bucket, limit);
    if (!decision.allowed) throw new DomainError('rate_limited', `Too many attempts; wait ${decision.resetSeconds} seconds and try again.`);
  }
}

/** Mailed links point at SHIPDOCK_PUBLIC_URL when it is set, else at the address the user is using. */
function origin(ctx: AppContext, request: FastifyRequest): string {
  return ctx.config.publicUrlConfigured ? ctx.config.publicUrl : `${request.protocol}://${request.host}`;
}

async function sendVerification(ctx: AppContext, request: FastifyRequest, account: number, email: string): Promise<void> {
  const now = ctx.clock.nowIso();
  const token = await createVerification(ctx.database.db, account, email, now);
  const path = `${BASE}/verify?token=${token}`;
  await sendMail(
    ctx.database.db,
    { smtpUrl: ctx.config.smtpUrl, sandbox: ctx.config.sandbox, from: `Shipdock <no-reply@${new URL(ctx.config.publicUrl).hostname}>` },
    request.log,
    {
      accountId: account,
      to: email,
      subject: 'Verify your Shipdock email address',
      text: `Welcome to Shipdock.\n\nOpen this link to verify your email address and unlock API keys:\n${origin(ctx, request)}${path}\n\nThe link works for 48 hours.`,
      linkPath: path,
    },
    now,
  );
}

export const authRoutes: FastifyPluginAsync = async (app) => {
  const ctx = app.ctx;
  const db = ctx.database.db;
  const anonymous = { config: { anonymous: true } };

  app.get<{ Querystring: { next?: string } }>('/login', anonymous, async (request, reply) => {
    if (request.web) return reply.redirect(BASE, 303);
    return render(request, reply, 'auth/login', { title: 'Sign in', next: safeNext(request.query.next ?? BASE), email: '' });
  });

  app.post<{ Body: Record<string, string> }>('/login', anonymous, async (request, reply) => {
    const email = field(request.body, 'email');
    const next = safeNext(field(request.body, 'next'));
    try {
      await throttle(ctx, request, email);
    } catch (error) {
      return render(request, reply, 'auth/login', { title: 'Sign in', next, email, flash: { kind: 'error', message: (error as Error).message } }, 429);
    }
    const login = await signIn(db, email, field(request.body, 'password'));
    if (!login) {
      return render(request, reply, 'auth/login', { title: 'Sign in', next, email, flash: { kind: 'error', message: 'That email and password do not match an account.' } }, 401);
    }
    await startSession(ctx, request, reply, login.account.id);
    return reply.redirect(next, 303);
  });

  app.get('/signup', anonymous, async (request, reply) => {
    if (request.web) return reply.redirect(BASE, 303);
    return render(request, reply, 'auth/signup', { title: 'Create an account', email: '', company: '' });
  });

  app.post<{ Body: Record<string, string> }>('/signup', anonymous, async (request, reply) => {
    const company = field(request.body, 'company').slice(0, 50);
    const rawEmail = field(request.body, 'email');
    const again = (message: string, status: number) =>
      render(request, reply, 'auth/signup', { title: 'Create an account', email: rawEmail, company, flash: { kind: 'error', message } }, status);
    let login;
    try {
      await throttle(ctx, request, rawEmail);
      const email = normalizeEmail(rawEmail);
      const password = field(request.body, 'password');
      checkPassword(password);
      if (password !== field(request.body, 'password_confirm')) throw new DomainError('validation', 'The two passwords differ.');
      const passwordHash = await hashPassword(password);
      login = await db.transaction().execute((tx) => signUp(tx, { email, passwordHash, companyName: company || null }, ctx.clock.nowIso()));
    } catch (error) {
      if (error instanceof DomainError) return again(error.message, error.kind === 'rate_limited' ? 429 : error.kind === 'conflict' ? 409 : 400);
      throw error;
    }
    await sendVerification(ctx, request, login.account.id, login.email);
    await startSession(ctx, request, reply, login.account.id);
    setFlash(request, reply, ctx, { kind: 'ok', message: `Account created. We sent a verification link to ${login.email}.` });
    return reply.redirect(BASE, 303);
  });

  app.get<{ Querystring: { token?: string } }>('/verify', anonymous, async (request, reply) => {
    const verified = await db.transaction().execute((tx) => verifyEmail(tx, String(request.query.token ?? ''), ctx.clock.nowIso()));
    if (verified === null) {
      return render(request, reply, 'error', { title: 'Link not valid', status: 400, message: 'This verification link is unknown, already used or expired. Sign in and send a new one.' }, 400);
    }
    setFlash(request, reply, ctx, { kind: 'ok', message: 'Your email address is verified. You can now generate API keys.' });
    return reply.redirect(request.web ? `${BASE}/settings/api` : `${BASE}/login`, 303);
  });

  app.post('/verify/resend', async (request, reply) =>
    formAction(request, reply, BASE, async () => {
      const login = await getLogin(db, accountId(request));
      if (!login.verificationRequired) return 'Your email address is already verified.';
      await sendVerification(ctx, request, login.account.id, login.email);
      return `A new verification link is on its way to ${login.email}.`;
    }),
  );

  app.post('/logout', async (request, reply) => {
    await endSession(ctx, request, reply);
    return reply.redirect(`${BASE}/login`, 303);
  });

  app.get('/settings/password', async (request, reply) => render(request, reply, 'auth/password', { title: 'Change password', nav: 'settings' }));

  app.post<{ Body: Record<string, string> }>('/settings/password', async (request, reply: FastifyReply) =>
    formAction(request, reply, `${BASE}/settings/password`, async () => {
      const next = field(request.body, 'new_password');
      if (next !== field(request.body, 'new_password_confirm')) throw new DomainError('validation', 'The two new passwords differ.');
      await changePassword(db, accountId(request), field(request.body, 'current_password'), next, ctx.clock.nowIso());
      await deleteOtherSessions(db, accountId(request), request.web!.session.id);
      return 'Password changed. Other signed-in sessions were signed out.';
    }),
  );

  if (ctx.config.sandbox) {
    app.get('/outbox', async (request, reply) =>
      render(request, reply, 'auth/outbox', { title: 'Sandbox outbox', nav: 'outbox', messages: await listOutbox(db, accountId(request)), smtp: ctx.config.smtpUrl !== null }),
    );
  }
};
