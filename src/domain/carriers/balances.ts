// Balances of funded carriers are the sum of their ledger entries; nothing else stores money.
import type { Executor } from '../../db/index.ts';

export async function carrierBalances(ex: Executor, accountId: number): Promise<Map<number, number>> {
  const rows = await ex
    .selectFrom('carrier_ledger')
    .select(['carrier_id', (eb) => eb.fn.sum<number>('amount_cents').as('balance')])
    .where('account_id', '=', accountId)
    .groupBy('carrier_id')
    .execute();
  return new Map(rows.map((r) => [r.carrier_id, Number(r.balance)]));
}

export async function carrierBalance(ex: Executor, carrierId: number): Promise<number> {
  const row = await ex
    .selectFrom('carrier_ledger')
    .select((eb) => eb.fn.sum<number>('amount_cents').as('balance'))
    .where('carrier_id', '=', carrierId)
    .executeTakeFirst();
  return Number(row?.balance ?? 0);
}
