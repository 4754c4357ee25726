// Schemas of the sandbox snapshot routes (a Shipdock extension).
const snapshotWire = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    created_at: { type: 'string', format: 'date-time' },
    row_count: { type: 'integer', description: 'Rows saved, over every table.' },
    byte_size: { type: 'integer', description: 'Size of the stored copy.' },
  },
} as const;

const nameParam = {
  type: 'object',
  required: ['name'],
  properties: { name: { type: 'string', maxLength: 64, description: 'Letters, digits, `.`, `-`, `_`.' } },
} as const;

const tags = ['sandbox'];

export const saveSnapshotSchema = {
  tags,
  summary: "Save a named snapshot of the account's data",
  description:
    "Copies every row of the account's data (orders, shipments, rates, labels and their documents, batches, manifests, pickups, carriers and their balances and ledgers, insurance, stores, warehouses, catalog, inventory, customers, tags, webhook subscriptions, idempotency keys and the test clock) in one transaction. Saving under an existing name replaces that snapshot. Credentials, users, the request log and the delivery log are not part of it.",
  body: { type: 'object', required: ['name'], properties: { name: nameParam.properties.name } },
  response: { 201: snapshotWire },
} as const;

export const listSnapshotsSchema = {
  tags,
  summary: "List the account's snapshots, newest first",
  response: { 200: { type: 'object', properties: { snapshots: { type: 'array', items: snapshotWire } } } },
} as const;

export const restoreSnapshotSchema = {
  tags,
  summary: "Restore the account's data to a snapshot",
  description:
    "In one transaction, deletes the account's current data and puts back the snapshot's rows with their ids; other accounts are untouched. Pending jobs of the account (queued webhook deliveries, batches) are cancelled. The test clock returns to the snapshot's time, even when that is earlier.",
  params: nameParam,
  response: {
    200: {
      type: 'object',
      properties: { ...snapshotWire.properties, tables: { type: 'object', additionalProperties: { type: 'integer' }, description: 'Rows restored per table.' } },
    },
  },
} as const;

export const deleteSnapshotSchema = {
  tags,
  summary: 'Delete a snapshot',
  params: nameParam,
  response: { 204: { type: 'null' } },
} as const;
