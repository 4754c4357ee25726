// Server-rendered pages: Eta templates in ./views, one layout, flash messages in a short cookie.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Eta } from 'eta';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../api/common/context.ts';
import { DomainError } from '../domain/errors.ts';
import { BASE, cookieOptions } from './session.ts';

const eta = new Eta({ views: join(dirname(fileURLToPath(import.meta.url)), 'views'), cache: process.env.NODE_ENV !== 'development' });

const FLASH_COOKIE = 'shipdock_flash';

export interface Flash {
  kind: 'ok' | 'error';
  message: string;
}

export const money = (cents: number) => `$${(cents / 100).toFixed(2)}`;
export const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : '');
export const when = (iso: string | null | undefined) => (iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : '');

function readFlash(request: FastifyRequest, reply: FastifyReply, ctx: AppContext): Flash | null {
  const raw = request.cookies[FLASH_COOKIE];
  if (!raw) return null;
  reply.clearCookie(FLASH_COOKIE, cookieOptions(request, ctx));
  try {
    const flash = JSON.parse(raw) as Flash;
    return flash && typeof flash.message === 'string' ? { kind: flash.kind === 'ok' ? 'ok' : 'error', message: flash.message.slice(0, 500) } : null;
  } catch {
    return null;
  }
}

export function setFlash(request: FastifyRequest, reply: FastifyReply, ctx: AppContext, flash: Flash): void {
  reply.setCookie(FLASH_COOKIE, JSON.stringify(flash), { ...cookieOptions(request, ctx), maxAge: 60 });
}

export interface PageData {
  title: string;
  /** The navigation entry to highlight. */
  nav?: string;
  [key: string]: unknown;
}

export function render(request: FastifyRequest, reply: FastifyReply, view: string, data: PageData, status = 200) {
  const ctx = request.server.ctx;
  const csrfToken = reply.generateCsrf(cookieOptions(request, ctx));
  const page = {
    ...data,
    base: BASE,
    csrfToken,
    login: request.web?.login ?? null,
    sandbox: ctx.config.sandbox,
    flash: data.flash ?? readFlash(request, reply, ctx),
    money,
    day,
    when,
  };
  const html = eta.render(view, page);
  return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
}

/**
 * A form post: run the action, then go back (303) with its message, or with the rule it broke.
 * Unknown or foreign records are not "errors on a form": they answer 404.
 */
export async function formAction(request: FastifyRequest, reply: FastifyReply, back: string, action: () => Promise<string | { message: string; to: string }>) {
  const ctx = request.server.ctx;
  try {
    const result = await action();
    const { message, to } = typeof result === 'string' ? { message: result, to: back } : result;
    setFlash(request, reply, ctx, { kind: 'ok', message });
    return reply.redirect(to, 303);
  } catch (error) {
    if (error instanceof DomainError && error.kind !== 'not_found') {
      setFlash(request, reply, ctx, { kind: 'error', message: error.message });
      return reply.redirect(back, 303);
    }
    throw error;
  }
}

/** Form fields arrive as strings (or arrays when repeated); anything else reads as empty. */
export function field(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | null | undefined)?.[name];
  if (Array.isArray(value)) return typeof value[0] === 'string' ? value[0].trim() : '';
  return typeof value === 'string' ? value.trim() : '';
}

/** A positive id from the path; anything else is a page that does not exist. */
export function idParam(value: string): number {
  if (!/^\d{1,9}$/.test(value)) throw new DomainError('not_found', `no such record ${value}`);
  return Number(value);
}
