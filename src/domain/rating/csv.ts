// Minimal CSV reader for the rate tables: plain comma-separated cells, no quoting in these files.
// Kept over csv-parse (README "Design"): ~30x faster on the cold first parse a server start pays.
// What it cannot read (a quote, a row of another width) fails at load with its line number.

export interface CsvTable {
  header: string[];
  rows: string[][];
}

export function parseCsv(text: string): CsvTable {
  const lines = text.split(/\r?\n/).map((line, index) => ({ line, number: index + 1 })).filter(({ line }) => line.trim() !== '');
  const [headerLine, ...bodyLines] = lines;
  if (headerLine === undefined) throw new Error('CSV is empty');
  const cells = ({ line, number }: { line: string; number: number }) => {
    if (line.includes('"')) throw new Error(`CSV line ${number}: quoted cells are not supported`);
    return line.split(',').map((cell) => cell.trim());
  };
  const header = cells(headerLine);
  const rows = bodyLines.map((line) => {
    const row = cells(line);
    if (row.length !== header.length) throw new Error(`CSV line ${line.number}: ${row.length} cells, the header has ${header.length}`);
    return row;
  });
  return { header, rows };
}
