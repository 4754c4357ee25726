// V2-only: documents attached to labels and shipments, and the (recorded) send of a label's
// documents. Not in either OpenAPI file; the shapes are Shipdock's, described in the README.
import { attachDocument, deleteDocument, listDocuments, sendLabelDocuments, type OwnerKind } from '../../../domain/attachments/documents.ts';
import { actingAccount } from '../../common/context.ts';
import { parseSeId } from '../../common/ids.ts';
import type { SurfacePlugin } from '../shared/plugin.ts';
import { seIdParam } from '../shared/query.ts';
import { toV2Document, toV2Send } from './mapper.ts';
import { ownerDocumentParams, registerDocumentBody, sendDocumentsBody, type RegisterDocumentBody, type SendDocumentsBody } from './schemas.ts';

export const documentRoutes: SurfacePlugin = async (app, { surface }) => {
  if (surface !== 'v2') return;
  const { db } = app.ctx.database;
  const clock = app.ctx.clock;

  for (const [kind, param] of [['label', 'label_id'], ['shipment', 'shipment_id']] as [OwnerKind, string][]) {
    const path = `/${kind}s/:${param}/documents`;
    const ownerOf = (params: Record<string, string>) => ({ kind, id: parseSeId(params[param])! });

    app.get<{ Params: Record<string, string> }>(path, { schema: { tags: [`${kind}s`], params: seIdParam(param) } }, async (request) => {
      const documents = await listDocuments(db, actingAccount(request).id, ownerOf(request.params));
      return { documents: documents.map(toV2Document) };
    });

    app.post<{ Params: Record<string, string>; Body: RegisterDocumentBody }>(
      path,
      { schema: { tags: [`${kind}s`], params: seIdParam(param), body: registerDocumentBody } },
      async (request) => {
        const accountId = actingAccount(request).id;
        const body = request.body;
        const document = await db.transaction().execute((tx) =>
          attachDocument(tx, accountId, ownerOf(request.params), { documentType: body.document_type, name: body.file_name, contentType: body.content_type, data: body.document_data }, clock.nowIso()),
        );
        return toV2Document(document);
      },
    );

    app.delete<{ Params: Record<string, string> }>(
      `${path}/:document_id`,
      { schema: { tags: [`${kind}s`], params: ownerDocumentParams(param) } },
      async (request, reply) => {
        const accountId = actingAccount(request).id;
        await db.transaction().execute((tx) => deleteDocument(tx, accountId, ownerOf(request.params), parseSeId(request.params.document_id)!));
        return reply.code(204).send();
      },
    );
  }

  app.post<{ Params: { label_id: string }; Body: SendDocumentsBody }>(
    '/labels/:label_id/documents/send',
    { schema: { tags: ['labels'], params: seIdParam('label_id'), body: sendDocumentsBody } },
    async (request) => {
      const accountId = actingAccount(request).id;
      const ids = request.body.document_ids?.map((id) => parseSeId(id) ?? -1) ?? null;
      const send = await db.transaction().execute((tx) =>
        sendLabelDocuments(tx, accountId, parseSeId(request.params.label_id)!, request.body.email, ids, clock.nowIso()),
      );
      return toV2Send(send);
    },
  );
};
