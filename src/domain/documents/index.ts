// Public surface of label and customs document rendering.
export type { LabelDocumentInput, PackageDimensionsIn, KnownLabelCarrier } from './label-document.ts';
export type { LabelLayout, LabelElement } from './label-elements.ts';
export { LABEL_DPI, LABEL_WIDTH_DOTS, LABEL_HEIGHT_DOTS } from './label-elements.ts';
export { layoutLabel } from './label-layout.ts';
export { drawLabelOnPdf, drawLaidOutLabel, newLabelPdf, renderLabelPdf, type LabelPdfLayout, type LabelPdfOptions } from './render-label-pdf.ts';
export { renderLabelPng, type LabelPngOptions } from './render-label-png.ts';
export { renderLabelZpl } from './render-label-zpl.ts';
export {
  buildCustomsDeclaration,
  customsFormType,
  CN22_MAX_VALUE_CENTS,
  type CustomsFormInput,
  type CustomsFormType,
  type CustomsDeclaration,
} from './customs-declaration.ts';
export { imagePixelSize, logoBitmap, LOGO_BOX, type LabelLogo } from './label-logo.ts';
export { renderManifestPdf, type ManifestDocumentInput, type ManifestPiece } from './render-manifest-pdf.ts';
export { drawCustomsForm, renderCustomsFormPdf } from './render-customs-pdf.ts';
export { renderOnPool, closeRenderPool } from './render-pool.ts';
export type { RenderTask } from './render-tasks.ts';
