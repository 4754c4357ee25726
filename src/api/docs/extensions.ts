// What the official OpenAPI files do not say about operations Shipdock serves: the Partner API,
// carrier registration and auto-funding (documented only in prose), download files, and Shipdock's
// own extensions. Keyed by `METHOD /path` as @fastify/swagger writes the route.
import type { Json } from './official-specs.ts';

export interface ExtensionDoc {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: Json[];
  responses?: Json;
  /** 'none': no credentials. */
  security?: 'none';
  /** Describe from these notes even where a twin file has the operation. */
  replacesOfficial?: boolean;
}

export const shipdockExtensionNote =
  'The official OpenAPI file does not describe this operation (it is listed in the docs.shipstation.com reference); the request schema is the one Shipdock validates.';

const json = (schema: Json, description = 'OK') => ({ description, content: { 'application/json': { schema } } });
const file = (type: string, description: string) => ({ description, content: { [type]: { schema: { type: 'string', format: 'binary' } } } });
const noContent = { 204: { description: 'No Content' } };
const text = { type: 'string' };
const nullableText = { type: ['string', 'null'] };
const dateTime = { type: 'string', format: 'date-time' };
const money = { type: 'object', required: ['currency', 'amount'], properties: { currency: text, amount: { type: 'number' } } };

const partnerAccount = {
  type: 'object',
  properties: {
    account_id: { type: 'integer', examples: [242822] },
    external_account_id: nullableText,
    created_at: dateTime,
    modified_at: dateTime,
    active: { type: 'boolean' },
    email: nullableText,
    company_name: nullableText,
    first_name: nullableText,
    last_name: nullableText,
    origin_country_code: nullableText,
  },
  example: { account_id: 123456, external_account_id: '819748723192', created_at: '2022-12-04T23:06:39.197Z', modified_at: '2022-12-04T23:06:39.197Z', active: true, email: '819748723192@acme.corp', company_name: 'Acme Corp.', first_name: 'John', last_name: 'Doe', origin_country_code: 'US' },
};
const listedApiKey = {
  type: 'object',
  properties: { created_at: dateTime, description: nullableText, account_id: { type: 'integer' }, api_key_id: { type: 'integer' } },
};
const createdApiKey = {
  ...listedApiKey,
  properties: { encrypted_api_key: { type: 'string', description: 'The key itself, for the API-Key header; shown only once.' }, ...listedApiKey.properties },
  example: { encrypted_api_key: '4WrQpShzaZvpRixBxwSLoYdXaGeU+LCpVsQjaKBFloU', created_at: '2017-07-13T16:22:46.633Z', description: 'Partner Access Key', account_id: 242822, api_key_id: 4094 },
};
const paging = { total: { type: 'integer' }, page: { type: 'integer' }, pages: { type: 'integer' }, links: { type: 'object' } };
const carrierIdBody = json({ type: 'object', required: ['carrier_id'], properties: { carrier_id: { type: 'string', examples: ['se-123890'] } } });
const autoFunding = json({
  type: 'object',
  properties: {
    is_enabled: { type: 'boolean' },
    low_balance_purchase_threshold: money,
    purchase_amount: money,
    maximum_purchases_per_day: { type: ['integer', 'null'] },
  },
});
const partners = ['partners'];
const registration = ['registration'];
const PDF = file('application/pdf', 'The PDF file.');

