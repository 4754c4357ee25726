import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isFederalHoliday, isWeekday, parseIsoDate } from '../../src/domain/time/calendar.ts';
import { addBusinessDays, businessDayOnOrAfter } from '../../src/domain/tracking/calendar.ts';

const holiday = (day: string) => isFederalHoliday(parseIsoDate(day)!);

test('federal holidays follow the observance rule (Saturday -> Friday, Sunday -> Monday)', () => {
  assert.equal(holiday('2026-07-03'), true, 'July 4th 2026 is a Saturday: observed Friday');
  assert.equal(holiday('2026-07-04'), false);
  assert.equal(holiday('2022-12-26'), true, 'Christmas 2022 is a Sunday: observed Monday');
  assert.equal(holiday('2022-12-25'), false);
  assert.equal(holiday('2021-12-31'), true, "New Year's Day 2022 is a Saturday: observed December 31, 2021");
  assert.equal(holiday('2022-01-01'), false);
  assert.equal(holiday('2027-01-18'), true, 'MLK Day: third Monday of January');
  assert.equal(holiday('2027-05-31'), true, 'Memorial Day: last Monday of May');
  assert.equal(holiday('2027-11-25'), true, 'Thanksgiving: fourth Thursday of November');
  assert.equal(holiday('2027-03-04'), false);
});

test('Juneteenth is a federal holiday from 2021 on', () => {
  assert.equal(holiday('2021-06-18'), true, 'June 19, 2021 is a Saturday');
  assert.equal(holiday('2026-06-19'), true);
  assert.equal(holiday('2020-06-19'), false);
});

test('eleven holidays a year, observed on weekdays (New Year\'s Day may move to the year before)', () => {
  const expected: Record<number, number> = { 2025: 11, 2026: 11, 2027: 12, 2028: 10, 2033: 10 };
  for (const year of [2025, 2026, 2027, 2028, 2033]) {
    const days: string[] = [];
    for (let d = parseIsoDate(`${year}-01-01`)!; d.getUTCFullYear() === year; d = new Date(d.getTime() + 86_400_000)) {
      if (isFederalHoliday(d)) days.push(d.toISOString().slice(0, 10));
    }
    // January 1 of 2028 and 2033 is a Saturday: observed on December 31 of 2027 and 2032.
    assert.equal(days.length, expected[year], `${year}: ${days.join(' ')}`);
    assert.ok(days.every((day) => isWeekday(parseIsoDate(day)!)), `${year}: observed on weekdays`);
  }
});

test('tracking business days are Monday to Friday', () => {
  assert.equal(businessDayOnOrAfter('2026-12-05'), '2026-12-07'); // Saturday -> Monday
  assert.equal(addBusinessDays('2026-12-04', 3), '2026-12-09'); // Friday + 3 -> Wednesday
});
