// Request schemas of /pickups: the fields a client sends (the official body also lists the
// read-only ones, which are ignored here).
import { pagingQuery } from '../shared/query.ts';

const seId = { type: 'string', pattern: '^se-[0-9]{1,15}$' } as const;
const instant = { type: 'string', minLength: 10, maxLength: 40 } as const;

export const schedulePickupBody = {
  type: 'object',
  required: ['label_ids', 'contact_details', 'pickup_window'],
  properties: {
    label_ids: { type: 'array', items: seId, minItems: 1, maxItems: 500 },
    contact_details: {
      type: 'object',
      required: ['name', 'email', 'phone'],
      properties: {
        name: { type: 'string', minLength: 1, maxLength: 200 },
        email: { type: 'string', format: 'email', maxLength: 200 },
        // The response schema's minimum: a shorter number could not be shown back.
        phone: { type: 'string', minLength: 7, maxLength: 50 },
      },
    },
    pickup_notes: { type: ['string', 'null'], maxLength: 1000 },
    pickup_window: {
      type: 'object',
      required: ['start_at', 'end_at'],
      properties: { start_at: instant, end_at: instant },
    },
  },
} as const;

export interface SchedulePickupBody {
  label_ids: string[];
  contact_details: { name: string; email: string; phone: string };
  pickup_notes?: string | null;
  pickup_window: { start_at: string; end_at: string };
}

export const pickupListQuery = {
  type: 'object',
  properties: {
    carrier_id: seId,
    warehouse_id: seId,
    created_at_start: { type: 'string', format: 'date-time' },
    created_at_end: { type: 'string', format: 'date-time' },
    page: pagingQuery.page,
    page_size: pagingQuery.page_size,
  },
} as const;

export interface PickupListQuery {
  carrier_id?: string;
  warehouse_id?: string;
  created_at_start?: string;
  created_at_end?: string;
  page: number;
  page_size: number;
}

export const pickupIdParam = {
  type: 'object',
  required: ['pickup_id'],
  properties: { pickup_id: { type: 'string', minLength: 4, maxLength: 64 } },
} as const;
