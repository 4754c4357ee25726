// Pickup ⇄ V2/ShipEngine JSON.
import type { Pickup } from '../../../domain/pickups/types.ts';
import { seId } from '../../common/ids.ts';
import { toV2Address } from '../shared/address.ts';

export function toV2Pickup(pickup: Pickup) {
  const address = toV2Address(pickup.pickupAddress);
  const window = { start_at: pickup.window.startAt, end_at: pickup.window.endAt };
  return {
    pickup_id: pickup.publicId,
    label_ids: pickup.labelIds.map(seId),
    created_at: pickup.createdAt,
    ...(pickup.cancelledAt ? { cancelled_at: pickup.cancelledAt } : {}),
    carrier_id: seId(pickup.carrierId),
    confirmation_number: pickup.confirmationNumber,
    warehouse_id: seId(pickup.warehouseId),
    // The driver needs someone to ask for: an address without name or phone takes the contact's.
    pickup_address: { ...address, name: address.name || pickup.contact.name, phone: address.phone || pickup.contact.phone },
    contact_details: { name: pickup.contact.name, email: pickup.contact.email, phone: pickup.contact.phone },
    pickup_notes: pickup.notes,
    pickup_window: window,
    // The carrier confirms the requested window as its only one.
    pickup_windows: [window],
  };
}
