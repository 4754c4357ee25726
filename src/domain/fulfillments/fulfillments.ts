// Fulfillments: orders shipped without a Shipdock label (marked as shipped), one record each.
import type { Selectable } from 'kysely';
import type { Executor } from '../../db/index.ts';
import type { FulfillmentsTable } from '../../db/schema.ts';
import { containsText } from '../orders/text-match.ts';
import type { OrderAddress } from '../orders/types.ts';

export interface Fulfillment {
  id: number;
  orderId: number;
  orderNumber: string;
  userId: string | null;
  customerEmail: string | null;
  trackingNumber: string | null;
  carrierCode: string;
  /** YYYY-MM-DD */
  shipDate: string;
  shipTo: OrderAddress;
  notifyCustomer: boolean;
  marketplaceNotified: boolean;
  createdAt: string;
}

export type NewFulfillment = Omit<Fulfillment, 'id' | 'createdAt'>;

type Row = Selectable<FulfillmentsTable>;

const toFulfillment = (r: Row): Fulfillment => ({
  id: r.id,
  orderId: r.order_id,
  orderNumber: r.order_number,
  userId: r.user_id,
  customerEmail: r.customer_email,
  trackingNumber: r.tracking_number,
  carrierCode: r.carrier_code,
  shipDate: r.ship_date,
  shipTo: JSON.parse(r.ship_to) as OrderAddress,
  notifyCustomer: r.notify_customer === 1,
  marketplaceNotified: r.marketplace_notified === 1,
  createdAt: r.created_at,
});

export async function createFulfillment(ex: Executor, accountId: number, input: NewFulfillment, now: string): Promise<Fulfillment> {
  const row = await ex
    .insertInto('fulfillments')
    .values({
      account_id: accountId,
      order_id: input.orderId,
      order_number: input.orderNumber,
      user_id: input.userId,
      customer_email: input.customerEmail,
      tracking_number: input.trackingNumber,
      carrier_code: input.carrierCode,
      ship_date: input.shipDate,
      ship_to_name: input.shipTo.name,
      ship_to: JSON.stringify(input.shipTo),
      notify_customer: input.notifyCustomer ? 1 : 0,
      marketplace_notified: input.marketplaceNotified ? 1 : 0,
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toFulfillment(row);
}

export interface FulfillmentFilter {
  fulfillmentId?: number;
  orderId?: number;
  orderNumber?: string;
  trackingNumber?: string;
  recipientName?: string;
  createdFrom?: string;
  createdTo?: string;
  /** Calendar dates (YYYY-MM-DD), inclusive. */
  shipDateFrom?: string;
  shipDateTo?: string;
}

export async function listFulfillments(
  ex: Executor,
  accountId: number,
  filter: FulfillmentFilter,
  sort: { by: 'ship_date' | 'created_at'; dir: 'asc' | 'desc' },
  page: { offset: number; limit: number },
): Promise<{ fulfillments: Fulfillment[]; total: number }> {
  let query = ex.selectFrom('fulfillments as f').where('f.account_id', '=', accountId);
  if (filter.fulfillmentId !== undefined) query = query.where('f.id', '=', filter.fulfillmentId);
  if (filter.orderId !== undefined) query = query.where('f.order_id', '=', filter.orderId);
  if (filter.orderNumber) query = query.where('f.order_number', '=', filter.orderNumber);
  if (filter.trackingNumber) query = query.where('f.tracking_number', '=', filter.trackingNumber);
  if (filter.recipientName) query = query.where(containsText('f.ship_to_name', filter.recipientName));
  if (filter.createdFrom) query = query.where('f.created_at', '>=', filter.createdFrom);
  if (filter.createdTo) query = query.where('f.created_at', '<=', filter.createdTo);
  if (filter.shipDateFrom) query = query.where('f.ship_date', '>=', filter.shipDateFrom);
  if (filter.shipDateTo) query = query.where('f.ship_date', '<=', filter.shipDateTo);
  const [rows, count] = await Promise.all([
    query.selectAll('f').orderBy(`f.${sort.by}`, sort.dir).orderBy('f.id', sort.dir).offset(page.offset).limit(page.limit).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { fulfillments: rows.map(toFulfillment), total: Number(count.n) };
}
