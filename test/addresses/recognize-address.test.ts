import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { recognizeAddress } from '../../src/domain/addresses/index.ts';

describe('recognizeAddress', () => {
  test('parses a comma-separated one-line address', () => {
    const { address, score } = recognizeAddress('John Smith, 123 Main St Apt 4, Austin TX 78701');
    assert.deepEqual(address, {
      name: 'John Smith',
      addressLine1: '123 Main St',
      addressLine2: 'Apt 4',
      cityLocality: 'Austin',
      stateProvince: 'TX',
      postalCode: '78701',
      residential: 'unknown',
    });
    assert.ok(score > 0.9);
  });

  test('parses the API documentation example written as prose', () => {
    const text = 'Margie McMiller at 3800 North Lamar suite 200 in austin, tx.  The zip code there is 78652.';
    const { address, entities } = recognizeAddress(text);
    assert.equal(address.name, 'Margie McMiller');
    assert.equal(address.addressLine1, '3800 North Lamar');
    assert.equal(address.addressLine2, 'Suite 200');
    assert.equal(address.cityLocality, 'Austin');
    assert.equal(address.stateProvince, 'TX');
    assert.equal(address.postalCode, '78652');
    assert.equal(address.countryCode, undefined, 'country is not in the text');

    const byType = (type: string) => entities.filter((e) => e.type === type);
    assert.deepEqual(
      byType('person').map((e) => [e.text, e.startIndex, e.endIndex]),
      [['Margie McMiller', 0, 14]],
    );
    assert.deepEqual(byType('address_line').map((e) => e.result), [
      { line: 1, value: '3800 North Lamar' },
      { line: 2, value: 'Suite 200' },
    ]);
    assert.deepEqual(byType('number').map((e) => e.result.value), [3800, 200]);
    assert.deepEqual(byType('state_province')[0].result, { name: 'Texas', value: 'TX' });
    assert.deepEqual([byType('postal_code')[0].startIndex, byType('postal_code')[0].endIndex], [84, 88]);
  });

  test('keeps company, attention line and an explicit country', () => {
    const { address } = recognizeAddress('Acme Inc, Attn: Jane Doe, 1600 Pennsylvania Ave NW, Washington, DC 20500, USA');
    assert.equal(address.companyName, 'Acme Inc');
    assert.equal(address.name, 'Jane Doe');
    assert.equal(address.addressLine1, '1600 Pennsylvania Ave NW');
    assert.equal(address.cityLocality, 'Washington');
    assert.equal(address.countryCode, 'US');
  });

  test('reads multi-line Canadian addresses', () => {
    const { address } = recognizeAddress('Jean Tremblay\n1999 Bishop Grandin Blvd., Unit 408\nWinnipeg, MB R3T 4Y1\nCanada');
    assert.equal(address.addressLine1, '1999 Bishop Grandin Blvd');
    assert.equal(address.addressLine2, 'Unit 408');
    assert.equal(address.cityLocality, 'Winnipeg');
    assert.equal(address.stateProvince, 'MB');
    assert.equal(address.postalCode, 'R3T 4Y1');
    assert.equal(address.countryCode, 'CA');
  });

  test('reads PO boxes and multi-word cities and states', () => {
    const { address } = recognizeAddress('PO Box 42, Kansas City, Missouri 64105');
    assert.equal(address.addressLine1, 'PO Box 42');
    assert.equal(address.cityLocality, 'Kansas City');
    assert.equal(address.stateProvince, 'MO');
  });

  test('known values win over parsed ones', () => {
    const { address } = recognizeAddress('123 Main St, Austin TX 78701', { countryCode: 'US', residential: 'yes', name: 'Known Name' });
    assert.equal(address.countryCode, 'US');
    assert.equal(address.residential, 'yes');
    assert.equal(address.name, 'Known Name');
  });

  test('text without an address scores low', () => {
    const { score, entities } = recognizeAddress('please call me tomorrow');
    assert.equal(score, 0);
    assert.deepEqual(entities, []);
  });
});
