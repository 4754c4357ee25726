// Sandbox seed: an account filled with realistic, deterministic data from a seed number. Stores on
// several marketplaces, customers, catalog products, and orders in every V1 status with dates
// spread over eight weeks, each with its V2 shipment; a share of the shipped orders shipped with
// real labels bought through the label engine, so tracking moves through its states.
//
// Same seed + same empty account + same day -> the same data (only row ids, tracking numbers,
// which are minted from row ids so they stay unique, and random download tokens differ).
// Labels are test labels (`testLabel: true`): free, as in ShipStation, so balances and the
// carrier ledger stay as they were. Orders, items and shipments are written in bulk, multi-row
// INSERTs in chunks, with the same column builders createorder uses.
import { insertRows } from '../../db/bulk.ts';
import type { Executor } from '../../db/index.ts';
import { enqueueJobs } from '../../jobs/queue.ts';
import { upsertCustomer } from '../customers/customers.ts';
import { DomainError, invalidField } from '../errors.ts';
import { purchaseLabel } from '../labels/purchase.ts';
import type { LabelOptions } from '../labels/types.ts';
import { bodyOf, itemColumns, orderColumns, type ReleaseHoldPayload } from '../orders/save.ts';
import { carrierIdForCode, shipmentBodyOf } from '../orders/shipment-sync.ts';
import { blankItemFields, ORDER_STATUSES, type Order, type OrderAddress, type OrderInput, type OrderItemInput, type OrderStatus } from '../orders/types.ts';
import { productsForItems } from '../products/products.ts';
import { getShipment, shipmentColumns } from '../shipments/store.ts';
import { MARKETPLACES } from '../stores/marketplaces.ts';
import { seededRandom, type Random } from '../tracking/prng.ts';
import { ADJECTIVES, COLORS, FIRST, LAST, PLACES, PRODUCT_KINDS, SEED_STORES, SHIPPING, STATUS_WEIGHTS } from './seed-data.ts';
import { TRACKING_MAGIC_VALUES } from '../tracking/magic-values.ts';
import { createWarehouse, findDefaultWarehouse } from '../warehouses/warehouses.ts';

export const MAX_SEED_ORDERS = 1_000_000;
export const MAX_SEED = 2_147_483_647;

export interface SeedOptions {
  orders: number;
  seed: number;
  /** Orders shipped with a real (test) label; by default 25 + 1 per 100 orders, at most 100. */
  labels?: number;
  /** Rows per multi-row INSERT. */
  chunk?: number;
}

export interface SeedSummary {
  seed: number;
  stores: number;
  customers: number;
  products: number;
  orders: number;
  byStatus: Record<OrderStatus, number>;
  shipments: number;
  labels: number;
}

const DAY_MS = 86_400_000;
/** Orders are spread over this many days before the seed's day. */
const SPAN_DAYS = 56;


const pick = <T>(random: Random, list: readonly T[]): T => list[random.int(0, list.length - 1)];
const clamp = (n: number, min: number, max: number) => Math.max(min, Math.min(max, n));

function checkOptions(options: SeedOptions) {
  if (!Number.isInteger(options.orders) || options.orders < 1 || options.orders > MAX_SEED_ORDERS) {
    throw invalidField('orders', `orders must be a whole number from 1 to ${MAX_SEED_ORDERS.toLocaleString('en-US')}`, options.orders);
  }
  if (!Number.isInteger(options.seed) || options.seed < 0 || options.seed > MAX_SEED) throw invalidField('seed', `seed must be a whole number from 0 to ${MAX_SEED}`, options.seed);
  if (options.labels !== undefined && (!Number.isInteger(options.labels) || options.labels < 0)) throw invalidField('labels', 'labels must be a whole number', options.labels);
}

function statusFor(random: Random): OrderStatus {
  let roll = random.int(0, 99);
  for (const [status, weight] of STATUS_WEIGHTS) {
    if (roll < weight) return status;
    roll -= weight;
  }
  return 'awaiting_shipment';
}

interface Customer {
  id: number;
  name: string;
  email: string;
  username: string;
  address: OrderAddress;
  store: number;
}

