// A scheduled carrier pickup in surface-neutral form.
import type { PostalAddress } from '../shipping-types.ts';

export interface PickupContact {
  name: string;
  email: string;
  phone: string;
}

export interface PickupWindow {
  startAt: string;
  endAt: string;
}

export interface Pickup {
  id: number;
  /** `pik_…`: the pickup_id clients see. */
  publicId: string;
  accountId: number;
  carrierId: number;
  warehouseId: number;
  confirmationNumber: string;
  labelIds: number[];
  contact: PickupContact;
  notes: string;
  pickupAddress: PostalAddress;
  window: PickupWindow;
  createdAt: string;
  cancelledAt: string | null;
}

export interface PickupRequest {
  labelIds: number[];
  contact: PickupContact;
  notes: string;
  window: PickupWindow;
}

export interface PickupFilter {
  carrierId?: number;
  warehouseId?: number;
  createdAtStart?: string;
  createdAtEnd?: string;
  offset: number;
  limit: number;
}
