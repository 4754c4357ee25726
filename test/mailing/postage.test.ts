// First-Class Mail postage for every ounce step of letters and flats, the limits and the surcharge.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FIRST_CLASS_MAIL_PRICES, isNonMachinable, mailClassOf, postageFor } from '../../src/domain/mailing/postage.ts';
import type { MailClass } from '../../src/domain/mailing/types.ts';
import { DomainError } from '../../src/domain/errors.ts';

const BOTH: MailClass[] = ['letter', 'flat'];
const piece = (weightOz: number, dims: [number, number, number] | null = null, packageCode: string | null = null) => ({
  path: 'shipments[0]',
  packageCode,
  weightOz,
  dimensions: dims ? { length: dims[0], height: dims[1], thickness: dims[2] } : null,
  nonMachinable: false,
});

function fieldOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof DomainError);
    return error.issues[0].field;
  }
  assert.fail('expected a field error');
}

test('the table holds the published 2025-07-13 prices', () => {
  assert.equal(FIRST_CLASS_MAIL_PRICES.letters.stamped_first_ounce_cents, 78);
  assert.equal(FIRST_CLASS_MAIL_PRICES.letters.additional_ounce_cents, 29);
  assert.equal(FIRST_CLASS_MAIL_PRICES.flats.first_ounce_cents, 163);
  assert.equal(FIRST_CLASS_MAIL_PRICES.letters.max_ounces, 3.5);
  assert.equal(FIRST_CLASS_MAIL_PRICES.flats.max_ounces, 13);
});

test('letters: each ounce step up to 3.5 oz, stamped and metered', () => {
  const grid: Array<[number, number, number, number]> = [
    // ounces, billed ounces, stamped cents, metered cents
    [0.1, 1, 78, 74],
    [1, 1, 78, 74],
    [1.01, 2, 107, 103],
    [2, 2, 107, 103],
    [2.5, 3, 136, 132],
    [3, 3, 136, 132],
    [3.01, 4, 165, 161],
    [3.5, 4, 165, 161],
  ];
  for (const [ounces, billed, stamped, metered] of grid) {
    assert.equal(mailClassOf(piece(ounces), BOTH), 'letter', `${ounces} oz`);
    assert.deepEqual([postageFor('letter', ounces, 'stamped', false).billedOunces, postageFor('letter', ounces, 'stamped', false).totalCents], [billed, stamped], `${ounces} oz stamped`);
    assert.equal(postageFor('letter', ounces, 'metered', false).totalCents, metered, `${ounces} oz metered`);
  }
});

test('flats: each ounce from 1 to 13 oz at $1.63 + 27c, stamped or metered alike', () => {
  const expected = [163, 190, 217, 244, 271, 298, 325, 352, 379, 406, 433, 460, 487];
  for (let ounces = 1; ounces <= 13; ounces++) {
    assert.equal(postageFor('flat', ounces, 'stamped', false).totalCents, expected[ounces - 1], `${ounces} oz`);
    assert.equal(postageFor('flat', ounces - 0.5, 'metered', false).totalCents, expected[ounces - 1], `${ounces - 0.5} oz`);
  }
});

test('the limits: over 3.5 oz or letter size is a flat; over 13 oz or flat size is refused', () => {
  assert.equal(mailClassOf(piece(3.51), BOTH), 'flat');
  assert.equal(mailClassOf(piece(1, [11.5, 6.125, 0.25]), BOTH), 'letter', 'the largest letter');
  assert.equal(mailClassOf(piece(1, [11.6, 6, 0.1]), BOTH), 'flat');
  assert.equal(mailClassOf(piece(1, [9, 6, 0.3]), BOTH), 'flat', 'thicker than 1/4 in');
  assert.equal(mailClassOf(piece(13, [15, 12, 0.75]), BOTH), 'flat', 'the largest flat');
  assert.equal(fieldOf(() => mailClassOf(piece(13.01), BOTH)), 'shipments[0].packages[0].weight');
  assert.equal(fieldOf(() => mailClassOf(piece(1, [15.1, 12, 0.5]), BOTH)), 'shipments[0].packages[0].dimensions');
  assert.equal(fieldOf(() => mailClassOf(piece(1, [4.9, 3.5, 0.1]), BOTH)), 'shipments[0].packages[0].dimensions', 'smaller than a postcard');
  assert.equal(fieldOf(() => mailClassOf(piece(3.6, null, 'letter'), BOTH)), 'shipments[0].packages[0].weight');
  assert.equal(fieldOf(() => mailClassOf(piece(1, null, 'package'), BOTH)), 'shipments[0].packages[0].package_code');
  assert.equal(fieldOf(() => mailClassOf(piece(4), ['letter'])), 'shipments[0].packages[0].weight', 'an envelope holds letters only');
});

test('non-machinable letters pay 49c; flats do not', () => {
  assert.equal(isNonMachinable(piece(1, [6, 6, 0.1])), true, 'square');
  assert.equal(isNonMachinable(piece(1, [11.5, 4.4, 0.1])), true, 'aspect ratio above 2.5');
  assert.equal(isNonMachinable(piece(1, [9.5, 4.125, 0.1])), false, 'a #10 envelope');
  assert.equal(isNonMachinable({ ...piece(1), nonMachinable: true }), true);
  assert.deepEqual(postageFor('letter', 1, 'stamped', true), { mailClass: 'letter', billedOunces: 1, baseCents: 78, nonMachinableCents: 49, totalCents: 127, priceKind: 'stamped' });
  assert.equal(postageFor('flat', 1, 'stamped', true).totalCents, 163);
});
