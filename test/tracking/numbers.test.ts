import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  isValidTrackingNumber,
  mintTrackingNumber,
  trackingUrl,
} from '../../src/domain/tracking/numbers/index.ts';

// Independent re-implementations of the check digits in tracking-numbers.md, written
// left-to-right so they do not share the production code's structure.
function uspsMod10(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const fromRight = digits.length - 1 - i;
    sum += Number(digits[i]) * (fromRight % 2 === 0 ? 3 : 1);
  }
  return sum % 10 === 0 ? 0 : 10 - (sum % 10);
}

function upsMod10(chars: string): number {
  // Letter values as listed in the doc: A=2 ... H=9, I=0, J=1 ... R=9, S=0 ... Z=7.
  const letterValues = '23456789012345678901234567';
  let sum = 0;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const value = c >= '0' && c <= '9' ? Number(c) : Number(letterValues[c.charCodeAt(0) - 65]);
    sum += i % 2 === 0 ? value : 2 * value;
  }
  return sum % 10 === 0 ? 0 : 10 - (sum % 10);
}

function fedexMod11(digits: string): number {
  const leftToRight = [3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1];
  let sum = 0;
  for (let i = 0; i < 11; i++) sum += Number(digits[i]) * leftToRight[i];
  return (sum % 11) % 10;
}

function dhlMod7(digits: string): number {
  let remainder = 0;
  for (const d of digits) remainder = (remainder * 10 + Number(d)) % 7;
  return remainder;
}

function s10(digits: string): number {
  const weights = [8, 6, 4, 2, 3, 5, 9, 7];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * weights[i];
  const r = 11 - (sum % 11);
  return r === 10 ? 0 : r === 11 ? 5 : r;
}

function independentlyValid(carrier: string, n: string): boolean {
  const last = Number(n.at(-1));
  switch (carrier) {
    case 'stamps_com':
      if (/^[A-Z]{2}\d{9}US$/.test(n)) return s10(n.slice(2, 10)) === Number(n[10]);
      return /^94\d{20}$/.test(n) && uspsMod10(n.slice(0, 21)) === last;
    case 'ups':
      return /^1Z[0-9A-Z]{15}\d$/.test(n) && upsMod10(n.slice(2, 17)) === last;
    case 'fedex':
      if (n.length === 15) return uspsMod10(n.slice(0, 14)) === last;
      return /^\d{12}$/.test(n) && fedexMod11(n) === last;
    case 'dhl_express':
      return /^\d{10}$/.test(n) && dhlMod7(n.slice(0, 9)) === last;
    default:
      return false;
  }
}

describe('check digits against the verified examples in tracking-numbers.md', () => {
  const cases: Record<string, { valid: string[]; invalid: string[] }> = {
    stamps_com: {
      valid: [
        '9400111201080805483016',
        '9505511069605048600624',
        '9405511899560337048294',
        '9405511899223197428490',
        '9101123456789000000013',
        '9261292700768711948021',
        '92748931507708513018050063',
        '03071790000523483741',
        '9400111123456789012345',
        '9405518999123456789011',
        'RB123456785US',
        'RB123456785GB',
      ],
      invalid: ['03071790000523483742', '9261292700768711948020', 'RB123456786US', '940011120108080548301', ''],
    },
    ups: {
      valid: [
        '1Z5R89390357567127',
        '1Z879E930346834440',
        '1Z410E7W0392751591',
        '1Z8V92A70367203024',
        '1ZXX3150YW44070023',
        '1Z932R800392060079',
        '1ZSIM0010300000017',
        '1ZSIM0010100000422',
      ],
      invalid: ['2Z5R89390357567127', '1Z1111111111111111', '1Z5R8939035756712'],
    },
    fedex: {
      valid: [
        '986578788855',
        '477179081230',
        '799531274483',
        '790535312317',
        '974367662710',
        '770000000017',
        '390000000420',
        '041441760228964',
        '568283610012000',
        '568283610012734',
        '9611020987654312345672',
        '9261292700768711948021',
        '1001921334250001000300779017972697',
      ],
      invalid: ['996578788855', '568283610012732', '332980205337', '9611020987654312345673'],
    },
    dhl_express: {
      valid: ['3318810025', '8487135506', '3318810036', '3318810014', '73891051146', '1000000013', '1234567891'],
      invalid: ['3318810010', '3318810034', '331881002', 'ABCDEFGHIJ'],
    },
  };

  for (const [carrier, { valid, invalid }] of Object.entries(cases)) {
    it(`${carrier}: accepts the valid and rejects the invalid examples`, () => {
      for (const n of valid) assert.equal(isValidTrackingNumber(carrier, n), true, n);
      for (const n of invalid) assert.equal(isValidTrackingNumber(carrier, n), false, n);
    });
  }

  it('ignores the grouping spaces and letter case of printed numbers', () => {
    assert.equal(isValidTrackingNumber('stamps_com', '9405 5118 9956 0337 0482 94'), true);
    assert.equal(isValidTrackingNumber('ups', '1z 5r8 939 03 5756 712 7'), true);
  });

  it('accepts carrier-code aliases and rejects carriers that are not simulated', () => {
    assert.equal(isValidTrackingNumber('usps', '9405511899560337048294'), true);
    assert.equal(isValidTrackingNumber('dhl_express_worldwide', '3318810025'), true);
    assert.equal(isValidTrackingNumber('ontrac', '3318810025'), false);
  });
});

