// Sheet geometry of the mailing documents (render-mail-pdf.ts draws them), apart from the
// renderer so the rules that place pieces on sheets need not load pdfkit.
export const ENVELOPE_SIZE_PT = { width: 684, height: 297 };
/** Top-left of the IMb on the envelope (points); the recipient block starts just below it. */
export const ENVELOPE_IMB_AT = { x: 270, y: 140 };
export const MAIL_LABEL_SHEET = { rows: 5, columns: 2, width: 288, height: 144, left: 11.25, top: 36, gutter: 13.5 };
/** The IMb's top-left inside a mail label (points from the label's corner). */
export const MAIL_LABEL_IMB_AT = { x: 40, y: 68 };
export const NETSTAMPS_SHEET = { rows: 5, columns: 4, width: 126, height: 72, left: 36, top: 72, gapX: 18, gapY: 36 };
