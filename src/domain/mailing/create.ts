// Creating a mailing: price every piece, store it, debit the USPS balance once for the total and
// render its document, all in the caller's transaction (a refusal leaves nothing behind).
import { randomBytes } from 'node:crypto';
import type { Executor } from '../../db/index.ts';
import type { MailPieceDocument } from '../documents/render-mail-pdf.ts';
import { renderOnPool } from '../documents/render-pool.ts';
import { debitFundedCarrier } from '../labels/funding.ts';
import { imbFor, imbText, indiciumData, routingZip } from './imb.ts';
import { mailingCarrier, pricePieces, type PricedPiece } from './pieces.ts';
import { getMailing } from './store.ts';
import type { Mailing, MailingRequest, MailPiece } from './types.ts';

const DESCRIPTION: Record<MailingRequest['kind'], (n: number) => string> = {
  envelope: () => 'this envelope',
  mail_labels: (n) => (n === 1 ? 'this mail label' : `these ${n} mail labels`),
  netstamps: (n) => (n === 1 ? 'this NetStamp' : `these ${n} NetStamps`),
};

async function insertPiece(ex: Executor, accountId: number, mailingId: number, sequence: number, priced: PricedPiece, now: string): Promise<void> {
  const { input, postage } = priced;
  const row = await ex
    .insertInto('mail_pieces')
    .values({ account_id: accountId, mailing_id: mailingId, sequence, mail_class: postage.mailClass, weight_oz: input.weightOz, postage_cents: postage.totalCents, imb: null, body: '{}', created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  // The piece id is the IMb serial: unique across the database, as the tracking code must be.
  const imb = input.shipTo ? imbFor(accountId, row.id, input.shipTo) : null;
  const serial = `SD${String(row.id).padStart(9, '0')}`;
  const body = {
    serviceCode: input.serviceCode,
    postage,
    dimensions: input.dimensions,
    shipTo: input.shipTo,
    shipFrom: input.shipFrom,
    externalShipmentId: input.externalShipmentId,
    row: priced.row,
    column: priced.column,
    imb,
    indiciumData: indiciumData({ serial, cents: postage.totalCents, date: now.slice(0, 10), originZip: input.shipFrom ? routingZip(input.shipFrom).slice(0, 5) : '', mailClass: postage.mailClass }),
  };
  await ex.updateTable('mail_pieces').set({ imb: imb ? imbText(imb) : null, body: JSON.stringify(body) }).where('id', '=', row.id).execute();
}

function documentPiece(piece: MailPiece): MailPieceDocument {
  return {
    shipFrom: piece.shipFrom,
    shipTo: piece.shipTo,
    imbDigits: piece.imb ? imbText(piece.imb) : null,
    row: piece.row ?? 1,
    column: piece.column ?? 1,
    indicium: {
      cents: piece.postage.totalCents,
      date: piece.createdAt.slice(0, 10),
      originZip: piece.shipFrom ? routingZip(piece.shipFrom).slice(0, 5) : '',
      mailClass: piece.postage.mailClass,
      serial: piece.indiciumData.split('|')[1],
      data: piece.indiciumData,
    },
  };
}

export function renderMailing(mailing: Mailing): Promise<Buffer> {
  return renderOnPool({ kind: 'mail-pdf', sheet: mailing.kind, pieces: mailing.pieces.map(documentPiece) });
}

export async function createMailing(ex: Executor, accountId: number, request: MailingRequest, now: string): Promise<{ mailing: Mailing; document: Buffer }> {
  const priced = pricePieces(request);
  const carrier = await mailingCarrier(ex, accountId, request.pieces);
  const totalCents = priced.reduce((sum, p) => sum + p.postage.totalCents, 0);
  const { id } = await ex
    .insertInto('mailings')
    .values({ account_id: accountId, kind: request.kind, carrier_id: carrier.id, total_cents: totalCents, download_token: randomBytes(24).toString('base64url'), document: null, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [i, piece] of priced.entries()) await insertPiece(ex, accountId, id, i + 1, piece, now);
  await debitFundedCarrier(ex, carrier, totalCents, { kind: 'mailing', mailingId: id, description: DESCRIPTION[request.kind](priced.length), plural: priced.length > 1 }, now);
  const mailing = await getMailing(ex, accountId, id);
  const document = await renderMailing(mailing);
  await ex.updateTable('mailings').set({ document }).where('id', '=', id).execute();
  return { mailing, document };
}