describe('mintTrackingNumber', () => {
  // Serials are keyed permutations of the label_packages row id (the old counter printed
  // 1ZSIM0010300000017, 770000000017, 1000000013 for row 1). These pin the permutation.
  it('reproduces the pinned examples of the minting recipe', () => {
    assert.equal(mintTrackingNumber('ups', 'ups_ground', 1), '1ZY1TWB70300819823');
    assert.equal(mintTrackingNumber('fedex', 'fedex_2day', 1), '753829871693');
    assert.equal(mintTrackingNumber('fedex', 'fedex_ground', 1), '615496037376915');
    assert.equal(mintTrackingNumber('dhl_express', 'dhl_express_worldwide', 1), '7119152143');
    assert.equal(mintTrackingNumber('stamps_com', 'usps_ground_advantage', 1), '9400120821574502326535');
  });

  it('consecutive labels get scattered numbers, not a visible counter', () => {
    for (const [carrier, service] of [['stamps_com', 'usps_priority_mail'], ['ups', 'ups_ground'], ['fedex', 'fedex_2day'], ['fedex', 'fedex_ground'], ['dhl_express', 'dhl_express_worldwide']]) {
      const numbers = Array.from({ length: 200 }, (_, i) => mintTrackingNumber(carrier, service, 1000 + i));
      let nearNeighbours = 0;
      for (let i = 1; i < numbers.length; i++) {
        // Compare the numbers without their check digit: a counter differs only in its last few digits.
        const a = numbers[i - 1].slice(0, -1);
        const b = numbers[i].slice(0, -1);
        let common = 0;
        while (common < a.length && a[common] === b[common]) common++;
        if (a.length - common <= 2) nearNeighbours++;
      }
      assert.ok(nearNeighbours <= 4, `${carrier}: ${nearNeighbours} of 199 consecutive pairs look sequential`);
      // A counter near the start of its range prints long runs of zeros (9400112000000000000023); random fields rarely do.
      assert.ok(numbers.filter((n) => /0{6}/.test(n.slice(-10))).length <= 1, `${carrier}: runs of zeros in the serial part`);
    }
  });

  it('keeps the UPS shipper number of an account for 10^7 packages, then moves to another 6-character one', () => {
    const shipper = (serial: number) => mintTrackingNumber('ups', 'ups_ground', serial).slice(2, 8);
    assert.match(shipper(5), /^[0-9A-Z]{6}$/);
    assert.equal(shipper(5), shipper(9_999_999));
    assert.notEqual(shipper(5), shipper(10_000_000));
  });

  it('builds USPS IMpb from channel 94, the service type code, a 6-digit MID and a 10-digit serial', () => {
    const stc = (service: string) => mintTrackingNumber('stamps_com', service, 7).slice(2, 5);
    assert.equal(stc('usps_ground_advantage'), '001');
    assert.equal(stc('usps_priority_mail'), '055');
    assert.equal(stc('usps_priority_mail_express'), '701');
    const n = mintTrackingNumber('stamps_com', 'usps_priority_mail', 1234567890);
    assert.match(n, /^94055208215\d{11}$/);
    assert.notEqual(n[5], '9', 'a 6-digit Mailer ID never starts with 9');
  });

  it('mints S10 numbers for USPS international services', () => {
    assert.match(mintTrackingNumber('stamps_com', 'usps_priority_mail_international', 5), /^CP\d{9}US$/);
    assert.match(mintTrackingNumber('stamps_com', 'usps_priority_mail_express_international', 5), /^EA\d{9}US$/);
    assert.match(mintTrackingNumber('stamps_com', 'usps_first_class_mail_international', 100_000_005), /^LY\d{9}US$/);
  });

  it('puts the UPS service indicator in positions 9-10', () => {
    const indicator = (service: string) => mintTrackingNumber('ups', service, 3).slice(8, 10);
    assert.equal(indicator('ups_ground'), '03');
    assert.equal(indicator('ups_2nd_day_air'), '02');
    assert.equal(indicator('ups_2nd_day_air_am'), '02');
    assert.equal(indicator('ups_next_day_air_saver'), '13');
    assert.equal(indicator('ups_3_day_select'), '12');
    assert.equal(indicator('ups_next_day_air_early_am'), '15');
    assert.equal(indicator('ups_ground_saver'), 'YW');
    assert.equal(indicator('ups_worldwide_express'), '66');
  });

  it('uses 15 digits for the FedEx Ground network and 12 for the rest', () => {
    assert.equal(mintTrackingNumber('fedex', 'fedex_ground', 9).length, 15);
    assert.equal(mintTrackingNumber('fedex', 'fedex_home_delivery', 9).length, 15);
    assert.equal(mintTrackingNumber('fedex', 'fedex_priority_overnight', 9).length, 12);
  });

  const servicesByCarrier: Record<string, string[]> = {
    stamps_com: ['usps_ground_advantage', 'usps_priority_mail', 'usps_priority_mail_express', 'usps_priority_mail_international'],
    ups: ['ups_ground', 'ups_next_day_air_early_am', 'ups_ground_saver'],
    fedex: ['fedex_ground', 'fedex_2day'],
    dhl_express: ['dhl_express_worldwide'],
  };

  // 10,000 consecutive serials plus serials spread up to 10^9 and around every field boundary.
  const serials = [
    ...Array.from({ length: 10_000 }, (_, i) => i),
    ...Array.from({ length: 10_000 }, (_, i) => 999_999_999 - i * 99_991),
    ...[1e7 - 1, 1e7, 1e7 + 1, 2e7, 1e8 - 1, 1e8, 1e8 + 1, 2e8, 9e8, 9e8 - 1, 999_999_999],
  ];

  for (const [carrier, services] of Object.entries(servicesByCarrier)) {
    it(`${carrier}: every minted number passes an independent check and both validators`, () => {
      for (const service of services) {
        for (const serial of serials.slice(0, 10_000)) {
          const n = mintTrackingNumber(carrier, service, serial);
          assert.ok(independentlyValid(carrier, n), `${service} #${serial}: ${n}`);
          assert.ok(isValidTrackingNumber(carrier, n), `${service} #${serial}: ${n}`);
        }
      }
    });

    it(`${carrier}: distinct serials below 10^9 never share a number`, () => {
      for (const service of services) {
        const seen = new Map<string, number>();
        for (const serial of serials) {
          const n = mintTrackingNumber(carrier, service, serial);
          assert.ok(independentlyValid(carrier, n), `${service} #${serial}: ${n}`);
          const previous = seen.get(n);
          assert.ok(previous === undefined || previous === serial, `${n} for serials ${previous} and ${serial}`);
          seen.set(n, serial);
        }
      }
    });
  }

  it('is deterministic', () => {
    assert.equal(mintTrackingNumber('fedex', 'fedex_ground', 77), mintTrackingNumber('fedex', 'fedex_ground', 77));
  });

  it('rejects serials that are not non-negative safe integers, and unknown carriers', () => {
    assert.throws(() => mintTrackingNumber('ups', 'ups_ground', -1), RangeError);
    assert.throws(() => mintTrackingNumber('ups', 'ups_ground', 1.5), RangeError);
    assert.throws(() => mintTrackingNumber('ups', 'ups_ground', Number.MAX_SAFE_INTEGER + 1), RangeError);
    assert.throws(() => mintTrackingNumber('ontrac', 'ontrac_ground', 1), /ontrac/);
  });
});

describe('trackingUrl', () => {
  it("points at the carriers' public tracking pages", () => {
    assert.equal(
      trackingUrl('stamps_com', '9405 5118 9956 0337 0482 94'),
      'https://tools.usps.com/go/TrackConfirmAction.action?tLabels=9405511899560337048294',
    );
    assert.equal(trackingUrl('ups', '1Z932R800392060079'), 'https://www.ups.com/track?tracknum=1Z932R800392060079');
    assert.equal(
      trackingUrl('fedex', '770000000017'),
      'https://www.fedex.com/fedextrack/?action=track&trackingnumber=770000000017',
    );
    assert.equal(trackingUrl('dhl_express', '1000000013'), 'https://www.dhl.com/en/express/tracking.html?AWB=1000000013');
    assert.equal(trackingUrl('ontrac', 'X'), null);
  });
});
