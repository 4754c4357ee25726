// Errors Fastify raises before routing (frameworkErrors), answered in the surface's own format.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { sendV1Message } from './v1-errors.ts';
import { sendV2Error } from './v2-errors.ts';
import type { Surface } from './context.ts';

/**
 * The surface a raw URL belongs to: /v2 is ShipStation V2, /v1 ShipEngine (and the /sandbox
 * controls, which speak its dialect), the rest V1 legacy.
 */
export function surfaceOfUrl(url: string): Surface {
  if (/^\/v2(\/|\?|$)/i.test(url)) return 'v2';
  if (/^\/(v1|sandbox)(\/|\?|$)/i.test(url)) return 'shipengine';
  return 'v1';
}

function describe(error: FastifyError): { status: number; message: string } {
  switch (error.code) {
    case 'FST_ERR_BAD_URL':
      return { status: 400, message: 'The request URL is not valid: it has a malformed percent-encoded character.' };
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return { status: 414, message: 'A path parameter of the request URL is too long.' };
    default:
      return { status: error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400, message: 'The request URL is not valid.' };
  }
}

export function routerError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const { status, message } = describe(error);
  const surface = surfaceOfUrl(request.raw.url ?? '/');
  if (surface === 'v1') return sendV1Message(reply, status, message);
  return sendV2Error(reply, surface, status, 'validation', status === 414 ? 'invalid_identifier' : 'invalid_field_value', message);
}
