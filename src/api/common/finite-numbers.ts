// Ajv coerces the query text "1e400" to Infinity and then skips minimum/maximum for non-finite
// numbers, so `page=1e400` would pass `maximum: 1000000` and reach SQL. Validated input holds
// finite numbers only; anything else is a validation error like any other.
import type { FastifyRequest } from 'fastify';

function nonFinite(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : path;
  if (depth > 70 || value === null || typeof value !== 'object') return null;
  for (const [key, child] of Object.entries(value)) {
    const found = nonFinite(child, `${path}/${key}`, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

export async function rejectNonFiniteNumbers(request: FastifyRequest) {
  for (const [part, value] of [['querystring', request.query], ['params', request.params], ['body', request.body]] as const) {
    const path = nonFinite(value, '');
    if (path === null) continue;
    throw Object.assign(new Error(`${part}${path} must be a finite number`), {
      statusCode: 400,
      validationContext: part,
      validation: [{ instancePath: path, schemaPath: '#', keyword: 'maximum', params: {}, message: 'must be a finite number' }],
    });
  }
}
