import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { customsTotals, validateCustoms, type CustomsContext } from '../../src/domain/customs/index.ts';
import type { CustomsInput, CustomsItemInput } from '../../src/domain/shipping-types.ts';

const toCanada: CustomsContext = {
  shipFrom: { countryCode: 'US', stateProvince: 'TX', cityLocality: 'Austin' },
  shipTo: { countryCode: 'CA', stateProvince: 'MB', cityLocality: 'Winnipeg' },
};
const domestic: CustomsContext = {
  shipFrom: { countryCode: 'US', stateProvince: 'TX', cityLocality: 'Austin' },
  shipTo: { countryCode: 'US', stateProvince: 'CA', cityLocality: 'Burbank' },
};

const item = (overrides: Partial<CustomsItemInput> = {}): CustomsItemInput => ({
  description: 'Cotton T-shirt',
  quantity: 2,
  valueCents: 1500,
  harmonizedTariffCode: '6109.10',
  countryOfOrigin: 'US',
  ...overrides,
});
const customs = (overrides: Partial<CustomsInput> = {}): CustomsInput => ({
  contents: 'merchandise',
  nonDelivery: 'return_to_sender',
  items: [item()],
  ...overrides,
});
const fields = (errors: { fieldName: string; code: string }[]) => errors.map((e) => [e.fieldName, e.code]);

describe('validateCustoms', () => {
  test('a complete declaration passes', () => {
    assert.deepEqual(validateCustoms(customs(), toCanada), []);
  });

  test('international shipments need a declaration', () => {
    assert.deepEqual(fields(validateCustoms(null, toCanada)), [['customs', 'customs_items_required']]);
    assert.deepEqual(validateCustoms(undefined, domestic), []);
  });

  test('international shipments need at least one item', () => {
    assert.deepEqual(fields(validateCustoms(customs({ items: [] }), toCanada)), [['customs.customs_items', 'customs_items_required']]);
    assert.deepEqual(validateCustoms(customs({ items: [] }), domestic), []);
  });

  test('contents and non_delivery must come from the enums', () => {
    assert.deepEqual(fields(validateCustoms(customs({ contents: 'stuff', nonDelivery: '' }), toCanada)), [
      ['customs.contents', 'invalid_field_value'],
      ['customs.non_delivery', 'field_value_required'],
    ]);
    assert.deepEqual(validateCustoms(customs({ contents: 'other', nonDelivery: 'treat_as_abandoned' }), toCanada), []);
  });

  test('item errors name the item by index', () => {
    const errors = validateCustoms(
      customs({
        items: [
          item(),
          item({ description: ' ', quantity: 0, valueCents: -1, harmonizedTariffCode: '12AB', countryOfOrigin: 'XX' }),
          item({ quantity: 1.5, harmonizedTariffCode: '1234.5' }),
        ],
      }),
      toCanada,
    );
    assert.deepEqual(fields(errors), [
      ['customs.customs_items[1].description', 'field_value_required'],
      ['customs.customs_items[1].quantity', 'invalid_field_value'],
      ['customs.customs_items[1].value', 'invalid_field_value'],
      ['customs.customs_items[1].harmonized_tariff_code', 'invalid_field_value'],
      ['customs.customs_items[1].country_of_origin', 'invalid_field_value'],
      ['customs.customs_items[2].quantity', 'invalid_field_value'],
      ['customs.customs_items[2].harmonized_tariff_code', 'invalid_field_value'],
    ]);
  });

  test('tariff codes take 6 to 10 digits with optional dots', () => {
    for (const code of ['610910', '6109.10', '6109.10.0012', '8471300000']) {
      assert.deepEqual(validateCustoms(customs({ items: [item({ harmonizedTariffCode: code })] }), toCanada), [], code);
    }
    for (const code of ['61091', '6109.10.00123', '6109..10']) {
      assert.equal(validateCustoms(customs({ items: [item({ harmonizedTariffCode: code })] }), toCanada).length, 1, code);
    }
  });

  test('country of origin is required for merchandise only', () => {
    assert.deepEqual(fields(validateCustoms(customs({ items: [item({ countryOfOrigin: null })] }), toCanada)), [
      ['customs.customs_items[0].country_of_origin', 'field_value_required'],
    ]);
    assert.deepEqual(validateCustoms(customs({ contents: 'gift', items: [item({ countryOfOrigin: null })] }), toCanada), []);
  });

  test('descriptions are limited to 100 characters', () => {
    const errors = validateCustoms(customs({ items: [item({ description: 'x'.repeat(101) })] }), toCanada);
    assert.deepEqual(fields(errors), [['customs.customs_items[0].description', 'invalid_field_value']]);
  });
});

test('customsTotals sums unit value x quantity and quantities', () => {
  const totals = customsTotals(customs({ items: [item({ quantity: 2, valueCents: 1500 }), item({ quantity: 1, valueCents: 4999 })] }));
  assert.deepEqual(totals, { totalValueCents: 7999, totalQuantity: 3 });
});
