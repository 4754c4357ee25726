// Each account's sandbox clock offset (milliseconds ahead of the process clock). Read by the auth
// hooks and the job runner, written by the sandbox domain; storage only, no rules.
import type { Executor } from './index.ts';

export async function accountClockOffset(ex: Executor, accountId: number): Promise<number> {
  const row = await ex.selectFrom('account_clocks').select('offset_ms').where('account_id', '=', accountId).executeTakeFirst();
  return row ? Number(row.offset_ms) : 0;
}

/** Accounts whose clock is ahead of the process clock, grouped by offset. */
export async function accountClockGroups(ex: Executor): Promise<Map<number, number[]>> {
  const rows = await ex.selectFrom('account_clocks').select(['account_id', 'offset_ms']).where('offset_ms', '<>', 0).execute();
  const groups = new Map<number, number[]>();
  for (const r of rows) {
    const offset = Number(r.offset_ms);
    groups.set(offset, [...(groups.get(offset) ?? []), r.account_id]);
  }
  return groups;
}

export async function saveAccountClockOffset(ex: Executor, accountId: number, offsetMs: number, now: string): Promise<void> {
  await ex
    .insertInto('account_clocks')
    .values({ account_id: accountId, offset_ms: Math.round(offsetMs), modified_at: now })
    .onConflict((oc) => oc.column('account_id').doUpdateSet({ offset_ms: Math.round(offsetMs), modified_at: now }))
    .execute();
}
