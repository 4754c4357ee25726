// The stock ledger. Every change is an appended transaction; the level it changes (one row per
// location, SKU and condition) is updated under a row lock in the same database transaction, so
// levels always equal the sum of the ledger and concurrent changes never lose one another.
import { onPostgres, type Executor } from '../../db/index.ts';
import { DomainError } from '../errors.ts';

export const CONDITIONS = ['sellable', 'damaged', 'expired', 'qa_hold'] as const;
export type Condition = (typeof CONDITIONS)[number];

export interface LevelKey {
  accountId: number;
  locationId: number;
  sku: string;
  condition: Condition;
}

export interface Level extends LevelKey {
  id: number;
  onHand: number;
  allocated: number;
  valueCents: number;
}

/** What a ledger entry records besides the quantities. */
export interface EntryDetails {
  type: string;
  unitCostCents?: number | null;
  lot?: string | null;
  usableStartDate?: string | null;
  usableEndDate?: string | null;
  effectiveAt?: string | null;
  reason?: string | null;
  notes?: string | null;
  orderId?: number | null;
  purchaseOrderId?: number | null;
}

/** The level row, created empty if need be, locked for the rest of the transaction. */
export async function lockLevel(ex: Executor, key: LevelKey, now: string): Promise<Level> {
  const keyValues = { account_id: key.accountId, inventory_location_id: key.locationId, sku: key.sku, stock_condition: key.condition };
  await ex
    .insertInto('inventory_levels')
    .values({ ...keyValues, on_hand: 0, allocated: 0, value_cents: 0, updated_at: now })
    .onConflict((oc) => oc.columns(['account_id', 'inventory_location_id', 'sku', 'stock_condition']).doNothing())
    .execute();
  let query = ex
    .selectFrom('inventory_levels')
    .selectAll()
    .where('account_id', '=', key.accountId)
    .where('inventory_location_id', '=', key.locationId)
    .where('sku', '=', key.sku)
    .where('stock_condition', '=', key.condition);
  if (onPostgres(ex)) query = query.forUpdate();
  const row = await query.executeTakeFirstOrThrow();
  return { ...key, id: row.id, onHand: row.on_hand, allocated: row.allocated, valueCents: Number(row.value_cents) };
}

/** Cost of taking `quantity` units out at the level's weighted average. */
export const averageValueOf = (level: Level, quantity: number): number =>
  level.onHand <= 0 ? 0 : Math.round((level.valueCents * quantity) / level.onHand);

export const insufficientStock = (level: Level, quantity: number) =>
  new DomainError(
    'business_rules',
    `Not enough stock: SKU ${level.sku} has ${level.onHand} ${level.condition} on hand at inventory location se-${level.locationId}; cannot remove ${quantity}.`,
    'invalid_field_value',
    [{ field: 'quantity', message: `only ${level.onHand} on hand`, value: quantity }],
  );

/**
 * Applies a change to a locked level and appends its ledger entry. On hand never goes below zero;
 * the value moves by `valueDeltaCents` (weighted average cost = value / on hand).
 */
export async function applyToLevel(
  ex: Executor,
  level: Level,
  change: { onHand: number; allocated: number; valueDeltaCents: number },
  details: EntryDetails,
  now: string,
): Promise<Level> {
  const onHand = level.onHand + change.onHand;
  if (onHand < 0) throw insufficientStock(level, -change.onHand);
  const allocated = Math.max(0, level.allocated + change.allocated);
  // Nothing on hand is worth nothing: rounding leftovers do not linger in the average.
  const valueCents = onHand === 0 ? 0 : Math.max(0, level.valueCents + change.valueDeltaCents);
  await ex.updateTable('inventory_levels').set({ on_hand: onHand, allocated, value_cents: valueCents, updated_at: now }).where('id', '=', level.id).execute();
  await ex
    .insertInto('inventory_transactions')
    .values({
      account_id: level.accountId,
      inventory_location_id: level.locationId,
      sku: level.sku,
      stock_condition: level.condition,
      transaction_type: details.type,
      on_hand_delta: change.onHand,
      allocated_delta: allocated - level.allocated,
      value_delta_cents: valueCents - level.valueCents,
      unit_cost_cents: details.unitCostCents ?? null,
      lot: details.lot ?? null,
      usable_start_date: details.usableStartDate ?? null,
      usable_end_date: details.usableEndDate ?? null,
      effective_at: details.effectiveAt ?? now,
      reason: details.reason ?? null,
      notes: details.notes ?? null,
      order_id: details.orderId ?? null,
      purchase_order_id: details.purchaseOrderId ?? null,
      created_at: now,
    })
    .execute();
  return { ...level, onHand, allocated, valueCents };
}

/** Adds units; without a unit cost they come in at the level's current average. */
export async function receiveStock(ex: Executor, key: LevelKey, quantity: number, unitCostCents: number | null, details: EntryDetails, now: string) {
  const level = await lockLevel(ex, key, now);
  const valueDelta = unitCostCents !== null ? unitCostCents * quantity : averageValueOf(level, quantity);
  return applyToLevel(ex, level, { onHand: quantity, allocated: 0, valueDeltaCents: valueDelta }, { ...details, unitCostCents }, now);
}

/** Removes units at the weighted average cost; refused below zero. */
export async function removeStock(ex: Executor, key: LevelKey, quantity: number, details: EntryDetails, now: string) {
  const level = await lockLevel(ex, key, now);
  if (quantity > level.onHand) throw insufficientStock(level, quantity);
  return applyToLevel(ex, level, { onHand: -quantity, allocated: 0, valueDeltaCents: -averageValueOf(level, quantity) }, details, now);
}

/**
 * Locks several levels in one global order (location, SKU, condition). Transactions that touch
 * more than one level call this first, so two of them can never wait on each other (PostgreSQL).
 */
export async function lockLevels(ex: Executor, keys: LevelKey[], now: string): Promise<void> {
  if (!onPostgres(ex) || keys.length < 2) return;
  const unique = new Map(keys.map((k) => [`${k.locationId}\u0000${k.sku}\u0000${k.condition}`, k]));
  const sorted = [...unique.values()].sort((a, b) => a.locationId - b.locationId || (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0) || a.condition.localeCompare(b.condition));
  for (const key of sorted) await lockLevel(ex, key, now);
}
