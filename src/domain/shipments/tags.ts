// Tagging stored shipments. Tags are the account's (made through /tags); a shipment only links them.
import type { Executor } from '../../db/index.ts';
import { DomainError } from '../errors.ts';
import { findTag, type Tag } from '../tags/tags.ts';
import { tagShipment } from './create.ts';
import { getShipment, tagsOfShipments } from './store.ts';

async function existingTag(ex: Executor, accountId: number, name: string): Promise<Tag> {
  const tag = await findTag(ex, accountId, name);
  if (!tag) throw new DomainError('not_found', `tag "${name}" was not found; create it with POST /tags first`, 'invalid_identifier');
  return tag;
}

export async function shipmentTagNames(ex: Executor, accountId: number, shipmentId: number): Promise<string[]> {
  const shipment = await getShipment(ex, accountId, shipmentId);
  return shipment.tags;
}

export async function addShipmentTag(ex: Executor, accountId: number, shipmentId: number, name: string, now: string): Promise<Tag> {
  await getShipment(ex, accountId, shipmentId);
  const tag = await existingTag(ex, accountId, name);
  await tagShipment(ex, accountId, shipmentId, tag.name);
  await touch(ex, shipmentId, now);
  return tag;
}

export async function removeShipmentTag(ex: Executor, accountId: number, shipmentId: number, name: string, now: string): Promise<void> {
  await getShipment(ex, accountId, shipmentId);
  const tag = await existingTag(ex, accountId, name);
  const removed = await ex.deleteFrom('shipment_tags').where('shipment_id', '=', shipmentId).where('tag_id', '=', tag.id).executeTakeFirst();
  if (Number(removed.numDeletedRows) === 0) {
    throw new DomainError('not_found', `shipment se-${shipmentId} is not tagged "${name}"`, 'invalid_identifier');
  }
  await touch(ex, shipmentId, now);
}

/** Makes each listed shipment carry exactly the given tags (ShipEngine PUT /shipments/tags). */
export async function replaceShipmentTags(ex: Executor, accountId: number, entries: { shipmentId: number; tags: string[] }[], now: string): Promise<void> {
  for (const entry of entries) await getShipment(ex, accountId, entry.shipmentId);
  const current = await tagsOfShipments(ex, entries.map((e) => e.shipmentId));
  for (const { shipmentId, tags } of entries) {
    const wanted: Tag[] = [];
    for (const name of new Set(tags)) wanted.push(await existingTag(ex, accountId, name));
    const unchanged = [...(current.get(shipmentId) ?? [])].sort().join('\n') === wanted.map((t) => t.name).sort().join('\n');
    if (unchanged) continue;
    await ex.deleteFrom('shipment_tags').where('shipment_id', '=', shipmentId).execute();
    if (wanted.length > 0) await ex.insertInto('shipment_tags').values(wanted.map((t) => ({ shipment_id: shipmentId, tag_id: t.id }))).execute();
    await touch(ex, shipmentId, now);
  }
}

const touch = (ex: Executor, shipmentId: number, now: string) =>
  ex.updateTable('shipments').set({ modified_at: now }).where('id', '=', shipmentId).execute();
