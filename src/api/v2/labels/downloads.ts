// GET /downloads/{dir}/{subdir}/{filename}: label and form files, combined documents, by unguessable link, no API key
// (as in ShipStation), valid for 90 days.
import { DomainError } from '../../../domain/errors.ts';
import { labelFile, parseFileName } from '../../../domain/labels/documents.ts';
import { findLabelByToken } from '../../../domain/labels/store.ts';
import { documentStream, findDocumentByToken, isDocumentFileName } from '../../../domain/stored-documents/store.ts';
import type { SurfacePlugin } from '../shared/plugin.ts';
import { accountClockOffset } from '../../../db/account-clocks.ts';

export const DOWNLOAD_VALIDITY_DAYS = 90;

interface Params {
  dir: string;
  subdir: string;
  filename: string;
}

export const downloadRoutes: SurfacePlugin = async (app) => {
  const { db } = app.ctx.database;
  app.get<{ Params: Params; Querystring: { download?: string } }>(
    '/downloads/:dir/:subdir/:filename',
    {
      config: { public: true },
      schema: {
        tags: ['downloads'],
        params: {
          type: 'object',
          properties: { dir: { type: 'string', pattern: '^[0-9]{1,3}$' }, subdir: { type: 'string', pattern: '^[A-Za-z0-9_-]{16,64}$' }, filename: { type: 'string', maxLength: 64 } },
        },
        querystring: { type: 'object', properties: { download: { type: 'string' }, rotation: { type: 'integer' } } },
      },
    },
    async (request, reply) => {
      const { dir, subdir, filename } = request.params;
      if (isDocumentFileName(filename)) {
        // Combined files (batches, combined_labels) are streamed from their stored chunks.
        const document = await findDocumentByToken(db, subdir);
        const stale = document && app.ctx.clock.now().getTime() - new Date(document.createdAt).getTime() > DOWNLOAD_VALIDITY_DAYS * 86_400_000;
        if (!document || document.fileName !== filename || String(document.id % 100) !== dir || stale) {
          throw new DomainError('not_found', 'No file at this download link (links expire after 90 days).');
        }
        reply.type(document.contentType).header('content-length', document.byteSize);
        if (request.query.download !== undefined) reply.header('content-disposition', `attachment; filename="${filename}"`);
        return reply.send(documentStream(db, document));
      }
      const file = parseFileName(filename);
      const label = file ? await findLabelByToken(db, subdir) : null;
      // No API key here: the link's account is known from its label, and its test clock decides expiry.
      const offsetMs = label ? await accountClockOffset(db, label.accountId) : 0;
      const now = app.ctx.clock.withOffset(offsetMs, () => app.ctx.clock.now());
      const expired = label && now.getTime() - new Date(label.createdAt).getTime() > DOWNLOAD_VALIDITY_DAYS * 86_400_000;
      if (!label || !file || file.labelId !== label.id || String(label.id % 100) !== dir || expired) {
        throw new DomainError('not_found', 'No file at this download link (links expire after 90 days).');
      }
      const found = await labelFile(db, label, filename, now.toISOString());
      if (!found) throw new DomainError('not_found', `No ${filename} for label se-${label.id}.`);
      reply.type(found.contentType);
      if (request.query.download !== undefined) reply.header('content-disposition', `attachment; filename="${filename}"`);
      return reply.send(found.content);
    },
  );
};
