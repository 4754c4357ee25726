import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { PostalAddress } from '../../src/domain/shipping-types.ts';
import { mintTrackingNumber } from '../../src/domain/tracking/numbers/index.ts';
import { labelTrackingStatus } from '../../src/domain/tracking/status-codes.ts';
import { plannedEventTimes, simulatedStatusCode, simulateTracking, TRACKING_MAGIC_VALUES } from '../../src/domain/tracking/index.ts';
import type { SimulateTrackingInput, TrackingEvent, TrackingResult } from '../../src/domain/tracking/types.ts';

const address = (name: string, city: string, state: string, postalCode: string, countryCode = 'US'): PostalAddress => ({
  name,
  addressLine1: '1 Main St',
  cityLocality: city,
  stateProvince: state,
  postalCode,
  countryCode,
  residential: 'yes',
});

const LOS_ANGELES = address('Shipping Dept', 'Los Angeles', 'CA', '90012');
const NEW_YORK = address('Jane Doe', 'New York', 'NY', '10001');
const DAY_MS = 86_400_000;

function input(overrides: Partial<SimulateTrackingInput> = {}): SimulateTrackingInput {
  const carrierCode = overrides.carrierCode ?? 'stamps_com';
  const serviceCode = overrides.serviceCode ?? 'usps_ground_advantage';
  return {
    carrierCode,
    serviceCode,
    trackingNumber: mintTrackingNumber(carrierCode, serviceCode, 4242),
    // Friday before the March DST change; delivery the next Thursday.
    shipDate: '2024-03-08',
    estimatedDeliveryDate: '2024-03-14',
    shipFrom: LOS_ANGELES,
    shipTo: NEW_YORK,
    now: new Date('2024-04-01T00:00:00Z'),
    ...overrides,
  };
}

const withName = (name: string): PostalAddress => ({ ...NEW_YORK, name });
const oldestFirst = (result: TrackingResult): TrackingEvent[] => [...result.events].reverse();
const localDate = (event: TrackingEvent): string => event.carrierOccurredAt.slice(0, 10);
const statuses = (result: TrackingResult): string => oldestFirst(result).map((e) => e.statusCode).join(' ');

const CARRIERS = [
  { carrierCode: 'stamps_com', serviceCode: 'usps_ground_advantage' },
  { carrierCode: 'stamps_com', serviceCode: 'usps_priority_mail_express' },
  { carrierCode: 'ups', serviceCode: 'ups_ground' },
  { carrierCode: 'ups', serviceCode: 'ups_next_day_air_early_am' },
  { carrierCode: 'fedex', serviceCode: 'fedex_home_delivery' },
  { carrierCode: 'fedex', serviceCode: 'fedex_priority_overnight' },
  { carrierCode: 'dhl_express', serviceCode: 'dhl_express_worldwide' },
];

