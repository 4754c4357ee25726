// The layout threads behind big combined PDFs start, and lay labels out exactly as this thread does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { layoutLabel, LayoutThreads } from '../../src/domain/documents/index.ts';
import { labelsByCarrier } from '../documents/label-fixtures.ts';

test('layout threads give the same layouts as the main thread, in the order asked', async () => {
  const threads = await LayoutThreads.open(2);
  assert.ok(threads, 'layout threads start');
  try {
    const groups = [labelsByCarrier.slice(0, 2), labelsByCarrier.slice(2)];
    const laidOut = await Promise.all(groups.map((group) => threads.layout(group)));
    assert.deepEqual(laidOut.flat(), labelsByCarrier.map((input) => layoutLabel(input)));
  } finally {
    await threads.close();
  }
});
