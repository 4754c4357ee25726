// The carrier ledger as an account statement: deposits, auto-funding, label debits and refunds.
import type { Executor } from '../../db/index.ts';

export interface LedgerEntry {
  id: number;
  carrierId: number;
  carrierNickname: string;
  /** Positive credits the balance, negative debits it. */
  amountCents: number;
  kind: string;
  labelId: number | null;
  trackingNumber: string | null;
  createdAt: string;
}

export async function listLedger(ex: Executor, accountId: number, page: { offset: number; limit: number }): Promise<{ entries: LedgerEntry[]; total: number }> {
  const base = ex.selectFrom('carrier_ledger as e').where('e.account_id', '=', accountId);
  const [rows, count] = await Promise.all([
    base
      .innerJoin('carriers as c', 'c.id', 'e.carrier_id')
      .leftJoin('labels as l', 'l.id', 'e.label_id')
      .select(['e.id', 'e.carrier_id', 'c.nickname', 'e.amount_cents', 'e.kind', 'e.label_id', 'l.tracking_number', 'e.created_at'])
      .orderBy('e.id', 'desc')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    entries: rows.map((r) => ({
      id: r.id,
      carrierId: r.carrier_id,
      carrierNickname: r.nickname,
      amountCents: r.amount_cents,
      kind: r.kind,
      labelId: r.label_id,
      trackingNumber: r.tracking_number,
      createdAt: r.created_at,
    })),
    total: Number(count.n),
  };
}
