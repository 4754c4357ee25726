// Combined label documents: many labels in one PDF (4x6 or two per letter page) or one ZPL
// stream, and their customs forms in one PDF. Pages stream into stored chunks label group by
// label group, so memory stays flat however many labels there are. Label pages (PDF page content
// streams, ZPL) are made on the render pool's threads, a few slices ahead of the writing.
import type { Executor } from '../../db/index.ts';
import type { LabelDocumentInput, LabelLogo, LabelPdfLayout } from '../documents/index.ts';
import { CombinedPdf } from '../documents/combined-pdf.ts';
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
  // Pages are drawn and compressed on the pool; this thread only frames them (combined-pdf.ts).
  const pdf = new CombinedPdf((chunk) => writer.push(chunk), layout, { title: 'Shipping labels', createdAt: target.now });
  let slots = 0;
  await pipelined(
    inputGroups,
    (labels) => {
      const inputs = labels.flat();
      const firstSlot = slots;
      slots += inputs.length;
      return renderOnPool({ kind: 'label-pages', inputs, layout, firstSlot }).then((pages) => [pages]);
    },
    async ([pages], groupDone) => {
      let at = 0;
      for (const length of pages.lengths) {
        pdf.addLabel(pages.bytes.subarray(at, at + length), pages.fonts);
        at += length;
      }
      await afterSlice(groupDone);
    },
  );
  const sheets = pdf.end();
  return writer.finish(sheets);
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
