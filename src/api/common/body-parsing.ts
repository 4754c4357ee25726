// Request bodies, the same on every surface: JSON only, bounded nesting, and an empty body is
// "no body" whatever its content type (axios sends bare PUTs as application/x-www-form-urlencoded).
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Deeper than any real payload (shipments nest ~6 levels); deep enough input blows recursive code. */
export const MAX_JSON_DEPTH = 64;

export class BodyError extends Error {
  constructor(readonly statusCode: number, readonly code: string, message: string) {
    super(message);
  }
}

/** Nesting depth of a JSON text, counted without parsing (strings skipped), stopping past `limit`. */
export function jsonDepth(text: string, limit = MAX_JSON_DEPTH): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > limit) return max;
      }
    } else if (c === 125 || c === 93) depth--;
  }
  return max;
}

const takesBody = (request: FastifyRequest) => Boolean(request.routeOptions.schema?.body);

/**
 * Installs the JSON and catch-all parsers on `app` (and its children). `emptyAs` is what an empty
 * JSON body reads as on routes that declare a body: undefined answers "body required".
 */
export function installBodyParsers(app: FastifyInstance, emptyAs?: () => unknown) {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body.toString();
    if (text.trim() === '') {
      if (!takesBody(request)) return done(null, undefined);
      if (emptyAs) return done(null, emptyAs());
      return done(new BodyError(400, 'FST_ERR_CTP_EMPTY_JSON_BODY', 'The request body cannot be empty when Content-Type is application/json.'), undefined);
    }
    if (jsonDepth(text) > MAX_JSON_DEPTH) {
      return done(new BodyError(400, 'SHIPDOCK_JSON_TOO_DEEP', `The request body nests deeper than ${MAX_JSON_DEPTH} levels.`), undefined);
    }
    parseJson(request, text, done);
  });
  // Any other content type: nothing to read is fine; something to read is not JSON.
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (request, body, done) => {
    if ((body as Buffer).length === 0) return done(null, emptyAs && takesBody(request) ? emptyAs() : undefined);
    done(new BodyError(415, 'FST_ERR_CTP_INVALID_MEDIA_TYPE', 'Unsupported content type; send application/json.'), undefined);
  });
}
