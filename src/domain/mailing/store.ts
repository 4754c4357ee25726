// Reading stored mailings back, always within one account.
import type { Executor } from '../../db/index.ts';
import { notFound } from '../errors.ts';
import type { Mailing, MailingKind, MailPiece } from './types.ts';

type PieceRow = { id: number; mailing_id: number; sequence: number; weight_oz: number; created_at: string; body: string };

function toPiece(row: PieceRow): MailPiece {
  const body = JSON.parse(row.body);
  return {
    id: row.id,
    mailingId: row.mailing_id,
    sequence: row.sequence,
    serviceCode: body.serviceCode,
    postage: body.postage,
    weightOz: Number(row.weight_oz),
    dimensions: body.dimensions,
    shipTo: body.shipTo,
    shipFrom: body.shipFrom,
    externalShipmentId: body.externalShipmentId,
    row: body.row,
    column: body.column,
    imb: body.imb,
    indiciumData: body.indiciumData,
    createdAt: row.created_at,
  };
}

export async function getMailing(ex: Executor, accountId: number, id: number): Promise<Mailing> {
  const row = await ex
    .selectFrom('mailings')
    .innerJoin('carriers', 'carriers.id', 'mailings.carrier_id')
    .selectAll('mailings')
    .select('carriers.carrier_code')
    .where('mailings.account_id', '=', accountId)
    .where('mailings.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('mailing', `se-${id}`);
  const pieces = await ex
    .selectFrom('mail_pieces')
    .select(['id', 'mailing_id', 'sequence', 'weight_oz', 'created_at', 'body'])
    .where('mailing_id', '=', id)
    .orderBy('sequence')
    .execute();
  return {
    id: row.id,
    accountId: row.account_id,
    kind: row.kind as MailingKind,
    carrierId: row.carrier_id,
    carrierCode: row.carrier_code,
    totalCents: Number(row.total_cents),
    downloadToken: row.download_token,
    createdAt: row.created_at,
    pieces: pieces.map(toPiece),
  };
}

/** A mailing's document by its link token, only for the account that bought it. */
export async function findMailingDocument(ex: Executor, accountId: number, token: string): Promise<{ id: number; kind: MailingKind; document: Buffer } | null> {
  const row = await ex
    .selectFrom('mailings')
    .select(['id', 'kind', 'document'])
    .where('account_id', '=', accountId)
    .where('download_token', '=', token)
    .executeTakeFirst();
  return row?.document ? { id: row.id, kind: row.kind as MailingKind, document: Buffer.from(row.document) } : null;
}
