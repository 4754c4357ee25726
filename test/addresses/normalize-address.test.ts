import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeAddress, normalizeDeliveryLine } from '../../src/domain/addresses/index.ts';
import { foreignAddress, usAddress } from './fixtures.ts';

const line = (text: string) => {
  const { street, unit } = normalizeDeliveryLine(text);
  return [street, unit].filter(Boolean).join(' ');
};

describe('normalizeDeliveryLine (USPS Pub 28)', () => {
  test('abbreviates the street suffix', () => {
    assert.equal(line('123 Main Street'), '123 MAIN ST');
    assert.equal(line('9 Ocean Avenue'), '9 OCEAN AVE');
    assert.equal(line('77 Sunset Boulevard'), '77 SUNSET BLVD');
    assert.equal(line('5 Pine Strt'), '5 PINE ST');
  });

  test('abbreviates only the last suffix word', () => {
    assert.equal(line('500 South Buena Vista Street'), '500 S BUENA VISTA ST');
    assert.equal(line('1 Avenue of the Americas'), '1 AVENUE OF THE AMERICAS');
  });

  test('abbreviates directionals in pre and post position only', () => {
    assert.equal(line('1600 Pennsylvania Avenue Northwest'), '1600 PENNSYLVANIA AVE NW');
    assert.equal(line('3800 North Lamar'), '3800 N LAMAR');
    assert.equal(line('123 North Street'), '123 NORTH ST');
    assert.equal(line('123 East West'), '123 E WEST');
  });

  test('standardises secondary unit designators', () => {
    assert.equal(line('123 Main St Apartment 4'), '123 MAIN ST APT 4');
    assert.equal(line('123 Main St Suite 200'), '123 MAIN ST STE 200');
    assert.equal(line('123 Main St Apt #4'), '123 MAIN ST APT 4');
    assert.equal(line('123 Main St #4'), '123 MAIN ST # 4');
    assert.equal(line('123 Main St Rear'), '123 MAIN ST REAR');
    assert.equal(line('123 W Front'), '123 W FRONT');
  });

  test('strips periods and commas but keeps house-number hyphens and fractions', () => {
    assert.equal(line('123-B N. Main St., '), '123-B N MAIN ST');
    assert.equal(line("101 1/2 O'Farrell Street"), '101 1/2 OFARRELL ST');
    assert.equal(line('  12   Elm    Rd  '), '12 ELM RD');
  });

  test('writes PO boxes the USPS way and leaves military lines alone', () => {
    assert.equal(line('P.O. Box 123'), 'PO BOX 123');
    assert.equal(line('Post Office Box 9'), 'PO BOX 9');
    assert.equal(line('Unit 2050 Box 4190'), 'UNIT 2050 BOX 4190');
  });
});

describe('normalizeAddress', () => {
  test('folds a unit-only second line into line 1', () => {
    const normalized = normalizeAddress(usAddress({ addressLine1: '4009 Marathon Boulevard', addressLine2: 'Suite 300' }));
    assert.equal(normalized.addressLine1, '4009 MARATHON BLVD STE 300');
    assert.equal(normalized.addressLine2, null);
  });

  test('keeps a second line that is more than a unit', () => {
    const normalized = normalizeAddress(usAddress({ addressLine2: 'c/o Front Desk' }));
    assert.equal(normalized.addressLine2, 'C/O FRONT DESK');
  });

  test('uppercases city, names the state by code and formats ZIP+4', () => {
    const normalized = normalizeAddress(usAddress({ cityLocality: 'austin', stateProvince: 'texas', postalCode: '78756 1234', countryCode: 'us' }));
    assert.equal(normalized.cityLocality, 'AUSTIN');
    assert.equal(normalized.stateProvince, 'TX');
    assert.equal(normalized.postalCode, '78756-1234');
    assert.equal(normalized.countryCode, 'US');
  });

  test('leaves foreign street text alone but canonicalises the postal code and province', () => {
    const normalized = normalizeAddress(
      foreignAddress('ca', 'r3t4y1', { addressLine1: '1999  Bishop Grandin Blvd.', stateProvince: 'Manitoba', cityLocality: 'Winnipeg' }),
    );
    assert.equal(normalized.addressLine1, '1999 Bishop Grandin Blvd.');
    assert.equal(normalized.postalCode, 'R3T 4Y1');
    assert.equal(normalized.stateProvince, 'MB');
    assert.equal(normalized.countryCode, 'CA');
  });
});
