// UPS MaxiCode: the structured carrier message of label-anatomy.md, encoded by bwip-js (mode 2,
// US postal code) and drawn as a 1-inch bitmap of hexagons around the bullseye, so every renderer
// (PDF, PNG, ZPL ^GF) prints the same dots. Scanners such as zbar do not read MaxiCode, so its
// content is checked in unit tests against the encoder's module list.
import type BwipJs from 'bwip-js';
import { lazyPackage } from '../../lazy-package.ts';
import type { LabelDocumentInput } from './label-document.ts';

const bwipjs = lazyPackage<typeof BwipJs>('bwip-js');

const RS = '\x1e';
const GS = '\x1d';
const EOT = '\x04';

/** UPS MaxiCode service classes (the 3-digit service level), by tracking-number service indicator. */
const SERVICE_CLASSES: Readonly<Record<string, string>> = {
  '01': '001', // Next Day Air
  '02': '002', // 2nd Day Air
  '03': '003', // Ground
  '12': '012', // 3 Day Select
  '13': '013', // Next Day Air Saver
  '15': '014', // Next Day Air Early
  '66': '007', // Worldwide Express
  YW: '003',
};

/** Day of the year, 001-366, of a YYYY-MM-DD date. */
function julianDay(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return '001';
  const start = Date.UTC(date.getUTCFullYear(), 0, 1);
  return String(Math.floor((date.getTime() - start) / 86_400_000) + 1).padStart(3, '0');
}

/**
 * The ANSI MH10.8.3 message UPS prints: postal code, country 840, service class, then tracking
 * number, SCAC UPSN, shipper number, Julian pickup day, package n/x, weight, validation flag, city, state.
 */
export function upsMaxiCodeMessage(input: LabelDocumentInput, options: { withCity?: boolean } = {}): string {
  const withCity = options.withCity ?? true;
  const tracking = input.trackingNumber.replace(/\s+/g, '');
  const indicator = tracking.startsWith('1Z') ? tracking.slice(8, 10) : '03';
  const zip = input.shipTo.postalCode.replace(/\D/g, '').slice(0, 9).padEnd(5, '0');
  const weightLb = Math.max(1, Math.ceil(input.weightOz / 16));
  const fields = [
    `[)>${RS}01${GS}96${zip}`,
    '840',
    SERVICE_CLASSES[indicator] ?? '003',
    tracking,
    'UPSN',
    tracking.startsWith('1Z') ? tracking.slice(2, 8) : '',
    julianDay(input.shipDate),
    '',
    `${input.packageIndex}/${input.packageCount}`,
    String(weightLb),
    'Y',
    '', // the street line: left empty, as most UPS labels do, to keep within the symbol's capacity
    withCity ? input.shipTo.cityLocality.toUpperCase().slice(0, MAX_CITY_LENGTH) : '',
    `${withCity ? input.shipTo.stateProvince.toUpperCase().slice(0, 2) : ''}${RS}${EOT}`,
  ];
  return fields.join(GS);
}

/** Mode 2 holds about 84 characters besides the postal data; a long city is cut so the message always fits. */
const MAX_CITY_LENGTH = 16;

/** Dark modules of the 30 x 33 symbol as bwip-js encodes them: index = row * 30 + column. */
export function maxiCodeModules(message: string): Set<number> {
  const [symbol] = bwipjs.raw({ bcid: 'maxicode', text: message, mode: 2 } as Parameters<typeof bwipjs.raw>[0]);
  if (!('pixs' in symbol)) throw new Error('maxicode did not produce modules');
  return new Set(symbol.pixs);
}

export const MAXICODE_COLUMNS = 30;
export const MAXICODE_ROWS = 33;
/** Dark rings of the bullseye, inner and outer radius in module widths (ISO/IEC 16023, as bwip-js draws them). */
const RINGS: readonly [number, number][] = [
  [0.583, 1.349],
  [2.126, 2.892],
  [3.658, 4.424],
];

export interface MaxiCodeBitmap {
  width: number;
  height: number;
  bits: Uint8Array;
  /** Module width in dots, and the centre of module (row, column) for tests. */
  moduleWidth: number;
  centre(row: number, column: number): { x: number; y: number };
}

interface SymbolGeometry {
  width: number;
  height: number;
  /** Dots of each module's hexagon, by module index (row * 30 + column). */
  hexagons: Int32Array[];
  /** Dots of the bullseye rings. */
  eye: Int32Array;
  centre(row: number, column: number): { x: number; y: number };
}

/** The symbol's geometry depends on the module width alone: computed once per width, not per label. */
const geometries = new Map<number, SymbolGeometry>();

function symbolGeometry(moduleWidth: number): SymbolGeometry {
  const known = geometries.get(moduleWidth);
  if (known) return known;
  const rowPitch = (moduleWidth * Math.sqrt(3)) / 2;
  const radius = (moduleWidth / Math.sqrt(3)) * 0.92; // a small gap between hexagons, as printed
  const centre = (row: number, column: number) => ({
    x: column * moduleWidth + (row % 2 === 1 ? moduleWidth : moduleWidth / 2),
    y: radius + row * rowPitch,
  });
  const width = Math.ceil(MAXICODE_COLUMNS * moduleWidth + moduleWidth / 2);
  const height = Math.ceil(2 * radius + (MAXICODE_ROWS - 1) * rowPitch);
  const hexagons: Int32Array[] = [];
  for (let index = 0; index < MAXICODE_COLUMNS * MAXICODE_ROWS; index++) {
    const { x: cx, y: cy } = centre(Math.floor(index / MAXICODE_COLUMNS), index % MAXICODE_COLUMNS);
    const dots: number[] = [];
    for (let y = Math.floor(cy - radius); y <= Math.ceil(cy + radius); y++) {
      for (let x = Math.floor(cx - radius); x <= Math.ceil(cx + radius); x++) {
        const dx = Math.abs(x + 0.5 - cx);
        const dy = Math.abs(y + 0.5 - cy);
        // Pointy-top hexagon of circumradius `radius`.
        if (dx <= (radius * Math.sqrt(3)) / 2 && dy <= radius - dx / Math.sqrt(3) && x >= 0 && y >= 0 && x < width && y < height) dots.push(y * width + x);
      }
    }
    hexagons.push(Int32Array.from(dots));
  }
  const eyeCentre = centre(16, 14);
  const eye: number[] = [];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const r = Math.hypot(x + 0.5 - eyeCentre.x, y + 0.5 - eyeCentre.y) / moduleWidth;
      if (RINGS.some(([inner, outer]) => r >= inner && r <= outer)) eye.push(y * width + x);
    }
  }
  const geometry = { width, height, hexagons, eye: Int32Array.from(eye), centre };
  geometries.set(moduleWidth, geometry);
  return geometry;
}

/** Rasterises the symbol with a module width of `moduleWidth` dots (about 6.6 for the 1 in symbol at 203 dpi). */
export function maxiCodeBitmap(message: string, moduleWidth = 6.6): MaxiCodeBitmap {
  const modules = maxiCodeModules(message);
  const { width, height, hexagons, eye, centre } = symbolGeometry(moduleWidth);
  const bits = new Uint8Array(width * height);
  for (const index of modules) for (const dot of hexagons[index]) bits[dot] = 1;
  for (const dot of eye) bits[dot] = 1;
  return { width, height, bits, moduleWidth, centre };
}
