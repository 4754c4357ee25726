// Sandbox snapshots over HTTP: save, list, restore, delete. Registered inside the sandbox plugin
// (same authentication, same SHIPDOCK_SANDBOX switch, ShipEngine error format).
import type { FastifyPluginAsync } from 'fastify';
import { deleteSnapshot, listSnapshots, restoreSnapshot, saveSnapshot, type SnapshotSummary } from '../../domain/sandbox/snapshots.ts';
import { actingAccount } from '../common/context.ts';
import { deleteSnapshotSchema, listSnapshotsSchema, restoreSnapshotSchema, saveSnapshotSchema } from './snapshot-schemas.ts';

const toWire = (s: SnapshotSummary) => ({ name: s.name, created_at: s.createdAt, row_count: s.rowCount, byte_size: s.byteSize });

export const snapshotRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.ctx.database;
  const clock = app.ctx.clock;

  app.post<{ Body: { name: string } }>('/snapshots', { schema: saveSnapshotSchema }, async (request, reply) => {
    const accountId = actingAccount(request).id;
    const saved = await db.transaction().execute((tx) => saveSnapshot(tx, accountId, request.body.name, clock.nowIso()));
    return reply.code(201).send(toWire(saved));
  });

  app.get('/snapshots', { schema: listSnapshotsSchema }, async (request) => ({
    snapshots: (await listSnapshots(db, actingAccount(request).id)).map(toWire),
  }));

  app.post<{ Params: { name: string } }>('/snapshots/:name/restore', { schema: restoreSnapshotSchema }, async (request) => {
    const accountId = actingAccount(request).id;
    const restored = await db.transaction().execute((tx) => restoreSnapshot(tx, accountId, request.params.name, clock.nowIso()));
    return { ...toWire(restored), tables: restored.tables };
  });

  app.delete<{ Params: { name: string } }>('/snapshots/:name', { schema: deleteSnapshotSchema }, async (request, reply) => {
    const accountId = actingAccount(request).id;
    await db.transaction().execute((tx) => deleteSnapshot(tx, accountId, request.params.name));
    return reply.code(204).send();
  });
};
