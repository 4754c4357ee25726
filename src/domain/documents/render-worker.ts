// One thread of the render pool (render-pool.ts): the heavy modules (pdfkit, canvas, bwip-js)
// load here, on first use, never on the thread that answers API calls.
import { move } from 'piscina';
import type { RenderTask } from './render-tasks.ts';

/**
 * Bytes handed back by moving their memory, not copying it. A small Buffer is a slice of Node's
 * shared allocation pool, which must not be moved: it is copied into memory of its own first.
 */
function transferable(bytes: Buffer): Uint8Array {
  const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
  return move(own) as unknown as Uint8Array;
}

let loader: Promise<void> | undefined;

/**
 * Under tsx (tests, `tsx src/server.ts`) the modules below are TypeScript, and on Node 20 a thread
 * does not inherit tsx's loader: register it here. Compiled (dist/*.js) there is nothing to do.
 */
function typescriptLoader(): Promise<void> {
  loader ??= import.meta.url.endsWith('.ts') ? import('tsx/esm/api').then(({ register }) => void register()) : Promise.resolve();
  return loader;
}

export default async function render(task: RenderTask): Promise<unknown> {
  await typescriptLoader();
  switch (task.kind) {
    case 'label-pdf': {
      const { renderLabelPdf } = await import('./render-label-pdf.ts');
      return transferable(await renderLabelPdf(task.inputs, { layout: task.layout }));
    }
    case 'label-png': {
      const { renderLabelPng } = await import('./render-label-png.ts');
      return transferable(await renderLabelPng(task.input, task.dpi === undefined ? {} : { dpi: task.dpi }));
    }
    case 'label-zpl': {
      const { renderLabelZpl } = await import('./render-label-zpl.ts');
      return renderLabelZpl(task.inputs);
    }
    case 'labels-zpl': {
      const { renderLabelZpl } = await import('./render-label-zpl.ts');
      return task.labels.map((inputs) => renderLabelZpl(inputs));
    }
    case 'layouts': {
      const { layoutLabel } = await import('./label-layout.ts');
      return task.inputs.map((input) => layoutLabel(input));
    }
    case 'label-pages': {
      const { labelPageStreams } = await import('./label-page-streams.ts');
      // Copied back, not moved: piscina moves only a task's whole result (a few hundred KB here).
      return labelPageStreams(task.inputs, task.layout, task.firstSlot);
    }
    case 'customs-pdf': {
      const { renderCustomsFormPdf } = await import('./render-customs-pdf.ts');
      return transferable(await renderCustomsFormPdf(task.input));
    }
    case 'manifest-pdf': {
      const { renderManifestPdf } = await import('./render-manifest-pdf.ts');
      return transferable(await renderManifestPdf(task.input));
    }
    case 'mail-pdf': {
      const mail = await import('./render-mail-pdf.ts');
      const render = task.sheet === 'envelope' ? mail.renderEnvelopePdf(task.pieces[0]) : task.sheet === 'mail_labels' ? mail.renderMailLabelsPdf(task.pieces) : mail.renderNetStampsPdf(task.pieces);
      return transferable(await render);
    }
    case 'logo': {
      const { logoBitmap } = await import('./label-logo.ts');
      return logoBitmap(Buffer.from(task.image.buffer, task.image.byteOffset, task.image.byteLength));
    }
    case 'image-size': {
      const { imagePixelSize } = await import('./label-logo.ts');
      return imagePixelSize(Buffer.from(task.image.buffer, task.image.byteOffset, task.image.byteLength));
    }
    default:
      throw new Error(`unknown render task ${(task as { kind?: unknown }).kind}`);
  }
}
