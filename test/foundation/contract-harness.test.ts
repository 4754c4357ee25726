import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertContract } from '../helpers/contract.ts';

test('the contract harness rejects bodies the official schemas do not allow', () => {
  const warehouse = {
    warehouse_id: 'se-1',
    is_default: true,
    name: 'HQ',
    created_at: '2026-01-01T00:00:00.000Z',
    origin_address: {
      name: 'A', phone: '5', address_line1: '1 Main St', city_locality: 'Austin', state_province: 'TX',
      postal_code: '78701', country_code: 'US', address_residential_indicator: 'no',
    },
  };
  (warehouse as Record<string, unknown>).return_address = warehouse.origin_address;
  assertContract('v2', 'GET', '/v2/warehouses/se-1', 200, warehouse);
  assert.throws(() => assertContract('v2', 'GET', '/v2/warehouses/se-1', 200, { ...warehouse, warehouse_id: 17 }), /warehouse_id/);
  assert.throws(() => assertContract('v2', 'GET', '/v2/warehouses/se-1', 200, { ...warehouse, surprise: 1 }), /additional/);
  assert.throws(() => assertContract('shipengine', 'GET', '/v1/tags', 200, { tags: [{ tag_id: 'x', name: 'a' }] }), /tag_id/);
  assert.throws(() => assertContract('v2', 'GET', '/v2/tags', 404, { errors: [] }), /request_id/);
  // field_value belongs to the 2026 V2 error model, not to ShipEngine's.
  const withValue = { request_id: '7e0fcf28-add4-4bb8-8f03-2ecf8e2b5198', errors: [{ error_source: 'ShipStation', error_type: 'validation', error_code: 'invalid_field_value', message: 'm', field_name: 'f', field_value: 'v' }] };
  assertContract('v2', 'GET', '/v2/tags', 400, withValue);
  assert.throws(() => assertContract('shipengine', 'GET', '/v1/tags', 400, { ...withValue, errors: [{ ...withValue.errors[0], error_source: 'shipengine' }] }), /additional/);
});

test('the harness checks V1 bodies, undocumented statuses and every surface error format', async () => {
  const { assertV1Contract, assertResponse } = await import('../helpers/contract.ts');
  const warehouse = {
    warehouseId: 1, warehouseName: 'HQ', createDate: '2026-01-01T00:00:00.0000000', isDefault: true,
    originAddress: { name: 'A', company: null, street1: '1 Main St', street2: null, street3: null, city: 'Austin', state: 'TX', postalCode: '78701', country: 'US', phone: null, residential: false, addressVerified: null },
  };
  (warehouse as Record<string, unknown>).returnAddress = warehouse.originAddress;
  assertV1Contract('GET', '/warehouses/1', 200, warehouse);
  assertV1Contract('GET', '/Warehouses/1/', 200, warehouse);
  assert.throws(() => assertV1Contract('GET', '/warehouses/1', 200, { ...warehouse, warehouseId: 'x' }), /warehouseId/);
  assert.throws(() => assertV1Contract('GET', '/warehouses/1', 200, { ...warehouse, extra: 1 }), /additional/);
  const { isDefault: _omitted, ...partial } = warehouse;
  assert.throws(() => assertV1Contract('GET', '/warehouses/1', 200, partial), /isDefault/);
  assert.throws(() => assertV1Contract('GET', '/warehouses/1', 201, warehouse), /no 201 response/);
  assert.throws(() => assertV1Contract('GET', '/no/such/thing', 200, {}), /no V1 operation/);
  assert.throws(() => assertV1Contract('GET', '/warehouses/1', 404, { error: 'x' }), /Message/);
  assertV1Contract('GET', '/warehouses/1', 404, { Message: 'No warehouse 1.' });
  // V2: a 2xx the operation does not document fails even without a body.
  assert.throws(() => assertResponse('v2', 'DELETE', '/v2/warehouses/se-1', 200, undefined, ''), /no 200 response/);
  assertResponse('v2', 'DELETE', '/v2/warehouses/se-1', 204, undefined, '');
  assert.throws(() => assertResponse('shipengine', 'GET', '/v1/no_such_resource', 200, 'application/json', '{}'), /no operation/);
  assert.throws(() => assertResponse('shipengine', 'GET', '/v1/tags', 400, 'application/json', '{"Message":"x"}'), /request_id/);
});
