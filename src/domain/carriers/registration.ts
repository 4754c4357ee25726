// Carrier registration (ShipEngine POST /v1/registration/...): opens a ShipStation-funded account
// with a simulated carrier. It starts with a zero balance; labels are paid from it.
import type { Executor } from '../../db/index.ts';
import { lockRow } from '../../db/locks.ts';
import { DomainError } from '../errors.ts';
import { connectCarrier, listCarriers, type CarrierConnection } from './connections.ts';
import { publicCarrierCode } from './walleted.ts';

export const REGISTRABLE_CARRIERS = ['stamps_com', 'ups', 'dhl_express'] as const;
export type RegistrableCarrier = (typeof REGISTRABLE_CARRIERS)[number];

/**
 * One live funded account per carrier and account, so a code (V1 `carrierCode`, a connections
 * path) always names one balance; disconnecting it allows a new registration.
 */
export async function registerFundedCarrier(ex: Executor, accountId: number, carrierCode: RegistrableCarrier, nickname: string, now: string): Promise<CarrierConnection> {
  await lockRow(ex, 'accounts', accountId); // concurrent registrations must not both pass the check below
  const existing = (await listCarriers(ex, accountId)).find((c) => c.funded && c.carrierCode === carrierCode);
  if (existing) {
    throw new DomainError(
      'conflict',
      `This account already has a ShipStation-funded ${publicCarrierCode(existing)} account (se-${existing.id}); disconnect it before registering another.`,
      'carrier_conflict',
    );
  }
  return connectCarrier(
    ex,
    accountId,
    { carrierCode, nickname, funded: true, accountNumber: `SDW${String(accountId).padStart(4, '0')}${carrierCode.slice(0, 3).toUpperCase()}` },
    now,
  );
}
