// Custom package types: GET/POST /packages, GET/PUT/DELETE /packages/{package_id}.
import * as packageTypes from '../../../domain/package-types/package-types.ts';
import type { Dimensions } from '../../../domain/shipping-types.ts';
import { actingAccount } from '../../common/context.ts';
import { seId } from '../../common/ids.ts';
import { rowIdOf } from '../shared/path-ids.ts';
import type { SurfacePlugin } from '../shared/plugin.ts';
import { seIdParam } from '../shared/query.ts';
import { dimensionsSchema } from '../shipments/schemas.ts';

interface PackageBody {
  package_code: string;
  name: string;
  description?: string | null;
  dimensions?: (Omit<Dimensions, 'unit'> & { unit?: Dimensions['unit'] }) | null;
}

// package_id is read-only: accepted (clients send back what they read) and ignored.
const body = {
  type: 'object',
  required: ['package_code', 'name'],
  properties: {
    package_id: { type: ['string', 'null'] },
    package_code: { type: 'string', minLength: 1, maxLength: 50, pattern: '^[a-z0-9]+(_[a-z0-9]+)*$' },
    name: { type: 'string', minLength: 1, maxLength: 50 },
    description: { type: ['string', 'null'], maxLength: 500 },
    dimensions: { anyOf: [dimensionsSchema, { type: 'null' }] },
  },
} as const;

const params = seIdParam('package_id');
type IdParams = { package_id: string };

const fromBody = (b: PackageBody): packageTypes.PackageTypeInput => ({
  packageCode: b.package_code,
  name: b.name,
  description: b.description ?? null,
  dimensions: b.dimensions ? { ...b.dimensions, unit: b.dimensions.unit ?? 'inch' } : null,
});

const toV2PackageType = (p: packageTypes.PackageType) => ({
  package_id: seId(p.id),
  package_code: p.packageCode,
  name: p.name,
  ...(p.dimensions ? { dimensions: p.dimensions } : {}),
  description: p.description,
});

export const packageRoutes: SurfacePlugin = async (app) => {
  const { db } = app.ctx.database;
  const packageId = (request: { params: IdParams }) => rowIdOf(request.params.package_id, 'package');

  app.get('/packages', { schema: { tags: ['packages'] } }, async (request) => ({
    packages: (await packageTypes.listPackageTypes(db, actingAccount(request).id)).map(toV2PackageType),
  }));

  app.post<{ Body: PackageBody }>('/packages', { schema: { tags: ['packages'], body } }, async (request) => {
    const accountId = actingAccount(request).id;
    const now = app.ctx.clock.nowIso();
    return toV2PackageType(await db.transaction().execute((tx) => packageTypes.createPackageType(tx, accountId, fromBody(request.body), now)));
  });

  app.get<{ Params: IdParams }>('/packages/:package_id', { schema: { tags: ['packages'], params } }, async (request) =>
    toV2PackageType(await packageTypes.getPackageType(db, actingAccount(request).id, packageId(request))),
  );

  app.put<{ Params: IdParams; Body: PackageBody }>('/packages/:package_id', { schema: { tags: ['packages'], params, body } }, async (request, reply) => {
    const accountId = actingAccount(request).id;
    const id = packageId(request);
    await db.transaction().execute((tx) => packageTypes.updatePackageType(tx, accountId, id, fromBody(request.body)));
    return reply.code(204).send();
  });

  app.delete<{ Params: IdParams }>('/packages/:package_id', { schema: { tags: ['packages'], params } }, async (request, reply) => {
    const accountId = actingAccount(request).id;
    const id = packageId(request);
    await db.transaction().execute((tx) => packageTypes.deletePackageType(tx, accountId, id));
    return reply.code(204).send();
  });
};
