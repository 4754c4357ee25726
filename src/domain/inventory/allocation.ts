// Stock follows orders (Inventory add-on only). One function, called wherever an order's status
// may change, reconciles what the order holds with what its status asks for:
//   awaiting_shipment → its SKUs are allocated (available drops);
//   shipped           → they are taken from on hand (and no longer allocated);
//   anything else (cancelled, on hold, awaiting payment, deleted) → nothing is held.
// The stock comes from one location: see allocationLocationFor. SKUs the inventory does not track
// there (no level at that location) are left alone.
import type { Executor } from '../../db/index.ts';
import { hasInventoryAddon } from './addon.ts';
import { applyToLevel, averageValueOf, lockLevel, lockLevels } from './ledger.ts';
import { allocationLocationFor } from './places.ts';

type Held = { locationId: number; sku: string; quantity: number; state: 'allocated' | 'shipped' };

const key = (h: { locationId: number; sku: string }) => `${h.locationId}\u0000${h.sku}`;

async function wanted(ex: Executor, accountId: number, orderId: number): Promise<Held[]> {
  const order = await ex.selectFrom('orders').select(['status', 'active', 'body']).where('id', '=', orderId).where('account_id', '=', accountId).executeTakeFirst();
  if (!order || order.active !== 1) return [];
  const state = order.status === 'awaiting_shipment' ? 'allocated' : order.status === 'shipped' ? 'shipped' : null;
  if (!state) return [];
  const body = JSON.parse(order.body) as { advancedOptions?: { warehouseId?: number | null } };
  const locationId = await allocationLocationFor(ex, accountId, body.advancedOptions?.warehouseId ?? null);
  if (locationId === null) return [];
  const items = await ex.selectFrom('order_items').select(['sku', 'quantity', 'body']).where('order_id', '=', orderId).execute();
  const bySku = new Map<string, number>();
  for (const item of items) {
    const adjustment = (JSON.parse(item.body) as { adjustment?: boolean }).adjustment === true;
    if (!item.sku || adjustment || item.quantity <= 0) continue;
    bySku.set(item.sku, (bySku.get(item.sku) ?? 0) + item.quantity);
  }
  if (bySku.size === 0) return [];
  const tracked = await ex
    .selectFrom('inventory_levels')
    .select('sku')
    .distinct()
    .where('account_id', '=', accountId)
    .where('inventory_location_id', '=', locationId)
    .where('sku', 'in', [...bySku.keys()])
    .execute();
  return tracked.map((t) => ({ locationId, sku: t.sku, quantity: bySku.get(t.sku)!, state }));
}

/** Takes back what an order holds: releases an allocation, or returns shipped units to on hand. */
async function undo(ex: Executor, accountId: number, orderId: number, held: Held, now: string) {
  const level = await lockLevel(ex, { accountId, locationId: held.locationId, sku: held.sku, condition: 'sellable' }, now);
  if (held.state === 'allocated') {
    await applyToLevel(ex, level, { onHand: 0, allocated: -held.quantity, valueDeltaCents: 0 }, { type: 'release', orderId }, now);
  } else {
    const valueDelta = averageValueOf({ ...level, onHand: Math.max(level.onHand, 1) }, held.quantity);
    await applyToLevel(ex, level, { onHand: held.quantity, allocated: 0, valueDeltaCents: valueDelta }, { type: 'unship', orderId }, now);
  }
}

/** Applies what the order's status asks for; returns what it actually holds (shipping takes at most what is on hand). */
async function apply(ex: Executor, accountId: number, orderId: number, want: Held, now: string): Promise<Held | null> {
  const level = await lockLevel(ex, { accountId, locationId: want.locationId, sku: want.sku, condition: 'sellable' }, now);
  if (want.state === 'allocated') {
    await applyToLevel(ex, level, { onHand: 0, allocated: want.quantity, valueDeltaCents: 0 }, { type: 'allocate', orderId }, now);
    return want;
  }
  const taken = Math.min(want.quantity, level.onHand);
  if (taken === 0) return null;
  await applyToLevel(ex, level, { onHand: -taken, allocated: 0, valueDeltaCents: -averageValueOf(level, taken) }, { type: 'ship', orderId }, now);
  return { ...want, quantity: taken };
}

export async function syncOrderInventory(ex: Executor, accountId: number, orderId: number, now: string): Promise<void> {
  if (!(await hasInventoryAddon(ex, accountId))) return;
  const heldRows = await ex.selectFrom('inventory_order_stock').selectAll().where('order_id', '=', orderId).where('account_id', '=', accountId).execute();
  const held = new Map<string, Held & { id: number }>(
    heldRows.map((r) => [key({ locationId: r.inventory_location_id, sku: r.sku }), { id: r.id, locationId: r.inventory_location_id, sku: r.sku, quantity: r.quantity, state: r.state }]),
  );
  const want = await wanted(ex, accountId, orderId);
  const wantKeys = new Set(want.map(key));
  await lockLevels(ex, [...held.values(), ...want].map((h) => ({ accountId, locationId: h.locationId, sku: h.sku, condition: 'sellable' as const })), now);

  for (const [k, h] of held) {
    if (wantKeys.has(k)) continue;
    await undo(ex, accountId, orderId, h, now);
    await ex.deleteFrom('inventory_order_stock').where('id', '=', h.id).execute();
  }
  for (const w of want) {
    const h = held.get(key(w));
    // Already shipped units stay shipped whatever quantity was shipped.
    if (h && h.state === w.state && (h.quantity === w.quantity || h.state === 'shipped')) continue;
    if (h) {
      await undo(ex, accountId, orderId, h, now);
      await ex.deleteFrom('inventory_order_stock').where('id', '=', h.id).execute();
    }
    const result = await apply(ex, accountId, orderId, w, now);
    if (result) {
      await ex
        .insertInto('inventory_order_stock')
        .values({ account_id: accountId, order_id: orderId, inventory_location_id: result.locationId, sku: result.sku, quantity: result.quantity, state: result.state })
        .execute();
    }
  }
}
