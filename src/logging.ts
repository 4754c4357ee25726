// Server logs: readable lines when a person watches the terminal, JSON lines (ISO times) for a log
// collector otherwise; one line per request instead of Fastify's two. Request and response
// headers, bodies and credential-bearing query values never reach the log.
import { LogController, type FastifyBaseLogger, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';

/** Query values that carry a credential (dashboard verification links, tokens). */
const SECRET_QUERY = /([?&](?:token|key|api_key|apikey|secret|password|code)=)[^&#]*/gi;

export function loggableUrl(url: string): string {
  return url.includes('?') ? url.replace(SECRET_QUERY, '$1***') : url;
}

export interface LogOptions {
  level: string;
  /** Readable output (pino-pretty); the default is JSON lines. */
  pretty?: boolean;
}

/** Fastify's `logger` option. pino-pretty is loaded only when it is used. */
export async function loggerOptions(options: LogOptions): Promise<FastifyServerOptions['logger']> {
  const base = {
    level: options.level,
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
    // Nothing logs these today; the paths stop a future `log.info({ req })` from leaking keys.
    redact: { paths: ['req.headers.authorization', 'req.headers["api-key"]', 'req.headers.cookie', 'headers.authorization', 'headers["api-key"]'], censor: '***' },
  };
  if (!options.pretty) return base;
  const { default: pretty } = await import('pino-pretty');
  return { ...base, stream: pretty({ colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,method,url,status,durationMs' }) };
}

/**
 * Fastify's request lines, reduced to one per answered request: method, URL, status, duration and
 * the request id (bound by Fastify as `requestId`). 4xx answers need no second line; 5xx keep
 * Fastify's error line with the stack.
 */
export class AccessLog extends LogController {
  constructor() {
    super({ requestIdLogLabel: 'requestId' });
  }

  override incomingRequest(): void {}

  override routeNotFound(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const level = error ? 'error' : 'info';
    // Fastify's logger is pino, whose level check the FastifyBaseLogger type leaves out.
    if (!(reply.log as FastifyBaseLogger & { isLevelEnabled(level: string): boolean }).isLevelEnabled(level)) return;
    const url = loggableUrl(request.url);
    const durationMs = Math.round(reply.elapsedTime * 10) / 10;
    const line = { method: request.method, url, status: reply.statusCode, durationMs, ...(error ? { err: error } : {}) };
    reply.log[level](line, `${request.method} ${url} ${reply.statusCode} ${durationMs} ms`);
  }

  override defaultErrorLog(error: Error, request: FastifyRequest, reply: FastifyReply): void {
    if (reply.statusCode >= 500) super.defaultErrorLog(error, request, reply);
  }
}
