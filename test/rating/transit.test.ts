// Ship dates, business days and the delivery fields of a quote.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isFederalHoliday, parseIsoDate } from '../../src/domain/time/calendar.ts';
import { estimateDelivery, modelTransitDays, type TransitPlan } from '../../src/domain/rating/transit.ts';
import { dhlExpressConnector } from '../../src/carriers/dhl_express/index.ts';
import { fedexConnector } from '../../src/carriers/fedex/index.ts';
import { stampsComConnector } from '../../src/carriers/stamps_com/index.ts';
import { upsConnector } from '../../src/carriers/ups/index.ts';
import { AUSTIN_TX, CUSTOMS, request, TORONTO_CA } from './fixtures.ts';

const WEEKDAYS_ONLY = (businessDays: number): TransitPlan => ({ businessDays, deliversSaturday: false, saturdayOption: false, commitTime: null });
const options = { saturdayDelivery: false, residential: false };

test('a Sunday ship date moves to Monday; delivery skips the weekend', () => {
  const sunday = estimateDelivery('2026-03-08', WEEKDAYS_ONLY(2), options)!;
  assert.equal(sunday.shipDate, '2026-03-09');
  assert.equal(sunday.estimatedDeliveryDate, '2026-03-11');
  const friday = estimateDelivery('2026-03-06', WEEKDAYS_ONLY(1), options)!;
  assert.equal(friday.estimatedDeliveryDate, '2026-03-09');
  assert.equal(friday.deliveryDays, 1, 'business days, as carrier_delivery_days states them');
  assert.equal(friday.carrierDeliveryDays, '1');
});

test('USPS counts Saturday as a delivery day', () => {
  const plan: TransitPlan = { businessDays: 2, deliversSaturday: true, saturdayOption: false, commitTime: null };
  assert.equal(estimateDelivery('2026-03-05', plan, options)!.estimatedDeliveryDate, '2026-03-07');
});

test('federal holidays: no pickup and no delivery (observed dates)', () => {
  assert.equal(isFederalHoliday(parseIsoDate('2026-07-03')!), true); // July 4th 2026 is a Saturday
  assert.equal(isFederalHoliday(parseIsoDate('2026-11-26')!), true); // Thanksgiving
  assert.equal(isFederalHoliday(parseIsoDate('2027-12-31')!), true); // New Year 2028 falls on a Saturday
  assert.equal(isFederalHoliday(parseIsoDate('2026-03-04')!), false);
  const thanksgiving = estimateDelivery('2026-11-25', WEEKDAYS_ONLY(1), options)!;
  assert.equal(thanksgiving.estimatedDeliveryDate, '2026-11-27');
  assert.equal(estimateDelivery('2026-12-25', WEEKDAYS_ONLY(1), options)!.shipDate, '2026-12-26');
});

test('time-definite services state the day and commitment time', () => {
  const rate = upsConnector.rate(request({ serviceCodes: ['ups_next_day_air_early_am'], shipDate: '2026-10-12' })).rates[0];
  assert.equal(rate.carrierDeliveryDays, 'Wednesday 10/14 by 08:00 AM'); // Columbus Day is a federal holiday: pickup moves to Tuesday
  assert.equal(rate.shipDate, '2026-10-13');
  assert.equal(rate.estimatedDeliveryDate, '2026-10-14');
});

test('a quote shipped on Sunday is estimated from Monday', () => {
  const rate = fedexConnector.rate(request({ serviceCodes: ['fedex_ground'], shipDate: '2026-03-08' })).rates[0];
  assert.equal(rate.shipDate, '2026-03-09');
  assert.equal(rate.estimatedDeliveryDate, '2026-03-13'); // zone 6: 4 business days
  assert.equal(rate.deliveryDays, 4);
});

test('ground transit follows the zone; express is fixed', () => {
  const rate = (code: string) => (code.startsWith('usps') ? stampsComConnector : fedexConnector).rate(request({ serviceCodes: [code] })).rates[0];
  assert.equal(rate('usps_ground_advantage').carrierDeliveryDays, '4'); // zone 6
  assert.equal(rate('usps_priority_mail').carrierDeliveryDays, '3');
  assert.equal(rate('fedex_2day').estimatedDeliveryDate, '2026-03-06');
});

