import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CREDENTIALS, startTestApp, type TestApp } from '../helpers/server.ts';
import { assertErrorFields, partnerCall } from '../partners/helpers.ts';
import { domesticShipment } from '../shipping/fixtures.ts';
import { register, seCall, stampsRegistration, upsRegistration } from './helpers.ts';

describe('carrier registration: ShipStation-funded carriers', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  test('stamps_com, ups and dhl_express_walleted open funded carriers with a zero balance on both mounts', async () => {
    const ids = { stamps: await register(t, 'stamps_com'), ups: await register(t, 'ups'), dhl: await register(t, 'dhl_express_walleted') };
    for (const [surface, prefix] of [['shipengine', '/v1'], ['v2', '/v2']] as const) {
      const { carriers } = (await t.api(surface, 'GET', `${prefix}/carriers`)).json();
      const funded = carriers.filter((c: { requires_funded_amount: boolean }) => c.requires_funded_amount);
      assert.deepEqual(
        funded.map((c: { carrier_id: string; carrier_code: string; balance: number }) => [c.carrier_id, c.carrier_code, c.balance]),
        [[ids.stamps, 'stamps_com', 0], [ids.ups, 'ups_walleted', 0], [ids.dhl, 'dhl_express_walleted', 0]],
      );
      const builtIn = carriers.filter((c: { requires_funded_amount: boolean }) => !c.requires_funded_amount);
      assert.deepEqual(builtIn.map((c: { carrier_code: string }) => c.carrier_code).sort(), ['dhl_express', 'fedex', 'stamps_com', 'ups'], 'the built-in carriers are unchanged');
      const one = (await t.api(surface, 'GET', `${prefix}/carriers/${ids.stamps}`)).json();
      assert.equal(one.nickname, 'My Stamps.com account');
      assert.equal(one.primary, false, 'the built-in stamps_com stays primary');
      assert.ok(one.services.length > 0);
    }
  });

  test('a partner registers for its account with On-Behalf-Of; the partner key alone is refused', async () => {
    const account = (await partnerCall(t, 'POST', '/v1/partners/accounts', {})).json();
    const onBehalf = { 'api-key': CREDENTIALS.partnerKey, 'on-behalf-of': String(account.account_id) };
    const id = await register(t, 'stamps_com', onBehalf);
    const own = (await t.api('shipengine', 'GET', '/v1/carriers', undefined, { 'api-key': account.api_key.encrypted_api_key })).json().carriers;
    assert.ok(own.some((c: { carrier_id: string; requires_funded_amount: boolean }) => c.carrier_id === id && c.requires_funded_amount));
    assert.equal((await t.api('shipengine', 'GET', `/v1/carriers/${id}`)).statusCode, 404, "not the partner's default account's carrier");
    const alone = await seCall(t, 'POST', '/v1/registration/stamps_com', stampsRegistration(), { 'api-key': CREDENTIALS.partnerKey });
    assert.equal(alone.statusCode, 403);
  });

  test('terms must be accepted: 400 terms_not_accepted', async () => {
    for (const [path, body, field] of [
      ['stamps_com', stampsRegistration({ agree_to_carrier_terms: false }), 'agree_to_carrier_terms'],
      ['stamps_com', { ...stampsRegistration(), agree_to_carrier_terms: undefined }, 'agree_to_carrier_terms'],
      ['ups', upsRegistration({ accepted_terms: [{ term_type: 'ups_technology_agreement', version: '1' }] }), 'accepted_terms'],
      ['ups', upsRegistration({ accepted_terms: undefined }), 'accepted_terms'],
    ] as const) {
      const res = await seCall(t, 'POST', `/v1/registration/${path}`, body);
      assertErrorFields(res, 400, [field]);
      assert.equal(res.json().errors[0].error_code, 'terms_not_accepted');
    }
    const agreed = await seCall(t, 'POST', '/v1/registration/ups', upsRegistration({ accepted_terms: undefined, agree_to_carrier_terms: true }));
    assert.equal(agreed.statusCode, 409, 'agree_to_carrier_terms is accepted too (409: UPS is registered already)');
  });

  test('missing and invalid fields are field-level 400s', async () => {
    const { address, ...noAddress } = stampsRegistration();
    const cases: [string, unknown, string[]][] = [
      ['stamps_com', noAddress, ['address']],
      ['stamps_com', stampsRegistration({ email: 'not-an-email', nickname: '' }), ['email', 'nickname']],
      ['stamps_com', stampsRegistration({ address: { ...address, postal_code: undefined, phone: undefined } }), ['address.phone', 'address.postal_code']],
      ['stamps_com', stampsRegistration({ address: { ...address, country_code: 'CA' } }), ['address.country_code']],
      ['stamps_com', stampsRegistration({ credit_card: { name: 'card', number: '4111111111111111', type: 'Visa', expiration_year: '2031' } }), ['credit_card.expiration_month']],
      ['ups', upsRegistration({ end_user_ip_address: 'localhost' }), ['end_user_ip_address']],
      ['ups', upsRegistration({ end_user_ip_address: undefined, email: undefined }), ['email', 'end_user_ip_address']],
      ['dhl_express_walleted', {}, ['nickname']],
    ];
    for (const [path, body, fields] of cases) {
      const res = await seCall(t, 'POST', `/v1/registration/${path}`, body);
      const named = [...new Set(res.json().errors.map((e: { field_name?: string }) => e.field_name))];
      assert.equal(res.statusCode, 400, `${path} ${JSON.stringify(body)}`);
      assert.deepEqual(named.sort(), fields, `${path}: ${res.body}`);
    }
  });

  test('one funded account per carrier: a second registration is 409 until the first is disconnected', async () => {
    const account = (await partnerCall(t, 'POST', '/v1/partners/accounts', {})).json();
    const key = { 'api-key': account.api_key.encrypted_api_key };
    const first = await register(t, 'dhl_express_walleted', key);
    const again = await seCall(t, 'POST', '/v1/registration/dhl_express_walleted', { nickname: 'again' }, key);
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().errors[0].error_code, 'carrier_conflict');
    assert.equal((await t.api('shipengine', 'DELETE', `/v1/carriers/${first}`, undefined, key)).statusCode, 204);
    assert.notEqual(await register(t, 'dhl_express_walleted', key), first);
  });

  test('a credit card is optional and, when sent, complete', async () => {
    const account = (await partnerCall(t, 'POST', '/v1/partners/accounts', {})).json();
    const card = { name: 'my credit card', number: '4111111111111111', type: 'Visa', expiration_year: '2031', expiration_month: '07' };
    const res = await seCall(t, 'POST', '/v1/registration/stamps_com', stampsRegistration({ credit_card: card }), { 'api-key': account.api_key.encrypted_api_key });
    assert.equal(res.statusCode, 200, res.body);
  });

  test('UPS settings through /connections/carriers/ups_walleted: Ground Saver joins that carrier\'s services and rates', async () => {
    const account = (await partnerCall(t, 'POST', '/v1/partners/accounts', {})).json();
    const key = { 'api-key': account.api_key.encrypted_api_key };
    const ups = await register(t, 'ups', key);
    const services = async (id: string) =>
      (await t.api('shipengine', 'GET', `/v1/carriers/${id}/services`, undefined, key)).json().services.map((s: { service_code: string }) => s.service_code);
    const groundSaverRate = async (id: string) => {
      const res = await t.api('shipengine', 'POST', '/v1/rates', { shipment: domesticShipment(), rate_options: { carrier_ids: [id] } }, key);
      return res.json().rate_response.rates.some((r: { service_code: string }) => r.service_code === 'ups_ground_saver');
    };
    assert.ok(!(await services(ups)).includes('ups_ground_saver'));
    assert.equal(await groundSaverRate(ups), false);

    const settingsUrl = `/v1/connections/carriers/ups_walleted/${ups}/settings`;
    const put = await t.api('shipengine', 'PUT', settingsUrl, { enable_ground_saver_service: true }, key);
    assert.equal(put.statusCode, 204, put.body);
    // The settings body is the spec's ups_settings_response_body: the setting shows in services and rates.
    assert.equal((await seCall(t, 'GET', settingsUrl, undefined, key)).statusCode, 200);
    assert.ok((await services(ups)).includes('ups_ground_saver'));
    assert.equal(await groundSaverRate(ups), true);

    const builtInUps = (await t.api('shipengine', 'GET', '/v1/carriers', undefined, key)).json().carriers.find((c: { carrier_code: string }) => c.carrier_code === 'ups');
    assert.ok(!(await services(builtInUps.carrier_id)).includes('ups_ground_saver'), 'only the carrier whose setting changed');
    assert.equal(await groundSaverRate(builtInUps.carrier_id), false);
  });
});
