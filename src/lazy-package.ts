// Heavy packages (pdfkit, canvas, bwip-js, the ZIP data set, nodemailer, the database drivers) are
// loaded on first use rather than at start: together they were about 2 s and 150 MB of a cold
// start that needs none of them. The stand-in keeps call sites synchronous and unchanged.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A stand-in for a CommonJS package's exports that `require`s it on first property access, call
 * or `new`. Use it as the import would be used: `const PDFDocument = lazyPackage<typeof PDFKit>('pdfkit')`.
 */
export function lazyPackage<T extends object>(name: string): T {
  let loaded: T | undefined;
  const load = (): T => (loaded ??= require(name) as T);
  // A plain function target, so the stand-in can be called and constructed.
  const target = function lazyPackageTarget() {} as unknown as T;
  return new Proxy(target, {
    get(_target, key) {
      const module = load();
      const value = Reflect.get(module, key);
      return typeof value === 'function' && key !== 'prototype' ? value.bind(module) : value;
    },
    has: (_target, key) => Reflect.has(load(), key),
    apply: (_target, thisArg, args) => Reflect.apply(load() as unknown as (...a: unknown[]) => unknown, thisArg, args),
    construct: (_target, args) => Reflect.construct(load() as unknown as new (...a: unknown[]) => object, args),
  });
}

/** Whether `name` has been loaded yet (start-up tests check the heavy packages are not). */
export function packageLoaded(name: string): boolean {
  try {
    return require.resolve(name) in require.cache;
  } catch {
    return false;
  }
}
