// Helvetica advance widths, read from the AFM files pdfkit ships, so the layout can
// size text exactly as the PDF renderer will draw it (PNG and ZPL fonts are close or narrower).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

// AFM glyph names outside ASCII that labels actually print (service marks).
const NAMED_GLYPHS: Record<string, string> = { registered: '®', trademark: '™' };

/** Width of a character the font has no metric for: about a wide capital, so text is never underestimated. */
const UNKNOWN_GLYPH_EM = 0.78;

function loadWidths(fontFile: string): Map<string, number> {
  const afm = readFileSync(require.resolve(`pdfkit/js/data/${fontFile}`), 'utf8');
  const widths = new Map<string, number>();
  for (const match of afm.matchAll(/^C (-?\d+) ; WX (\d+) ; N (\w+)/gm)) {
    const code = Number(match[1]);
    const em = Number(match[2]) / 1000;
    const named = NAMED_GLYPHS[match[3]];
    // Codes 32-126 of Adobe StandardEncoding coincide with ASCII (quote glyphs differ only in shape).
    if (code >= 32 && code <= 126) widths.set(String.fromCharCode(code), em);
    else if (named) widths.set(named, em);
  }
  return widths;
}

const REGULAR = loadWidths('Helvetica.afm');
const BOLD = loadWidths('Helvetica-Bold.afm');

function charWidthEm(char: string, widths: Map<string, number>): number {
  // Accented Latin letters share their base letter's advance width.
  return widths.get(char) ?? widths.get(char.normalize('NFD')[0]) ?? UNKNOWN_GLYPH_EM;
}

export function textWidth(text: string, size: number, bold: boolean): number {
  const widths = bold ? BOLD : REGULAR;
  let em = 0;
  for (const char of text) em += charWidthEm(char, widths);
  return em * size;
}

export interface FittedText {
  text: string;
  size: number;
}

/**
 * Largest size <= `size` at which `text` fits `maxWidth`; below `minSize` the text is
 * cut with an ellipsis instead, so long addresses never overflow into neighbouring blocks.
 */
export function fitText(text: string, size: number, bold: boolean, maxWidth: number, minSize: number): FittedText {
  const natural = textWidth(text, size, bold);
  if (natural <= maxWidth) return { text, size };
  const scaled = Math.floor((size * maxWidth) / natural);
  if (scaled >= minSize) return { text, size: scaled };
  // ASCII dots rather than U+2026: thermal printer fonts do not all carry an ellipsis glyph.
  const chars = [...text];
  while (chars.length > 1 && textWidth(chars.join('') + '...', minSize, bold) > maxWidth) chars.pop();
  return { text: chars.join('').trimEnd() + '...', size: minSize };
}
