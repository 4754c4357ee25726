// Writes a combined label PDF from page content streams drawn elsewhere (label-page-streams.ts, on
// the render pool): this thread only frames them as PDF objects, so thousands of pages cost it
// little CPU and no memory beyond an offset per object. Output goes to `push` as it is made.
import type { PageFonts } from './label-page-streams.ts';

export type CombinedPdfLayout = '4x6' | 'letter';

const SHEET: Record<CombinedPdfLayout, { size: string; labels: number }> = {
  '4x6': { size: '[0 0 288 432]', labels: 1 },
  letter: { size: '[0 0 612 792]', labels: 2 },
};

const CATALOG = 1;
const PAGES = 2;
const INFO = 3;

/** A PDF text string: parentheses and backslashes escaped, Latin-1 only. */
const pdfString = (text: string) => `(${text.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[^\x20-\x7e]/g, '?')})`;

const pdfDate = (iso: string) => `D:${iso.replace(/[-:T]/g, '').slice(0, 14)}Z`;

export class CombinedPdf {
  private offset = 0;
  private readonly offsets: number[] = [];
  private nextId = INFO + 1;
  private readonly kids: number[] = [];
  /** Streams of the sheet being filled (letter: two labels). */
  private sheet: number[] = [];
  private readonly fontIds = new Map<string, { id: number; base: string }>();
  private labels = 0;

  constructor(
    private readonly push: (chunk: Buffer) => void,
    private readonly layout: CombinedPdfLayout,
    private readonly info: { title: string; createdAt: string },
  ) {
    // The binary comment tells transfer programs the file is not text.
    this.write(Buffer.from('%PDF-1.3\n%\xff\xff\xff\xff\n', 'latin1'));
  }

  private write(chunk: Buffer): void {
    this.push(chunk);
    this.offset += chunk.length;
  }

  private object(id: number, body: string, stream?: Uint8Array): void {
    this.offsets[id] = this.offset;
    if (!stream) {
      this.write(Buffer.from(`${id} 0 obj\n${body}\nendobj\n`, 'latin1'));
      return;
    }
    this.write(Buffer.from(`${id} 0 obj\n${body}\nstream\n`, 'latin1'));
    this.write(Buffer.from(stream.buffer, stream.byteOffset, stream.byteLength));
    this.write(Buffer.from('\nendstream\nendobj\n', 'latin1'));
  }

  /** Adds one label's deflated content stream; `fonts` names the fonts its operators use. */
  addLabel(stream: Uint8Array, fonts: PageFonts): void {
    for (const [name, base] of Object.entries(fonts)) {
      const known = this.fontIds.get(name);
      if (known && known.base !== base) throw new Error(`font ${name} is ${known.base} in one label and ${base} in another`);
      if (!known) this.fontIds.set(name, { id: this.nextId++, base });
    }
    const id = this.nextId++;
    this.object(id, `<<\n/Length ${stream.byteLength}\n/Filter /FlateDecode\n>>`, stream);
    this.sheet.push(id);
    this.labels++;
    if (this.sheet.length === SHEET[this.layout].labels) this.endSheet();
  }

  private endSheet(): void {
    if (this.sheet.length === 0) return;
    const id = this.nextId++;
    const contents = this.sheet.length === 1 ? `${this.sheet[0]} 0 R` : `[${this.sheet.map((s) => `${s} 0 R`).join(' ')}]`;
    const fonts = [...this.fontIds].map(([name, font]) => `/${name} ${font.id} 0 R`).join('\n');
    this.object(
      id,
      `<<\n/Type /Page\n/Parent ${PAGES} 0 R\n/MediaBox ${SHEET[this.layout].size}\n/Contents ${contents}\n` +
        `/Resources <<\n/ProcSet [/PDF /Text /ImageB /ImageC /ImageI]\n/Font <<\n${fonts}\n>>\n>>\n>>`,
    );
    this.kids.push(id);
    this.sheet = [];
  }

  /** Writes the document's closing objects and cross-reference table; returns the number of pages. */
  end(): number {
    if (this.labels === 0) throw new Error('a combined label document needs at least one label');
    this.endSheet();
    for (const { id, base } of this.fontIds.values()) {
      this.object(id, `<<\n/Type /Font\n/BaseFont /${base}\n/Subtype /Type1\n/Encoding /WinAnsiEncoding\n>>`);
    }
    this.object(PAGES, `<<\n/Type /Pages\n/Count ${this.kids.length}\n/Kids [${this.kids.map((k) => `${k} 0 R`).join(' ')}]\n>>`);
    this.object(CATALOG, `<<\n/Type /Catalog\n/Pages ${PAGES} 0 R\n>>`);
    const date = pdfDate(this.info.createdAt);
    this.object(INFO, `<<\n/Title ${pdfString(this.info.title)}\n/Creator (Shipdock)\n/Producer (Shipdock)\n/CreationDate (${date})\n>>`);
    const xref = this.offset;
    const size = this.nextId;
    const rows = ['xref', `0 ${size}`, '0000000000 65535 f '];
    for (let id = 1; id < size; id++) rows.push(`${String(this.offsets[id]).padStart(10, '0')} 00000 n `);
    this.write(Buffer.from(`${rows.join('\n')}\ntrailer\n<<\n/Size ${size}\n/Root ${CATALOG} 0 R\n/Info ${INFO} 0 R\n>>\nstartxref\n${xref}\n%%EOF\n`, 'latin1'));
    return this.kids.length;
  }
}
