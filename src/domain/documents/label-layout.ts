// Turns a label model into positioned elements on the 812 x 1218 dot canvas, following the
// "generic simulator label" zones of reference/domain/label-anatomy.md.
import type { LabelDocumentInput } from './label-document.ts';
import {
  type BitmapElement,
  LABEL_HEIGHT_DOTS,
  LABEL_WIDTH_DOTS,
  type LabelElement,
  type LabelLayout,
  type LinearBarcodeElement,
  type MatrixBarcodeElement,
} from './label-elements.ts';
import { carrierLabelStyle, type CarrierLabelStyle } from './carrier-label-style.ts';
import { CODE128_QUIET_ZONE_MODULES, encodeLinear, encodeMatrix } from './barcode-symbols.ts';
import { box, centredBaseline, fill, text, textBlock } from './layout-primitives.ts';
import { LOGO_BOX } from './label-logo.ts';
import { addressLines, formatCents, formatDimensions, formatWeight, routingCode } from './label-text.ts';
import { dhlLicensePlate, dhlRoutingBarcodeData, dhlServiceAreas, fedexRouting, postalBarcodeData, upsRoutingCode } from './carrier-routing.ts';
import { maxiCodeBitmap, upsMaxiCodeMessage } from './maxicode.ts';

const MARGIN = 16;
const CONTENT_WIDTH = LABEL_WIDTH_DOTS - 2 * MARGIN;
/** Scanners at 203 dpi read 2-4 dot modules best; wider only wastes label width. */
const MAX_LINEAR_MODULE = 4;
const MAX_MATRIX_MODULE = 8;

function header(input: LabelDocumentInput, style: CarrierLabelStyle): LabelElement[] {
  const fromLines = addressLines(input.shipFrom, input.international).map((line) => line.toUpperCase());
  const indicia = [
    style.paymentCaption,
    input.carrierName.toUpperCase(),
    input.postageCents === undefined ? null : formatCents(input.postageCents),
    input.shipDate,
    `FROM ${input.shipFrom.postalCode.toUpperCase()}`,
  ].filter((line): line is string => line !== null);
  const mark = { x: 628, y: MARGIN, side: 168 };
  const markSize = 140;
  // A branded label gives the left of the FROM block to the logo (label-anatomy: branding box).
  const logo = input.logo;
  const fromX = logo ? LOGO_BOX.x + LOGO_BOX.width + 12 : MARGIN;
  const fromWidth = 420 - fromX;
  return [
    ...(logo ? [{ kind: 'bitmap' as const, x: LOGO_BOX.x, y: LOGO_BOX.y, width: logo.width, height: logo.height, bits: logo.bits }] : []),
    text('FROM:', { x: fromX, baseline: 34, width: fromWidth, size: 20, bold: true }),
    ...textBlock(fromLines, { x: fromX, top: 42, bottom: 192, width: fromWidth, maxSize: 24 }),
    box(432, MARGIN, 184, 176, 3),
    ...textBlock(indicia, { x: 440, top: 26, bottom: 186, width: 168, maxSize: 22, bold: true, align: 'center' }),
    style.serviceMark.inverted ? fill(mark.x, mark.y, mark.side, mark.side) : box(mark.x, mark.y, mark.side, mark.side, 6),
    ...(style.serviceMark.text
      ? [
          text(style.serviceMark.text, {
            x: mark.x,
            baseline: centredBaseline(mark.y, mark.side, markSize),
            width: mark.side,
            size: markSize,
            bold: true,
            align: 'center',
            inverse: style.serviceMark.inverted,
          }),
        ]
      : []),
  ];
}

function serviceBanner(style: CarrierLabelStyle): LabelElement[] {
  const top = 204;
  const height = 66;
  const size = 44;
  return [
    fill(0, top, LABEL_WIDTH_DOTS, height),
    text(style.bannerText, {
      x: MARGIN,
      baseline: centredBaseline(top, height, size),
      width: CONTENT_WIDTH,
      size,
      bold: true,
      align: 'center',
      inverse: true,
    }),
  ];
}

/** The big routing row at the top of the routing box: zone + sort code (USPS), or each carrier's routing mark. */
function routingRow(input: LabelDocumentInput, style: CarrierLabelStyle, left: number): LabelElement[] {
  switch (style.family) {
    case 'ups':
      return [text(upsRoutingCode(input.shipTo), { x: left, baseline: 346, width: 496, size: 56, bold: true })];
    case 'fedex': {
      const routing = fedexRouting(input);
      return [
        text(routing.ursa, { x: left, baseline: 342, width: 330, size: 56, bold: true }),
        text(routing.detail, { x: left, baseline: 378, width: 330, size: 28, bold: true }),
      ];
    }
    case 'dhl': {
      const areas = dhlServiceAreas(input);
      return [
        text(areas.destination, { x: left, baseline: 350, width: 250, size: 64, bold: true }),
        text(`${input.shipTo.countryCode.toUpperCase()}-${areas.origin}`, { x: 276, baseline: 350, width: 250, size: 40, bold: true, align: 'right' }),
      ];
    }
    default: {
      const routing = routingCode(input.shipTo);
      return input.zone === null
        ? [text(routing, { x: left, baseline: 346, width: 496, size: 56, bold: true })]
        : [
            text(`ZONE ${input.zone}`, { x: left, baseline: 346, width: 240, size: 56, bold: true }),
            text(routing, { x: 276, baseline: 346, width: 250, size: 56, bold: true, align: 'right' }),
          ];
    }
  }
}

