// Label files render on the pool's threads: a burst of first downloads leaves the API answering,
// and concurrent first downloads of one file store it once and all serve the same bytes.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/server.ts';
import { domesticShipment } from '../shipping/fixtures.ts';

type Carrier = { carrier_id: string; carrier_code: string };

describe('label documents off the event loop', () => {
  let t: TestApp;
  let ups: string;
  before(async () => {
    t = await startTestApp();
    ups = ((await t.api('v2', 'GET', '/v2/carriers')).json().carriers as Carrier[]).find((c) => c.carrier_code === 'ups')!.carrier_id;
  });
  after(() => t.close());

  const download = (url: string) => t.inject({ method: 'GET', url: url.replace('http://shipdock.test', '') });
  const buy = async () => {
    const res = await t.api('v2', 'POST', '/v2/labels', { shipment: domesticShipment({ carrier_id: ups, service_code: 'ups_ground' }) });
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };
  const storedCopies = async (labelId: string, name: string) =>
    Number(
      (
        await t.ctx.database.db
          .selectFrom('label_documents')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('label_id', '=', Number(labelId.replace('se-', '')))
          .where('name', '=', name)
          .executeTakeFirstOrThrow()
      ).n,
    );

  test('an API call made while many labels render is answered before the renders finish', async () => {
    const labels = [];
    for (let i = 0; i < 16; i++) labels.push(await buy());
    // The pool's threads are up (a first render starts them), so what follows is the steady state.
    assert.equal((await download((await buy()).label_download.zpl)).statusCode, 200);

    const finished: string[] = [];
    let firstDone!: () => void;
    const first = new Promise<void>((resolve) => (firstDone = resolve));
    const renders = labels.map(async (label) => {
      const png = await download(label.label_download.png);
      finished.push(label.label_id);
      firstDone();
      return png;
    });
    // Once one render is out, the others are rendering or waiting to: now the API is asked.
    await first;
    const carriers = await t.api('v2', 'GET', '/v2/carriers');
    const rendersDoneWhenAnswered = finished.length;
    assert.equal(carriers.statusCode, 200);
    const pngs = await Promise.all(renders);

    assert.ok(rendersDoneWhenAnswered < labels.length, `the API call waited for all ${labels.length} renders`);
    for (const png of pngs) {
      assert.equal(png.statusCode, 200);
      assert.equal(png.headers['content-type'], 'image/png');
      assert.deepEqual([...png.rawPayload.subarray(1, 4)], [0x50, 0x4e, 0x47]);
    }
    assert.equal(new Set(pngs.map((p) => p.rawPayload.toString('base64'))).size, labels.length, 'each label its own image');
  });

  test('concurrent first downloads of one label file store one document and serve the same bytes', async () => {
    const label = await buy();
    for (const format of ['pdf', 'png', 'zpl'] as const) {
      const downloads = await Promise.all(Array.from({ length: 6 }, () => download(label.label_download[format])));
      for (const res of downloads) assert.equal(res.statusCode, 200, res.body);
      assert.equal(new Set(downloads.map((d) => d.rawPayload.toString('base64'))).size, 1, `${format}: one file for every download`);
      assert.equal(await storedCopies(label.label_id, `label-${label.label_id.replace('se-', '')}.${format}`), 1);
      // A later download serves the stored copy.
      const again = await download(label.label_download[format]);
      assert.ok(again.rawPayload.equals(downloads[0].rawPayload));
    }
  });
});
