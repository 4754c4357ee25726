// Weight x zone price tables. A row holds the prices for weights "not over" its limit;
// a weight is rounded UP to the first row that covers it. Cells are exact, never interpolated.
import type { Cents } from '../shipping-types.ts';
import { dollarsToCents } from './money.ts';
import type { CsvTable } from './csv.ts';

export interface RateRow {
  /** Label as printed, e.g. "4oz", "1lb", "12". */
  label: string;
  maxWeightLb: number;
  /** Zone key ("1".."9" or "A".."N") -> price. */
  prices: ReadonlyMap<string, Cents>;
}

export interface RateTable {
  name: string;
  zones: readonly string[];
  rows: readonly RateRow[];
}

export interface TablePrice {
  cents: Cents;
  row: RateRow;
}

/** Row labels: "4oz", "15.99oz", "0.5lb", "12", "1.0". */
function parseWeightLabel(label: string): number {
  const match = /^(\d+(?:\.\d+)?)(oz|lb)?$/.exec(label);
  if (!match) throw new Error(`Not a weight label: "${label}"`);
  const value = Number(match[1]);
  return match[2] === 'oz' ? value / 16 : value;
}

/** Zone columns are named zone_<key>. */
export function zoneColumns(csv: CsvTable): { key: string; index: number }[] {
  return csv.header.flatMap((name, index) => (name.startsWith('zone_') ? [{ key: name.slice('zone_'.length), index }] : []));
}

export function rowFromCells(label: string, maxWeightLb: number, cells: string[], columns: { key: string; index: number }[]): RateRow {
  const prices = new Map(columns.map(({ key, index }) => [key, dollarsToCents(cells[index])] as const));
  return { label, maxWeightLb, prices };
}

/** Builds a table from CSV rows; `weightColumn` holds the "not over" label. */
export function buildRateTable(name: string, csv: CsvTable, rows: string[][], weightColumn: number): RateTable {
  const columns = zoneColumns(csv);
  const built = rows
    .map((cells) => rowFromCells(cells[weightColumn], parseWeightLabel(cells[weightColumn]), cells, columns))
    .sort((a, b) => a.maxWeightLb - b.maxWeightLb);
  return { name, zones: columns.map((column) => column.key), rows: built };
}

function findRow(table: RateTable, weightLb: number): RateRow | null {
  return table.rows.find((row) => weightLb <= row.maxWeightLb) ?? null;
}

/** Price for a weight and zone, or null when the weight is above the last row or the zone is absent. */
export function lookupPrice(table: RateTable, weightLb: number, zone: string): TablePrice | null {
  const row = findRow(table, weightLb);
  const cents = row?.prices.get(zone);
  return row && cents !== undefined ? { cents, row } : null;
}

export function maxTableWeightLb(table: RateTable): number {
  return table.rows[table.rows.length - 1]?.maxWeightLb ?? 0;
}
