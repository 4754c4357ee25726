import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/server.ts';
import { austin, brooklyn } from '../shipping/fixtures.ts';
import { assertFieldError, buyLabel, carrierIds, createWarehouse, NOW, otherAccount, SURFACES, voidLabel } from '../manifests/helpers.ts';

const contact = { name: 'Dock Manager', email: 'dock@example.com', phone: '512-555-0100' };
/** Thursday, the day after the test clock's Wednesday. */
const window = (start = '2027-05-27T14:00:00Z', end = '2027-05-27T18:00:00Z') => ({ start_at: start, end_at: end });

describe('pickups', () => {
  let t: TestApp;
  let carriers: Record<string, string>;
  before(async () => {
    t = await startTestApp();
    t.ctx.clock.set(NOW);
    carriers = await carrierIds(t);
  });
  after(() => t.close());

  for (const [surface, prefix] of SURFACES) {
    const schedule = (body: Record<string, unknown>, headers?: Record<string, string>) => t.api(surface, 'POST', `${prefix}/pickups`, body, headers);

    test(`${surface}: schedule, read, list and cancel a pickup; the address is the labels' warehouse`, async () => {
      const home = await createWarehouse(t, surface, prefix);
      const labels = [await buyLabel(t, surface, prefix, carriers.ups, 'ups', home), await buyLabel(t, surface, prefix, carriers.ups, 'ups', home)];
      const res = await schedule({ label_ids: labels.map((l) => l.label_id), contact_details: contact, pickup_notes: 'Ring at the loading dock', pickup_window: window() });
      assert.equal(res.statusCode, 200, res.body);
      const pickup = res.json();
      assert.match(pickup.pickup_id, /^pik_[0-9A-Za-z]{22}$/);
      assert.match(pickup.confirmation_number, /^29[0-9A-Z]{9}$/);
      assert.deepEqual(pickup.label_ids, labels.map((l) => l.label_id));
      assert.equal(pickup.carrier_id, carriers.ups);
      assert.equal(pickup.warehouse_id, home);
      assert.equal(pickup.pickup_address.address_line1, austin.address_line1);
      assert.equal(pickup.pickup_address.postal_code, austin.postal_code);
      assert.deepEqual(pickup.contact_details, contact);
      assert.equal(pickup.pickup_notes, 'Ring at the loading dock');
      assert.deepEqual(pickup.pickup_window, window());
      assert.ok(pickup.created_at >= NOW.toISOString() && pickup.created_at.startsWith('2027-05-26T'), pickup.created_at);
      assert.equal(pickup.cancelled_at, undefined);

      const fetched = await t.api(surface, 'GET', `${prefix}/pickups/${pickup.pickup_id}`);
      assert.equal(fetched.statusCode, 200, fetched.body);
      const { request_id: _a, ...same } = fetched.json();
      const { request_id: _b, ...created } = pickup;
      assert.deepEqual(same, created);

      const list = (await t.api(surface, 'GET', `${prefix}/pickups?warehouse_id=${home}`)).json();
      assert.equal(list.total, 1);
      assert.equal(list.pickups[0].pickup_id, pickup.pickup_id);
      assert.equal((await t.api(surface, 'GET', `${prefix}/pickups?warehouse_id=${home}&carrier_id=${carriers.fedex}`)).json().total, 0);
      assert.equal((await t.api(surface, 'GET', `${prefix}/pickups?warehouse_id=${home}&created_at_start=2027-05-27T00:00:00Z`)).json().total, 0);

      // A label rides on one live pickup at a time.
      assertFieldError(await schedule({ label_ids: [labels[0].label_id], contact_details: contact, pickup_window: window() }), 400, 'label_ids', new RegExp(`already on scheduled pickup ${pickup.pickup_id}`));

      const cancelled = await t.api(surface, 'DELETE', `${prefix}/pickups/${pickup.pickup_id}`);
      assert.equal(cancelled.statusCode, 200, cancelled.body);
      assert.equal(cancelled.json().pickup_id, pickup.pickup_id);
      const cancelledAt = (await t.api(surface, 'GET', `${prefix}/pickups/${pickup.pickup_id}`)).json().cancelled_at;
      assert.ok(cancelledAt >= pickup.created_at && cancelledAt.startsWith('2027-05-26T'), cancelledAt);
      const again = await t.api(surface, 'DELETE', `${prefix}/pickups/${pickup.pickup_id}`);
      assertFieldError(again, 400, null, new RegExp(`Pickup ${pickup.pickup_id} was already cancelled at ${cancelledAt}`));
      assert.equal(again.json().errors[0].error_code, 'invalid_status');

      // Once cancelled, its labels can be picked up another day.
      const rescheduled = await schedule({ label_ids: [labels[0].label_id], contact_details: contact, pickup_window: window('2027-05-28', '2027-05-28') });
      assert.equal(rescheduled.statusCode, 200, rescheduled.body);
      assert.deepEqual(rescheduled.json().pickup_window, window('2027-05-28T09:00:00Z', '2027-05-28T17:00:00Z'), 'a bare date is the business day');
      assert.notEqual(rescheduled.json().confirmation_number, pickup.confirmation_number);
    });

    test(`${surface}: confirmation numbers in each carrier's style`, async () => {
      const home = await createWarehouse(t, surface, prefix);
      const styles: [string, RegExp][] = [['stamps_com', /^WTC\d{9}$/], ['fedex', /^CPUA\d{9}$/]];
      for (const [code, style] of styles) {
        const label = await buyLabel(t, surface, prefix, carriers[code], code, home);
        const res = await schedule({ label_ids: [label.label_id], contact_details: contact, pickup_window: window() });
        assert.equal(res.statusCode, 200, res.body);
        assert.match(res.json().confirmation_number, style);
      }
    });

    test(`${surface}: windows: no Sundays, no federal holidays, not in the past, at most 7 days ahead, one day long`, async () => {
      const home = await createWarehouse(t, surface, prefix);
      const label = await buyLabel(t, surface, prefix, carriers.ups, 'ups', home);
      const attempt = (w: Record<string, string>) => schedule({ label_ids: [label.label_id], contact_details: contact, pickup_window: w });
      assertFieldError(await attempt(window('2027-05-30T14:00:00Z', '2027-05-30T18:00:00Z')), 400, 'pickup_window.start_at', /Carriers do not pick up on Sundays \(2027-05-30\)/);
      assertFieldError(await attempt(window('2027-05-31T14:00:00Z', '2027-05-31T18:00:00Z')), 400, 'pickup_window.start_at', /federal holidays \(2027-05-31\)/);
      assertFieldError(await attempt(window('2027-05-25T14:00:00Z', '2027-05-25T18:00:00Z')), 400, 'pickup_window.end_at', /is in the past/);
      assertFieldError(await attempt(window('2027-05-26T09:00:00Z', '2027-05-26T12:00:00Z')), 400, 'pickup_window.end_at', /is in the past/);
      assertFieldError(await attempt(window('2027-06-03T14:00:00Z', '2027-06-03T18:00:00Z')), 400, 'pickup_window.start_at', /at most 7 days ahead \(until 2027-06-02\)/);
      assertFieldError(await attempt(window('2027-05-27T18:00:00Z', '2027-05-27T14:00:00Z')), 400, 'pickup_window.end_at', /must be after/);
      assertFieldError(await attempt(window('2027-05-27T18:00:00Z', '2027-05-28T10:00:00Z')), 400, 'pickup_window.end_at', /same day/);
      assertFieldError(await attempt(window('tomorrow at 9', '2027-05-27T10:00:00Z')), 400, 'pickup_window.start_at', /ISO 8601/);
      // Saturday and the seventh day are bookable; so is the rest of today.
      assert.equal((await attempt(window('2027-06-02T14:00:00Z', '2027-06-02T18:00:00Z'))).statusCode, 200);
      const other = await buyLabel(t, surface, prefix, carriers.ups, 'ups', home);
      const saturday = await schedule({ label_ids: [other.label_id], contact_details: contact, pickup_window: window('2027-05-29T14:00:00Z', '2027-05-29T18:00:00Z') });
      assert.equal(saturday.statusCode, 200, saturday.body);
    });

    test(`${surface}: labels: one carrier and one warehouse, none voided; request errors name the field`, async () => {
      const home = await createWarehouse(t, surface, prefix);
      const elsewhere = await createWarehouse(t, surface, prefix, brooklyn);
      const ups = await buyLabel(t, surface, prefix, carriers.ups, 'ups', home);
      const fedex = await buyLabel(t, surface, prefix, carriers.fedex, 'fedex', home);
      const upsElsewhere = await buyLabel(t, surface, prefix, carriers.ups, 'ups', elsewhere);
      const voided = await buyLabel(t, surface, prefix, carriers.ups, 'ups', home);
      await voidLabel(t, surface, prefix, voided.label_id);
      const documented = /^All the labels must be from the same carrier and have the same warehouse id\.$/;
      const mixed = await schedule({ label_ids: [ups.label_id, fedex.label_id], contact_details: contact, pickup_window: window() });
      assertFieldError(mixed, 400, 'label_ids', documented);
      assert.equal(mixed.json().errors[0].error_code, 'carrier_conflict');
      assertFieldError(await schedule({ label_ids: [ups.label_id, upsElsewhere.label_id], contact_details: contact, pickup_window: window() }), 400, 'label_ids', documented);
      assertFieldError(await schedule({ label_ids: [ups.label_id, voided.label_id], contact_details: contact, pickup_window: window() }), 400, 'label_ids', new RegExp(`Label ${voided.label_id} is voided`));
      const noWarehouse = await buyLabel(t, surface, prefix, carriers.ups, 'ups', null);
      assertFieldError(await schedule({ label_ids: [noWarehouse.label_id], contact_details: contact, pickup_window: window() }), 400, 'label_ids', /not shipped from a warehouse/);
      assertFieldError(await schedule({ label_ids: ['se-99999999'], contact_details: contact, pickup_window: window() }), 404, null, /label se-99999999 was not found/);
      assertFieldError(await schedule({ label_ids: [ups.label_id], pickup_window: window() }), 400, 'contact_details', /contact_details/);
      assertFieldError(await schedule({ label_ids: [], contact_details: contact, pickup_window: window() }), 400, 'label_ids', /fewer than 1/);
      assertFieldError(await schedule({ label_ids: [ups.label_id], contact_details: { ...contact, email: 'nope' }, pickup_window: window() }), 400, 'contact_details.email', /email/);
      assert.equal((await t.api(surface, 'GET', `${prefix}/pickups/pik_unknown`)).statusCode, 404);
      assert.equal((await t.api(surface, 'DELETE', `${prefix}/pickups/pik_unknown`)).statusCode, 404);
    });

    test(`${surface}: a pickup whose window is over cannot be cancelled`, async () => {
      const home = await createWarehouse(t, surface, prefix);
      const label = await buyLabel(t, surface, prefix, carriers.ups, 'ups', home);
      const pickup = (await schedule({ label_ids: [label.label_id], contact_details: contact, pickup_window: window('2027-05-26T16:00:00Z', '2027-05-26T18:00:00Z') })).json();
      assert.ok(pickup.pickup_id, 'the rest of today can be booked');
      t.ctx.clock.set(new Date('2027-05-26T19:00:00Z'));
      try {
        assertFieldError(await t.api(surface, 'DELETE', `${prefix}/pickups/${pickup.pickup_id}`), 400, null, /has already taken place/);
      } finally {
        t.ctx.clock.set(NOW);
      }
    });

    test(`${surface}: two pickups racing for the same label: one is scheduled, the other refused`, async () => {
      const home = await createWarehouse(t, surface, prefix);
      const label = await buyLabel(t, surface, prefix, carriers.fedex, 'fedex', home);
      const body = { label_ids: [label.label_id], contact_details: contact, pickup_window: window() };
      const results = await Promise.all([schedule(body), schedule(body)]);
      assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 400], results.map((r) => r.body).join('\n'));
      assert.equal((await t.api(surface, 'GET', `${prefix}/pickups?warehouse_id=${home}`)).json().total, 1);
    });

    test(`${surface}: another account's pickups and labels are 404`, async () => {
      const home = await createWarehouse(t, surface, prefix);
      const label = await buyLabel(t, surface, prefix, carriers.ups, 'ups', home);
      const pickup = (await schedule({ label_ids: [label.label_id], contact_details: contact, pickup_window: window() })).json();
      const stranger = await otherAccount(t);
      assert.equal((await t.api(surface, 'GET', `${prefix}/pickups/${pickup.pickup_id}`, undefined, stranger)).statusCode, 404);
      assert.equal((await t.api(surface, 'DELETE', `${prefix}/pickups/${pickup.pickup_id}`, undefined, stranger)).statusCode, 404);
      const theirs = await schedule({ label_ids: [label.label_id], contact_details: contact, pickup_window: window('2027-05-28', '2027-05-28') }, stranger);
      assert.equal(theirs.statusCode, 404, theirs.body);
      assert.equal((await t.api(surface, 'GET', `${prefix}/pickups`, undefined, stranger)).json().total, 0);
      assert.equal((await t.api(surface, 'GET', `${prefix}/pickups/${pickup.pickup_id}`)).json().cancelled_at, undefined, 'still scheduled');
    });
  }
});
