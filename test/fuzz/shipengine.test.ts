import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fuzz, startFuzzApp } from './harness.ts';

test('fuzz: every shipengine route answers hostile input with a 4xx in the surface format', async () => {
  const { t, routes } = await startFuzzApp('shipengine');
  try {
    assert.ok(routes.length > 5, 'routes were enumerated');
    const started = Date.now();
    // FUZZ_SEED explores other cases; the default seed is what the suite replays.
    const failures = await fuzz(t, routes, Number(process.env.FUZZ_SEED ?? 0x5eed));
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    assert.deepEqual(failures, [], `${failures.length} failures over ${routes.length} routes (${seconds}s):\n${failures.join('\n---\n')}`);
  } finally {
    await t.close();
  }
});
