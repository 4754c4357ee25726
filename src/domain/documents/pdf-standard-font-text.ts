// pdfkit's built-in Helvetica (not embedded, keeps PDFs small and fast) only encodes
// Windows-1252; anything else would print as mojibake, so it is mapped to something printable.

/** Windows-1252 characters outside Latin-1 (0x80-0x9F block). */
const CP1252_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

function encodable(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff) || CP1252_EXTRAS.has(char);
}

/** Keeps Windows-1252 text, strips other accents to the base letter ("ő" -> "o"), else "?". */
export function standardFontText(text: string): string {
  let printable = '';
  for (const char of text) {
    if (encodable(char)) printable += char;
    else {
      const base = char.normalize('NFD')[0];
      printable += base !== char && encodable(base) ? base : '?';
    }
  }
  return printable;
}
