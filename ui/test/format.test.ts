import { describe, expect, test } from 'vitest';
import { formatKrw, formatPct, formatRatio, groupDigits, parseAmount, toWon } from '../src/format';

describe('toWon', () => {
  test('rounds decimal strings half away from zero without floating point', () => {
    expect(toWon('2974607642.525')).toBe(2974607643n);
    expect(toWon('-180942234432.4999')).toBe(-180942234432n);
    expect(toWon('-0.5')).toBe(-1n);
    // 2^63 and beyond stay exact.
    expect(toWon('123456789012345678901.4')).toBe(123456789012345678901n);
  });
  test('refuses what is not a decimal', () => {
    expect(() => toWon('12e3')).toThrow();
    expect(() => toWon('')).toThrow();
  });
});

describe('formatKrw', () => {
  test('English: plain digit grouping', () => {
    expect(formatKrw('183916842075.4434', 'en')).toBe('KRW 183,916,842,075');
    expect(formatKrw('-286890000000', 'en')).toBe('KRW -286,890,000,000');
    expect(formatKrw('999', 'en')).toBe('KRW 999');
  });
  test('Korean: 억 with one decimal below a 조', () => {
    expect(formatKrw('2974607642.525', 'ko')).toBe('29.7억원');
    expect(formatKrw('183916842075.4434', 'ko')).toBe('1,839.2억원');
    expect(formatKrw('100000000', 'ko')).toBe('1억원');
    expect(formatKrw('-28689000000', 'ko')).toBe('-286.9억원');
  });
  test('Korean: 조 and whole 억 from a 조 up', () => {
    expect(formatKrw('1234500000000', 'ko')).toBe('1조 2,345억원');
    expect(formatKrw('2000000000000', 'ko')).toBe('2조원');
    expect(formatKrw('12345678900000000', 'ko')).toBe('12,345조 6,789억원');
  });
  test('Korean: 만원 and 원 for small sums', () => {
    expect(formatKrw('50000000', 'ko')).toBe('5,000만원');
    expect(formatKrw('950', 'ko')).toBe('950원');
  });
});

test('groupDigits keeps a fraction and the sign', () => {
  expect(groupDigits('1234567.89')).toBe('1,234,567.89');
  expect(groupDigits(-1000n)).toBe('-1,000');
  expect(groupDigits('12')).toBe('12');
});

test('ratios and percentages, with a dash when the engine gives none', () => {
  expect(formatRatio(1.0164395429947441)).toBe('1.016');
  expect(formatRatio(null)).toBe('—');
  expect(formatPct(0.04628205635585092)).toBe('4.63 %');
  expect(formatPct(undefined)).toBe('—');
});

test('parseAmount takes what people type and paste, keeps a decimal string', () => {
  expect(parseAmount('28,000,000,000')).toBe('28000000000');
  expect(parseAmount(' 1 500 000원 ')).toBe('1500000');
  expect(parseAmount('12.50')).toBe('12.50');
  expect(parseAmount('')).toBe('');
  expect(parseAmount('12abc')).toBeNull();
  expect(parseAmount('1e9')).toBeNull();
});

describe('dates in KST', () => {
  test('a PDF date in UTC is read and shown in Seoul time (UTC+9)', async () => {
    const { formatPdfDate, parsePdfDate } = await import('../src/format');
    // D:20261201192608Z is 2026-12-01 19:26:08 UTC = 2026-12-02 04:26:08 KST (19 + 9 = 28 → next day, 04 h).
    expect(parsePdfDate('D:20261201192608Z')?.toISOString()).toBe('2026-12-01T19:26:08.000Z');
    // With an offset: 04:26:08+09'00' is the same instant.
    expect(parsePdfDate("D:20261202042608+09'00'")?.toISOString()).toBe('2026-12-01T19:26:08.000Z');
    expect(parsePdfDate('2026-12-01 19:26:08 UTC')?.toISOString()).toBe('2026-12-01T19:26:08.000Z');
    expect(parsePdfDate('yesterday')).toBeNull();
    const ko = formatPdfDate('D:20261201192608Z', 'ko');
    expect(ko).toMatch(/^2026\. 12\. 2\. .*4:26:08$/);
    expect(formatPdfDate('D:20261201192608Z', 'en')).toMatch(/2 Dec 2026.*04:26:08 KST$/);
    expect(formatPdfDate('not a date', 'ko')).toBe('not a date');
  });
  test('a time of day in KST', async () => {
    const { formatTime } = await import('../src/format');
    // 10:20:43 UTC = 19:20:43 KST.
    expect(formatTime(new Date(Date.UTC(2026, 11, 1, 10, 20, 43)), 'en')).toBe('19:20:43');
    expect(formatTime(new Date(Date.UTC(2026, 11, 1, 10, 20, 43)), 'ko')).toMatch(/7:20:43$/);
  });
});
