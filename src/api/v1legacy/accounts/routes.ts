import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { createAccount } from '../../../domain/accounts/accounts.ts';
import { authenticateApiKey } from '../../../domain/accounts/authenticate.ts';
import { createV1KeyPair } from '../../../domain/accounts/keys.ts';
import { hashPassword } from '../../../domain/accounts/secrets.ts';
import { DomainError } from '../../../domain/errors.ts';
import { listTags } from '../../../domain/tags/tags.ts';
import { createWarehouse } from '../../../domain/warehouses/warehouses.ts';
import { actingAccount } from '../../common/context.ts';

interface RegisterAccountBody {
  firstName: string;
  lastName: string;
  email: string;
  password: string;
  shippingOriginCountryCode?: string | null;
  companyName?: string | null;
  addr1?: string | null;
  addr2?: string | null;
  city?: string | null;
  state?: string | null;
  zip?: string | null;
  countryCode?: string | null;
  phone?: string | null;
}

const text = { type: ['string', 'null'], maxLength: 200 } as const;
const country = { type: ['string', 'null'], pattern: '^[A-Za-z]{2}$' } as const;

const registerBody = {
  type: 'object',
  required: ['firstName', 'lastName', 'email', 'password'],
  properties: {
    firstName: { type: 'string', minLength: 1, maxLength: 100 },
    lastName: { type: 'string', minLength: 1, maxLength: 100 },
    email: { type: 'string', pattern: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$', maxLength: 254 },
    password: { type: 'string', minLength: 1, maxLength: 200 },
    shippingOriginCountryCode: country,
    companyName: text,
    addr1: text,
    addr2: text,
    city: text,
    state: text,
    zip: { type: ['string', 'null'], maxLength: 20 },
    countryCode: country,
    phone: { type: ['string', 'null'], maxLength: 50 },
  },
} as const;

/** The plan a registered account starts on: the smallest one with API access. */
const REGISTERED_PLAN = 'standard';
const KEY_MONTHS = 12;

function partnerKey(request: FastifyRequest): string | null {
  const header = request.headers['x-partner'];
  return (Array.isArray(header) ? header[0] : header)?.trim() || null;
}

export const v1AccountRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.ctx.database;

  app.get('/accounts/listtags', { schema: { tags: ['v1 accounts'] } }, async (request) => {
    const tags = await listTags(db, actingAccount(request).id);
    return tags.map((t) => ({ tagId: t.id, name: t.name, color: t.color }));
  });

  // Partner-only: no Basic credentials, the partner's API key in `x-partner` instead.
  app.post<{ Body: RegisterAccountBody }>(
    '/accounts/registeraccount',
    { config: { public: true }, schema: { tags: ['v1 accounts'], body: registerBody } },
    async (request) => {
      const now = app.ctx.clock.nowIso();
      const key = partnerKey(request);
      const principal = key ? await authenticateApiKey(db, key, now) : null;
      if (principal?.kind !== 'partner') throw new DomainError('unauthorized', 'Authorization has been denied for this request. Send a partner API key in the x-partner header.');
      const b = request.body;
      const email = b.email.trim().toLowerCase();
      const refused = (message: string) => ({ message, sellerId: null, success: false, apiKey: null, apiSecret: null });
      if (await db.selectFrom('accounts').select('id').where('email', '=', email).executeTakeFirst()) {
        return refused(`An account with the email ${email} already exists.`);
      }
      const passwordHash = await hashPassword(b.password);
      const originCountry = (b.shippingOriginCountryCode ?? b.countryCode ?? 'US').toUpperCase();
      const created = await db.transaction().execute(async (tx) => {
        const account = await createAccount(
          tx,
          {
            plan: REGISTERED_PLAN,
            partnerId: principal.partnerId,
            email,
            passwordHash,
            companyName: b.companyName ?? null,
            firstName: b.firstName.trim(),
            lastName: b.lastName.trim(),
            originCountryCode: originCountry,
          },
          now,
        );
        // The company address becomes the account's first ship-from location.
        if (b.addr1 && b.city && b.zip) {
          const address = {
            name: `${b.firstName.trim()} ${b.lastName.trim()}`,
            phone: b.phone ?? null,
            companyName: b.companyName ?? null,
            addressLine1: b.addr1,
            addressLine2: b.addr2 ?? null,
            cityLocality: b.city,
            stateProvince: b.state ?? '',
            postalCode: b.zip,
            countryCode: (b.countryCode ?? originCountry).toUpperCase(),
            residential: 'unknown' as const,
          };
          await createWarehouse(tx, account.id, { name: b.companyName || 'Ship From Location', originAddress: address }, now);
        }
        const pair = await createV1KeyPair(tx, account.id, KEY_MONTHS, now);
        return { account, pair };
      });
      return { message: 'The account has been created.', sellerId: created.account.id, success: true, apiKey: created.pair.apiKey, apiSecret: created.pair.apiSecret };
    },
  );
};
