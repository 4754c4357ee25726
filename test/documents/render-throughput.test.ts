// Prints renders per second of each format (not asserted: machines differ). Target: tens of PDFs/s per core.
import { test } from 'node:test';
import { renderLabelPdf } from '../../src/domain/documents/render-label-pdf.ts';
import { renderLabelPng } from '../../src/domain/documents/render-label-png.ts';
import { renderLabelZpl } from '../../src/domain/documents/render-label-zpl.ts';
import { renderCustomsFormPdf } from '../../src/domain/documents/render-customs-pdf.ts';
import { customsFormForDhl, labelsByCarrier } from './label-fixtures.ts';

async function rate(label: string, count: number, render: (index: number) => Promise<unknown> | unknown): Promise<string> {
  await render(0); // warm-up: module loading and font parsing are not per-label costs
  const started = performance.now();
  for (let index = 0; index < count; index++) await render(index);
  const perSecond = (count * 1000) / (performance.now() - started);
  return `${label}: ${perSecond.toFixed(0)} renders/s`;
}

test('render throughput', async (t) => {
  const input = (index: number) => labelsByCarrier[index % labelsByCarrier.length];
  const results = [
    await rate('PDF 4x6 label', 60, (index) => renderLabelPdf([input(index)], { layout: '4x6' })),
    await rate('PNG 203 dpi label', 40, (index) => renderLabelPng(input(index))),
    await rate('ZPL label', 200, (index) => renderLabelZpl([input(index)])),
    await rate('PDF customs form', 60, () => renderCustomsFormPdf(customsFormForDhl)),
  ];
  for (const result of results) t.diagnostic(result);
});
