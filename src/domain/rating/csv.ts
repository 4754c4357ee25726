// Minimal CSV reader for the rate tables: plain comma-separated cells, no quoting in these files.

export interface CsvTable {
  header: string[];
  rows: string[][];
}

export function parseCsv(text: string): CsvTable {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const [headerLine, ...bodyLines] = lines;
  if (headerLine === undefined) throw new Error('CSV is empty');
  const header = headerLine.split(',').map((cell) => cell.trim());
  const rows = bodyLines.map((line) => line.split(',').map((cell) => cell.trim()));
  return { header, rows };
}