/** The routing box's second barcode: UPS (420) postal code, DHL 2L routing; none for USPS (its IMpb has the ZIP) and FedEx. */
function routingBarcode(input: LabelDocumentInput, style: CarrierLabelStyle): LinearBarcodeElement | null {
  const area = { x: 30, width: 330, y: 362, height: 84 };
  if (style.family === 'ups') {
    const data = postalBarcodeData(input.shipTo);
    return data ? linearBarcode('postal', 'gs1-128', data, area) : null;
  }
  if (style.family === 'dhl') return linearBarcode('routing', 'code128', dhlRoutingBarcodeData(input.shipTo), area);
  return null;
}

function routingSection(input: LabelDocumentInput, style: CarrierLabelStyle): LabelElement[] {
  const left = 30;
  const barcode = routingBarcode(input, style);
  const details = [
    `SHIP DATE: ${input.shipDate}`,
    `WEIGHT: ${formatWeight(input.weightOz)}`,
    input.dimensionsIn ? `DIMS: ${formatDimensions(input.dimensionsIn)}` : null,
    input.international ? 'CUSTOMS FORM ATTACHED' : null,
  ].filter((line): line is string => line !== null);
  // With a second barcode the details share one small line under it.
  const detailLines = barcode ? [details.slice(0, 2).join('  '), ...details.slice(2)] : details;
  const detailsTop = barcode ? 452 : style.family === 'fedex' ? 392 : 372;
  return [
    box(MARGIN, 282, 524, 230, 3),
    ...routingRow(input, style, left),
    ...(barcode ? [barcode] : []),
    ...textBlock(detailLines, { x: left, top: detailsTop, bottom: 504, width: barcode ? 496 : 330, maxSize: barcode ? 20 : 26 }),
    text('PKG', { x: 370, baseline: barcode ? 390 : 420, width: 156, size: 22, bold: true, align: 'center' }),
    text(`${input.packageIndex} OF ${input.packageCount}`, {
      x: 370,
      baseline: barcode ? 440 : 474,
      width: 156,
      size: 44,
      bold: true,
      align: 'center',
    }),
  ];
}

/** UPS: the MaxiCode with the structured carrier message, centred in the 2D area. */
function maxiCode(input: LabelDocumentInput): BitmapElement {
  const area = { x: 556, y: 282, width: 240, height: 230 };
  let data = upsMaxiCodeMessage(input);
  let symbol: ReturnType<typeof maxiCodeBitmap>;
  try {
    symbol = maxiCodeBitmap(data);
  } catch {
    // Over the symbol's capacity (unusual tracking number or city): the routing fields alone always fit.
    data = upsMaxiCodeMessage(input, { withCity: false });
    symbol = maxiCodeBitmap(data);
  }
  return {
    kind: 'bitmap',
    x: area.x + Math.floor((area.width - symbol.width) / 2),
    y: area.y + Math.floor((area.height - symbol.height) / 2),
    width: symbol.width,
    height: symbol.height,
    bits: symbol.bits,
    encodes: { symbology: 'maxicode', data },
  };
}

/** 2D code with ship-to postal code, tracking number and service, centred in the given area. */
function matrixBarcode(input: LabelDocumentInput, style: CarrierLabelStyle): MatrixBarcodeElement {
  const area = { x: 556, y: 282, width: 240, height: 230 };
  const data = [input.shipTo.postalCode, input.shipTo.countryCode, input.trackingNumber, input.serviceCode].join('|');
  const pattern = encodeMatrix(style.matrixSymbology, data);
  const quiet = style.matrixSymbology === 'pdf417' ? 2 : 1;
  const moduleWidth = Math.max(
    1,
    Math.min(
      MAX_MATRIX_MODULE,
      Math.floor(area.width / (pattern.columns + 2 * quiet)),
      Math.floor(area.height / (pattern.rows * pattern.rowHeightModules + 2 * quiet)),
    ),
  );
  const moduleHeight = moduleWidth * pattern.rowHeightModules;
  return {
    kind: 'barcode2d',
    symbology: style.matrixSymbology,
    data,
    x: area.x + Math.floor((area.width - pattern.columns * moduleWidth) / 2),
    y: area.y + Math.floor((area.height - pattern.rows * moduleHeight) / 2),
    columns: pattern.columns,
    rows: pattern.rows,
    moduleWidth,
    moduleHeight,
    cells: pattern.cells,
  };
}

function shipToSection(input: LabelDocumentInput): LabelElement[] {
  const lines = addressLines(input.shipTo, input.international).map((line) => line.toUpperCase());
  return [
    text('SHIP', { x: MARGIN, baseline: 560, width: 90, size: 30, bold: true }),
    text('TO:', { x: MARGIN, baseline: 594, width: 90, size: 30, bold: true }),
    ...textBlock(lines, { x: 112, top: 528, bottom: 792, width: LABEL_WIDTH_DOTS - 112 - MARGIN, maxSize: 38, bold: true }),
  ];
}