/** The warehouse labels ship from: the account's default, or a seeded one when it has none. */
async function shipFromWarehouse(ex: Executor, accountId: number, now: string): Promise<number> {
  const existing = await findDefaultWarehouse(ex, accountId);
  if (existing) return existing.id;
  const origin = {
    name: 'Acme Fulfillment',
    phone: '512-555-0100',
    email: null,
    companyName: 'Acme Goods',
    addressLine1: '500 W 2nd St',
    addressLine2: null,
    addressLine3: null,
    cityLocality: 'Austin',
    stateProvince: 'TX',
    postalCode: '78701',
    countryCode: 'US',
    residential: 'no' as const,
  };
  return (await createWarehouse(ex, accountId, { name: 'Acme Fulfillment', originAddress: origin, isDefault: true }, now)).id;
}

/** The account's Manual Orders store and the seed's marketplace stores (opened once, reused). */
async function seedStores(ex: Executor, accountId: number, now: string) {
  const manual = await ex.selectFrom('stores').select(['id', 'name', 'marketplace_id', 'marketplace_name']).where('account_id', '=', accountId).where('marketplace_id', '=', 0).orderBy('id').executeTakeFirstOrThrow();
  const stores = [{ id: manual.id, marketplaceId: manual.marketplace_id, marketplaceName: manual.marketplace_name, numbering: 'manual' }];
  for (const wanted of SEED_STORES) {
    const marketplace = MARKETPLACES.find((m) => m.name === wanted.marketplace)!;
    let row = await ex.selectFrom('stores').select('id').where('account_id', '=', accountId).where('name', '=', wanted.name).executeTakeFirst();
    row ??= await ex
      .insertInto('stores')
      .values({
        account_id: accountId,
        name: wanted.name,
        marketplace_id: marketplace.marketplaceId,
        marketplace_name: marketplace.name,
        active: 1,
        details: JSON.stringify({ companyName: 'Acme Goods', publicEmail: 'support@acme.example', website: 'https://acme.example', autoRefresh: marketplace.canRefresh }),
        refresh_date: now,
        last_refresh_attempt: now,
        created_at: now,
        modified_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    stores.push({ id: row.id, marketplaceId: marketplace.marketplaceId, marketplaceName: marketplace.name, numbering: wanted.numbering });
  }
  return stores;
}

function orderNumber(random: Random, numbering: string, n: number): string {
  const digits = (count: number) => Array.from({ length: count }, () => random.int(0, 9)).join('');
  if (numbering === 'amazon') return `11${random.int(1, 4)}-${digits(7)}-${digits(7)}`;
  if (numbering === 'ebay') return `${random.int(10, 27)}-${digits(5)}-${digits(5)}`;
  if (numbering === 'shop') return `#${1001 + n}`;
  return `M-${100001 + n}`;
}

async function inChunks<T>(rows: T[], size: number, write: (chunk: T[]) => Promise<void>): Promise<void> {
  for (let from = 0; from < rows.length; from += size) await write(rows.slice(from, from + size));
}

/**
 * Seeds the account inside the caller's transaction (all or nothing). `now` is the account's
 * clock: orders fall in the eight weeks before its day, holds end after it.
 */
export async function seedAccount(ex: Executor, accountId: number, options: SeedOptions, now: string): Promise<SeedSummary> {
  checkOptions(options);
  const account = await ex.selectFrom('accounts').select('id').where('id', '=', accountId).executeTakeFirst();
  if (!account) throw new DomainError('not_found', `account ${accountId} does not exist`);
  const keyPrefix = `seed-${options.seed}-`;
  const taken = await ex.selectFrom('orders').select('id').where('account_id', '=', accountId).where('order_key', '=', `${keyPrefix}0`).executeTakeFirst();
  if (taken) throw invalidField('seed', `account ${accountId} already holds the orders of seed ${options.seed}; reset it or choose another seed`, options.seed);

  const random = seededRandom(`shipdock-seed:${options.seed}`);
  const day = Date.parse(`${now.slice(0, 10)}T00:00:00Z`);
  const start = new Date(day - SPAN_DAYS * DAY_MS).toISOString();
  const chunk = options.chunk ?? 500;

  const warehouseId = await shipFromWarehouse(ex, accountId, start);
  const stores = await seedStores(ex, accountId, start);

  // Catalog: a SKU per product, created through the catalog rule orders use.
  const productCount = clamp(Math.ceil(options.orders / 25), 12, 240);
  const catalog: OrderItemInput[] = Array.from({ length: productCount }, (_, i) => {
    const kind = PRODUCT_KINDS[i % PRODUCT_KINDS.length];
    const adjective = ADJECTIVES[Math.floor(i / PRODUCT_KINDS.length) % ADJECTIVES.length];
    const color = COLORS[Math.floor(i / (PRODUCT_KINDS.length * ADJECTIVES.length)) % COLORS.length];
    const sku = `${kind.noun.replace(/[^A-Za-z]/g, '').slice(0, 4).toUpperCase()}-${adjective.slice(0, 3).toUpperCase()}-${color.slice(0, 3).toUpperCase()}-${String(i + 1).padStart(3, '0')}`;
    return {
      ...blankItemFields(),
      lineItemKey: null,
      sku,
      name: `${adjective} ${kind.noun} - ${color}`,
      quantity: 1,
      unitPriceCents: kind.cents + random.int(0, 6) * 100,
      weight: { value: kind.ounces, units: 'ounces' },
    };
  });
  const productIds = await productsForItems(ex, accountId, catalog, start);

  // Customers: repeat buyers, each at home on one store.
  const customerCount = clamp(Math.ceil(options.orders / 4), 8, 400);
  const customers: Customer[] = [];
  for (let i = 0; i < customerCount; i++) {
    const name = `${pick(random, FIRST)} ${pick(random, LAST)}`;
    const place = pick(random, PLACES);
    const store = random.int(0, stores.length - 1);
    const handle = `${name.toLowerCase().replace(/[^a-z]/g, '.')}${i + 1}`;
    const address: OrderAddress = { name, company: null, ...place, street2: null, street3: null, country: 'US', phone: `555-01${String(random.int(0, 99)).padStart(2, '0')}`, residential: true, addressVerified: 'Address validated successfully' };
    const email = `${handle}@example.com`;
    const id = await upsertCustomer(
      ex,
      accountId,
      { email, username: handle, address, marketplace: { id: stores[store].marketplaceId, name: stores[store].marketplaceName } },
      start,
    );
    customers.push({ id, name, email, username: handle, address, store });
  }

  // Orders, oldest first, so ids rise with dates as on a real account.
  const carrierIds = new Map<string, number | null>();
  for (const s of SHIPPING) if (!carrierIds.has(s.carrierCode)) carrierIds.set(s.carrierCode, await carrierIdForCode(ex, accountId, s.carrierCode));
  const spanMs = SPAN_DAYS * DAY_MS;
  const plans = Array.from({ length: options.orders }, (_, n) => {
    const customer = customers[random.int(0, customers.length - 1)];
    const store = stores[customer.store];
    let status = statusFor(random);
    const ordered = day - spanMs + Math.floor(((n + random.next()) / options.orders) * spanMs);
    // Recent orders are still open; most shipped ones are a few days old or more.
    if (status === 'shipped' && ordered > day - DAY_MS) status = 'awaiting_shipment';
    const shipping = pick(random, SHIPPING);
    const lines = random.int(1, 10) <= 7 ? 1 : random.int(2, 3);
    const items: OrderItemInput[] = Array.from({ length: lines }, (_, k) => {
      const p = random.int(0, catalog.length - 1);
      return { ...catalog[p], lineItemKey: `line-${k + 1}`, quantity: random.int(1, 10) <= 8 ? 1 : random.int(2, 4), productId: productIds[p] };
    });
    const subtotal = items.reduce((sum, i) => sum + i.unitPriceCents * i.quantity, 0);
    const shippingCents = subtotal >= 5000 ? 0 : 599;
    const taxCents = Math.round(subtotal * 0.0825);
    const orderDate = new Date(ordered).toISOString();
    const paid = status !== 'awaiting_payment';
    const input: OrderInput = {
      orderId: null,
      orderNumber: orderNumber(random, store.numbering, n),
      orderKey: `${keyPrefix}${n}`,
      orderDate,
      paymentDate: paid ? new Date(ordered + random.int(1, 90) * 60_000).toISOString() : null,
      shipByDate: new Date(ordered + 3 * DAY_MS).toISOString(),
      status,
      customerUsername: customer.username,
      customerEmail: customer.email,
      billTo: { ...customer.address },
      shipTo: { ...customer.address },
      items,
      amountPaidCents: paid ? subtotal + shippingCents + taxCents : 0,
      taxAmountCents: taxCents,
      shippingAmountCents: shippingCents,
      customerNotes: random.int(1, 10) === 1 ? 'Please leave at the side door.' : null,
      internalNotes: null,
      gift: random.int(1, 20) === 1,
      giftMessage: null,
      paymentMethod: paid ? pick(random, ['Credit Card', 'PayPal', 'Apple Pay']) : null,
      requestedShippingService: shipping.requested,
      carrierCode: shipping.carrierCode,
      serviceCode: shipping.serviceCode,
      packageCode: 'package',
      confirmation: 'none',
      shipDate: status === 'shipped' ? new Date(ordered + random.int(1, 2) * DAY_MS).toISOString().slice(0, 10) : null,
      holdUntil: status === 'on_hold' ? new Date(day + random.int(1, 14) * DAY_MS).toISOString() : null,
      weight: null,
      dimensions: null,
      insuranceOptions: { provider: null, insureShipment: false, insuredValueCents: 0 },
      internationalOptions: { contents: null, customsItems: null, nonDelivery: null },
      advancedOptions: {
        warehouseId,
        nonMachinable: false,
        saturdayDelivery: false,
        containsAlcohol: false,
        customField1: null,
        customField2: null,
        customField3: null,
        source: store.marketplaceName,
        billToParty: null,
        billToAccount: null,
        billToPostalCode: null,
        billToCountryCode: null,
        billToMyOtherAccount: null,
      },
      storeId: store.id,
      tagIds: null,
    };
    const createdAt = new Date(ordered + random.int(2, 30) * 60_000).toISOString();
    return { input, store: store.id, customerId: customer.id, createdAt };
  });

  // Labels: the most recent shipped orders (so tracking is spread from delivered to in transit),
  // a few with a tracking magic name; they are written as awaiting shipment and shipped by the label.
  const shipped = plans.filter((p) => p.input.status === 'shipped');
  const labelCount = Math.min(shipped.length, options.labels ?? Math.min(25 + Math.floor(options.orders / 100), 100));
  const labelled = shipped.slice(shipped.length - labelCount);
  labelled.forEach((plan, i) => {
    if (i % 10 === 3) plan.input.shipTo = { ...plan.input.shipTo, name: `${plan.input.shipTo.name} ${TRACKING_MAGIC_VALUES[Math.floor(i / 10) % TRACKING_MAGIC_VALUES.length].trigger}` };
    plan.input.status = 'awaiting_shipment';
    plan.input.shipDate = null;
  });

  const orders: Order[] = [];
  await inChunks(plans, chunk, async (part) => {
    const rows = part.map(({ input, store, customerId, createdAt }) => ({
      ...orderColumns(input, input.items, customerId, createdAt),
      account_id: accountId,
      store_id: store,
      order_key: input.orderKey!,
      user_id: null,
      body: JSON.stringify(bodyOf(input, warehouseId, null)),
      created_at: createdAt,
    }));
    const ids = new Map((await insertRows<{ id: number; order_key: string }>(ex, 'orders', rows, ['id', 'order_key'])).map((r) => [r.order_key, Number(r.id)]));
    const itemRows = part.flatMap(({ input, createdAt }) =>
      input.items.map((item, position) => ({ ...itemColumns(item, position), account_id: accountId, order_id: ids.get(input.orderKey!)!, created_at: createdAt, modified_at: createdAt })),
    );
    const itemIds = new Map<string, number>();
    await inChunks(itemRows, chunk, async (items) => {
      for (const r of await insertRows<{ id: number; order_id: number; position: number }>(ex, 'order_items', items, ['id', 'order_id', 'position'])) itemIds.set(`${r.order_id}:${r.position}`, Number(r.id));
    });
    for (const [k, { input, store, customerId, createdAt }] of part.entries()) {
      const id = ids.get(input.orderKey!)!;
      const columns = rows[k];
      orders.push({
        ...bodyOf(input, warehouseId, null),
        id,
        accountId,
        storeId: store,
        orderKey: input.orderKey!,
        orderNumber: input.orderNumber,
        status: input.status,
        active: true,
        customerId,
        customerEmail: input.customerEmail,
        customerUsername: input.customerUsername,
        orderDate: input.orderDate,
        paymentDate: input.paymentDate,
        shipByDate: input.shipByDate,
        shipDate: input.shipDate,
        holdUntil: columns.hold_until_at,
        userId: null,
        orderTotalCents: columns.order_total_cents,
        amountPaidCents: input.amountPaidCents,
        taxAmountCents: input.taxAmountCents,
        shippingAmountCents: input.shippingAmountCents,
        items: input.items.map((item, position) => ({ ...item, id: itemIds.get(`${id}:${position}`)!, createdAt, modifiedAt: createdAt })),
        tagIds: [],
        createdAt,
        modifiedAt: createdAt,
      });
    }
  });

  // Each order's V2 shipment, as the order sync writes it: pending, or cancelled with the order.
  await inChunks(orders, chunk, async (part) => {
    await insertRows(
      ex,
      'shipments',
      part.map((order) => ({
          account_id: accountId,
          order_id: order.id,
          external_shipment_id: null,
          shipment_number: order.orderNumber,
          status: order.status === 'cancelled' ? 'cancelled' : 'pending',
          import_batch_id: null,
          created_at: order.createdAt,
          modified_at: order.createdAt,
          ...shipmentColumns(shipmentBodyOf(order, carrierIds.get(order.carrierCode!) ?? null)),
      })),
    );
  });

  const holds = orders.filter((o) => o.status === 'on_hold' && o.holdUntil);
  await inChunks(holds, chunk, (part) =>
    enqueueJobs(
      ex,
      part.map((o) => ({ kind: 'release_hold', accountId, payload: { orderId: o.id, holdUntil: o.holdUntil! } satisfies ReleaseHoldPayload, runAt: o.holdUntil! })),
      start,
    ),
  );

  // Real labels, bought on the order's day of shipping (test labels: free, nothing charged).
  const byKey = new Map(orders.map((o) => [o.orderKey, o]));
  for (const plan of labelled) {
    const order = byKey.get(plan.input.orderKey!)!;
    const shipment = await ex.selectFrom('shipments').select('id').where('order_id', '=', order.id).executeTakeFirstOrThrow();
    const shippedAt = new Date(Math.min(Date.parse(order.orderDate) + (1 + (order.id % 2)) * DAY_MS, Date.parse(now))).toISOString();
    await purchaseLabel(
      ex,
      accountId,
      { shipment: await getShipment(ex, accountId, shipment.id), options: { ...SEED_LABEL_OPTIONS }, notifyBatchId: `seed-${options.seed}` },
      shippedAt,
    );
  }

  const byStatus = Object.fromEntries(ORDER_STATUSES.map((s) => [s, 0])) as Record<OrderStatus, number>;
  for (const plan of plans) byStatus[plan.input.status === 'awaiting_shipment' && labelled.includes(plan) ? 'shipped' : plan.input.status] += 1;
  return {
    seed: options.seed,
    stores: stores.length,
    customers: customers.length,
    products: productCount,
    orders: orders.length,
    byStatus,
    shipments: orders.length,
    labels: labelled.length,
  };
}

const SEED_LABEL_OPTIONS: LabelOptions = {
  labelFormat: 'pdf',
  labelLayout: '4x6',
  downloadType: 'url',
  displayScheme: 'label',
  testLabel: true,
  chargeEvent: 'carrier_default',
  rmaNumber: null,
};

/** Whole numbers only, as typed on a command line ("1e3", "12abc" and "" are refused). */
