// The clock's account scopes: an account on the process clock runs without one (no AsyncLocalStorage
// cost on its requests); a moved clock holds across awaits; scopes do not leak into each other.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Clock } from '../../src/domain/clock.ts';

const HOUR = 3600_000;
const near = (a: Date, b: number) => Math.abs(a.getTime() - b) < 1000;

test('withOffset: a moved clock holds across awaits; offset 0 is the process clock, also inside a moved scope', async () => {
  const clock = new Clock();
  clock.advance(HOUR);
  const seen = await clock.withOffset(5 * HOUR, async () => {
    await new Promise((resolve) => setTimeout(resolve, 5));
    const inner = await clock.withOffset(0, async () => {
      await Promise.resolve();
      return clock.now();
    });
    return { moved: clock.now(), inner };
  });
  assert.ok(near(seen.moved, Date.now() + 6 * HOUR));
  assert.ok(near(seen.inner, Date.now() + HOUR), 'offset 0 inside a moved scope is the process clock');
  assert.ok(near(clock.now(), Date.now() + HOUR), 'no scope outside');
  assert.ok(near(clock.withOffset(0, () => clock.now()), Date.now() + HOUR));
});

test('concurrent scopes each keep their own offset', async () => {
  const clock = new Clock();
  const read = (offset: number) =>
    clock.withOffset(offset, async () => {
      await new Promise((resolve) => setTimeout(resolve, offset ? 10 : 1));
      return clock.now().getTime() - Date.now();
    });
  const [a, b, c] = await Promise.all([read(2 * HOUR), read(0), read(7 * HOUR)]);
  assert.ok(Math.abs(a - 2 * HOUR) < 1000 && Math.abs(b) < 1000 && Math.abs(c - 7 * HOUR) < 1000);
});
