import { test } from 'node:test';
import assert from 'node:assert/strict';
import { confirmationNumber } from '../../src/domain/pickups/confirmation.ts';

test("confirmation numbers: each carrier's style, the same for the same pickup, never repeated", () => {
  const styles: [string, RegExp][] = [
    ['stamps_com', /^WTC\d{9}$/],
    ['usps', /^WTC\d{9}$/],
    ['ups', /^29[0-9A-Z]{9}$/],
    ['fedex', /^CPUA\d{9}$/],
    ['dhl_express', /^PRG\d{9}$/],
    ['ontrac', /^PU\d{10}$/],
  ];
  for (const [carrier, style] of styles) {
    const seen = new Set<string>();
    for (let id = 1; id <= 20_000; id++) {
      const number = confirmationNumber(carrier, id);
      assert.match(number, style);
      assert.ok(!seen.has(number), `${carrier} repeats ${number}`);
      seen.add(number);
    }
    assert.equal(confirmationNumber(carrier, 2_147_483_647), confirmationNumber(carrier, 2_147_483_647));
    assert.match(confirmationNumber(carrier, 2_147_483_647), style);
  }
});
