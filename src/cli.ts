// Administration commands against the configured database (same environment as the server).
import { parseArgs } from 'node:util';
import { loadConfig } from './config.ts';
import { openDatabase, type Database } from './db/index.ts';
import { createAccount, listAccounts } from './domain/accounts/accounts.ts';
import { DEFAULT_ACCOUNT_ID, DEFAULT_PARTNER_ID } from './domain/accounts/bootstrap.ts';
import { createApiKey, createV1KeyPair, deleteKey, listKeys } from './domain/accounts/keys.ts';
import { ADDONS, isPlan, PLANS, type Addon } from './domain/accounts/plans.ts';
import { createTag } from './domain/tags/tags.ts';
import { DomainError } from './domain/errors.ts';
import { createShippingRule, deleteShippingRule, listShippingRules, type ShippingRule } from './domain/shipping-rules/rules.ts';
import { moveAccountClock, readAccountClock } from './domain/sandbox/clock.ts';
import { resetAccountData } from './domain/sandbox/reset.ts';
import { describeSeed, seedFromCli } from './domain/sandbox/seed.ts';
import { triggerSampleEvent } from './domain/sandbox/webhook-trigger.ts';
import { rotateSigningKey } from './domain/webhooks/signing.ts';

const USAGE = `Usage:
  shipdock accounts create --plan ${PLANS.join('|')} [--addon inventory_api]
  shipdock accounts list
  shipdock keys create --v1 --months 3|6|12 [--account ID]
  shipdock keys create [--account ID] [--description TEXT]      (V2 / ShipEngine API key)
  shipdock keys create --partner [--description TEXT]           (partner API key)
  shipdock keys list [--account ID]
  shipdock keys delete ID                                        (ID as listed: v1-3, key-7)
  shipdock tags create NAME [--color #RRGGBB] [--account ID]
  shipdock rules create NAME --carrier se-ID --service CODE [--min-weight-oz N] [--max-weight-oz N]
                        [--country CC]... [--residential yes|no] [--account ID]
  shipdock rules list [--account ID]
  shipdock rules delete se-ID [--account ID]
  shipdock clock show [--account ID]
  shipdock clock advance DURATION [--account ID]                 (ISO-8601, e.g. P3D, PT12H)
  shipdock clock set INSTANT [--account ID]                      (a later ISO-8601 date-time)
  shipdock sandbox reset [--account ID]                          (deletes the account's shipping data)
  shipdock sandbox seed --orders N [--seed N] [--account ID]     (realistic, deterministic stores, customers, products, orders, labels)
  shipdock webhooks trigger EVENT [--account ID]                 (a sample event, e.g. track, SHIP_NOTIFY, to every subscribed URL)
  shipdock webhook-keys rotate                                   (new signing key; the old one stays published a week)`;

function describeRule(rule: ShippingRule): string {
  const c = rule.conditions;
  const when = [
    c.minWeightOz !== undefined ? `weight >= ${c.minWeightOz} oz` : null,
    c.maxWeightOz !== undefined ? `weight <= ${c.maxWeightOz} oz` : null,
    c.shipToCountries ? `ship-to in ${c.shipToCountries.join(',')}` : null,
    c.residential !== undefined ? (c.residential ? 'residential' : 'commercial') : null,
  ].filter(Boolean);
  return `se-${rule.id}\t${rule.name}\t${when.join(' and ') || 'any shipment'}\t-> carrier se-${rule.carrierId} ${rule.serviceCode}`;
}

function ruleNumber(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new DomainError('validation', `${flag} must be a number of ounces, not ${value}`);
  return n;
}

type Out = (line: string) => void;

