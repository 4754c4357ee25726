import type { Executor } from '../../db/index.ts';

/** Inventory follows orders only for accounts with the Inventory API add-on. */
export async function hasInventoryAddon(ex: Executor, accountId: number): Promise<boolean> {
  const row = await ex.selectFrom('accounts').select('addons').where('id', '=', accountId).executeTakeFirst();
  return row ? (JSON.parse(row.addons) as string[]).includes('inventory_api') : false;
}
