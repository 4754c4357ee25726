// Combined label documents: many labels in one PDF (4x6 or two per letter page) or one ZPL
// stream, and their customs forms in one PDF. Pages stream into stored chunks label group by
// label group, so memory stays flat however many labels there are. The labels are laid out (their
// barcodes: most of the work) on the render pool's threads, a few slices ahead of the drawing.
import type { Executor } from '../../db/index.ts';
import type { LabelDocumentInput, LabelLayout, LabelLogo, LabelPdfLayout } from '../documents/index.ts';
import { renderOnPool, renderThreads } from '../documents/render-pool.ts';
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
}

/** Labels per pool task: small enough to spread a group over the threads, big enough to pay the hop. */
const LABELS_PER_TASK = 25;

/**
 * Runs `work` on slices of each group on the pool, keeping a few slices per thread in flight,
 * and hands the results to `use` in order, group by group.
 */
async function pipelined<T, R>(groups: AsyncIterable<T[]>, work: (slice: T[]) => Promise<R[]>, use: (results: R[], groupDone: boolean) => Promise<void>): Promise<void> {
  const inFlightLimit = renderThreads() * 3;
  const ahead: { result: Promise<R[]>; groupDone: boolean }[] = [];
  const takeOne = async () => {
    const next = ahead.shift()!;
    await use(await next.result, next.groupDone);
  };
  try {
    for await (const group of groups) {
      for (let start = 0; start < group.length; start += LABELS_PER_TASK) {
        const result = work(group.slice(start, start + LABELS_PER_TASK));
        result.catch(() => {}); // awaited in turn below; not an unhandled rejection meanwhile
        ahead.push({ result, groupDone: start + LABELS_PER_TASK >= group.length });
        if (ahead.length > inFlightLimit) await takeOne();
      }
    }
    while (ahead.length > 0) await takeOne();
  } finally {
    // On failure, let the slices still running settle before the caller cleans up.
    await Promise.allSettled(ahead.map((a) => a.result));
  }
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
  let packages = 0;
  const inputGroups = (async function* () {
    for await (const labels of groups) {
      const inputs: LabelDocumentInput[][] = [];
      for (const label of labels) {
        const key = label.labelImageId ?? null;
        if (!logos.has(key)) logos.set(key, labelLogo(ex, label));
        inputs.push(documentInputs(label, await logos.get(key)!));
        packages += label.packages.length;
      }
      yield inputs;
    }
  })();
  const afterSlice = async (groupDone: boolean) => {
    await writer.flush();
    if (groupDone) await options.onGroup?.();
  };
  if (format === 'zpl') {
    await pipelined(
      inputGroups,
      (labels) => renderOnPool({ kind: 'labels-zpl', labels }),
      async (zpl, groupDone) => {
        for (const text of zpl) writer.push(text);
        await afterSlice(groupDone);
      },
    );
    return writer.finish(packages);
  }
  const { drawLaidOutLabel, newLabelPdf } = await import('../documents/render-label-pdf.ts');
  const doc = newLabelPdf('Shipping labels');
  doc.on('data', (chunk: Buffer) => writer.push(chunk));
  let slots = 0;
  await pipelined(
    inputGroups,
    (labels) => renderOnPool({ kind: 'layouts', inputs: labels.flat() }),
    async (layouts: LabelLayout[], groupDone) => {
      for (const laidOut of layouts) drawLaidOutLabel(doc, laidOut, layout, slots++);
      await afterSlice(groupDone);
    },
  );
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
  let drawCustomsForm: typeof import('../documents/render-customs-pdf.ts').drawCustomsForm | undefined;
  for await (const labels of groups) {
    for (const label of labels) {
      if (!label.customs) continue;
      if (!writer || !doc) {
        const { newLabelPdf } = await import('../documents/render-label-pdf.ts');
        drawCustomsForm ??= (await import('../documents/render-customs-pdf.ts')).drawCustomsForm;
        writer = await DocumentWriter.open(ex, target.accountId, target.kind, target.fileName, CONTENT_TYPES.pdf, target.now);
        const opened: DocumentWriter = writer;
        doc = newLabelPdf('Customs forms');
        doc.on('data', (chunk: Buffer) => opened.push(chunk));
      }
      drawCustomsForm!(doc, customsFormInput(label, label.customs));
      forms++;
    }
    if (writer) await writer.flush();
    await onGroup?.();
  }
  if (!writer || !doc) return null;
  await endPdf(doc);
  return writer.finish(forms);
}
