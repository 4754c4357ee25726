// Request bodies of carrier registration, from the docs and the partner sandbox demo (not in the
// ShipEngine spec). Card details and email are checked for shape and then dropped: Shipdock
// charges no card and sends no mail.
import { addressSchema, type V2Address } from '../../v2/shared/address.ts';

/** The docs: every address field is required except address_line2 and company_name. */
const registrationAddress = {
  ...addressSchema,
  required: ['name', 'phone', 'address_line1', 'city_locality', 'state_province', 'postal_code', 'country_code'],
} as const;

const nickname = { type: 'string', minLength: 1, maxLength: 100 } as const;
const email = { type: 'string', format: 'email', maxLength: 200 } as const;

/** Optional (the partner demo registers without one); when sent, all of it. */
const creditCard = {
  type: 'object',
  required: ['name', 'number', 'type', 'expiration_year', 'expiration_month'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 100 },
    number: { type: 'string', pattern: '^[0-9][0-9 -]{10,22}[0-9]$' },
    type: { type: 'string', minLength: 1, maxLength: 30 },
    expiration_year: { type: 'string', pattern: '^[0-9]{4}$' },
    expiration_month: { type: 'string', pattern: '^(0?[1-9]|1[0-2])$' },
  },
} as const;

export interface StampsRegistrationBody {
  nickname: string;
  email: string;
  agree_to_carrier_terms?: boolean;
  should_send_email?: boolean;
  address: V2Address;
}

export const stampsRegistrationBody = {
  type: 'object',
  required: ['nickname', 'email', 'address'],
  properties: {
    nickname,
    email,
    agree_to_carrier_terms: { type: 'boolean' },
    should_send_email: { type: 'boolean' },
    address: registrationAddress,
    credit_card: creditCard,
  },
} as const;

export interface UpsRegistrationBody {
  nickname: string;
  email: string;
  address: V2Address;
  accepted_terms?: { term_type: string; version: string }[];
  agree_to_carrier_terms?: boolean;
  end_user_ip_address: string;
}

export const upsRegistrationBody = {
  type: 'object',
  required: ['nickname', 'email', 'address', 'end_user_ip_address'],
  properties: {
    nickname,
    email,
    address: registrationAddress,
    accepted_terms: {
      type: 'array',
      maxItems: 20,
      items: {
        type: 'object',
        required: ['term_type'],
        properties: { term_type: { type: 'string', minLength: 1, maxLength: 100 }, version: { type: 'string', maxLength: 20 } },
      },
    },
    agree_to_carrier_terms: { type: 'boolean' },
    // UPS records who accepted its technology agreement, from where.
    end_user_ip_address: { type: 'string', anyOf: [{ format: 'ipv4' }, { format: 'ipv6' }] },
  },
} as const;

export const dhlRegistrationBody = {
  type: 'object',
  required: ['nickname'],
  properties: { nickname },
} as const;
