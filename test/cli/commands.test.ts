import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db/index.ts';
import { cliScratch } from './helpers.ts';

interface Key { id: string; kind: string; accountId: number | null; partnerId: number | null; hint: string; apiKey?: string; apiSecret?: string; expiresAt: string | null; description: string }

test('every command works in text and --json, on this engine', async () => {
  const cli = await cliScratch();
  try {
    // accounts
    const made = await cli.run('accounts', 'create', '--plan', 'standard');
    assert.equal(made.code, 0, made.err);
    assert.match(made.out, /^account 1 created \(plan standard\)$/);
    const second = await cli.json<{ id: number; plan: string; addons: string[]; active: boolean }>('accounts', 'create', '--plan', 'premium', '--addon', 'inventory_api');
    assert.deepEqual([second.id, second.plan, second.addons, second.active], [2, 'premium', ['inventory_api'], true]);
    assert.equal((await cli.run('accounts', 'list')).out, '1\tstandard\t-\tactive\tpartner -\n2\tpremium\tinventory_api\tactive\tpartner -');
    assert.deepEqual((await cli.json<{ id: number }[]>('accounts', 'list')).map((a) => a.id), [1, 2]);

    // keys: secrets appear in --json only where the text shows them (at creation)
    const pair = await cli.json<Key>('keys', 'create', '--v1', '--months', '6', '--account', '2');
    assert.match(pair.id, /^v1-\d+$/);
    assert.match(pair.apiKey!, /^[0-9a-f]{32}$/);
    assert.match(pair.apiSecret!, /^[0-9a-f]{32}$/);
    assert.equal(pair.accountId, 2);
    const months = (Date.parse(pair.expiresAt!) - Date.now()) / (30.44 * 86_400_000);
    assert.ok(months > 5.8 && months < 6.2, `expires in 6 months (${months})`);
    const text = await cli.run('keys', 'create', '--v1', '--months', '3', '--account', '2');
    assert.match(text.out, /^V1 key pair v1-\d+ for account 2, expires \S+\n {2}API key: {4}[0-9a-f]{32}\n {2}API secret: [0-9a-f]{32}\n\(shown once: only its hash is stored\)$/);
    assert.equal((await cli.run('keys', 'create', '--v1', '--months', '12', '--account', '2')).code, 2, 'a third live pair is refused');
    const api = await cli.json<Key>('keys', 'create', '--description', 'ci');
    assert.deepEqual([api.kind, api.accountId, api.description], ['api', 1, 'ci']);
    assert.match((await cli.run('keys', 'create', '--partner')).err, /^shipdock: there is no partner yet/, 'a fresh database has no partner');
    const database0 = await openDatabase(loadConfig(cli.env));
    await database0.db.insertInto('partners').values({ name: 'P', active: 1, created_at: new Date().toISOString() }).execute();
    await database0.close();
    const partner = await cli.json<Key>('keys', 'create', '--partner');
    assert.equal(partner.kind, 'partner');
    assert.equal(partner.accountId, undefined);
    const listed = await cli.json<Key[]>('keys', 'list');
    assert.deepEqual(listed.map((k) => k.kind).sort(), ['api', 'partner', 'v1', 'v1']);
    assert.ok(listed.every((k) => k.apiKey === undefined && k.apiSecret === undefined), 'listing shows hints, never secrets');
    assert.equal(listed.find((k) => k.id === api.id)!.hint, `${api.apiKey!.slice(0, 4)}…${api.apiKey!.slice(-4)}`);
    assert.equal((await cli.json<Key[]>('keys', 'list', '--account', '2')).length, 2);
    assert.deepEqual(await cli.json('keys', 'delete', pair.id), { id: pair.id, deleted: true });
    assert.equal((await cli.run('keys', 'delete', pair.id)).code, 2, 'already deleted');
    assert.match((await cli.run('keys', 'list', '--account', '2')).out, /^v1-\d+\tv1\taccount 2\t\S+\tcreated \S+\texpires \S+\t$/);

    // tags
    assert.deepEqual(await cli.json('tags', 'create', 'VIP', '--color', '#FF0000', '--account', '2'), { id: 1, name: 'VIP', color: '#FF0000', accountId: 2 });
    assert.match((await cli.run('tags', 'create', 'Rush')).out, /^tag \d+ "Rush" #[0-9A-F]{6} created for account 1$/);
    assert.equal((await cli.run('tags', 'create', 'VIP', '--account', '2')).code, 2, 'a duplicate tag');

    // rules: against one of the account's own carriers
    const database = await openDatabase(loadConfig(cli.env));
    let ups: number;
    try {
      ups = (await database.db.selectFrom('carriers').select('id').where('account_id', '=', 1).where('carrier_code', '=', 'ups').executeTakeFirstOrThrow()).id;
    } finally {
      await database.close();
    }
    const rule = await cli.json<{ id: string; name: string; carrierId: string; serviceCode: string; conditions: object }>(
      'rules', 'create', 'Canada', '--carrier', `se-${ups}`, '--service', 'ups_standard_international', '--country', 'CA', '--max-weight-oz', '160', '--residential', 'no',
    );
    assert.deepEqual(rule.conditions, { maxWeightOz: 160, shipToCountries: ['CA'], residential: false });
    assert.equal(rule.carrierId, `se-${ups}`);
    assert.equal((await cli.run('rules', 'list')).out, `${rule.id}\tCanada\tweight <= 160 oz and ship-to in CA and commercial\t-> carrier se-${ups} ups_standard_international`);
    assert.deepEqual(await cli.json('rules', 'list', '--account', '2'), [], "another account's rules are its own");
    assert.equal((await cli.run('rules', 'delete', rule.id, '--account', '2')).code, 2, "another account's rule is not found");
    assert.deepEqual(await cli.json('rules', 'delete', rule.id), { id: rule.id, deleted: true });

    // clock and sandbox
    const clock = await cli.json<{ accountId: number; offsetMs: number; trackingEvents: number }>('clock', 'advance', 'P3D', '--account', '2');
    assert.equal(clock.accountId, 2);
    assert.ok(Math.abs(clock.offsetMs - 3 * 86_400_000) < 60_000, `three days ahead (${clock.offsetMs})`);
    assert.equal(clock.trackingEvents, 0);
    assert.match((await cli.run('clock', 'show', '--account', '2')).out, /^account 2 clock: \S+ \(25[0-9]{7} ms ahead\)$/);
    assert.equal((await cli.json<{ offsetMs: number }>('clock', 'show')).offsetMs, 0, "account 1's clock did not move");
    const later = new Date(Date.now() + 10 * 86_400_000).toISOString();
    assert.equal((await cli.json<{ now: string }>('clock', 'set', later, '--account', '2')).now, later);
    assert.deepEqual(await cli.json('sandbox', 'reset', '--account', '2'), { accountId: 2, orders: 0, shipments: 0, labels: 0, webhooks: 0 });

    // webhooks: nobody subscribed is refused; a rotated key is named
    assert.equal((await cli.run('webhooks', 'trigger', 'track')).code, 2);
    const { kid } = await cli.json<{ kid: string }>('webhook-keys', 'rotate');
    assert.match(kid, /^shipdock-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}$/);
  } finally {
    await cli.close();
  }
});
