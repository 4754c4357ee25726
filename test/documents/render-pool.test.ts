// The render pool's threads give exactly what rendering on this thread gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { layoutLabel, renderLabelZpl, renderOnPool } from '../../src/domain/documents/index.ts';
import { renderLabelPng } from '../../src/domain/documents/render-label-png.ts';
import { customsFormForDhl, labelsByCarrier } from './label-fixtures.ts';
import { pdfMediaBoxes } from './document-tools.ts';

test('pool threads lay labels out as this thread does, in the order asked', async () => {
  const groups = [labelsByCarrier.slice(0, 2), labelsByCarrier.slice(2)];
  const laidOut = await Promise.all(groups.map((inputs) => renderOnPool({ kind: 'layouts', inputs })));
  assert.deepEqual(laidOut.flat(), labelsByCarrier.map((input) => layoutLabel(input)));
});

test('pool renders come back as Buffers with the same content as in-thread renders', async () => {
  const [input] = labelsByCarrier;
  const png = await renderOnPool({ kind: 'label-png', input });
  assert.ok(Buffer.isBuffer(png));
  assert.ok(png.equals(await renderLabelPng(input)), 'PNG bytes are deterministic and identical');
  assert.equal(await renderOnPool({ kind: 'label-zpl', inputs: [input] }), renderLabelZpl([input]));
  assert.deepEqual(await renderOnPool({ kind: 'labels-zpl', labels: [[input], labelsByCarrier.slice(1, 3)] }), [renderLabelZpl([input]), renderLabelZpl(labelsByCarrier.slice(1, 3))]);
  const pdf = await renderOnPool({ kind: 'label-pdf', inputs: [input], layout: '4x6' });
  assert.ok(Buffer.isBuffer(pdf));
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.deepEqual(pdfMediaBoxes(pdf), [[0, 0, 288, 432]]);
  const twoUp = await renderOnPool({ kind: 'label-pdf', inputs: labelsByCarrier.slice(0, 3), layout: 'letter' });
  assert.deepEqual(pdfMediaBoxes(twoUp), [[0, 0, 612, 792], [0, 0, 612, 792]]);
  const form = await renderOnPool({ kind: 'customs-pdf', input: customsFormForDhl });
  assert.equal(form.subarray(0, 5).toString('latin1'), '%PDF-');
});

test('a burst beyond the queue limit waits its turn instead of failing', async () => {
  const [input] = labelsByCarrier;
  const results = await Promise.all(Array.from({ length: 300 }, () => renderOnPool({ kind: 'label-zpl', inputs: [input] })));
  assert.equal(new Set(results).size, 1);
  assert.equal(results.length, 300);
});

test('a task that fails rejects its caller only', async () => {
  await assert.rejects(renderOnPool({ kind: 'image-size', image: new Uint8Array([1, 2, 3]) }));
  assert.deepEqual(await renderOnPool({ kind: 'layouts', inputs: [labelsByCarrier[0]] }), [layoutLabel(labelsByCarrier[0])]);
});
