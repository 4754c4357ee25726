// POST /v2/mailing/envelopes | mail_labels | netstamps: USPS First-Class Mail postage printed on a
// #10 envelope, a sheet of address labels or a sheet of NetStamps, paid from the account's USPS
// balance. V2 only: the ShipEngine OpenAPI has no mailing paths. The document link is unguessable
// and, unlike label links, needs the buying account's API key (another account gets 404).
import { createMailing } from '../../../domain/mailing/create.ts';
import { findMailingDocument } from '../../../domain/mailing/store.ts';
import type { MailingKind } from '../../../domain/mailing/types.ts';
import { DomainError, invalidField } from '../../../domain/errors.ts';
import { actingAccount } from '../../common/context.ts';
import type { SurfacePlugin } from '../shared/plugin.ts';
import { documentName, toMailingRequest, toV2Mailing, type DownloadOptions, type V2MailShipment } from './mapper.ts';
import { createEnvelope, createMailLabels, createNetStamps, downloadParams } from './schemas.ts';

type EnvelopeBody = DownloadOptions & { shipment?: V2MailShipment; shipments?: V2MailShipment[] };
type LabelsBody = DownloadOptions & { shipments: V2MailShipment[]; mailing_options?: { start_row?: number; start_column?: number; row?: number; column?: number } | null };
type StampsBody = DownloadOptions & { shipments: V2MailShipment[] };

export const mailingRoutes: SurfacePlugin = async (app, { surface }) => {
  const { db } = app.ctx.database;
  const base = `${app.ctx.config.publicUrl}${surface === 'v2' ? '/v2' : '/v1'}`;
  const clock = app.ctx.clock;

  async function create(request: { account: Parameters<typeof actingAccount>[0]['account'] }, kind: MailingKind, shipments: V2MailShipment[], options: DownloadOptions, start?: { row?: number; column?: number }) {
    const accountId = actingAccount(request).id;
    const mailingRequest = toMailingRequest(kind, shipments, start);
    const now = clock.nowIso();
    const { mailing, document } = await db.transaction().execute((tx) => createMailing(tx, accountId, mailingRequest, now));
    return toV2Mailing(mailing, { base, inlineData: options.label_download_type === 'inline' ? document.toString('base64') : null });
  }

  app.post<{ Body: EnvelopeBody }>('/mailing/envelopes', { schema: createEnvelope }, async (request) => {
    const body = request.body ?? {};
    if (body.shipment && body.shipments) throw invalidField('shipments', 'send either shipment or shipments (one envelope), not both');
    const shipment = body.shipment ?? body.shipments?.[0];
    if (!shipment) throw invalidField('shipment', 'shipment is required', undefined, 'field_value_required');
    return create(request, 'envelope', [shipment], body);
  });

  app.post<{ Body: LabelsBody }>('/mailing/mail_labels', { schema: createMailLabels }, async (request) => {
    const options = request.body.mailing_options ?? {};
    const start = { row: options.start_row ?? options.row, column: options.start_column ?? options.column };
    return create(request, 'mail_labels', request.body.shipments, request.body, start);
  });

  app.post<{ Body: StampsBody }>('/mailing/netstamps', { schema: createNetStamps }, async (request) => create(request, 'netstamps', request.body.shipments, request.body));

  app.get<{ Params: { token: string; filename: string } }>('/mailing/documents/:token/:filename', { schema: { tags: ['mailing'], params: downloadParams } }, async (request, reply) => {
    const found = await findMailingDocument(db, actingAccount(request).id, request.params.token);
    if (!found || documentName(found) !== request.params.filename) throw new DomainError('not_found', 'No mailing document at this link.');
    reply.type('application/pdf');
    return reply.send(found.document);
  });
};
