import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../helpers/server.ts';
import { partnerCall } from '../partners/helpers.ts';
import { austin, brooklyn, customs, domesticShipment, toronto } from '../shipping/fixtures.ts';
import { createShippingRule } from '../../src/domain/shipping-rules/rules.ts';
import { parseSeId } from '../../src/api/common/ids.ts';
import { runCli } from '../../src/cli.ts';
import { cliEnvFor } from '../cli/helpers.ts';
import { assertError, v2Call } from './helpers.ts';

type Carrier = { carrier_id: string; carrier_code: string };

describe('shipment notes, assignees and labels; refunds; shipping rules', () => {
  let t: TestApp;
  let carriers: Record<string, string>;
  let other: Record<string, string>;
  before(async () => {
    t = await startTestApp();
    const list = (await t.api('v2', 'GET', '/v2/carriers')).json().carriers as Carrier[];
    carriers = Object.fromEntries(list.map((c) => [c.carrier_code, c.carrier_id]));
    const account = (await partnerCall(t, 'POST', '/v1/partners/accounts', {})).json();
    other = { 'api-key': account.api_key.encrypted_api_key };
    const { db } = t.ctx.database;
    for (const [id, status] of [['00000000-0000-4000-8000-0000000000a1', 'active'], ['00000000-0000-4000-8000-0000000000a2', 'inactive']]) {
      await db.insertInto('users').values({ id, account_id: 1, name: id, username: id, email: `${id}@example.com`, status, created_at: t.ctx.clock.nowIso(), last_login_at: null }).execute();
    }
  });
  after(() => t.close());

  const buy = async (surface: 'v2' | 'shipengine' = 'v2', prefix = '/v2') => {
    const res = await t.api(surface, 'POST', `${prefix}/labels`, { shipment: domesticShipment({ carrier_id: carriers.ups, service_code: 'ups_ground' }) });
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as { label_id: string; shipment_id: string; shipment_cost: { amount: number } };
  };

  test('internal notes are set, replaced and cleared; other accounts get 404', async () => {
    const label = await buy();
    const url = `/v2/shipments/${label.shipment_id}/internal_notes`;
    const set = await v2Call(t, 'POST', url, { internal_notes: 'fragile: pack with foam' });
    assert.equal(set.statusCode, 200, set.body);
    assert.deepEqual([set.json().shipment_id, set.json().internal_notes], [label.shipment_id, 'fragile: pack with foam']);
    assert.equal((await v2Call(t, 'POST', url, { internal_notes: 'second' })).json().internal_notes, 'second');
    assert.equal((await v2Call(t, 'POST', url, { internal_notes: null })).json().internal_notes, null);
    const row = await t.ctx.database.db.selectFrom('shipment_annotations').selectAll().where('shipment_id', '=', parseSeId(label.shipment_id)!).executeTakeFirstOrThrow();
    assert.equal(row.internal_notes, null);
    assertError(await v2Call(t, 'POST', url, {}), 400);
    assertError(await v2Call(t, 'POST', url, { internal_notes: 'x' }, other), 404);
    assertError(await v2Call(t, 'POST', '/v2/shipments/se-999999/internal_notes', { internal_notes: 'x' }), 404);
  });

  test('a user is assigned to shipments (all or none), unassigned with null', async () => {
    const [a, b] = [await buy(), await buy()];
    const user = '00000000-0000-4000-8000-0000000000a1';
    const res = await v2Call(t, 'POST', '/v2/shipments/user', { shipment_ids: [a.shipment_id, b.shipment_id], user_id: user });
    assert.equal(res.statusCode, 200, res.body);
    const assigned = async (id: string) =>
      (await t.ctx.database.db.selectFrom('shipment_annotations').select('assigned_user_id').where('shipment_id', '=', parseSeId(id)!).executeTakeFirst())?.assigned_user_id ?? null;
    assert.deepEqual([await assigned(a.shipment_id), await assigned(b.shipment_id)], [user, user]);
    assertError(await v2Call(t, 'POST', '/v2/shipments/user', { shipment_ids: [a.shipment_id], user_id: 'nobody' }), 400, 'user_id');
    assertError(await v2Call(t, 'POST', '/v2/shipments/user', { shipment_ids: [a.shipment_id], user_id: '00000000-0000-4000-8000-0000000000a2' }), 400, 'user_id');
    // One unknown shipment: nothing changes.
    assertError(await v2Call(t, 'POST', '/v2/shipments/user', { shipment_ids: [a.shipment_id, 'se-999999'], user_id: null }), 404);
    assert.equal(await assigned(a.shipment_id), user);
    assertError(await v2Call(t, 'POST', '/v2/shipments/user', { shipment_ids: [a.shipment_id], user_id: null }, other), 404);
    assert.equal((await v2Call(t, 'POST', '/v2/shipments/user', { shipment_ids: [a.shipment_id], user_id: null })).statusCode, 200);
    assert.equal(await assigned(a.shipment_id), null);
    assertError(await v2Call(t, 'POST', '/v2/shipments/user', { shipment_ids: [], user_id: user }), 400);
  });

  test("a shipment's labels: the outbound and its return, oldest first", async () => {
    const label = await buy();
    const ret = await t.api('v2', 'POST', `/v2/labels/${label.label_id}/return`, {});
    assert.equal(ret.statusCode, 200, ret.body);
    const res = await v2Call(t, 'GET', `/v2/shipments/${label.shipment_id}/labels`);
    assert.equal(res.statusCode, 200);
    const labels = res.json().labels as { label_id: string; is_return_label: boolean; label_download: { pdf: string } }[];
    assert.deepEqual(labels.map((l) => [l.label_id, l.is_return_label]), [[label.label_id, false], [ret.json().label_id, true]]);
    assert.match(labels[0].label_download.pdf, /\/v2\/downloads\//);
    assertError(await v2Call(t, 'GET', `/v2/shipments/${label.shipment_id}/labels`, undefined, other), 404);
  });

  for (const [surface, prefix] of [['v2', '/v2'], ['shipengine', '/v1']] as const) {
    test(`${surface}: cancel_refund excludes an unused label from Refund Assist; voided or scanned labels are refused`, async () => {
      const label = await buy(surface, prefix);
      const res = await t.api(surface, 'POST', `${prefix}/labels/${label.label_id}/cancel_refund`);
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().label_id, label.label_id);
      assert.equal(res.json().status, 'completed', 'the label stays live');
      assert.equal(res.json().refund_details.refund_status, 'excluded');
      assert.equal(res.json().refund_details.amount_paid.amount, label.shipment_cost.amount);
      const again = await t.api(surface, 'POST', `${prefix}/labels/${label.label_id}/cancel_refund`);
      assert.equal(again.statusCode, 200, 'excluding twice is a no-op');
      assert.equal(again.json().refund_details.refund_status, 'excluded');

      const voided = await buy(surface, prefix);
      assert.equal((await t.api(surface, 'PUT', `${prefix}/labels/${voided.label_id}/void`)).json().approved, true);
      const refused = await t.api(surface, 'POST', `${prefix}/labels/${voided.label_id}/cancel_refund`);
      assert.equal(refused.statusCode, 400);
      assert.equal(refused.json().errors[0].error_code, 'invalid_status');

      const scanned = await buy(surface, prefix);
      t.ctx.clock.advance(10 * 86_400_000);
      try {
        const late = await t.api(surface, 'POST', `${prefix}/labels/${scanned.label_id}/cancel_refund`);
        assert.equal(late.statusCode, 400, late.body);
      } finally {
        t.ctx.clock.advance(-10 * 86_400_000);
      }
      assert.equal((await t.api(surface, 'POST', `${prefix}/labels/${label.label_id}/cancel_refund`, undefined, other)).statusCode, 404);
      assert.equal((await t.api(surface, 'POST', `${prefix}/labels/se-999999/cancel_refund`)).statusCode, 404);
    });
  }

  test('a label bought with a shipping rule gets the rule’s carrier and service; a shipment outside it is refused', async () => {
    const { db } = t.ctx.database;
    const now = t.ctx.clock.nowIso();
    const light = await createShippingRule(db, 1, { name: 'Light US residential', carrierId: parseSeId(carriers.stamps_com)!, serviceCode: 'usps_ground_advantage', conditions: { maxWeightOz: 16, shipToCountries: ['US'], residential: true } }, now);
    const heavy = await createShippingRule(db, 1, { name: 'Heavy', carrierId: parseSeId(carriers.fedex)!, serviceCode: 'fedex_ground', conditions: { minWeightOz: 16.01 } }, now);
    const ounces = (oz: number) => [{ weight: { value: oz, unit: 'ounce' } }];
    const res = await v2Call(t, 'POST', `/v2/labels/shipping_rules/se-${light.id}`, { shipment: { ship_to: brooklyn, ship_from: austin, packages: ounces(12) } });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual([res.json().carrier_id, res.json().service_code], [carriers.stamps_com, 'usps_ground_advantage']);
    // The rule decides even when the request names another service.
    const overridden = await v2Call(t, 'POST', `/v2/labels/shipping_rules/se-${heavy.id}`, { shipment: { carrier_id: carriers.ups, service_code: 'ups_ground', ship_to: brooklyn, ship_from: austin, packages: ounces(40) } });
    assert.deepEqual([overridden.json().carrier_id, overridden.json().service_code], [carriers.fedex, 'fedex_ground']);

    assertError(await v2Call(t, 'POST', `/v2/labels/shipping_rules/se-${light.id}`, { shipment: { ship_to: brooklyn, ship_from: austin, packages: ounces(40) } }), 400);
    assertError(await v2Call(t, 'POST', `/v2/labels/shipping_rules/se-${light.id}`, { shipment: { ship_to: toronto, ship_from: austin, packages: ounces(8) } }), 400);
    assertError(await v2Call(t, 'POST', `/v2/labels/shipping_rules/se-${light.id}`, { shipment: { ship_to: { ...brooklyn, address_residential_indicator: 'no' }, ship_from: austin, packages: ounces(8) } }), 400);
    assertError(await v2Call(t, 'POST', `/v2/labels/shipping_rules/se-${heavy.id}`, { shipment: { ship_to: brooklyn, ship_from: austin, packages: ounces(8) } }), 400);
    assertError(await v2Call(t, 'POST', '/v2/labels/shipping_rules/se-999999', { shipment: { ship_to: brooklyn, ship_from: austin, packages: ounces(8) } }), 404);
    assertError(await v2Call(t, 'POST', `/v2/labels/shipping_rules/se-${light.id}`, { shipment: { ship_to: brooklyn, ship_from: austin, packages: ounces(8) } }, other), 404);
    const shipments = await db.selectFrom('shipments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    await v2Call(t, 'POST', `/v2/labels/shipping_rules/se-${light.id}`, { shipment: { ship_to: toronto, ship_from: austin, packages: ounces(8) } });
    const after = await db.selectFrom('shipments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(after.n), Number(shipments.n), 'a refused rule leaves no shipment behind');
  });

  test('`shipdock rules create/list/delete` makes rules the API uses', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipdock-rules-'));
    const app = await startTestApp({}, { dataDir: dir });
    try {
      const theirs = ((await app.api('v2', 'GET', '/v2/carriers')).json().carriers as Carrier[]).find((c) => c.carrier_code === 'ups')!;
      const run = async (...args: string[]) => {
        const lines: string[] = [];
        const code = await runCli(args, cliEnvFor(app, dir), (l) => lines.push(l));
        return { code, text: lines.join('\n') };
      };
      const made = await run('rules', 'create', 'Canada', '--carrier', theirs.carrier_id, '--service', 'ups_standard_international', '--country', 'CA', '--max-weight-oz', '160');
      assert.equal(made.code, 0, made.text);
      const id = /(se-\d+)\tCanada/.exec(made.text)![1];
      assert.match((await run('rules', 'list')).text, /se-\d+\tCanada\tweight <= 160 oz and ship-to in CA\t-> carrier se-\d+ ups_standard_international/);
      assert.equal((await run('rules', 'create', 'Bad', '--carrier', theirs.carrier_id, '--service', 'no_such_service')).code, 2);
      assert.equal((await run('rules', 'create', 'Bad', '--carrier', 'se-999999', '--service', 'ups_ground')).code, 2);
      assert.equal((await run('rules', 'create', 'Bad', '--carrier', theirs.carrier_id, '--service', 'ups_ground', '--residential', 'maybe')).code, 2);
      const ruled = await app.app.inject({ method: 'POST', url: `/v2/labels/shipping_rules/${id}`, headers: { 'api-key': 'TEST_api_key_for_shipdock_tests' }, payload: { shipment: { ship_to: toronto, ship_from: austin, packages: [{ weight: { value: 2, unit: 'pound' } }], customs } } });
      assert.equal(ruled.statusCode, 200, ruled.body);
      assert.equal(ruled.json().service_code, 'ups_standard_international');
      assert.equal((await run('rules', 'delete', id)).code, 0);
      assert.equal((await run('rules', 'delete', id)).code, 2);
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
