// Turns the official OpenAPI documents into plain JSON Schema that Ajv can check responses with.
// OpenAPI 3.0 `nullable`, boolean exclusive bounds and allOf-with-additionalProperties:false
// (which JSON Schema would read as "no properties at all") are rewritten here, once.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

type Schema = Record<string, any>;

export interface OpenApiDoc {
  paths: Record<string, Record<string, any>>;
  components: { schemas: Record<string, Schema>; responses?: Record<string, any> };
}

export function loadDoc(file: string): OpenApiDoc {
  return parse(readFileSync(file, 'utf8'), { maxAliasCount: -1 }) as OpenApiDoc;
}

/** Corrections to one component schema: extra or replaced properties, and (tracking) the event status_code. */
export interface Overlay {
  properties: Record<string, unknown>;
  eventStatusCode?: Schema;
}

function applyOverlay(raw: Schema, overlay: Overlay): Schema {
  const out = { ...raw, properties: { ...raw.properties, ...overlay.properties } };
  const events = raw.properties?.events;
  if (overlay.eventStatusCode && events?.items) {
    out.properties.events = { ...events, items: { ...events.items, properties: { ...events.items.properties, status_code: overlay.eventStatusCode } } };
  }
  return out;
}

export class SchemaFlattener {
  private cache = new Map<string, Schema>();
  constructor(private readonly doc: OpenApiDoc, private readonly overlays: Record<string, Overlay> = {}) {}

  resolveRef(ref: string): Schema {
    const name = ref.replace('#/components/schemas/', '');
    const cached = this.cache.get(name);
    if (cached) return cached;
    const placeholder: Schema = {};
    this.cache.set(name, placeholder); // breaks cycles: a recursive ref sees the same object, filled below
    const raw = this.doc.components.schemas[name];
    if (!raw) throw new Error(`unknown schema ${ref}`);
    const overlay = this.overlays[name];
    const source = overlay ? applyOverlay(raw, overlay) : raw;
    Object.assign(placeholder, this.flatten(source));
    return placeholder;
  }

  flatten(schema: Schema): Schema {
    if (schema === null || typeof schema !== 'object') return schema;
    if (Array.isArray(schema)) return schema.map((s) => this.flatten(s)) as unknown as Schema;
    if (typeof schema.$ref === 'string') return this.resolveRef(schema.$ref);

    let out: Schema = {};
    if (Array.isArray(schema.allOf)) {
      const members = schema.allOf.map((m: Schema) => this.flatten(m));
      for (const member of members) mergeInto(out, member);
      // rates_information.created_at is a date-time that also pulls in se_id's pattern: the
      // schema's own format wins over a member's pattern, or no timestamp could ever match.
      if (schema.format && out.pattern && !schema.pattern) delete out.pattern;
      const closed = members.length > 0 && members.every((m: Schema) => m.additionalProperties === false);
      if (closed && schema.additionalProperties === undefined) out.additionalProperties = false;
    }
    for (const [key, value] of Object.entries(schema)) {
      if (key === 'allOf' || key.startsWith('x-') || key === 'example' || key === 'examples' || key === 'discriminator') continue;
      if (key === 'properties') {
        out.properties = { ...(out.properties ?? {}) };
        for (const [p, s] of Object.entries(value as Schema)) out.properties[p] = this.flatten(s as Schema);
      } else if (key === 'required') {
        out.required = [...new Set([...(out.required ?? []), ...(value as string[])])];
      } else if (key === 'items' || key === 'additionalProperties' || key === 'not') {
        out[key] = typeof value === 'object' ? this.flatten(value as Schema) : value;
      } else if (key === 'anyOf' || key === 'oneOf') {
        out[key] = (value as Schema[]).map((s) => this.flatten(s));
      } else {
        out[key] = value;
      }
    }
    // get_rate_by_id_response_body requires rates_information keys while allowing only rate
    // properties: unsatisfiable as written. Requirements no property backs are dropped.
    if (out.additionalProperties === false && out.properties && Array.isArray(out.required)) {
      out.required = out.required.filter((name: string) => name in out.properties);
    }
    out = fixBounds(out);
    // The 2025 V2 file marks nullable fields with the vendor key x-nullable (a 3.0 leftover).
    if (out.nullable === true || schema['x-nullable'] === true) out = nullable(out);
    delete out.nullable;
    delete out.readOnly;
    delete out.writeOnly;
    return out;
  }
}

function mergeInto(target: Schema, member: Schema) {
  for (const [key, value] of Object.entries(member)) {
    if (key === 'properties') target.properties = { ...(target.properties ?? {}), ...value };
    else if (key === 'required') target.required = [...new Set([...(target.required ?? []), ...value])];
    else if (key === 'additionalProperties') continue;
    else if (!(key in target)) target[key] = value;
  }
}

function fixBounds(s: Schema): Schema {
  // The 2025 V2 file turned 3.0's `exclusiveMinimum: true` into counters (1, 2) beside `minimum: 0`,
  // which would demand weights above 1 or 2; the intent, as in ShipEngine, is "greater than minimum".
  if (typeof s.exclusiveMinimum === 'number' && typeof s.minimum === 'number' && s.exclusiveMinimum > s.minimum) {
    s.exclusiveMinimum = s.minimum;
    delete s.minimum;
  }
  if (s.exclusiveMinimum === true) {
    s.exclusiveMinimum = s.minimum;
    delete s.minimum;
  } else if (s.exclusiveMinimum === false) delete s.exclusiveMinimum;
  if (s.exclusiveMaximum === true) {
    s.exclusiveMaximum = s.maximum;
    delete s.maximum;
  } else if (s.exclusiveMaximum === false) delete s.exclusiveMaximum;
  return s;
}

function nullable(s: Schema): Schema {
  if (typeof s.type === 'string') {
    const out: Schema = { ...s, type: [s.type, 'null'] };
    if (Array.isArray(s.enum)) out.enum = [...s.enum, null];
    return out;
  }
  return { anyOf: [s, { type: 'null' }] };
}
