// Reading the served API documents the way Swagger UI does: fetch each document, find an
// operation, and build a "Try it out" request from its server, path and security scheme.
import type { InjectOptions } from 'fastify';
import { CREDENTIALS, type TestApp } from '../helpers/server.ts';

export type Doc = Record<string, any>;
export const SURFACE_IDS = ['v2', 'shipengine', 'v1', 'sandbox'] as const;
export const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export async function fetchDocuments(t: TestApp): Promise<Record<string, Doc>> {
  const documents: Record<string, Doc> = {};
  for (const id of SURFACE_IDS) {
    const response = await t.app.inject({ method: 'GET', url: `/docs/openapi/${id}.json` });
    if (response.statusCode !== 200) throw new Error(`/docs/openapi/${id}.json answered ${response.statusCode}`);
    documents[id] = response.json();
  }
  return documents;
}

/** `GET /v2/warehouses/{warehouse_id}` and `GET /v2/warehouses/:warehouse_id` compare equal. */
export const shape = (method: string, path: string) => `${method.toUpperCase()} ${path.replace(/\{[^}]+\}|:[A-Za-z_]+/g, '{}').toLowerCase()}`;

export function operations(doc: Doc): { method: string; path: string; operation: Doc }[] {
  return Object.entries(doc.paths as Doc).flatMap(([path, item]) =>
    Object.entries(item as Doc)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, operation]) => ({ method, path, operation })),
  );
}

/** What a user types into Swagger UI's Authorize dialog, per security scheme. */
export const AUTHORIZE: Record<string, (onBehalfOf?: string) => string> = {
  basic_auth: () => `${CREDENTIALS.v1Key}:${CREDENTIALS.v1Secret}`,
  api_keys: () => CREDENTIALS.apiKey,
  api_key: () => CREDENTIALS.apiKey,
  partner_key: () => CREDENTIALS.partnerKey,
  on_behalf_of: (onBehalfOf) => onBehalfOf ?? '',
};

/**
 * The request Swagger UI sends for `method path` with the first security requirement made of
 * the named schemes (the document's, unless the operation has its own).
 */
export function tryItOut(doc: Doc, method: string, path: string, options: { params?: Record<string, string>; schemes?: string[]; onBehalfOf?: string; body?: unknown } = {}): InjectOptions {
  const operation = doc.paths[path]?.[method.toLowerCase()];
  if (!operation) throw new Error(`${method} ${path} is not in the document`);
  const requirements: Doc[] = operation.security ?? doc.security ?? [];
  const requirement = options.schemes ? requirements.find((r) => Object.keys(r).sort().join() === [...options.schemes!].sort().join()) : requirements[0];
  if (requirements.length && !requirement) throw new Error(`${method} ${path} has no security requirement ${options.schemes}`);
  const headers: Record<string, string> = {};
  for (const name of Object.keys(requirement ?? {})) {
    const scheme = doc.components.securitySchemes[name];
    const value = AUTHORIZE[name](options.onBehalfOf);
    if (scheme.type === 'http' && scheme.scheme === 'basic') headers.authorization = `Basic ${Buffer.from(value).toString('base64')}`;
    else if (scheme.type === 'apiKey' && scheme.in === 'header') headers[scheme.name.toLowerCase()] = value;
    else throw new Error(`scheme ${name} cannot be used from Try it out`);
  }
  const filled = path.replace(/\{([^}]+)\}/g, (_m, name) => encodeURIComponent(options.params?.[name] ?? ''));
  const url = new URL(`${doc.servers[0].url.replace(/\/$/, '')}${filled}`);
  return {
    method: method.toUpperCase() as InjectOptions['method'],
    url: `${url.pathname}${url.search}`,
    headers: { ...headers, host: url.host },
    ...(options.body === undefined ? {} : { payload: options.body as InjectOptions['payload'] }),
  };
}
