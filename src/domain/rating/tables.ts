// The rate tables shipped in reference/domain/rates, parsed once at module load.
import type { Cents } from '../shipping-types.ts';
import { parseCsv, type CsvTable } from './csv.ts';
import { dollarsToCents } from './money.ts';
import { buildRateTable, rowFromCells, zoneColumns, type RateRow, type RateTable } from './rate-table.ts';
import { readReferenceJson, readReferenceText } from './reference-data.ts';

function readCsv(file: string): CsvTable {
  return parseCsv(readReferenceText(`rates/${file}`));
}

function simpleTable(name: string, file: string): RateTable {
  const csv = readCsv(file);
  return buildRateTable(name, csv, csv.rows, 0);
}

/** The transcribed Priority Mail zone 9 column is ~2x zone 8, which looks wrong (README): price zone 9 as zone 8. */
function withZone9AsZone8(table: RateTable): RateTable {
  const rows = table.rows.map((row) => {
    const prices = new Map(row.prices);
    const zone8 = prices.get('8');
    if (zone8 !== undefined) prices.set('9', zone8);
    return { ...row, prices };
  });
  return { ...table, rows };
}

export const USPS_TABLES = {
  groundAdvantageRetail: simpleTable('USPS Ground Advantage retail 2025-10', 'usps_ground_advantage_retail_2025-10.csv'),
  groundAdvantageCommercial: simpleTable('USPS Ground Advantage commercial 2026-07', 'usps_ground_advantage_commercial_2026-07.csv'),
  priorityMail: withZone9AsZone8(simpleTable('USPS Priority Mail retail 2025-10', 'usps_priority_mail_retail_2025-10.csv')),
  priorityMailExpress: simpleTable('USPS Priority Mail Express retail 2025-10', 'usps_priority_mail_express_retail_2025-10.csv'),
};

/**
 * Average commercial discount used where no commercial table is shipped: usps_flat_rate.json's rule of thumb
 * puts retail 10-20% above commercial, so commercial = retail / 1.15, i.e. 13% off (rounded to the cent).
 */
export const USPS_DERIVED_COMMERCIAL_DISCOUNT_PERCENT = 13;

function discounted(cents: Cents): Cents {
  return Math.round((cents * (100 - USPS_DERIVED_COMMERCIAL_DISCOUNT_PERCENT)) / 100);
}

function derivedCommercial(name: string, retail: RateTable): RateTable {
  const rows = retail.rows.map((row) => ({ ...row, prices: new Map([...row.prices].map(([zone, cents]) => [zone, discounted(cents)] as const)) }));
  return { name, zones: retail.zones, rows };
}

/**
 * The commercial Ground Advantage table starts at 1 lb; its 4/8/12/15.99 oz tiers are the retail tiers scaled,
 * per zone, by the commercial/retail ratio of the 1 lb price (so they stay below the 1 lb price).
 */
function groundAdvantageWithOunceTiers(commercial: RateTable, retail: RateTable): RateTable {
  const retailPound = retail.rows.find((row) => row.maxWeightLb === 1);
  const commercialPound = commercial.rows.find((row) => row.maxWeightLb === 1);
  if (!retailPound || !commercialPound) throw new Error('Ground Advantage tables need a 1 lb row');
  const ounceRows = retail.rows
    .filter((row) => row.maxWeightLb < 1)
    .map((row) => ({
      ...row,
      prices: new Map(
        [...row.prices].map(([zone, cents]) => [zone, Math.round((cents * commercialPound.prices.get(zone)!) / retailPound.prices.get(zone)!)] as const),
      ),
    }));
  return { ...commercial, rows: [...ounceRows, ...commercial.rows] };
}

/**
 * What ShipStation's USPS (Stamps.com) account charges: commercial prices, one basis for the carrier.
 * Ground Advantage is the 2026-07 commercial table; Priority Mail and Priority Mail Express have no shipped
 * commercial table and are derived from the retail tables (README "Price basis").
 */
export const USPS_COMMERCIAL_TABLES = {
  groundAdvantage: groundAdvantageWithOunceTiers(USPS_TABLES.groundAdvantageCommercial, USPS_TABLES.groundAdvantageRetail),
  priorityMail: derivedCommercial(
    `USPS Priority Mail commercial (retail 2025-10 less ${USPS_DERIVED_COMMERCIAL_DISCOUNT_PERCENT}%)`,
    USPS_TABLES.priorityMail,
  ),
  priorityMailExpress: derivedCommercial(
    `USPS Priority Mail Express commercial (retail 2025-10 less ${USPS_DERIVED_COMMERCIAL_DISCOUNT_PERCENT}%)`,
    USPS_TABLES.priorityMailExpress,
  ),
};

