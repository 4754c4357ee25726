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

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const seId = { type: 'string', examples: ['se-123456'] };
const nullable = (schema: Json) => ({ anyOf: [schema, { type: 'null' }] });
const page = (key: string, items: Json) => json({ type: 'object', required: [key, 'total', 'page', 'pages', 'links'], properties: { [key]: { type: 'array', items }, total: { type: 'integer' }, page: { type: 'integer' }, pages: { type: 'integer' }, links: ref('pagination_link') } });

const attachedDocument = {
  type: 'object',
  properties: {
    document_id: seId,
    label_id: { ...seId, description: 'On label documents.' },
    shipment_id: { ...seId, description: 'On shipment documents.' },
    document_type: text,
    file_name: text,
    content_type: text,
    size_bytes: { type: 'integer' },
    document_data: { type: 'string', contentEncoding: 'base64' },
    created_at: dateTime,
  },
};
const documentSend = {
  type: 'object',
  properties: { send_id: seId, label_id: seId, email: text, document_ids: { type: 'array', items: seId }, status: { const: 'recorded', description: 'Shipdock records the send; it has no mail server.' }, sent_at: dateTime },
};
const mailPiece = {
  type: 'object',
  description: 'One mail piece, in the label shape clients already read (the response schema is not published).',
  properties: {
    mail_piece_id: seId,
    status: { const: 'completed' },
    mailing_type: { enum: ['envelope', 'mail_label', 'netstamp'] },
    external_shipment_id: nullableText,
    ship_date: dateTime,
    created_at: dateTime,
    shipment_cost: ref('monetary_value'),
    insurance_cost: ref('monetary_value'),
    tracking_number: text,
    intelligent_mail_barcode: nullableText,
    is_return_label: { type: 'boolean' },
    carrier_id: seId,
    carrier_code: text,
    service_code: text,
    package_code: text,
    mail_class: text,
    weight: ref('weight'),
    postage: { type: 'object', properties: { billed_ounces: { type: 'number' }, price_type: text, base_amount: ref('monetary_value'), nonmachinable_surcharge: ref('monetary_value') } },
    ship_to: nullable({ type: 'object' }),
    ship_from: nullable({ type: 'object' }),
    sheet_position: nullable({ type: 'object', properties: { row: { type: 'integer' }, column: { type: 'integer' } } }),
    label_format: { const: 'pdf' },
    label_download: { type: 'object', properties: { pdf: text, href: text } },
    label_data: { type: 'string', description: 'Base64 PDF when label_download_type is inline.' },
  },
};
const mailSheet = json({
  type: 'object',
  properties: { mailing_id: seId, labels: { type: 'array', items: mailPiece }, total_cost: ref('monetary_value'), label_format: { const: 'pdf' }, label_download: { type: 'object', properties: { pdf: text, href: text } }, label_data: { type: 'string' } },
});
const fulfillment = {
  type: 'object',
  properties: {
    fulfillment_id: seId,
    shipment_id: nullable(seId),
    shipment_number: nullableText,
    user_id: nullableText,
    tracking_number: text,
    created_at: dateTime,
    ship_date: dateTime,
    voided_at: nullable(dateTime),
    delivered_at: nullable(dateTime),
    fulfillment_carrier_friendly_name: text,
    fulfillment_provider_id: nullableText,
    fulfillment_provider_friendly_name: text,
    fulfillment_provider_code: text,
    fulfillment_service_code: text,
    fulfillment_fee: ref('monetary_value'),
    void_requested: { type: 'boolean' },
    voided: { type: 'boolean' },
    order_source_notified: { type: 'boolean' },
    notification_error_message: nullableText,
    ship_to: { type: 'object' },
  },
};
const supplier = {
  type: 'object',
  properties: {
    supplier_id: seId,
    supplier_name: text,
    ...Object.fromEntries(['supplier_email', 'address_line_1', 'address_line_2', 'city', 'state', 'postal_code', 'country_code', 'contact_name', 'contact_phone'].map((k) => [k, nullableText])),
    create_date: dateTime,
    modify_date: dateTime,
  },
};
const purchaseOrder = json({
  type: 'object',
  properties: {
    purchase_order_id: seId,
    order_number: text,
    supplier_id: seId,
    supplier_name: text,
    status: text,
    order_date: nullable(dateTime),
    expected_delivery_date: nullable(dateTime),
    create_date: dateTime,
    modify_date: dateTime,
    ...Object.fromEntries(['payment_terms', 'payment_status', 'shipping_carrier', 'tracking_number', 'reference_number', 'note_to_supplier'].map((k) => [k, nullableText])),
    currency_code: text,
    warehouse_id: seId,
    products: {
      type: 'array',
      items: { type: 'object', properties: { sku: text, supplier_sku: nullableText, quantity: { type: 'integer' }, cost: { type: ['number', 'null'] }, received_quantity: { type: 'integer' }, rejected_quantity: { type: 'integer' } } },
    },
    total_cost: ref('monetary_value'),
  },
});
const tote = { type: 'object', properties: { tote_id: seId, inventory_warehouse_id: seId, tote_name: text, tote_barcode: nullableText, created_at: dateTime } };
const rateShopper = {
  type: 'object',
  properties: {
    rate_shopper_id: text,
    name: text,
    services: { type: 'array', items: { type: 'object', properties: { service_code: text, carrier_id: seId } } },
    transit_time: { type: 'object', properties: { max_days: { type: ['integer', 'null'] } } },
  },
};
const rateShoppers = json({ type: 'object', properties: { rate_shoppers: { type: 'array', items: rateShopper } } });
const shipmentErrors = json({ type: 'object', properties: { shipment_id: seId, errors: { type: 'array', items: ref('error') } } });
const manifestFile = { summary: 'Download a manifest form', description: 'The manifest PDF by its unguessable link (the `manifest_download.href` of a manifest); no credentials needed.', responses: { 200: PDF } };

