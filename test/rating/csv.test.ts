import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsv } from '../../src/domain/rating/csv.ts';

test('the rate-table CSV reader: trimmed cells, blank lines skipped', () => {
  assert.deepEqual(parseCsv('weight, 1 ,2\r\n\n1,2.50, 3.10\n  \n'), { header: ['weight', '1', '2'], rows: [['1', '2.50', '3.10']] });
});

test('what it cannot read fails with the line number', () => {
  assert.throws(() => parseCsv('a,b\n1,2\n\n3\n'), /CSV line 4: 1 cells, the header has 2/);
  assert.throws(() => parseCsv('a,b\n"1,5",2\n'), /CSV line 2: quoted cells are not supported/);
  assert.throws(() => parseCsv('\n \n'), /CSV is empty/);
});
