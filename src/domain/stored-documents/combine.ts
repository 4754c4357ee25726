// Combined label documents: many labels in one PDF (4x6 or two per letter page) or one ZPL
// stream, and their customs forms in one PDF. Pages stream into stored chunks label group by
// label group, so memory stays flat however many labels there are.
import type { Executor } from '../../db/index.ts';
import {
  drawCustomsForm,
  drawLaidOutLabel,
  layoutLabel,
  LayoutThreads,
  newLabelPdf,
  renderLabelZpl,
  type LabelDocumentInput,
  type LabelLayout,
  type LabelLogo,
  type LabelPdfLayout,
} from '../documents/index.ts';
import { customsFormInput, documentInputs, labelLogo } from '../labels/documents.ts';
import type { Label } from '../labels/types.ts';
import { DocumentWriter, type DocumentKind, type StoredDocument } from './store.ts';

export type CombinedFormat = 'pdf' | 'zpl';

export interface CombineTarget {
  accountId: number;
  kind: DocumentKind;
  /** File name for the document id, e.g. `(id) => \`combined-${id}.pdf\``. */
  fileName: (id: number) => string;
  now: string;
}

const CONTENT_TYPES: Record<CombinedFormat, string> = { pdf: 'application/pdf', zpl: 'application/zpl' };

function endPdf(doc: PDFKit.PDFDocument): Promise<void> {
  return new Promise((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
    doc.end();
  });
}

export interface CombineOptions {
  /** Called after each group is written (a long job renews its lease there). */
  onGroup?: () => Promise<void>;
  /** Lay labels out on worker threads (worth their start-up for hundreds of labels). */
  threads?: boolean;
}

/** Every package label of every label, in order; `groups` yields labels a database page at a time. */
export async function writeCombinedLabels(
  ex: Executor,
  target: CombineTarget,
  groups: AsyncIterable<Label[]>,
  format: CombinedFormat,
  layout: LabelPdfLayout,
  options: CombineOptions = {},
): Promise<StoredDocument> {
  const writer = await DocumentWriter.open(ex, target.accountId, target.kind, target.fileName, CONTENT_TYPES[format], target.now);
  // Thousands of labels usually share one logo: convert each image once per document.
  const logos = new Map<string | null, Promise<LabelLogo | null>>();
  const inputsOf = async (labels: Label[]) => {
    const inputs: LabelDocumentInput[][] = [];
    for (const label of labels) {
      const key = label.labelImageId ?? null;
      if (!logos.has(key)) logos.set(key, labelLogo(ex, label));
      inputs.push(documentInputs(label, await logos.get(key)!));
    }
    return inputs;
  };
  let slots = 0;
  if (format === 'zpl') {
    for await (const labels of groups) {
      for (const inputs of await inputsOf(labels)) {
        writer.push(renderLabelZpl(inputs));
        slots += inputs.length;
      }
      await writer.flush();
      await options.onGroup?.();
    }
    return writer.finish(slots);
  }
  const doc = newLabelPdf('Shipping labels');
  doc.on('data', (chunk: Buffer) => writer.push(chunk));
  const threads = options.threads ? await LayoutThreads.open() : null;
  const draw = async (layouts: LabelLayout[]) => {
    for (const laidOut of layouts) drawLaidOutLabel(doc, laidOut, layout, slots++);
    await writer.flush();
    await options.onGroup?.();
  };
  try {
    // Layout of the next groups runs on the threads while this one is drawn; pages stay in order.
    const ahead: Promise<LabelLayout[]>[] = [];
    for await (const labels of groups) {
      const inputs = (await inputsOf(labels)).flat();
      // A thread that fails leaves its group to this one.
      ahead.push(threads ? threads.layout(inputs).catch(() => inputs.map(layoutLabel)) : Promise.resolve(inputs.map(layoutLabel)));
      if (ahead.length > 2) await draw(await ahead.shift()!);
    }
    while (ahead.length > 0) await draw(await ahead.shift()!);
  } finally {
    await threads?.close();
  }
  if (slots === 0) throw new Error('a combined label document needs at least one label');
  await endPdf(doc);
  return writer.finish(layout === 'letter' ? Math.ceil(slots / 2) : slots);
}

/** The customs forms of the labels that have one, in order; null when none has. */
export async function writeCombinedForms(
  ex: Executor,
  target: CombineTarget,
  groups: AsyncIterable<Label[]>,
  onGroup?: () => Promise<void>,
): Promise<StoredDocument | null> {
  let writer: DocumentWriter | null = null;
  let doc: PDFKit.PDFDocument | null = null;
  let forms = 0;
  for await (const labels of groups) {
    for (const label of labels) {
      if (!label.customs) continue;
      if (!writer || !doc) {
        writer = await DocumentWriter.open(ex, target.accountId, target.kind, target.fileName, CONTENT_TYPES.pdf, target.now);
        const opened: DocumentWriter = writer;
        doc = newLabelPdf('Customs forms');
        doc.on('data', (chunk: Buffer) => opened.push(chunk));
      }
      drawCustomsForm(doc, customsFormInput(label, label.customs));
      forms++;
    }
    if (writer) await writer.flush();
    await onGroup?.();
  }
  if (!writer || !doc) return null;
  await endPdf(doc);
  return writer.finish(forms);
}