test('guaranteed and trackable flags', () => {
  const guaranteed = (connector: typeof fedexConnector, code: string, overrides = {}) =>
    connector.rate(request({ serviceCodes: [code], ...overrides })).rates[0].guaranteedService;
  assert.equal(guaranteed(fedexConnector, 'fedex_priority_overnight'), true);
  assert.equal(guaranteed(upsConnector, 'ups_2nd_day_air'), true);
  assert.equal(guaranteed(stampsComConnector, 'usps_priority_mail_express'), true);
  assert.equal(guaranteed(fedexConnector, 'fedex_ground'), false);
  assert.equal(guaranteed(stampsComConnector, 'usps_priority_mail'), false);
  assert.equal(guaranteed(dhlExpressConnector, 'dhl_express_9_00', { shipTo: TORONTO_CA, customs: CUSTOMS }), true);
  const letter = stampsComConnector.rate(request({ serviceCodes: ['usps_first_class_mail'], parcels: [{ packageCode: 'letter', weight: { value: 2, unit: 'ounce' } }] }));
  assert.equal(letter.rates[0].trackable, false);
  assert.equal(letter.rates[0].totalCents, 78 + 29);
});

// Every service, shipped on the Friday before Labor Day (2026-09-07) and before Christmas (Thursday
// 2026-12-24): delivery_days counts the carrier's delivery days, never Sundays or holidays.
test('business-day transit across weekends and holidays, for every domestic service', () => {
  for (const shipDate of ['2026-09-04', '2026-12-24', '2027-01-15', '2026-11-25']) {
    for (const connector of [stampsComConnector, upsConnector, fedexConnector]) {
      const { rates } = connector.rate(request({ shipDate, shipTo: { ...AUSTIN_TX, residential: 'yes' } }));
      assert.ok(rates.length >= 3, `${connector.catalog.carrierCode} rates`);
      for (const rate of rates) {
        const label = `${rate.serviceCode} shipped ${shipDate}`;
        const pickup = parseIsoDate(rate.shipDate)!;
        const delivery = parseIsoDate(rate.estimatedDeliveryDate ?? '')!;
        assert.ok(pickup.getUTCDay() !== 0 && !isFederalHoliday(pickup), `${label}: pickup on a working day`);
        assert.ok(delivery.getUTCDay() !== 0 && !isFederalHoliday(delivery), `${label}: delivery on a delivery day`);
        let weekdays = 0;
        let saturdays = 0;
        for (let day = new Date(pickup.getTime() + 86_400_000); day <= delivery; day = new Date(day.getTime() + 86_400_000)) {
          if (day.getUTCDay() === 0 || isFederalHoliday(day)) continue;
          if (day.getUTCDay() === 6) saturdays++;
          else weekdays++;
        }
        assert.ok(rate.deliveryDays! >= weekdays && rate.deliveryDays! <= weekdays + saturdays, `${label}: ${rate.deliveryDays} vs ${weekdays}+${saturdays}`);
        const model = modelTransitDays(rate.serviceCode!, rate.zone);
        if (model !== null) assert.equal(rate.deliveryDays, model, label);
        if (/^\d+$/.test(rate.carrierDeliveryDays!)) assert.equal(rate.carrierDeliveryDays, String(rate.deliveryDays), label);
      }
    }
  }
});

test('the issue example: ups_ground 21201 -> 90012 shipped 2027-01-15 is 5 business days (MLK Day skipped)', () => {
  const rate = upsConnector.rate(request({
    shipFrom: { ...AUSTIN_TX, postalCode: '21201', stateProvince: 'MD', cityLocality: 'Baltimore' },
    shipTo: { ...AUSTIN_TX, postalCode: '90012', stateProvince: 'CA', cityLocality: 'Los Angeles' },
    serviceCodes: ['ups_ground'],
    shipDate: '2027-01-15',
  })).rates[0];
  assert.equal(rate.deliveryDays, 5);
  assert.equal(rate.carrierDeliveryDays, '5');
  assert.equal(rate.estimatedDeliveryDate, '2027-01-25'); // Fri -> Tue..Fri, Mon 25th; Monday 18th is MLK Day
});
