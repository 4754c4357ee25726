import { test } from 'node:test';
import assert from 'node:assert/strict';
import { layoutLabel, logoBitmap, LOGO_BOX, renderLabelZpl } from '../../src/domain/documents/index.ts';
import { labelsByCarrier, uspsLabel } from '../documents/label-fixtures.ts';
import { halfBlackPng, smallJpeg } from './images.ts';

test('a JPEG logo is fitted into the box, aspect kept and centred, as black dots', async () => {
  const logo = await logoBitmap(smallJpeg()); // 40x20 black -> 168x84, rows 42..125
  assert.deepEqual([logo.width, logo.height], [LOGO_BOX.width, LOGO_BOX.height]);
  const row = (y: number) => logo.bits.subarray(y * logo.width, (y + 1) * logo.width).reduce((a, b) => a + b, 0);
  assert.equal(row(10), 0);
  assert.equal(row(84), logo.width);
  assert.equal(row(160), 0);
});

test('with a logo, nothing else is drawn in the logo box; without one the layout is unchanged', async () => {
  const logo = await logoBitmap(halfBlackPng());
  for (const input of labelsByCarrier) {
    const plain = layoutLabel(input);
    const branded = layoutLabel({ ...input, logo });
    assert.equal(branded.elements.length, plain.elements.length + 1);
    const right = LOGO_BOX.x + LOGO_BOX.width;
    const bottom = LOGO_BOX.y + LOGO_BOX.height;
    for (const element of branded.elements) {
      if (element.kind === 'bitmap') continue;
      const top = element.kind === 'text' ? element.baseline - element.size : element.y;
      const overlaps = element.x < right && top < bottom && ('width' in element ? element.x + element.width > LOGO_BOX.x : true);
      assert.ok(!overlaps, `${element.kind} ${'text' in element ? element.text : ''} overlaps the logo`);
    }
    const from = plain.elements.find((e) => e.kind === 'text' && e.text === 'FROM:');
    assert.equal(from && from.x, 16);
  }
  assert.ok(!renderLabelZpl([uspsLabel]).includes('^GFA'));
});
