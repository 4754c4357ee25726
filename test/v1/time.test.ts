import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/server.ts';
import { dateTimeOut } from '../../src/api/v1legacy/shared/values.ts';
import { formatV1DateTime } from '../../src/domain/time/pacific.ts';
import { orderBody } from './fixtures.ts';

describe('V1 speaks US Pacific time', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  const place = async (key: string, orderDate: string) => {
    const response = await t.v1('POST', '/orders/createorder', orderBody({ orderKey: key, orderNumber: `DST-${key}`, orderDate }));
    assert.equal(response.statusCode, 200, response.body);
    const stored = await t.ctx.database.db.selectFrom('orders').select('order_date').where('order_key', '=', key).executeTakeFirstOrThrow();
    return { emitted: response.json().orderDate as string, stored: stored.order_date };
  };

  test('round trips on both sides of the March change', async () => {
    assert.deepEqual(await place('pst', '2024-03-10 01:30:00'), { emitted: '2024-03-10T01:30:00.0000000', stored: '2024-03-10T09:30:00.000Z' });
    assert.deepEqual(await place('pdt', '2024-03-10T03:30:00'), { emitted: '2024-03-10T03:30:00.0000000', stored: '2024-03-10T10:30:00.000Z' });
    // 02:30 does not exist that night: it is read as 03:30 daylight time.
    assert.deepEqual(await place('gap', '2024-03-10 02:30'), { emitted: '2024-03-10T03:30:00.0000000', stored: '2024-03-10T10:30:00.000Z' });
  });

  test('round trips on both sides of the November change', async () => {
    assert.deepEqual(await place('before-fall', '2024-11-03 00:59:59'), { emitted: '2024-11-03T00:59:59.0000000', stored: '2024-11-03T07:59:59.000Z' });
    // The repeated hour is read as its first (daylight) occurrence.
    assert.deepEqual(await place('fall', '2024-11-03 01:30:00'), { emitted: '2024-11-03T01:30:00.0000000', stored: '2024-11-03T08:30:00.000Z' });
    assert.deepEqual(await place('after-fall', '2024-11-03 03:00:00.1234567'), { emitted: '2024-11-03T03:00:00.1230000', stored: '2024-11-03T11:00:00.123Z' });
  });

  test('an explicit offset is honoured and the answer is Pacific', async () => {
    assert.deepEqual(await place('utc', '2024-07-01T12:00:00Z'), { emitted: '2024-07-01T05:00:00.0000000', stored: '2024-07-01T12:00:00.000Z' });
    assert.deepEqual(await place('offset', '2024-01-15T12:00:00+01:00'), { emitted: '2024-01-15T03:00:00.0000000', stored: '2024-01-15T11:00:00.000Z' });
  });

  test('date filters are Pacific too, and a bare date means midnight Pacific', async () => {
    const ids = async (query: string) =>
      (await t.v1('GET', `/orders?orderNumber=DST-&${query}&sortBy=OrderDate`)).json().orders.map((o: { orderNumber: string }) => o.orderNumber.slice(4));
    assert.deepEqual(await ids('orderDateStart=2024-03-10%2001:00:00&orderDateEnd=2024-03-10%2003:45:00'), ['pst', 'pdt', 'gap'], '1h45 of wall time is 45 real minutes');
    assert.deepEqual(await ids('orderDateStart=2024-11-03&orderDateEnd=2024-11-04'), ['before-fall', 'fall', 'after-fall']);
    assert.deepEqual(await ids('orderDateStart=2024-11-03%2001:00:00&orderDateEnd=2024-11-03%2001:59:59'), ['fall']);
    assert.deepEqual(await ids('orderDateEnd=2024-07-01%2005:00:00&orderDateStart=2024-07-01'), ['utc'], 'end is inclusive');
  });

  test('createDate and modifyDate are the server clock in Pacific time', async () => {
    // The clock keeps running, so only the seconds are compared.
    t.ctx.clock.set(new Date('2026-11-01T08:30:00.000Z'));
    const first = await t.v1('POST', '/orders/createorder', orderBody({ orderKey: 'clock', orderNumber: 'CLOCK' }));
    assert.match(first.json().createDate, /^2026-11-01T01:30:0\d\.\d{7}$/, 'PDT, UTC-7');
    t.ctx.clock.set(new Date('2026-11-01T09:30:00.000Z'));
    const second = await t.v1('POST', '/orders/createorder', orderBody({ orderKey: 'clock', orderNumber: 'CLOCK' }));
    assert.match(second.json().modifyDate, /^2026-11-01T01:30:0\d\.\d{7}$/, 'an hour later it is 01:30 again, PST');
    assert.equal(second.json().createDate, first.json().createDate);
    t.ctx.clock.set(new Date());
  });

  test('the per-hour offset cache formats exactly like formatV1DateTime, across both changes', () => {
    const instants: number[] = [];
    for (const day of ['2024-03-09T00:00:00Z', '2024-11-02T00:00:00Z', '2026-03-07T00:00:00Z', '2026-10-31T00:00:00Z']) {
      for (let ms = Date.parse(day); ms < Date.parse(day) + 3 * 86_400_000; ms += 7 * 60_000 + 13) instants.push(ms);
    }
    for (let i = 0; i < 2000; i += 1) instants.push(Date.parse('2000-01-01T00:00:00Z') + Math.floor(Math.random() * 40 * 365 * 86_400_000));
    for (const ms of instants) {
      const iso = new Date(ms).toISOString();
      assert.equal(dateTimeOut(iso), formatV1DateTime(new Date(ms)), iso);
    }
  });
});
