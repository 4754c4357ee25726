// V2 and ShipEngine error bodies: {request_id, errors:[{error_source, error_type, error_code, message, ...}]}.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type FieldIssue } from '../../domain/errors.ts';
import type { Surface } from './context.ts';

export interface V2Error {
  error_source: string;
  error_type: string;
  error_code: string;
  message: string;
  field_name?: string;
  field_value?: string;
}

export const STATUS_BY_KIND: Record<DomainError['kind'], number> = {
  validation: 400,
  business_rules: 400,
  not_found: 404,
  conflict: 409,
  unauthorized: 401,
  forbidden: 403,
  plan_required: 402,
  rate_limited: 429,
  carrier: 400,
  carrier_unavailable: 500,
};

const TYPE_BY_KIND: Record<DomainError['kind'], string> = {
  validation: 'validation',
  business_rules: 'business_rules',
  not_found: 'validation',
  conflict: 'validation',
  unauthorized: 'security',
  forbidden: 'security',
  plan_required: 'account_status',
  rate_limited: 'system',
  carrier: 'business_rules',
  carrier_unavailable: 'system',
};

const source = (surface: Surface) => (surface === 'shipengine' ? 'shipengine' : 'ShipStation');

function stringify(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
}

/**
 * field_value exists only in the 2026 V2 error model (ShipStation SDK); the ShipEngine 2026-04
 * spec, the newest for that surface, has field_name alone, so it is left out there.
 */
function fieldError(surface: Surface, type: string, issue: FieldIssue): V2Error {
  const error: V2Error = {
    error_source: source(surface),
    error_type: type,
    error_code: issue.code ?? 'invalid_field_value',
    message: issue.message,
    field_name: issue.field,
  };
  if (surface === 'v2' && issue.value !== undefined) error.field_value = stringify(issue.value);
  return error;
}

const fromCarrier = (error: DomainError) => error.kind === 'carrier' || error.kind === 'carrier_unavailable';

export function domainErrorBody(surface: Surface, error: DomainError): V2Error[] {
  const type = TYPE_BY_KIND[error.kind];
  if (error.issues.length > 0) return error.issues.map((issue) => fieldError(surface, type, issue));
  return [{ error_source: fromCarrier(error) ? 'carrier' : source(surface), error_type: type, error_code: error.code, message: error.message }];
}

export function sendV2Errors(reply: FastifyReply, status: number, errors: V2Error[]) {
  return reply.code(status).type('application/json').send({ request_id: reply.request.id, errors });
}

export function sendV2Error(reply: FastifyReply, surface: Surface, status: number, type: string, code: string, message: string) {
  return sendV2Errors(reply, status, [{ error_source: source(surface), error_type: type, error_code: code, message }]);
}

/** Ajv issues → field paths like `shipment.ship_to.postal_code`. */
export function validationIssues(error: FastifyError): FieldIssue[] {
  return (error.validation ?? []).map((v) => {
    const path = v.instancePath.replace(/^\//, '').split('/').filter(Boolean);
    const missing = (v.params as { missingProperty?: string }).missingProperty;
    if (missing) path.push(missing);
    const field = path.map((p) => (/^\d+$/.test(p) ? `[${p}]` : p)).join('.').replace(/\.\[/g, '[');
    const name = field || (error.validationContext ?? 'body');
    const message = missing ? `${name} is required` : `${name} ${v.message ?? 'is invalid'}`;
    return { field: name, message, code: missing ? 'field_value_required' : 'invalid_field_value' };
  });
}

export function v2ErrorHandler(surface: Surface) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof DomainError) {
      if (error.kind === 'rate_limited') reply.header('Retry-After', reply.getHeader('Retry-After') ?? '60');
      return sendV2Errors(reply, STATUS_BY_KIND[error.kind], domainErrorBody(surface, error));
    }
    if (error.validation) {
      const issues = validationIssues(error);
      return sendV2Errors(reply, 400, issues.map((i) => fieldError(surface, 'validation', i)));
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ? 'request_body_required' : 'invalid_object';
      return sendV2Error(reply, surface, status, 'validation', code, publicMessage(error));
    }
    request.log.error({ err: error, requestId: request.id }, 'unexpected error');
    return sendV2Error(reply, surface, 500, 'system', 'unspecified', 'An unexpected error occurred. Quote the request_id when reporting it.');
  };
}

/** Fastify's own 4xx messages are safe to show; they never carry stack traces. */
export function publicMessage(error: FastifyError): string {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return 'The request body is not valid JSON.';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'The request body is too large.';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return `Unsupported content type; send application/json.`;
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'The request body cannot be empty when Content-Type is application/json.';
    default:
      return error.message.startsWith('Body') || error.message.length < 200 ? error.message : 'The request is invalid.';
  }
}