/** The same notes for the V2 (/v2) and ShipEngine (/v1) path of an operation. */
const bothSurfaces = (key: string, doc: ExtensionDoc): [string, ExtensionDoc][] => [
  [key, doc],
  [key.replace(' /v2/', ' /v1/'), doc],
];

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

  // ---- V2 operations the 2025 V2 file lacks (docs.shipstation.com only) ------------------------
  'GET /v2/fulfillments': { responses: { 200: page('fulfillments', fulfillment) } },
  'POST /v2/fulfillments': {
    responses: {
      200: json({ type: 'object', properties: { has_errors: { type: 'boolean' }, fulfillments: { type: 'array', items: { ...fulfillment, properties: { ...fulfillment.properties, carrier_code: text, error_message: nullableText } } } } }),
    },
  },
  'GET /v2/labels/{label_id}/documents': { responses: { 200: json({ type: 'object', properties: { documents: { type: 'array', items: attachedDocument } } }) } },
  'POST /v2/labels/{label_id}/documents': { responses: { 200: json(attachedDocument) } },
  'DELETE /v2/labels/{label_id}/documents/{document_id}': { responses: noContent },
  'POST /v2/labels/{label_id}/documents/send': { responses: { 200: json(documentSend) } },
  'GET /v2/shipments/{shipment_id}/documents': { responses: { 200: json({ type: 'object', properties: { documents: { type: 'array', items: attachedDocument } } }) } },
  'POST /v2/shipments/{shipment_id}/documents': { responses: { 200: json(attachedDocument) } },
  'DELETE /v2/shipments/{shipment_id}/documents/{document_id}': { responses: noContent },
  'POST /v2/labels/shipping_rules/{shipping_rule_id}': { responses: { 200: json(ref('label')) } },
  'POST /v2/mailing/envelopes': { responses: { 200: json(mailPiece) } },
  'POST /v2/mailing/mail_labels': { responses: { 200: mailSheet } },
  'POST /v2/mailing/netstamps': { responses: { 200: mailSheet } },
  'GET /v2/mailing/documents/{token}/{filename}': { summary: 'Download a mailing document', description: 'The PDF of an envelope, label sheet or NetStamps sheet by its unguessable link; it needs the API key of its account.', responses: { 200: PDF } },
  'GET /v2/purchase_orders': { responses: { 200: page('purchase_orders', purchaseOrder.content['application/json'].schema) } },
  'POST /v2/purchase_orders': { responses: { 200: purchaseOrder } },
  'GET /v2/purchase_orders/{purchase_order_id}': { responses: { 200: purchaseOrder } },
  'PUT /v2/purchase_orders/{purchase_order_id}': { responses: { 200: purchaseOrder } },
  'POST /v2/purchase_orders/{purchase_order_id}/status': { responses: { 200: purchaseOrder } },
  'POST /v2/purchase_orders/{purchase_order_id}/shipping_details': { responses: { 200: purchaseOrder } },
  'POST /v2/purchase_orders/{purchase_order_id}/receives': { responses: { 200: purchaseOrder } },
  'GET /v2/purchase_orders/{purchase_order_id}/documents/order_summary': { responses: { 200: PDF } },
  'GET /v2/purchase_orders/{purchase_order_id}/documents/received_summary': { responses: { 200: PDF } },
  'POST /v2/shipments/{shipment_id}/internal_notes': { responses: { 200: json({ type: 'object', properties: { shipment_id: seId, internal_notes: nullableText, modified_at: dateTime } }) } },
  'POST /v2/shipments/user': { responses: { 200: json({ type: 'object', properties: { shipment_ids: { type: 'array', items: seId }, user_id: nullableText } }) } },
  'GET /v2/shipments/{shipment_id}/labels': { responses: { 200: json({ type: 'object', properties: { labels: { type: 'array', items: ref('label') } } }) } },
  'GET /v2/suppliers': { responses: { 200: page('suppliers', supplier) } },
  'POST /v2/suppliers': { responses: { 200: json({ type: 'object', properties: { supplier_id: seId } }) } },
  'GET /v2/suppliers/{supplier_id}': { responses: { 200: json(supplier) } },
  'PUT /v2/suppliers/{supplier_id}': { responses: noContent },
  'GET /v2/totes': { responses: { 200: json({ type: 'array', items: tote }) } },
  'POST /v2/totes': {
    responses: {
      200: json({ type: 'object', properties: { succeeded_totes: { type: 'array', items: tote }, failed_totes: { type: 'array', items: { type: 'object', properties: { inventory_warehouse_id: text, tote_name: text, tote_barcode: nullableText, error_message: text } } } } }),
    },
  },
  'GET /v2/totes/{tote_id}': { responses: { 200: json(tote) } },
  'PUT /v2/totes/{tote_id}': { responses: noContent },
  'DELETE /v2/totes/{tote_id}': { responses: noContent },
  'GET /v2/totes/quantities': { responses: { 200: json({ type: 'array', items: { type: 'object', properties: { inventory_warehouse_id: seId, quantity: { type: 'integer' } } } }) } },

  // ---- On both surfaces --------------------------------------------------------------------------
  ...Object.fromEntries([
    ...bothSurfaces('GET /v2/rate_shoppers', { summary: 'List rate shoppers', description: 'The built-in rate shoppers (cheapest, fastest, best value) over the connected carriers\' services.', responses: { 200: rateShoppers } }),
    ...bothSurfaces('GET /v2/rate_shoppers/{rate_shopper_id}', { summary: 'Get a rate shopper', responses: { 200: json(rateShopper) } }),
    ...bothSurfaces('GET /v2/shipments/{shipment_id}/errors', { summary: 'Get shipment errors', description: 'What stops this shipment from being labeled, in the error format of the surface (empty when it can be).', responses: { 200: shipmentErrors } }),
    ...bothSurfaces('GET /v2/downloads/{dir}/{subdir}/manifest-{file}', manifestFile),
  ]),
  'POST /v1/connections/carriers/{carrier_name}/{carrier_id}/add_funds': {
    summary: 'Add funds to a carrier',
    description: 'ShipEngine\'s connection-path form of `PUT /v1/carriers/{carrier_id}/add_funds`: adds to the carrier balance.',
    responses: { 200: json({ type: 'object', properties: { balance: ref('monetary_value') } }) },
  },

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