async function run(database: Database, args: string[], out: Out): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      plan: { type: 'string' },
      addon: { type: 'string', multiple: true },
      v1: { type: 'boolean' },
      partner: { type: 'boolean' },
      months: { type: 'string' },
      account: { type: 'string' },
      description: { type: 'string' },
      color: { type: 'string' },
      carrier: { type: 'string' },
      service: { type: 'string' },
      'min-weight-oz': { type: 'string' },
      'max-weight-oz': { type: 'string' },
      country: { type: 'string', multiple: true },
      residential: { type: 'string' },
      orders: { type: 'string' },
      seed: { type: 'string' },
    },
  });
  const { db } = database;
  const now = new Date().toISOString();
  const accountId = values.account ? Number(values.account) : DEFAULT_ACCOUNT_ID;
  if (!Number.isInteger(accountId) || accountId < 1) throw new DomainError('validation', `--account must be an account id, not ${values.account}`);
  const [noun, verb, arg] = positionals;

  if (noun === 'accounts' && verb === 'create') {
    if (!values.plan || !isPlan(values.plan)) throw new DomainError('validation', `--plan must be one of ${PLANS.join(', ')}`);
    const addons = (values.addon ?? []) as Addon[];
    const unknown = addons.filter((a) => !(ADDONS as readonly string[]).includes(a));
    if (unknown.length) throw new DomainError('validation', `unknown add-on ${unknown.join(', ')}`);
    const account = await db.transaction().execute((tx) => createAccount(tx, { plan: values.plan as never, addons }, now));
    out(`account ${account.id} created (plan ${account.plan}${addons.length ? `, add-ons ${addons.join(', ')}` : ''})`);
    return;
  }
  if (noun === 'accounts' && verb === 'list') {
    for (const a of await listAccounts(db)) out(`${a.id}\t${a.plan}\t${a.addons.join(',') || '-'}\t${a.active ? 'active' : 'disabled'}\tpartner ${a.partnerId ?? '-'}`);
    return;
  }
  if (noun === 'keys' && verb === 'create') {
    if (values.v1) {
      const months = Number(values.months ?? 'missing');
      const pair = await db.transaction().execute((tx) => createV1KeyPair(tx, accountId, months, now));
      out(`V1 key pair v1-${pair.id} for account ${accountId}, expires ${pair.expiresAt}`);
      out(`  API key:    ${pair.apiKey}`);
      out(`  API secret: ${pair.apiSecret}`);
    } else {
      const owner = values.partner ? { partnerId: DEFAULT_PARTNER_ID } : { accountId };
      const key = await db.transaction().execute((tx) => createApiKey(tx, owner, now, { description: values.description }));
      out(`${values.partner ? 'partner' : 'API'} key key-${key.id}${values.partner ? '' : ` for account ${accountId}`}: ${key.apiKey}`);
    }
    out('(shown once: only its hash is stored)');
    return;
  }
  if (noun === 'keys' && verb === 'list') {
    const keys = await listKeys(db, values.account ? accountId : undefined);
    for (const k of keys) {
      const owner = k.partnerId !== null ? `partner ${k.partnerId}` : `account ${k.accountId}`;
      out(`${k.id}\t${k.kind}\t${owner}\t${k.hint}\tcreated ${k.createdAt}\texpires ${k.expiresAt ?? 'never'}\t${k.description}`);
    }
    return;
  }
  if (noun === 'keys' && verb === 'delete' && arg) {
    await db.transaction().execute((tx) => deleteKey(tx, arg, now));
    out(`${arg} deleted`);
    return;
  }
  if (noun === 'tags' && verb === 'create' && arg) {
    const tag = await db.transaction().execute((tx) => createTag(tx, accountId, arg, now, values.color));
    out(`tag ${tag.id} "${tag.name}" ${tag.color} created for account ${accountId}`);
    return;
  }
  if (noun === 'rules' && verb === 'create' && arg) {
    const carrierId = /^(?:se-)?(\d{1,9})$/.exec(values.carrier ?? '')?.[1];
    if (!carrierId) throw new DomainError('validation', `--carrier must be a carrier id such as se-3 (see GET /v2/carriers)`);
    if (!values.service) throw new DomainError('validation', '--service must be a service code such as ups_ground');
    if (values.residential !== undefined && !['yes', 'no'].includes(values.residential)) throw new DomainError('validation', '--residential must be yes or no');
    const rule = await db.transaction().execute((tx) =>
      createShippingRule(tx, accountId, {
        name: arg,
        carrierId: Number(carrierId),
        serviceCode: values.service!,
        conditions: {
          ...(values['min-weight-oz'] !== undefined ? { minWeightOz: ruleNumber('--min-weight-oz', values['min-weight-oz']) } : {}),
          ...(values['max-weight-oz'] !== undefined ? { maxWeightOz: ruleNumber('--max-weight-oz', values['max-weight-oz']) } : {}),
          ...(values.country ? { shipToCountries: values.country } : {}),
          ...(values.residential !== undefined ? { residential: values.residential === 'yes' } : {}),
        },
      }, now),
    );
    out(`shipping rule created for account ${accountId}: ${describeRule(rule)}`);
    return;
  }
  if (noun === 'rules' && verb === 'list') {
    for (const rule of await listShippingRules(db, accountId)) out(describeRule(rule));
    return;
  }
  if (noun === 'rules' && verb === 'delete' && arg) {
    const id = /^(?:se-)?(\d{1,9})$/.exec(arg)?.[1];
    if (!id) throw new DomainError('validation', `rule id must look like se-3, not ${arg}`);
    await db.transaction().execute((tx) => deleteShippingRule(tx, accountId, Number(id)));
    out(`shipping rule se-${id} deleted`);
    return;
  }
  if (noun === 'clock' && (verb === 'show' || ((verb === 'advance' || verb === 'set') && arg))) {
    await findAccountOrFail(db, accountId);
    const base = new Date();
    if (verb === 'show') {
      const clock = await readAccountClock(db, accountId, base);
      out(`account ${accountId} clock: ${clock.now} (${clock.offsetMs} ms ahead)`);
      return;
    }
    const move = await db.transaction().execute((tx) => moveAccountClock(tx, accountId, base, verb === 'advance' ? { duration: arg } : { at: arg }));
    out(`account ${accountId} clock: ${move.clock.now}; ${move.trackingEvents} tracking event(s) raised (webhooks go out with the server's job runner)`);
    return;
  }
  if (noun === 'sandbox' && verb === 'reset') {
    await findAccountOrFail(db, accountId);
    const summary = await db.transaction().execute(async (tx) => resetAccountData(tx, accountId, new Date(Date.now() + (await readAccountClock(tx, accountId, new Date())).offsetMs).toISOString()));
    out(`account ${accountId} reset: ${summary.orders} orders, ${summary.shipments} shipments, ${summary.labels} labels, ${summary.webhooks} webhooks deleted; carriers and balances restored`);
    return;
  }
  if (noun === 'sandbox' && verb === 'seed') {
    out(describeSeed(accountId, await seedFromCli(db, accountId, { orders: values.orders, seed: values.seed })));
    return;
  }
  if (noun === 'webhooks' && verb === 'trigger' && arg) {
    await findAccountOrFail(db, accountId);
    const at = new Date(Date.now() + (await readAccountClock(db, accountId, new Date())).offsetMs).toISOString();
    const queued = await db.transaction().execute((tx) => triggerSampleEvent(tx, accountId, arg, at));
    out(`account ${accountId}: ${queued} sample ${arg} deliver${queued === 1 ? 'y' : 'ies'} queued (sent by the server's job runner)`);
    return;
  }
  if (noun === 'webhook-keys' && verb === 'rotate') {
    const kid = await db.transaction().execute((tx) => rotateSigningKey(tx, now));
    out(`webhooks are now signed with key ${kid}`);
    return;
  }
  throw new DomainError('validation', USAGE);
}

async function findAccountOrFail(db: Database['db'], accountId: number): Promise<void> {
  const row = await db.selectFrom('accounts').select('id').where('id', '=', accountId).executeTakeFirst();
  if (!row) throw new DomainError('not_found', `account ${accountId} does not exist`);
}

export async function runCli(args: string[], env: NodeJS.ProcessEnv = process.env, out: Out = console.log): Promise<number> {
  const config = loadConfig(env);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await run(database, args, out);
    return 0;
  } catch (error) {
    if (error instanceof DomainError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`shipdock: ${(error as Error).message}`);
      return 2;
    }
    throw error;
  } finally {
    await database.close();
  }
}