const DOCS: Record<string, ExtensionDoc> = {
  // ---- Partner API (shared/specs/partner-and-shipengine.md §1) -------------------------------
  'POST /v1/partners/accounts': {
    tags: partners,
    summary: 'Create an account',
    description: 'Creates an account of this partner with one API key (returned once). All fields are optional; names, company and email are always null in this response, as documented.',
    responses: { 200: json({ ...partnerAccount, example: undefined, properties: { api_key: createdApiKey, ...partnerAccount.properties } }) },
  },
  'GET /v1/partners/accounts': {
    tags: partners,
    summary: 'List accounts',
    description: "The partner's accounts, paged; filter by `external_account_id` or `active`.",
    responses: { 200: json({ type: 'object', properties: { accounts: { type: 'array', items: partnerAccount }, ...paging } }) },
  },
  'GET /v1/partners/accounts/{account_id}': { tags: partners, summary: 'Get an account', responses: { 200: json(partnerAccount) } },
  'GET /v1/partners/accounts/external_account_id/{external_account_id}': { tags: partners, summary: 'Get an account by external id', responses: { 200: json(partnerAccount) } },
  'PUT /v1/partners/accounts/{account_id}/disable': { tags: partners, summary: 'Disable an account', description: 'Reversible: its keys stop working until the account is enabled again.', responses: noContent },
  'PUT /v1/partners/accounts/{account_id}/enable': { tags: partners, summary: 'Enable an account', responses: noContent },
  'POST /v1/partners/accounts/{account_id}/api_keys': { tags: partners, summary: 'Create an API key for an account', responses: { 200: json(createdApiKey) } },
  'GET /v1/partners/accounts/{account_id}/api_keys': {
    tags: partners,
    summary: "List an account's API keys",
    description: 'A bare array of the create shape without `encrypted_api_key` (Shipdock keeps only digests of keys).',
    responses: { 200: json({ type: 'array', items: listedApiKey }) },
  },
  'DELETE /v1/partners/accounts/{account_id}/api_keys/{api_key_id}': { tags: partners, summary: 'Disable an API key', description: 'Permanent: a disabled key cannot be restored.', responses: noContent },

  // ---- Carrier registration and funding (§2, §3) ----------------------------------------------
  'POST /v1/registration/stamps_com': { tags: registration, summary: 'Register a Stamps.com (USPS) account', description: 'Creates a ShipStation-funded ("walleted") Stamps.com carrier.', responses: { 200: carrierIdBody } },
  'POST /v1/registration/ups': { tags: registration, summary: 'Register a UPS account', description: 'Creates a ShipStation-funded ("walleted") UPS carrier.', responses: { 200: carrierIdBody } },
  'POST /v1/registration/dhl_express_walleted': { tags: registration, summary: 'Register a DHL Express account', description: 'Creates a ShipStation-funded ("walleted") DHL Express carrier.', responses: { 200: carrierIdBody } },
  'GET /v1/carriers/{carrier_id}/auto_funding': {
    summary: 'Get auto-funding rules',
    description: 'The shape was never published; Shipdock answers with these rules. When the balance falls below the threshold after a purchase, the purchase amount is added (at most `maximum_purchases_per_day` times a day).',
    responses: { 200: autoFunding },
  },
  'POST /v1/carriers/{carrier_id}/auto_funding': { summary: 'Set auto-funding rules', description: 'Replaces the rules and answers with them.', responses: { 200: autoFunding } },
  'PUT /v1/carriers/{carrier_id}/auto_funding': { summary: 'Set auto-funding rules (PUT)', description: 'Same as POST: replaces the rules and answers with them.', responses: { 200: autoFunding } },

  // ---- Files ------------------------------------------------------------------------------------
  'GET /v1/documents/{document_id}/download': { summary: 'Download a combined document', responses: { 200: PDF } },
  'GET /v2/documents/{document_id}/download': { summary: 'Download a combined document', responses: { 200: PDF } },

  // ---- Shipdock extensions ------------------------------------------------------------------
  'GET /jwks': {
    tags: ['webhooks'],
    summary: 'Webhook signing keys (JWKS)',
    description: 'The public RSA keys that verify the `x-shipengine-rsa-sha256-signature` of webhook deliveries (`x-shipengine-rsa-sha256-key-id` names the key).',
    security: 'none',
    responses: {
      200: json({
        type: 'object',
        required: ['keys'],
        properties: { keys: { type: 'array', items: { type: 'object', properties: { kty: text, n: text, e: text, kid: text, alg: { const: 'RS256' }, use: { const: 'sig' } } } } },
      }),
    },
  },
  'POST /sandbox/reset': {
    responses: {
      200: json({ type: 'object', description: 'What was deleted.', properties: { orders: { type: 'integer' }, shipments: { type: 'integer' }, labels: { type: 'integer' }, webhooks: { type: 'integer' } } }),
    },
  },
};

export const extensionDoc = (key: string): ExtensionDoc | undefined => DOCS[key];
