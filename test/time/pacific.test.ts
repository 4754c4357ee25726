import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatV1Date, formatV1DateTime, parseV1Date } from '../../src/domain/time/pacific.ts';

const iso = (text: string): string | undefined => parseV1Date(text)?.toISOString();

describe('parseV1Date', () => {
  it('reads naive times as Pacific standard time in winter and daylight time in summer', () => {
    assert.equal(iso('2024-01-15 08:00:00'), '2024-01-15T16:00:00.000Z');
    assert.equal(iso('2015-06-29T08:46:27'), '2015-06-29T15:46:27.000Z');
  });

  it('reads a bare date as Pacific midnight', () => {
    assert.equal(iso('2024-01-15'), '2024-01-15T08:00:00.000Z');
    assert.equal(iso('2024-07-04'), '2024-07-04T07:00:00.000Z');
  });

  it('accepts minutes without seconds and 1 to 7 fractional digits, keeping milliseconds', () => {
    assert.equal(iso('2024-07-04 09:15'), '2024-07-04T16:15:00.000Z');
    assert.equal(iso('2024-07-04T09:15:00.5'), '2024-07-04T16:15:00.500Z');
    assert.equal(iso('2015-06-29T08:46:27.1234567'), '2015-06-29T15:46:27.123Z');
    assert.equal(iso('2015-06-29T08:46:27.12345678'), undefined);
  });

  it('honours Z and explicit offsets instead of Pacific time', () => {
    assert.equal(iso('2024-01-15T08:00:00Z'), '2024-01-15T08:00:00.000Z');
    assert.equal(iso('2024-01-15T08:00:00.0000000Z'), '2024-01-15T08:00:00.000Z');
    assert.equal(iso('2024-01-15T08:00:00+02:00'), '2024-01-15T06:00:00.000Z');
    assert.equal(iso('2024-07-15 08:00:00-04:00'), '2024-07-15T12:00:00.000Z');
    assert.equal(iso('2024-07-15T08:00:00+05:30'), '2024-07-15T02:30:00.000Z');
  });

  it('takes the first occurrence of the repeated November hour', () => {
    assert.equal(iso('2024-11-03 01:30:00'), '2024-11-03T08:30:00.000Z');
    assert.equal(iso('2024-11-03 00:59:59'), '2024-11-03T07:59:59.000Z');
    assert.equal(iso('2024-11-03 02:00:00'), '2024-11-03T10:00:00.000Z');
  });

  it('shifts the skipped March hour forward', () => {
    assert.equal(iso('2024-03-10 02:30:00'), '2024-03-10T10:30:00.000Z');
    assert.equal(formatV1DateTime(parseV1Date('2024-03-10 02:30:00')!), '2024-03-10T03:30:00.0000000');
    assert.equal(iso('2024-03-10 01:59:59'), '2024-03-10T09:59:59.000Z');
    assert.equal(iso('2024-03-10 03:00:00'), '2024-03-10T10:00:00.000Z');
  });

  it('rejects malformed and out-of-range input', () => {
    for (const bad of [
      '',
      'yesterday',
      '2024-1-05',
      '2024/01/05',
      '2024-13-01',
      '2024-00-10',
      '2023-02-29',
      '2024-04-31',
      '2024-01-01 24:00:00',
      '2024-01-01 12:60:00',
      '2024-01-01 12:00:60',
      '2024-01-01T12:00:00.',
      '2024-01-01T12:00:00+0200',
      '2024-01-01T12:00:00+24:00',
      '2024-01-01Z',
      '2024-01-01T12',
    ]) {
      assert.equal(parseV1Date(bad), null, bad);
    }
    assert.equal(iso('2024-02-29'), '2024-02-29T08:00:00.000Z');
  });
});

describe('formatV1DateTime / formatV1Date', () => {
  it('emits Pacific wall time with seven fractional digits and no offset', () => {
    assert.equal(formatV1DateTime(new Date('2015-06-29T15:46:27Z')), '2015-06-29T08:46:27.0000000');
    assert.equal(formatV1DateTime(new Date('2024-01-15T16:00:00.123Z')), '2024-01-15T08:00:00.1230000');
    assert.equal(formatV1DateTime(new Date('2024-01-01T07:59:59.999Z')), '2023-12-31T23:59:59.9990000');
  });

  it('emits the Pacific calendar date', () => {
    assert.equal(formatV1Date(new Date('2024-01-01T07:59:59Z')), '2023-12-31');
    assert.equal(formatV1Date(new Date('2024-01-01T08:00:00Z')), '2024-01-01');
  });

  it('throws on an invalid Date', () => {
    assert.throws(() => formatV1DateTime(new Date(Number.NaN)), RangeError);
  });

  it('round-trips every 10 minutes across both 2024 DST changes', () => {
    for (const [from, to] of [
      ['2024-03-09T00:00:00Z', '2024-03-12T00:00:00Z'],
      ['2024-11-02T00:00:00Z', '2024-11-05T00:00:00Z'],
    ]) {
      for (let t = Date.parse(from); t < Date.parse(to); t += 10 * 60_000) {
        const instant = new Date(t + 123);
        const text = formatV1DateTime(instant);
        const back = parseV1Date(text)!;
        // Only the second pass through the repeated hour (PST 01:xx) cannot come back:
        // the same wall text means the first pass, one hour earlier.
        const repeatedHour = t >= Date.parse('2024-11-03T09:00:00Z') && t < Date.parse('2024-11-03T10:00:00Z');
        assert.equal(back.getTime(), repeatedHour ? t + 123 - 3600_000 : t + 123, text);
      }
    }
  });

  it('keeps the seven-digit text stable through parse and format', () => {
    for (const text of ['2024-03-10T03:00:00.0000000', '2024-11-03T01:30:00.5000000', '2024-06-01T12:00:00.0010000']) {
      assert.equal(formatV1DateTime(parseV1Date(text)!), text);
    }
  });
});