/** A linear barcode centred in `area`, with the widest whole-dot module (up to 4) whose quiet zones fit. */
function linearBarcode(
  role: LinearBarcodeElement['role'],
  symbology: LinearBarcodeElement['symbology'],
  data: string,
  area: { x: number; width: number; y: number; height: number },
): LinearBarcodeElement {
  const pattern = encodeLinear(symbology, data);
  const moduleWidth = Math.max(
    1,
    Math.min(MAX_LINEAR_MODULE, Math.floor(area.width / (pattern.totalModules + 2 * CODE128_QUIET_ZONE_MODULES))),
  );
  return {
    kind: 'barcode1d',
    role,
    symbology,
    data,
    x: area.x + Math.floor((area.width - pattern.totalModules * moduleWidth) / 2),
    y: area.y,
    height: area.height,
    moduleWidth,
    runs: pattern.runs,
  };
}

function trackingBarcode(style: CarrierLabelStyle, y: number, height: number): LinearBarcodeElement {
  const { symbology, data } = style.trackingBarcode;
  return linearBarcode('tracking', symbology, data, { x: 0, width: LABEL_WIDTH_DOTS, y, height });
}

/** DHL prints the waybill and, under it, the piece's license plate (data identifier J). */
function dhlTrackingSection(input: LabelDocumentInput, style: CarrierLabelStyle): LabelElement[] {
  const plate = dhlLicensePlate(input);
  return [
    fill(0, 800, LABEL_WIDTH_DOTS, 15),
    text(style.trackingCaption, { x: MARGIN, baseline: 844, width: CONTENT_WIDTH, size: 26, bold: true, align: 'center' }),
    trackingBarcode(style, 852, 104),
    text(style.trackingText, { x: MARGIN, baseline: 986, width: CONTENT_WIDTH, size: 28, bold: true, align: 'center' }),
    linearBarcode('license_plate', 'code128', `J${plate}`, { x: 0, width: LABEL_WIDTH_DOTS, y: 996, height: 72 }),
    text(`(J) ${plate.replace(/(.{4})/g, '$1 ').trim()}`, { x: MARGIN, baseline: 1090, width: CONTENT_WIDTH, size: 20, bold: true, align: 'center' }),
    fill(0, 1094, LABEL_WIDTH_DOTS, 15),
  ];
}

function trackingSection(input: LabelDocumentInput, style: CarrierLabelStyle): LabelElement[] {
  if (style.family === 'dhl') return dhlTrackingSection(input, style);
  return [
    fill(0, 800, LABEL_WIDTH_DOTS, 15),
    text(style.trackingCaption, { x: MARGIN, baseline: 852, width: CONTENT_WIDTH, size: 30, bold: true, align: 'center' }),
    trackingBarcode(style, 868, 168),
    text(style.trackingText, { x: MARGIN, baseline: 1078, width: CONTENT_WIDTH, size: 34, bold: true, align: 'center' }),
    fill(0, 1094, LABEL_WIDTH_DOTS, 15),
  ];
}

function footer(input: LabelDocumentInput): LabelElement[] {
  const references = input.references
    .filter((reference) => reference.trim().length > 0)
    .slice(0, 3)
    .map((reference, index) => `REF${index + 1}: ${reference}`);
  const returnBox = { x: 552, y: 1116, width: 244, height: 60 };
  const testBar = { y: 1184, height: 34 };
  return [
    ...textBlock(references, { x: MARGIN, top: 1116, bottom: 1180, width: 520, maxSize: 20 }),
    ...(input.isReturn
      ? [
          fill(returnBox.x, returnBox.y, returnBox.width, returnBox.height),
          text('RETURN', {
            x: returnBox.x,
            baseline: centredBaseline(returnBox.y, returnBox.height, 40),
            width: returnBox.width,
            size: 40,
            bold: true,
            align: 'center',
            inverse: true,
          }),
        ]
      : []),
    ...(input.isTest
      ? [
          fill(0, testBar.y, LABEL_WIDTH_DOTS, testBar.height),
          text('TEST LABEL - DO NOT SHIP', {
            x: MARGIN,
            baseline: centredBaseline(testBar.y, testBar.height, 28),
            width: CONTENT_WIDTH,
            size: 28,
            bold: true,
            align: 'center',
            inverse: true,
          }),
        ]
      : []),
  ];
}

export function layoutLabel(input: LabelDocumentInput): LabelLayout {
  const style = carrierLabelStyle(input);
  return {
    widthDots: LABEL_WIDTH_DOTS,
    heightDots: LABEL_HEIGHT_DOTS,
    elements: [
      ...header(input, style),
      ...serviceBanner(style),
      ...routingSection(input, style),
      style.family === 'ups' ? maxiCode(input) : matrixBarcode(input, style),
      ...shipToSection(input),
      ...trackingSection(input, style),
      ...footer(input),
    ],
  };
}
