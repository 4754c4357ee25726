// What the render pool's threads are asked to do (render-pool.ts sends, render-worker.ts does):
// plain, structured-cloneable inputs only, so a task crosses to a thread as data, not as code.
import type { CustomsFormInput } from './customs-declaration.ts';
import type { LabelDocumentInput } from './label-document.ts';
import type { LabelLayout } from './label-elements.ts';
import type { LabelLogo } from './label-logo.ts';
import type { LabelPageStreams } from './label-page-streams.ts';
import type { MailPieceDocument } from './render-mail-pdf.ts';
import type { ManifestDocumentInput } from './render-manifest-pdf.ts';

export type RenderTask =
  | { kind: 'label-pdf'; inputs: LabelDocumentInput[]; layout: '4x6' | 'letter' }
  | { kind: 'label-png'; input: LabelDocumentInput; dpi?: number }
  | { kind: 'label-zpl'; inputs: LabelDocumentInput[] }
  /** ZPL of many labels at once (combined documents): one string per label. */
  | { kind: 'labels-zpl'; labels: LabelDocumentInput[][] }
  /** Layouts, for a caller that draws them itself. */
  | { kind: 'layouts'; inputs: LabelDocumentInput[] }
  /** Page content streams of a combined PDF (combined-pdf.ts writes them out); input i is in slot firstSlot + i. */
  | { kind: 'label-pages'; inputs: LabelDocumentInput[]; layout: '4x6' | 'letter'; firstSlot: number }
  | { kind: 'customs-pdf'; input: CustomsFormInput }
  | { kind: 'manifest-pdf'; input: ManifestDocumentInput }
  /** An envelope (the first piece), a sheet of mail labels or of NetStamps. */
  | { kind: 'mail-pdf'; sheet: 'envelope' | 'mail_labels' | 'netstamps'; pieces: MailPieceDocument[] }
  | { kind: 'logo'; image: Uint8Array }
  | { kind: 'image-size'; image: Uint8Array };

/** The answer to each kind of task. */
export interface RenderResults {
  'label-pdf': Uint8Array;
  'label-png': Uint8Array;
  'label-zpl': string;
  'labels-zpl': string[];
  layouts: LabelLayout[];
  'label-pages': LabelPageStreams;
  'customs-pdf': Uint8Array;
  'manifest-pdf': Uint8Array;
  'mail-pdf': Uint8Array;
  logo: LabelLogo;
  'image-size': { width: number; height: number };
}

export type TaskOf<K extends RenderTask['kind']> = Extract<RenderTask, { kind: K }>;
