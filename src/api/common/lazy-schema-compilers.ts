// Request and response schemas compile on a route's first call instead of at start: compiling the
// ~600 request schemas with Ajv took 2.5 s of a 4.5 s cold start, the response serializers another
// 0.1 s. The compilers are Fastify's own defaults (the copies Fastify itself depends on, same
// options), so validation, its errors and serialization are unchanged.
import { createRequire } from 'node:module';
import type { FastifyServerOptions } from 'fastify';

/** What Fastify's `schemaController.compilersFactory` takes. */
type CompilersFactory = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>;

interface RouteSchemaDefinition {
  schema: unknown;
  method: string;
  url: string;
  httpPart?: string;
}
type ValidateFunction = ((data: unknown) => unknown) & { errors?: unknown };
type CompilerFactory = (externalSchemas: unknown, options: unknown) => (route: RouteSchemaDefinition) => ValidateFunction;

const fastifyRequire = createRequire(createRequire(import.meta.url).resolve('fastify'));
const AjvCompiler = fastifyRequire('@fastify/ajv-compiler') as () => CompilerFactory;

interface ResponseSchemaDefinition {
  schema: unknown;
  method: string;
  url: string;
  httpStatus: string;
  contentType?: string;
}
type Serialize = (data: unknown) => string;
type SerializerFactory = (externalSchemas: unknown, options: unknown) => (route: ResponseSchemaDefinition) => Serialize;

/** Fastify lowercases header names for its default compiler but not for a custom one: do it here. */
function lowerCaseHeaders(schema: unknown): unknown {
  if (typeof schema !== 'object' || schema === null || !('properties' in schema)) return schema;
  const { properties, required, ...rest } = schema as { properties: Record<string, unknown>; required?: string[] };
  return {
    ...rest,
    properties: Object.fromEntries(Object.entries(properties).map(([name, value]) => [name.toLowerCase(), value])),
    ...(required ? { required: required.map((name) => name.toLowerCase()) } : {}),
  };
}

/** For `Fastify({ schemaController: { compilersFactory: { buildValidator } } })`. */
export function lazyValidatorFactory(): NonNullable<CompilersFactory['buildValidator']> {
  const build = AjvCompiler();
  const factory: CompilerFactory = (externalSchemas, options) => {
    let compile: ReturnType<CompilerFactory> | undefined; // its Ajv instance too is made on first use
    return (route) => {
      const definition = route.httpPart === 'headers' ? { ...route, schema: lowerCaseHeaders(route.schema) } : route;
      let compiled: ValidateFunction | undefined;
      const validate: ValidateFunction = (data) => {
        compiled ??= (compile ??= build(externalSchemas, options))(definition);
        const result = compiled(data);
        validate.errors = compiled.errors;
        return result;
      };
      return validate;
    };
  };
  return factory as unknown as NonNullable<CompilersFactory['buildValidator']>;
}

/** For `Fastify({ schemaController: { compilersFactory: { buildSerializer } } })`; fast-json-stringify loads on first use too. */
export function lazySerializerFactory(): NonNullable<CompilersFactory['buildSerializer']> {
  let factory: SerializerFactory | undefined;
  const lazy: SerializerFactory = (externalSchemas, options) => {
    let compile: ReturnType<SerializerFactory> | undefined;
    return (route) => {
      let serialize: Serialize | undefined;
      return (data) => {
        if (!serialize) {
          factory ??= (fastifyRequire('@fastify/fast-json-stringify-compiler') as { SerializerSelector: () => SerializerFactory }).SerializerSelector();
          compile ??= factory(externalSchemas, options);
          serialize = compile(route);
        }
        return serialize(data);
      };
    };
  };
  return lazy as unknown as NonNullable<CompilersFactory['buildSerializer']>;
}
