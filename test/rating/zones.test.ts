// USPS zones against the real chart for origin ZIP3 240, parcel-carrier zones, DHL country zones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parcelCarrierZone, uspsZone } from '../../src/domain/rating/zones.ts';
import { DHL_COUNTRY_NAMES, DHL_ZONE_NAMES, dhlExportZone } from '../../src/domain/rating/dhl-zones.ts';

interface ChartFile {
  usps: { zone_chart_origin_240: { chart: string; five_digit_exceptions: [string, string, number][] } };
}

const chartFile = JSON.parse(readFileSync(new URL('../../reference/domain/rates/zones_and_transit.json', import.meta.url), 'utf8')) as ChartFile;
const { chart, five_digit_exceptions: exceptions } = chartFile.usps.zone_chart_origin_240;

/** The published zone for a ZIP5 from origin 240: a 5-digit exception, else the ZIP3 entry. */
function publishedZone(zip5: string): number {
  const exception = exceptions.find(([from, to]) => zip5 >= from && zip5 <= to);
  return exception ? exception[2] : Number(chart[Number(zip5.slice(0, 3))]);
}

test('USPS zones match the published chart for origin 240 on at least 94 % of ZIP3 prefixes', () => {
  let compared = 0;
  let exact = 0;
  let offByMoreThanOne = 0;
  for (let prefix = 0; prefix < 1000; prefix += 1) {
    if (chart[prefix] === '0') continue; // prefix not in use
    const zip5 = `${String(prefix).padStart(3, '0')}00`;
    const ours = uspsZone('24091', zip5);
    const published = publishedZone(zip5);
    compared += 1;
    if (ours === published) exact += 1;
    else if (ours === null || Math.abs(ours - published) > 1) offByMoreThanOne += 1;
  }
  const percent = (100 * exact) / compared;
  console.log(`USPS zone accuracy vs origin-240 chart: ${exact}/${compared} = ${percent.toFixed(2)} % exact, ${offByMoreThanOne} off by more than one zone`);
  assert.ok(percent >= 94, `only ${percent.toFixed(2)} % exact`);
  assert.equal(offByMoreThanOne, 0);
});

test('same ZIP3 is zone 1; Freely Associated States are zone 9; Guam is distance-based', () => {
  assert.equal(uspsZone('24091', '24060'), 1);
  assert.equal(uspsZone('24091', '96940'), 9); // Palau
  assert.equal(uspsZone('24091', '96960'), 9); // Marshall Islands
  assert.equal(uspsZone('24091', '96910'), 8); // Guam
  assert.equal(uspsZone('24091', '99999'), 8); // Alaska
  assert.equal(uspsZone('24091', '00100'), null); // unused prefix
});

test('UPS/FedEx zones are the distance zone kept within 2-8', () => {
  assert.equal(parcelCarrierZone('24091', '24060'), 2);
  assert.equal(parcelCarrierZone('24091', '10001'), 4);
  assert.equal(parcelCarrierZone('24091', '78701'), 6);
  assert.equal(parcelCarrierZone('24091', '90210'), 8);
  assert.equal(parcelCarrierZone('24091', '96940'), 8);
});

test('DHL export zone by ISO country code', () => {
  assert.equal(dhlExportZone('CA'), 'A');
  assert.equal(dhlExportZone('MX'), 'B');
  assert.equal(dhlExportZone('GB'), 'C');
  assert.equal(dhlExportZone('DE'), 'C');
  assert.equal(dhlExportZone('JP'), 'F');
  assert.equal(dhlExportZone('cn'), 'G');
  assert.equal(dhlExportZone('AU'), 'I');
  assert.equal(dhlExportZone('BR'), 'L');
  assert.equal(dhlExportZone('NG'), 'N');
  assert.equal(dhlExportZone('IC'), 'D'); // Canary Islands, apart from Spain (C)
  assert.equal(dhlExportZone('ES'), 'C');
  assert.equal(dhlExportZone('PF'), 'J'); // printed as "Tahiti"
  assert.equal(dhlExportZone('US'), null);
  assert.equal(dhlExportZone('PR'), null);
});

test('every DHL country name is reached by exactly one ISO code, except three printed aliases', () => {
  const reached = [...DHL_COUNTRY_NAMES.values()];
  assert.equal(new Set(reached).size, reached.length, 'two ISO codes map to the same name');
  const unreached = DHL_ZONE_NAMES.filter((name) => !reached.includes(name));
  assert.deepEqual(unreached.sort(), ['Nevis', 'Somaliland, Rep. (N. Somalia)', 'St. Eustatius']);
  assert.equal(DHL_ZONE_NAMES.length, 222);
});
