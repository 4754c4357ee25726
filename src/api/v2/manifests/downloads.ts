// GET /downloads/{dir}/{token}/manifest-{id}.pdf: the manifest form by unguessable link, without an
// API key, like label files (the label download route keeps the other file names).
import { DomainError } from '../../../domain/errors.ts';
import { manifestPdf } from '../../../domain/manifests/documents.ts';
import { findManifestByToken } from '../../../domain/manifests/store.ts';
import { DOWNLOAD_VALIDITY_DAYS } from '../labels/downloads.ts';
import type { SurfacePlugin } from '../shared/plugin.ts';

interface Params {
  dir: string;
  subdir: string;
  file: string;
}

export const manifestDownloadRoutes: SurfacePlugin = async (app) => {
  const { db } = app.ctx.database;
  app.get<{ Params: Params; Querystring: { download?: string } }>(
    '/downloads/:dir/:subdir/manifest-:file',
    {
      config: { public: true },
      schema: {
        tags: ['downloads'],
        params: {
          type: 'object',
          properties: { dir: { type: 'string', pattern: '^[0-9]{1,3}$' }, subdir: { type: 'string', pattern: '^[A-Za-z0-9_-]{16,64}$' }, file: { type: 'string', maxLength: 64 } },
        },
        querystring: { type: 'object', properties: { download: { type: 'string' } } },
      },
    },
    async (request, reply) => {
      const { dir, subdir, file } = request.params;
      const id = /^(\d{1,10})\.pdf$/.exec(file)?.[1];
      const manifest = id ? await findManifestByToken(db, subdir) : null;
      const expired = manifest && app.ctx.clock.now().getTime() - new Date(manifest.createdAt).getTime() > DOWNLOAD_VALIDITY_DAYS * 86_400_000;
      if (!manifest || String(manifest.id) !== id || String(manifest.id % 100) !== dir || expired) {
        throw new DomainError('not_found', 'No file at this download link (links expire after 90 days).');
      }
      reply.type('application/pdf');
      if (request.query.download !== undefined) reply.header('content-disposition', `attachment; filename="manifest-${manifest.id}.pdf"`);
      return reply.send(await manifestPdf(db, manifest));
    },
  );
};