describe('simulateTracking: a normal delivery', () => {
  for (const service of CARRIERS) {
    it(`${service.serviceCode}: label created, accepted, 1-3 hubs, out for delivery, delivered on the estimate`, () => {
      const result = simulateTracking(input(service));
      assert.match(statuses(result), /^NY AC (IT ){4,9}DE$/);
      const hubArrivals = result.events.filter(
        (e) => e.statusCode === 'IT' && /arrived/i.test(e.description) && e.statusDetailCode === 'IN_TRANSIT',
      );
      assert.ok(hubArrivals.length >= 1 && hubArrivals.length <= 3, `${hubArrivals.length} hubs`);
      assert.equal(result.events[1].statusDetailCode, 'OUT_FOR_DELIVERY');
      assert.equal(result.statusCode, 'DE');
      assert.equal(result.statusDetailCode, 'DELIVERED');
      assert.equal(result.statusDescription, 'Delivered');
      assert.equal(result.actualDeliveryDate, result.events[0].occurredAt);
      assert.equal(localDate(result.events[0]), '2024-03-14');
      assert.equal(result.events[0].cityLocality, 'NEW YORK');
      assert.equal(result.estimatedDeliveryDate, '2024-03-14T00:00:00Z');
      assert.equal(result.shipDate, '2024-03-08T00:00:00Z');
      assert.equal(result.exceptionDescription, null);
      assert.equal(labelTrackingStatus(result.statusCode), 'delivered');
    });
  }

  it('delivers every service on its estimate, in order, from and to ZIP codes all over the US', () => {
    const zip3s = Object.keys(
      (JSON.parse(readFileSync(new URL('../../reference/domain/rates/zip3_centroids.json', import.meta.url), 'utf8')) as {
        zip3: Record<string, unknown>;
      }).zip3,
    );
    const carriers = (JSON.parse(readFileSync(new URL('../../reference/domain/carriers.json', import.meta.url), 'utf8')) as {
      carriers: Record<string, { services: { service_code: string }[] }>;
    }).carriers;
    const services = Object.entries(carriers).flatMap(([carrierCode, carrier]) =>
      carrier.services.map((service) => ({ carrierCode, serviceCode: service.service_code })),
    );
    for (let i = 0; i < 600; i++) {
      const { carrierCode, serviceCode } = services[i % services.length];
      const shipDate = new Date(Date.UTC(2024, 0, 1) + ((i * 37) % 700) * DAY_MS).toISOString().slice(0, 10);
      const estimatedDeliveryDate = new Date(Date.parse(shipDate) + (1 + (i % 8)) * DAY_MS).toISOString().slice(0, 10);
      const result = simulateTracking({
        carrierCode,
        serviceCode,
        trackingNumber: mintTrackingNumber(carrierCode, serviceCode, i),
        shipDate,
        estimatedDeliveryDate,
        shipFrom: address('Shipper', 'Origin', 'TX', `${zip3s[(i * 7919) % zip3s.length]}01`),
        shipTo: address('Jane Doe', 'Destination', 'WA', `${zip3s[(i * 104729) % zip3s.length]}01`),
        now: new Date('2030-01-01T00:00:00Z'),
      });
      const label = `${serviceCode} ${shipDate} -> ${estimatedDeliveryDate}`;
      const times = oldestFirst(result).map((e) => Date.parse(e.occurredAt));
      for (let k = 1; k < times.length; k++) assert.ok(times[k] > times[k - 1], label);
      assert.equal(result.statusCode, 'DE', label);
      // Only a weekend ship date with a next-day estimate moves delivery past the estimate.
      const pickedUpLater = result.estimatedDeliveryDate !== `${estimatedDeliveryDate}T00:00:00Z`;
      assert.ok(!pickedUpLater || [0, 6].includes(new Date(shipDate).getUTCDay()), label);
      assert.equal(localDate(result.events[0]), result.estimatedDeliveryDate!.slice(0, 10), label);
    }
  });

  it('lists events newest first, in strictly increasing time when read backwards', () => {
    for (const service of CARRIERS) {
      const times = oldestFirst(simulateTracking(input(service))).map((e) => Date.parse(e.occurredAt));
      for (let i = 1; i < times.length; i++) assert.ok(times[i] > times[i - 1], `${service.serviceCode} event ${i}`);
    }
  });

  it('fills every event field in the API formats', () => {
    const result = simulateTracking(input({ shipTo: { ...NEW_YORK, companyName: 'Acme' } }));
    for (const event of result.events) {
      assert.deepEqual(Object.keys(event).sort(), [
        'carrierDetailCode', 'carrierOccurredAt', 'carrierStatusCode', 'carrierStatusDescription', 'cityLocality',
        'companyName', 'countryCode', 'description', 'eventCode', 'latitude', 'longitude', 'occurredAt', 'postalCode',
        'signer', 'stateProvince', 'statusCode', 'statusDescription', 'statusDetailCode', 'statusDetailDescription',
      ]);
      assert.match(event.occurredAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      assert.match(event.carrierOccurredAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
      for (const field of ['cityLocality', 'stateProvince', 'postalCode', 'carrierStatusCode', 'carrierDetailCode', 'eventCode'] as const) {
        assert.ok(event[field].length > 0, field);
      }
      assert.equal(typeof event.latitude, 'number');
      assert.equal(typeof event.longitude, 'number');
    }
    assert.equal(result.events[0].companyName, 'Acme');
    assert.equal(result.events[1].companyName, null);
  });

  it('reports carrier-local time, across the DST change', () => {
    const result = simulateTracking(input());
    for (const event of result.events) {
      const offsetHours = (Date.parse(`${event.carrierOccurredAt}Z`) - Date.parse(event.occurredAt)) / 3_600_000;
      const beforeChange = Date.parse(event.occurredAt) < Date.parse('2024-03-10T10:00:00Z');
      const expected: Record<string, number> = {
        CA: beforeChange ? -8 : -7,
        NY: Date.parse(event.occurredAt) < Date.parse('2024-03-10T07:00:00Z') ? -5 : -4,
      };
      if (event.stateProvince in expected) assert.equal(offsetHours, expected[event.stateProvince], event.occurredAt);
    }
  });

  it('uses each carrier’s raw codes', () => {
    const codes = (carrierCode: string, serviceCode: string) =>
      oldestFirst(simulateTracking(input({ carrierCode, serviceCode }))).map((e) => e.eventCode);
    assert.deepEqual(codes('stamps_com', 'usps_ground_advantage').slice(0, 3), ['MA', '03', 'SF']);
    assert.deepEqual(codes('stamps_com', 'usps_ground_advantage').slice(-3), ['07', 'OF', '01']);
    assert.deepEqual(codes('fedex', 'fedex_2day').slice(-3), ['AF', 'OD', 'DL']);
    const ups = simulateTracking(input({ carrierCode: 'ups', serviceCode: 'ups_ground' }));
    assert.equal(ups.carrierStatusCode, 'D');
    assert.equal(ups.carrierDetailCode, 'KB');
    assert.equal(ups.events[0].signer, 'FRONT DOOR');
    assert.equal(oldestFirst(ups)[0].carrierStatusCode, 'M');
  });

  it('waits for the next business day when shipped on a weekend', () => {
    const result = simulateTracking(input({ shipDate: '2024-03-09', estimatedDeliveryDate: '2024-03-14' }));
    const accepted = oldestFirst(result).find((e) => e.statusCode === 'AC')!;
    assert.equal(localDate(accepted), '2024-03-11');
  });

  it('treats a date-time ship date as the moment the label was created', () => {
    const result = simulateTracking(input({ shipDate: '2024-03-08T17:30:00Z' }));
    assert.equal(oldestFirst(result)[0].occurredAt, '2024-03-08T17:30:00Z');
    assert.equal(result.shipDate, '2024-03-08T17:30:00Z');
  });

  it('falls back to the service’s typical transit time without an estimate', () => {
    const result = simulateTracking(input({ carrierCode: 'ups', serviceCode: 'ups_2nd_day_air', estimatedDeliveryDate: null }));
    // Picked up Friday 2024-03-08; 2 business days later is Tuesday.
    assert.equal(result.estimatedDeliveryDate, '2024-03-12T00:00:00Z');
    assert.equal(localDate(result.events[0]), '2024-03-12');
  });

  it('clears customs where the parcel enters the destination country', () => {
    const exported = simulateTracking(
      input({ carrierCode: 'dhl_express', serviceCode: 'dhl_express_worldwide', shipTo: address('Ann Lee', 'London', 'LND', 'SW1A 1AA', 'GB') }),
    );
    const exportCustoms = exported.events.find((e) => e.statusDetailCode === 'CUSTOMS_CLEARED')!;
    assert.equal(exportCustoms.countryCode, 'GB');
    assert.equal(exportCustoms.eventCode, 'CR');
    assert.equal(exported.events[0].signer, 'LEE');

    const imported = simulateTracking(
      input({ carrierCode: 'dhl_express', serviceCode: 'dhl_express_worldwide', shipFrom: address('Ann Lee', 'London', 'LND', 'SW1A 1AA', 'GB') }),
    );
    const importCustoms = imported.events.find((e) => e.statusDetailCode === 'CUSTOMS_CLEARED')!;
    assert.equal(importCustoms.countryCode, 'US');
    assert.equal(importCustoms.cityLocality, 'CINCINNATI HUB');
    assert.equal(imported.statusCode, 'DE');
  });
});

describe('simulateTracking: determinism and the clock', () => {
  it('gives the same result for the same input', () => {
    assert.deepEqual(simulateTracking(input()), simulateTracking(input()));
  });

  it('tells a different story for a different tracking number', () => {
    const a = simulateTracking(input());
    const b = simulateTracking(input({ trackingNumber: mintTrackingNumber('stamps_com', 'usps_ground_advantage', 4243) }));
    assert.notDeepEqual(
      a.events.map((e) => e.occurredAt),
      b.events.map((e) => e.occurredAt),
    );
  });

  it('only adds newer events as time passes, and the status never moves backwards', () => {
    const rank = { NY: 0, AC: 1, IT: 2, DE: 3 } as Record<string, number>;
    let previous: TrackingResult | null = null;
    for (let t = Date.parse('2024-03-07T00:00:00Z'); t < Date.parse('2024-03-17T00:00:00Z'); t += 3_600_000) {
      const current = simulateTracking(input({ now: new Date(t) }));
      if (previous) {
        assert.deepEqual(oldestFirst(current).slice(0, previous.events.length), oldestFirst(previous));
        assert.ok(rank[current.statusCode] >= rank[previous.statusCode], new Date(t).toISOString());
      }
      for (const event of current.events) assert.ok(Date.parse(event.occurredAt) <= t);
      previous = current;
    }
    assert.equal(previous!.statusCode, 'DE');
  });

  it('is Not Yet In System, without events, before the label-created scan', () => {
    const result = simulateTracking(input({ now: new Date('2024-03-01T00:00:00Z') }));
    assert.equal(result.events.length, 0);
    assert.equal(result.statusCode, 'NY');
    assert.equal(result.carrierStatusCode, 'MA');
    assert.equal(result.actualDeliveryDate, null);
  });

  it('is in transit in the middle of the journey', () => {
    const result = simulateTracking(input({ now: new Date('2024-03-11T18:00:00Z') }));
    assert.equal(result.statusCode, 'IT');
    assert.equal(result.actualDeliveryDate, null);
    assert.equal(labelTrackingStatus(result.statusCode), 'in_transit');
  });
});

describe('simulateTracking: unhappy paths', () => {
  const run = (name: string, overrides: Partial<SimulateTrackingInput> = {}) =>
    simulateTracking(input({ shipTo: withName(name), ...overrides }));

  it('exports the magic values with trigger, field and effect', () => {
    assert.ok(TRACKING_MAGIC_VALUES.length >= 4);
    for (const magic of TRACKING_MAGIC_VALUES) {
      assert.equal(magic.field, 'shipTo.name');
      assert.ok(magic.trigger.length > 0 && magic.effect.length > 0);
    }
  });

  it('NOT YET IN SYSTEM: stays at the label-created event', () => {
    const result = run('Not Yet In System');
    assert.equal(statuses(result), 'NY');
    assert.equal(result.statusDetailCode, 'ELEC_ADVICE_RECD_BY_CARRIER');
    assert.equal(labelTrackingStatus(result.statusCode), 'unknown');
  });

  it('voided labels never move', () => {
    const result = simulateTracking(input({ voided: true }));
    assert.equal(statuses(result), 'NY');
    assert.equal(result.estimatedDeliveryDate, null);
  });

  it('ATTEMPT: attempted on the estimated date, delivered the next business day', () => {
    const result = run('jane ATTEMPT doe', { estimatedDeliveryDate: '2024-03-15' });
    assert.match(statuses(result), / IT AT IT DE$/);
    const attempt = result.events.find((e) => e.statusCode === 'AT')!;
    assert.equal(localDate(attempt), '2024-03-15');
    assert.equal(attempt.statusDetailCode, 'ATTEMPTED_DELIVERY');
    assert.equal(localDate(result.events[0]), '2024-03-18');
    assert.equal(result.actualDeliveryDate, result.events[0].occurredAt);
  });

  it('RETURN TO SENDER: attempted, then returned with an exception description', () => {
    const result = run('Return To Sender');
    assert.match(statuses(result), / IT AT EX$/);
    assert.equal(result.statusDetailCode, 'RETURN_TO_SENDER');
    assert.equal(result.exceptionDescription, 'Return to Sender');
    assert.equal(result.carrierStatusCode, '09');
    assert.equal(localDate(result.events[0]), '2024-03-15');
    assert.equal(labelTrackingStatus(result.statusCode), 'error');
  });

  it('EXCEPTION: delayed at the destination on the estimated date, never delivered', () => {
    const result = run('EXCEPTION Test', { carrierCode: 'fedex', serviceCode: 'fedex_2day' });
    assert.match(statuses(result), / IT EX$/);
    assert.equal(result.statusDetailCode, 'CARRIER_DELAYS');
    assert.equal(result.carrierStatusCode, 'DY');
    assert.equal(localDate(result.events[0]), '2024-03-14');
    assert.ok(result.exceptionDescription);
    assert.equal(result.actualDeliveryDate, null);
  });

  it('LOST IN TRANSIT: scans stop after the first hub, declared lost a week later', () => {
    const result = run('Lost In Transit', { carrierCode: 'ups', serviceCode: 'ups_ground' });
    assert.equal(statuses(result), 'NY AC IT IT IT EX');
    assert.equal(result.statusDetailCode, 'PARCEL_LOST');
    const [lost, lastScan] = result.events;
    assert.equal(lost.cityLocality, lastScan.cityLocality);
    const days = Math.round((Date.parse(`${localDate(lost)}T00:00:00Z`) - Date.parse(`${localDate(lastScan)}T00:00:00Z`)) / DAY_MS);
    assert.equal(days, 7);
  });

  it('HOLD FOR PICKUP: waits at the destination for collection', () => {
    const result = run('HOLD FOR PICKUP');
    assert.match(statuses(result), / IT SP$/);
    assert.equal(result.statusDetailCode, 'COLLECT_AT_LOCAL_PO');
    assert.equal(result.actualDeliveryDate, null);
    assert.equal(localDate(result.events[0]), '2024-03-14');
  });

  it('shares the happy path’s history until the scenario departs from it', () => {
    const normal = oldestFirst(simulateTracking(input()));
    const attempted = oldestFirst(run('ATTEMPT'));
    const withoutName = (e: TrackingEvent) => ({ ...e, signer: null });
    assert.deepEqual(attempted.slice(0, normal.length - 1).map(withoutName), normal.slice(0, -1).map(withoutName));
  });

  it('rejects carriers it does not simulate and malformed dates', () => {
    assert.throws(() => simulateTracking(input({ carrierCode: 'ontrac' })), /ontrac/);
    assert.throws(() => simulateTracking(input({ shipDate: 'soon' })), RangeError);
    assert.throws(() => simulateTracking(input({ estimatedDeliveryDate: '14/03/2024' })), RangeError);
  });
});

describe('simulatedStatusCode', () => {
  it('is the status simulateTracking reports, at every hour of every journey, happy or not, voided or not', () => {
    const journeys = [
      ...CARRIERS.map((service) => input(service)),
      ...TRACKING_MAGIC_VALUES.map((magic) => input({ shipTo: withName(magic.trigger) })),
      input({ voided: true }),
      // A purchase instant rather than a ship day, as a bought label has.
      input({ shipDate: '2024-03-08T21:14:05.123Z' }),
    ];
    let changes = 0;
    for (const journey of journeys) {
      let last = '';
      for (let hour = -24; hour <= 24 * 30; hour++) {
        const now = new Date(Date.parse('2024-03-08T00:00:00Z') + hour * 3600_000);
        const expected = simulateTracking({ ...journey, now }).statusCode;
        assert.equal(simulatedStatusCode({ ...journey, now }), expected, `${journey.serviceCode} ${journey.shipTo.name} at ${now.toISOString()}`);
        if (expected !== last) changes++;
        last = expected;
      }
    }
    assert.ok(changes > journeys.length * 3, 'the journeys move through several statuses');
  });
});

describe('plannedEventTimes', () => {
  it('is when simulateTracking reports each event, oldest first, asked before or after the events themselves', () => {
    const journeys = [
      ...CARRIERS.map((service) => input(service)),
      ...TRACKING_MAGIC_VALUES.map((magic) => input({ shipTo: withName(magic.trigger) })),
      input({ voided: true }),
      input({ shipDate: '2024-03-08T21:14:05.123Z' }),
    ];
    const everything = new Date('2030-01-01T00:00:00Z');
    journeys.forEach((journey, i) => {
      // A parcel not planned before: the times come first, the wire-shaped events after.
      const fresh = { ...journey, trackingNumber: mintTrackingNumber(journey.carrierCode, journey.serviceCode, 90_000 + i) };
      const { now: _now, ...planned } = fresh;
      const times = plannedEventTimes(planned);
      const reported = simulateTracking({ ...fresh, now: everything }).events.map((e) => Date.parse(e.occurredAt)).reverse();
      assert.deepEqual(times, reported, `${fresh.serviceCode} ${fresh.shipTo.name}`);
      assert.deepEqual(plannedEventTimes(planned), times, 'the same times once the events are made');
      assert.ok(times.every((t) => t % 1000 === 0), 'whole seconds, as the events report them');
    });
  });
});
