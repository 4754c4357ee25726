// POST /documents/combined_labels (many labels, one file) and GET /documents/{id}/download.
// The combined file is streamed into stored chunks and streamed back out, never held whole.
import { createCombinedLabelDocument } from '../../../domain/stored-documents/combined-labels.ts';
import { documentBytes, documentStream, getDocument } from '../../../domain/stored-documents/store.ts';
import { actingAccount } from '../../common/context.ts';
import { parseSeId } from '../../common/ids.ts';
import { documentUrl } from '../batches/mapper.ts';
import type { SurfacePlugin } from '../shared/plugin.ts';
import { seIdParam } from '../shared/query.ts';

interface CombineBody {
  label_ids: string[];
  label_format: 'pdf' | 'zpl';
  label_download_type?: 'url' | 'inline';
}

/** Inline answers carry the file in the JSON; past this size only a URL is sensible. */
const INLINE_LIMIT_BYTES = 10 * 1024 * 1024;

export const combinedDocumentRoutes: SurfacePlugin = async (app, { surface }) => {
  const { db } = app.ctx.database;
  const base = `${app.ctx.config.publicUrl}${surface === 'v2' ? '/v2' : '/v1'}`;

  app.post<{ Body: CombineBody }>(
    '/documents/combined_labels',
    {
      schema: {
        tags: ['documents'],
        body: {
          type: 'object',
          required: ['label_ids'],
          properties: {
            // The spec advises 30 labels per file for response size; streamed files allow more.
            label_ids: { type: 'array', minItems: 1, maxItems: 1000, items: { type: 'string', pattern: '^se-[0-9]{1,15}$' } },
            label_format: { type: 'string', enum: ['pdf', 'zpl'], default: 'pdf' },
            label_download_type: { type: 'string', enum: ['url', 'inline'] },
          },
        },
      },
    },
    async (request) => {
      const accountId = actingAccount(request).id;
      const body = request.body;
      const ids = body.label_ids.map((id) => parseSeId(id) ?? -1);
      const document = await createCombinedLabelDocument(db, accountId, ids, body.label_format, app.ctx.clock.nowIso());
      const url = documentUrl(base, document);
      // ShipEngine's spec defaults to inline; the V2 documentation to url.
      const downloadType = body.label_download_type ?? (surface === 'shipengine' ? 'inline' : 'url');
      const inline = downloadType === 'inline' && document.byteSize <= INLINE_LIMIT_BYTES;
      const href = inline ? (await documentBytes(db, document)).toString('base64') : url;
      return { label_download: { href, [body.label_format]: url } };
    },
  );

  app.get<{ Params: { document_id: string } }>(
    '/documents/:document_id/download',
    { schema: { tags: ['documents'], params: seIdParam('document_id') } },
    async (request, reply) => {
      const document = await getDocument(db, actingAccount(request).id, parseSeId(request.params.document_id) ?? -1);
      reply.type(document.contentType).header('content-length', document.byteSize);
      reply.header('content-disposition', `attachment; filename="${document.fileName}"`);
      return reply.send(documentStream(db, document));
    },
  );
};
