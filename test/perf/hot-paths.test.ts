// Behaviour kept by the hot-path work of issue #11: compact quote sets keep rate ids and reads,
// the kept tracking journey still follows the clock, zone offsets stay exact across DST, and the
// verified-key cache forgets a key the moment it is deleted or its account disabled.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/server.ts';
import { domesticShipment } from '../shipping/fixtures.ts';
import { createAccount, setAccountActive } from '../../src/domain/accounts/accounts.ts';
import { createApiKey, deleteKey } from '../../src/domain/accounts/keys.ts';
import { fromWallTime, offsetMs, toWallTime } from '../../src/domain/time/zoned.ts';
import { findRate, latestRateResponse, storeQuoteSet, type StoredEntry } from '../../src/domain/rates/shop.ts';

type Rate = { rate_id: string; service_code: string; carrier_id: string; shipping_amount: { amount: number } };

describe('hot paths keep their behaviour', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  for (const [surface, prefix] of [['v2', '/v2'], ['shipengine', '/v1']] as const) {
    test(`${surface}: every quoted rate reads back by id, invalid ones are not buyable, ids are distinct`, async () => {
      const rated = (await t.api(surface, 'POST', `${prefix}/rates`, { shipment: domesticShipment() })).json();
      const rates = rated.rate_response.rates as Rate[];
      const invalid = rated.rate_response.invalid_rates as Rate[];
      assert.ok(rates.length >= 10, `rates: ${rates.length}`);
      const ids = [...rates, ...invalid].map((r) => r.rate_id);
      assert.equal(new Set(ids).size, ids.length, 'rate ids are unique');
      for (const id of ids) assert.match(id, /^se-\d+$/);
      for (const rate of rates) {
        const read = await t.api(surface, 'GET', `${prefix}/rates/${rate.rate_id}`);
        assert.equal(read.statusCode, 200, read.body);
        assert.equal(read.json().rate_id, rate.rate_id);
        assert.equal(read.json().service_code, rate.service_code);
        assert.equal(read.json().shipping_amount.amount, rate.shipping_amount.amount);
      }
      if (invalid.length > 0) assert.equal((await t.api(surface, 'GET', `${prefix}/rates/${invalid[0].rate_id}`)).statusCode, 404);
      // The shipment's stored rate response lists the same ids in the same order.
      const stored = (await t.api(surface, 'GET', `${prefix}/shipments/${rated.shipment_id}/rates`)).json();
      const listed = Array.isArray(stored) ? stored[0] : stored;
      assert.deepEqual(listed.rates.map((r: Rate) => r.rate_id), rates.map((r) => r.rate_id));
      // Buy from the cheapest rate id: the label carries the rate's price.
      const cheapest = [...rates].sort((a, b) => a.shipping_amount.amount - b.shipping_amount.amount)[0];
      const label = await t.api(surface, 'POST', `${prefix}/labels/rates/${cheapest.rate_id}`, {});
      assert.equal(label.statusCode, 200, label.body);
      assert.equal(label.json().carrier_id, cheapest.carrier_id);
      assert.equal(label.json().service_code, cheapest.service_code);
    });
  }

  test("another account's rate id and a rate id past any stored set are 404", async () => {
    const rated = (await t.api('v2', 'POST', '/v2/rates', { shipment: domesticShipment() })).json();
    const rateId = rated.rate_response.rates[0].rate_id as string;
    const other = await createAccount(t.ctx.database.db, { plan: 'standard' }, t.ctx.clock.nowIso());
    const key = await createApiKey(t.ctx.database.db, { accountId: other.id }, t.ctx.clock.nowIso());
    const res = await t.inject({ method: 'GET', url: `/v2/rates/${rateId}`, headers: { 'api-key': key.apiKey } });
    assert.equal(res.statusCode, 404);
    const n = Number(rateId.slice(3));
    assert.equal((await t.api('v2', 'GET', `/v2/rates/se-${n + 127}`)).statusCode, 404);
    assert.equal((await t.api('v2', 'GET', `/v2/rates/se-${n * 1000}`)).statusCode, 404);
  });

  test('a quote set of more than 128 entries continues in further rows; every id reads back in order', async () => {
    const db = t.ctx.database.db;
    const rated = (await t.api('v2', 'POST', '/v2/rates', { shipment: domesticShipment() })).json();
    const shipmentId = Number(String(rated.shipment_id).slice(3));
    const template = await findRate(db, 1, Number(rated.rate_response.rates[0].rate_id.slice(3)));
    assert.ok(template);
    const entries: StoredEntry[] = Array.from({ length: 300 }, (_, i) =>
      i % 7 === 3
        ? { kind: 'invalid', carrierId: template.carrierId, carrierNickname: 'n', carrierFriendlyName: 'f', invalid: { serviceCode: `svc_${i}`, messages: ['no'] } as never }
        : { kind: 'valid', carrierId: template.carrierId, carrierNickname: 'n', carrierFriendlyName: 'f', quote: { ...template.quote, serviceCode: `svc_${i}`, totalCents: i } },
    );
    const now = t.ctx.clock.nowIso();
    const stored = await storeQuoteSet(db, 1, shipmentId, 'completed', now, '2099-01-01T00:00:00.000Z', entries);
    assert.equal(new Set(stored.rateIds).size, 300);
    for (const [i, id] of stored.rateIds.entries()) {
      const rate = await findRate(db, 1, id);
      if (i % 7 === 3) assert.equal(rate, null, 'an invalid rate is not buyable');
      else {
        assert.equal(rate?.quote.serviceCode, `svc_${i}`);
        assert.equal(rate?.rateResponseId, stored.responseId);
        assert.equal(rate?.shipmentId, shipmentId);
      }
    }
    const latest = await latestRateResponse(db, 1, shipmentId);
    assert.equal(latest?.id, stored.responseId);
    assert.deepEqual(latest?.rates.map((r) => r.id), stored.rateIds.filter((_, i) => i % 7 !== 3));
    assert.equal(latest?.invalidRates.length, entries.length - latest!.rates.length);
    assert.equal(await findRate(db, 2, stored.rateIds[0]), null, 'another account');
  });

  test('a label read twice across a clock advance shows new events: the kept journey is cut at the clock', async () => {
    const carriers = (await t.api('v2', 'GET', '/v2/carriers')).json().carriers as { carrier_id: string; carrier_code: string }[];
    const ups = carriers.find((c) => c.carrier_code === 'ups')!.carrier_id;
    const bought = (await t.api('v2', 'POST', '/v2/labels', { shipment: domesticShipment({ carrier_id: ups, service_code: 'ups_ground' }) })).json();
    const first = (await t.api('v2', 'GET', `/v2/labels/${bought.label_id}/track`)).json();
    assert.notEqual(first.status_code, 'DE');
    t.ctx.clock.advance(30 * 24 * 3600_000);
    try {
      const later = (await t.api('v2', 'GET', `/v2/labels/${bought.label_id}/track`)).json();
      assert.equal(later.status_code, 'DE');
      assert.ok(later.events.length > first.events.length);
      const again = (await t.api('v2', 'GET', `/v2/labels/${bought.label_id}/track`)).json();
      assert.deepEqual(again, later, 'a second read of the kept journey is identical');
      assert.equal((await t.api('v2', 'GET', `/v2/labels/${bought.label_id}`)).json().tracking_status, 'delivered');
    } finally {
      t.ctx.clock.advance(-30 * 24 * 3600_000);
    }
  });

  test('zone offsets from transition tables equal Intl to the second around every 2026 change', () => {
    const intl = (ms: number, zone: string) => {
      const parts = Object.fromEntries(
        new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
          .formatToParts(new Date(ms))
          .map((p) => [p.type, Number(p.value)]),
      );
      return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) - Math.floor(ms / 1000) * 1000;
    };
    for (const zone of ['America/New_York', 'America/Los_Angeles', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Pacific/Chatham']) {
      for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 6 * 3600_000 + 17_000) assert.equal(offsetMs(ms, zone), intl(ms, zone), `${zone} ${new Date(ms).toISOString()}`);
    }
    // 2026-03-08 07:00:00Z is 02:00 EST -> 03:00 EDT: one second either side.
    const change = Date.UTC(2026, 2, 8, 7);
    assert.equal(offsetMs(change - 1000, 'America/New_York'), -5 * 3600_000);
    assert.equal(offsetMs(change - 1, 'America/New_York'), -5 * 3600_000);
    assert.equal(offsetMs(change, 'America/New_York'), -4 * 3600_000);
    assert.deepEqual(toWallTime(new Date(change - 1), 'America/New_York'), { year: 2026, month: 3, day: 8, hour: 1, minute: 59, second: 59, millisecond: 999 });
    assert.equal(fromWallTime({ year: 2026, month: 3, day: 8, hour: 2, minute: 30, second: 0, millisecond: 0 }, 'America/New_York').toISOString(), '2026-03-08T07:30:00.000Z');
    assert.equal(fromWallTime({ year: 2026, month: 11, day: 1, hour: 1, minute: 30, second: 0, millisecond: 0 }, 'America/New_York').toISOString(), '2026-11-01T05:30:00.000Z');
    // Zones and years taking turns (summer, winter, another summer), time running backwards: each
    // zone's last-read table must never answer for an instant outside its year.
    const zones = ['America/New_York', 'Pacific/Chatham', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Europe/London'];
    const starts = [Date.UTC(2025, 6, 10), Date.UTC(2026, 0, 2), Date.UTC(2027, 6, 10), Date.UTC(2024, 11, 31, 23)];
    for (let step = 0; step < 2000; step++) {
      const zone = zones[step % zones.length];
      const ms = starts[step % starts.length] - Math.floor(step / starts.length) * (3 * 3600_000 + 7_000);
      assert.equal(offsetMs(ms, zone), intl(ms, zone), `${zone} ${new Date(ms).toISOString()}`);
      const whole = Math.floor(ms / 1000) * 1000;
      assert.equal(fromWallTime(toWallTime(new Date(whole), zone), zone).getTime(), whole, `${zone} round trip at ${new Date(whole).toISOString()}`);
    }
  });

  test('a verified key is forgotten at once when deleted or its account disabled', async () => {
    const db = t.ctx.database.db;
    const account = await createAccount(db, { plan: 'standard' }, t.ctx.clock.nowIso());
    const key = await createApiKey(db, { accountId: account.id }, t.ctx.clock.nowIso());
    const call = () => t.inject({ method: 'GET', url: '/v2/warehouses', headers: { 'api-key': key.apiKey } });
    assert.equal((await call()).statusCode, 200);
    assert.equal((await call()).statusCode, 200, 'served from the cache');
    await setAccountActive(db, account.id, false, t.ctx.clock.nowIso());
    assert.equal((await call()).statusCode, 401, 'disabled account');
    await setAccountActive(db, account.id, true, t.ctx.clock.nowIso());
    assert.equal((await call()).statusCode, 200);
    await deleteKey(db, `key-${key.id}`, t.ctx.clock.nowIso());
    assert.equal((await call()).statusCode, 401, 'deleted key');
  });
});
