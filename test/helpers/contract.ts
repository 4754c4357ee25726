// The contract harness: checks a response body against the official OpenAPI document of its surface.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { loadDoc, SchemaFlattener, type OpenApiDoc, type Overlay } from './openapi.ts';

export type ContractSurface = 'v2' | 'shipengine';

const specPath = (file: string) => fileURLToPath(new URL(`../../reference/specs/${file}`, import.meta.url));

/**
 * Newer than the saved 2025 V2 file: the 2026 V2 error model (ShipStation SDK) adds field_name
 * and field_value. The ShipEngine 2026-04 spec is current and already has field_name.
 */
const RATE_DETAIL = {
  type: 'object',
  additionalProperties: false,
  properties: {
    rate_detail_type: { type: 'string' },
    carrier_description: { type: 'string' },
    carrier_billing_code: { type: 'string' },
    carrier_memo: { type: 'string' },
    amount: { $ref: '#/components/schemas/monetary_value' },
    billing_source: { type: 'string' },
  },
};
// Labels outside a batch carry `batch_id: ""` in the live API (ShipEngine's own examples),
// which the se_id pattern of the required batch_id would reject.
const LABEL_BATCH_ID = { properties: { batch_id: { anyOf: [{ $ref: '#/components/schemas/se_id' }, { const: '' }] } } };
const TWO_LETTER_STATUS = { type: 'string', enum: ['UN', 'AC', 'IT', 'DE', 'EX', 'AT', 'NY', 'SP'] };
// A shipment without a carrier or service yet (a V1 order that names none) has null for both, as the
// V2 model (x-nullable) documents; ShipEngine's file requires both and forgets the null.
const NULLABLE = (ref: string) => ({ anyOf: [{ $ref: `#/components/schemas/${ref}` }, { type: 'null' }] });
const SHIPMENT_WITHOUT_CARRIER = { properties: { carrier_id: NULLABLE('se_id'), service_code: NULLABLE('service_code') } };
// Validation echoes the address as sent: parts the caller left out are null (live API), where the
// spec's `address` would demand strings no input had.
const nullableText = { type: ['string', 'null'] };
const ECHOED_ADDRESS = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'phone', 'address_line1', 'city_locality', 'state_province', 'postal_code', 'country_code', 'address_residential_indicator'],
  properties: {
    name: nullableText, phone: nullableText, email: nullableText, company_name: nullableText,
    address_line1: { type: 'string', minLength: 1 }, address_line2: nullableText, address_line3: nullableText,
    city_locality: nullableText, state_province: nullableText, postal_code: nullableText,
    country_code: { anyOf: [{ type: 'string', pattern: '^[A-Z]{2}$' }, { type: 'null' }] },
    address_residential_indicator: { type: 'string', enum: ['yes', 'no', 'unknown'] },
  },
};
const VALIDATION_ECHO = { properties: { original_address: ECHOED_ADDRESS } };
// label_download_type "inline" puts the base64 file in label_download.href (ShipEngine docs),
// which the spec's url type cannot describe.
const INLINE_DOWNLOAD = { properties: { href: { anyOf: [{ $ref: '#/components/schemas/url' }, { type: 'string', pattern: '^[A-Za-z0-9+/=\\r\\n]+$' }] } } };
const OVERLAYS: Record<string, Record<string, Overlay>> = {
  'shipengine.openapi.yaml': { label_download: INLINE_DOWNLOAD, label: LABEL_BATCH_ID, partial_shipment: SHIPMENT_WITHOUT_CARRIER, address_validation_result: VALIDATION_ECHO },
  'shipstation-v2.openapi.yaml': {
    label_download: INLINE_DOWNLOAD,
    label: LABEL_BATCH_ID,
    address_validation_result: VALIDATION_ECHO,
    // specs/README: tracking status_code is the two-letter code on the wire, whatever the 2025 file says.
    tracking_information: { properties: { status_code: TWO_LETTER_STATUS }, eventStatusCode: TWO_LETTER_STATUS },
    error: { properties: { field_name: { type: 'string' }, field_value: { type: 'string' } } },
    // The 2025 V2 rate lacks the rate_details breakdown that the newer ShipEngine model (same shapes) has.
    rate: { properties: { rate_details: { type: 'array', items: RATE_DETAIL } } },
  },
};

interface Loaded {
  doc: OpenApiDoc;
  flattener: SchemaFlattener;
  routes: { method: string; regex: RegExp; template: string; operation: any }[];
}

