// Makes sure the default account (id 1) and the default partner exist with the configured credentials.
import type { Executor } from '../../db/index.ts';
import { createWarehouse, listWarehouses } from '../warehouses/warehouses.ts';
import { createAccount } from './accounts.ts';
import { addMonths, createApiKey, createV1KeyPair } from './keys.ts';
import { generateKey, generateV1Credential, hashKey, hint } from './secrets.ts';

export interface BootstrapInput {
  v1ApiKey: string | null;
  v1ApiSecret: string | null;
  apiKey: string | null;
  partnerApiKey: string | null;
  /** The default Ship From location (config.ts `SHIPDOCK_SHIP_FROM_*`). */
  shipFrom?: ShipFromConfig;
}

/** The default account's Ship From location, created at first start (V1 flows need one). */
export interface ShipFromConfig {
  warehouseName: string;
  name: string;
  company: string | null;
  phone: string;
  street1: string;
  city: string;
  state: string;
  postalCode: string;
  country: string;
}

/** Credentials generated on this start; printed once because only their digests are kept. */
export interface GeneratedCredentials {
  v1ApiKey?: string;
  v1ApiSecret?: string;
  apiKey?: string;
  partnerApiKey?: string;
}

export const DEFAULT_ACCOUNT_ID = 1;
export const DEFAULT_PARTNER_ID = 1;

async function revive(ex: Executor, table: 'v1_key_pairs' | 'api_keys', secret: string, now: string): Promise<boolean> {
  const existing = await ex.selectFrom(table).select('id').where('key_hash', '=', hashKey(secret)).executeTakeFirst();
  if (!existing) return false;
  // Configured keys are the operator's intent: they work again after a restart even if deleted or expired.
  const patch = table === 'v1_key_pairs' ? { deleted_at: null, expires_at: addMonths(now, 12) } : { deleted_at: null };
  await ex.updateTable(table).set(patch).where('id', '=', existing.id).execute();
  return true;
}

export async function ensureDefaultAccount(ex: Executor, input: BootstrapInput, now: string): Promise<GeneratedCredentials> {
  const generated: GeneratedCredentials = {};
  const account = await ex.selectFrom('accounts').select('id').where('id', '=', DEFAULT_ACCOUNT_ID).executeTakeFirst();
  const firstStart = !account;
  if (firstStart) {
    // The default partner owns the default account, so On-Behalf-Of works out of the box.
    await ex.insertInto('partners').values({ name: 'Default partner', active: 1, created_at: now }).execute();
    await createAccount(
      ex,
      { plan: 'premium', addons: ['inventory_api'], partnerId: DEFAULT_PARTNER_ID, userName: 'Shipdock Admin' },
      now,
    );
  }

  // V1's first flow (create an order, then createlabelfororder) ships from the default warehouse.
  if (input.shipFrom && (await listWarehouses(ex, DEFAULT_ACCOUNT_ID)).length === 0) {
    const f = input.shipFrom;
    await createWarehouse(
      ex,
      DEFAULT_ACCOUNT_ID,
      {
        name: f.warehouseName,
        isDefault: true,
        originAddress: {
          name: f.name,
          companyName: f.company,
          phone: f.phone,
          addressLine1: f.street1,
          cityLocality: f.city,
          stateProvince: f.state,
          postalCode: f.postalCode,
          countryCode: f.country,
          residential: 'no',
        },
      },
      now,
    );
  }

  if (input.v1ApiKey && input.v1ApiSecret) {
    if (!(await revive(ex, 'v1_key_pairs', input.v1ApiKey, now))) {
      await ex
        .insertInto('v1_key_pairs')
        .values({
          account_id: DEFAULT_ACCOUNT_ID,
          key_hash: hashKey(input.v1ApiKey),
          secret_hash: hashKey(input.v1ApiSecret),
          key_hint: hint(input.v1ApiKey),
          expires_at: addMonths(now, 12),
          created_at: now,
          deleted_at: null,
        })
        .execute();
    } else {
      await ex
        .updateTable('v1_key_pairs')
        .set({ secret_hash: hashKey(input.v1ApiSecret) })
        .where('key_hash', '=', hashKey(input.v1ApiKey))
        .execute();
    }
  } else if (firstStart) {
    const pair = await createV1KeyPair(ex, DEFAULT_ACCOUNT_ID, 12, now, {
      apiKey: generateV1Credential(),
      apiSecret: generateV1Credential(),
    });
    generated.v1ApiKey = pair.apiKey;
    generated.v1ApiSecret = pair.apiSecret;
  }

  if (input.apiKey) {
    if (!(await revive(ex, 'api_keys', input.apiKey, now))) {
      await createApiKey(ex, { accountId: DEFAULT_ACCOUNT_ID }, now, { apiKey: input.apiKey, description: 'SHIPDOCK_API_KEY' });
    }
  } else if (firstStart) {
    const key = await createApiKey(ex, { accountId: DEFAULT_ACCOUNT_ID }, now, { apiKey: generateKey(), description: 'generated at first start' });
    generated.apiKey = key.apiKey;
  }

  if (input.partnerApiKey) {
    if (!(await revive(ex, 'api_keys', input.partnerApiKey, now))) {
      await createApiKey(ex, { partnerId: DEFAULT_PARTNER_ID }, now, { apiKey: input.partnerApiKey, description: 'SHIPDOCK_PARTNER_API_KEY' });
    }
  } else if (firstStart) {
    const key = await createApiKey(ex, { partnerId: DEFAULT_PARTNER_ID }, now, { apiKey: generateKey(), description: 'generated at first start' });
    generated.partnerApiKey = key.apiKey;
  }
  return generated;
}