export const FEDEX_GROUND_TABLE = simpleTable('FedEx Ground 2025', 'fedex_ground_2025.csv');

export interface ExpressTable {
  /** FedEx Envelope price (up to 8 oz), by zone. */
  envelope: RateRow;
  weights: RateTable;
}

export const FEDEX_ENVELOPE_MAX_LB = 0.5;

function loadFedexExpressTables(): ReadonlyMap<string, ExpressTable> {
  const csv = readCsv('fedex_express_2025.csv');
  const columns = zoneColumns(csv);
  const serviceCodes = [...new Set(csv.rows.map((cells) => cells[0]))];
  return new Map(
    serviceCodes.map((serviceCode) => {
      const rows = csv.rows.filter((cells) => cells[0] === serviceCode);
      const envelopeCells = rows.find((cells) => cells[1] === 'envelope_8oz');
      if (!envelopeCells) throw new Error(`No envelope row for ${serviceCode}`);
      const weightRows = rows.filter((cells) => cells !== envelopeCells);
      return [
        serviceCode,
        {
          envelope: rowFromCells('envelope_8oz', FEDEX_ENVELOPE_MAX_LB, envelopeCells, columns),
          weights: buildRateTable(`${serviceCode} 2025`, csv, weightRows, 1),
        },
      ] as const;
    }),
  );
}

/** Keyed by FedEx service code (fedex_first_overnight ... fedex_express_saver). */
export const FEDEX_EXPRESS_TABLES = loadFedexExpressTables();

export interface PerPoundBand {
  fromLb: number;
  toLb: number;
  pricesPerLb: ReadonlyMap<string, Cents>;
}

export interface DhlExportTables {
  envelope: RateRow;
  documents: RateTable;
  nonDocuments: RateTable;
  /** Above 150 lb the price is weight x a per-pound rate for the weight band. */
  perPoundAbove150: PerPoundBand[];
}

function loadDhlTables(): DhlExportTables {
  const csv = readCsv('dhl_express_worldwide_export_us_2025.csv');
  const columns = zoneColumns(csv);
  const byCategory = (category: string) => csv.rows.filter((cells) => cells[0] === category);
  const documentRows = byCategory('documents');
  const envelopeCells = documentRows.find((cells) => cells[1] === 'envelope');
  if (!envelopeCells) throw new Error('No DHL envelope row');
  return {
    // DHL Express Envelope: documents up to 0.5 kg.
    envelope: rowFromCells('envelope', 0.5 / 0.45359237, envelopeCells, columns),
    documents: buildRateTable('DHL Express Worldwide documents 2025', csv, documentRows.filter((cells) => cells !== envelopeCells), 1),
    nonDocuments: buildRateTable('DHL Express Worldwide non-documents 2025', csv, byCategory('nondocuments'), 1),
    perPoundAbove150: byCategory('per_lb_rate_above_150').map((cells) => ({
      fromLb: Number(cells[1]),
      toLb: Number(cells[2]),
      pricesPerLb: new Map(columns.map(({ key, index }) => [key, dollarsToCents(cells[index])] as const)),
    })),
  };
}

export const DHL_EXPORT_TABLES = loadDhlTables();

interface FlatRateFile {
  priority_mail_commercial_2026_07_observed: Record<string, number | string>;
  priority_mail_commercial_2026_07_estimated: Record<string, number | string>;
  priority_mail_express_retail_2024_approx: Record<string, number>;
}

function centsByPackage(...sources: Record<string, number | string>[]): ReadonlyMap<string, Cents> {
  const entries = sources.flatMap((source) => Object.entries(source));
  return new Map(entries.flatMap(([code, value]) => (typeof value === 'number' ? [[code, dollarsToCents(value)] as const] : [])));
}

function loadFlatRates() {
  const file = readReferenceJson<FlatRateFile>('rates/usps_flat_rate.json');
  return {
    priorityMail: centsByPackage(file.priority_mail_commercial_2026_07_observed, file.priority_mail_commercial_2026_07_estimated),
    // Only retail (approximate) PME flat rates are shipped: commercial is derived like the PME table.
    priorityMailExpress: new Map([...centsByPackage(file.priority_mail_express_retail_2024_approx)].map(([code, cents]) => [code, discounted(cents)] as const)),
  };
}

/** USPS commercial flat-rate prices by package code (Priority Mail observed/estimated 2026, PME derived); they ignore weight and zone. */
export const USPS_FLAT_RATES = loadFlatRates();