const loaded = new Map<string, Loaded>();
const compiled = new Map<string, ValidateFunction>();
const ajv = new (Ajv2020 as unknown as typeof Ajv2020.default)({ strict: false, allErrors: true, validateFormats: true });
(addFormats as unknown as typeof addFormats.default)(ajv);
for (const format of ['int32', 'int64', 'double', 'float', 'decimal', 'binary', 'byte', 'uuid-string']) ajv.addFormat(format, true);

function load(file: string): Loaded {
  let entry = loaded.get(file);
  if (entry) return entry;
  const doc = loadDoc(specPath(file));
  const routes = Object.entries(doc.paths).flatMap(([template, item]) =>
    Object.entries(item)
      .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, operation]) => ({
        method: method.toUpperCase(),
        template,
        regex: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
        operation,
      })),
  );
  // Literal segments win over parameters (/labels/rates/{id} before /labels/{id}/...).
  routes.sort((a, b) => (a.template.match(/\{/g)?.length ?? 0) - (b.template.match(/\{/g)?.length ?? 0));
  entry = { doc, flattener: new SchemaFlattener(doc, OVERLAYS[file]), routes };
  loaded.set(file, entry);
  return entry;
}

function responseSchema(entry: Loaded, operation: any, status: number) {
  let response = operation.responses?.[String(status)] ?? operation.responses?.default;
  if (!response) return undefined;
  if (response.$ref) response = entry.doc.components.responses?.[response.$ref.split('/').pop()];
  return response?.content?.['application/json']?.schema;
}

function find(surface: ContractSurface, method: string, path: string) {
  const candidates: [string, string][] =
    surface === 'shipengine'
      ? [['shipengine.openapi.yaml', path]]
      : [
          ['shipstation-v2.openapi.yaml', path],
          // V2 operations missing from the 2025 file have the same shapes as their ShipEngine twins.
          ['shipengine.openapi.yaml', path.replace(/^\/v2\//, '/v1/')],
        ];
  for (const [file, p] of candidates) {
    const entry = load(file);
    const route = entry.routes.find((r) => r.method === method && r.regex.test(p));
    if (route) return { entry, route, file };
  }
  return null;
}

/** Asserts that `body` is what the official spec allows for this operation and status. */
export function assertContract(surface: ContractSurface, method: string, url: string, status: number, body: unknown) {
  const path = url.split('?')[0];
  const found = find(surface, method.toUpperCase(), path);
  assert.ok(found, `no operation ${method} ${path} in the ${surface} spec`);
  let { entry, file } = found;
  const { route } = found;
  let schema = responseSchema(entry, route.operation, status);
  if (status >= 400) {
    // Every failure is the surface's error_response_body. The 2025 V2 file's shared ServerError
    // response is an empty string (a copy of NoContent); ShipEngine 2026 documents the error body.
    file = surface === 'v2' ? 'shipstation-v2.openapi.yaml' : 'shipengine.openapi.yaml';
    entry = load(file);
    schema = { $ref: '#/components/schemas/error_response_body' };
  }
  if (status < 400) {
    // A success the spec does not document is a contract failure, as much as a wrong body.
    assert.ok(route.operation.responses?.[String(status)], `spec has no ${status} response for ${method} ${route.template} (${file})`);
  }
  // 204 No Content: nothing to validate (the 2025 V2 file gives NoContent an empty-string schema).
  if (status === 204 && body === undefined) return;
  if (!schema) {
    assert.ok(body === undefined || body === '' || status >= 400, `${method} ${route.template} ${status} has no JSON body in ${file}, got ${String(JSON.stringify(body)).slice(0, 200)}`);
    return;
  }
  assert.ok(body !== undefined, `${method} ${path} ${status} should answer JSON per ${file} ${route.template}`);
  const key = `${file} ${method} ${route.template} ${status}`;
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(entry.flattener.flatten(schema));
    compiled.set(key, validate);
  }
  if (!validate(body)) {
    const errors = validate.errors?.slice(0, 8).map((e) => `${e.instancePath || '(root)'} ${e.message} ${JSON.stringify(e.params)}`);
    assert.fail(`${method} ${path} ${status} does not match ${file} ${route.template}:\n  ${errors?.join('\n  ')}\nbody: ${String(JSON.stringify(body)).slice(0, 1500)}`);
  }
}

/** Asserts that `body` is the surface's error body (error_response_body), whatever the operation. */
export function assertErrorContract(surface: ContractSurface, status: number, body: unknown) {
  const file = surface === 'v2' ? 'shipstation-v2.openapi.yaml' : 'shipengine.openapi.yaml';
  const entry = load(file);
  const key = `${file} error`;
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(entry.flattener.flatten({ $ref: '#/components/schemas/error_response_body' }));
    compiled.set(key, validate);
  }
  if (!validate(body)) {
    const errors = validate.errors?.slice(0, 8).map((e) => `${e.instancePath || '(root)'} ${e.message} ${JSON.stringify(e.params)}`);
    assert.fail(`${status} error body is not a ${surface} error_response_body:\n  ${errors?.join('\n  ')}\nbody: ${String(JSON.stringify(body)).slice(0, 1500)}`);
  }
}

// ---- V1 (ShipStation legacy): Shipdock's own contract, reference/specs/v1-responses.json ------------

interface V1Doc {
  $defs: Record<string, unknown>;
  operations: Record<string, Record<string, unknown>>;
}
const v1Doc = JSON.parse(readFileSync(specPath('v1-responses.json'), 'utf8')) as V1Doc;
const v1Routes = Object.entries(v1Doc.operations)
  .map(([key, responses]) => {
    const [method, template] = key.split(' ');
    return { method, template, responses, regex: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}/?$`, 'i') };
  })
  .sort((a, b) => (a.template.match(/\{/g)?.length ?? 0) - (b.template.match(/\{/g)?.length ?? 0));

function v1Validator(key: string, schema: unknown): ValidateFunction {
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile({ ...(schema as object), $defs: v1Doc.$defs });
    compiled.set(key, validate);
  }
  return validate;
}

/** Asserts a V1 response: documented operation and status, body per v1-responses.json; errors ASP.NET-style. */
export function assertV1Contract(method: string, url: string, status: number, body: unknown) {
  const path = url.split('?')[0];
  const route = v1Routes.find((r) => r.method === method.toUpperCase() && r.regex.test(path));
  let key: string;
  let schema: unknown;
  if (status >= 400) {
    key = 'v1 error';
    schema = { $ref: '#/$defs/Error' };
  } else {
    assert.ok(route, `no V1 operation ${method} ${path} in v1-responses.json`);
    schema = route.responses[String(status)];
    assert.ok(schema, `v1-responses.json has no ${status} response for ${method} ${route.template}`);
    key = `v1 ${method} ${route.template} ${status}`;
  }
  if (body === undefined) return;
  const validate = v1Validator(key, schema);
  if (!validate(body)) {
    const errors = validate.errors?.slice(0, 8).map((e) => `${e.instancePath || '(root)'} ${e.message} ${JSON.stringify(e.params)}`);
    assert.fail(`V1 ${method} ${path} ${status} does not match v1-responses.json:\n  ${errors?.join('\n  ')}\nbody: ${String(JSON.stringify(body)).slice(0, 1500)}`);
  }
}

// ---- every response of every surface ---------------------------------------------------------------

export type AnySurface = 'v1' | ContractSurface;

export const surfaceOfUrl = (url: string): AnySurface => (/^\/v2(\/|\?|$)/i.test(url) ? 'v2' : /^\/v1(\/|\?|$)/i.test(url) ? 'shipengine' : 'v1');

/**
 * ShipEngine operations documented outside its OpenAPI file (partner-and-shipengine.md: Partner
 * API, carrier registration, auto funding, add_funds on a connection) and V2 operations of the
 * newer V2 docs only (users, shipment errors): their errors are checked, their bodies cannot be.
 */
const OUTSIDE_OPENAPI = [
  /^\/v1\/partners\//i,
  /^\/v1\/partners$/i,
  /^\/v1\/registration\//i,
  /^\/v1\/carriers\/[^/]+\/auto_funding$/i,
  /^\/v1\/connections\/carriers\/[^/]+\/[^/]+\/add_funds$/i,
  /^\/v1\/users$/i,
  /^\/v[12]\/shipments\/[^/]+\/errors$/i,
];

function jsonBody(contentType: string | undefined, text: string): unknown {
  if (!text || !/json/.test(contentType ?? '')) return undefined;
  return JSON.parse(text);
}

/** Checks one response against its surface's contract, whatever produced it. */
export function assertResponse(surface: AnySurface, method: string, url: string, status: number, contentType: string | undefined, text: string) {
  const body = jsonBody(contentType, text);
  const path = url.split('?')[0];
  if (surface === 'v1') {
    if (path.startsWith('/docs')) return;
    if (status >= 400) assert.ok(body !== undefined, `V1 ${method} ${path} ${status} error is not JSON: ${text.slice(0, 200)}`);
    return assertV1Contract(method, url, status, body);
  }
  if (status >= 400) {
    assert.ok(body !== undefined, `${method} ${path} ${status} error is not JSON: ${text.slice(0, 200)}`);
    return assertErrorContract(surface, status, body);
  }
  if (!find(surface, method.toUpperCase(), path) && OUTSIDE_OPENAPI.some((r) => r.test(path))) return;
  assertContract(surface, method, url, status, body);
}
