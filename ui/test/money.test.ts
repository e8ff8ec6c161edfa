import { describe, expect, test } from 'vitest';
import { formatMoney, inUnit, parseMoney, roundDecimal, shiftDecimal } from '../src/format';

describe('money in the officer notation and the unit on screen', () => {
  test('the amounts the engine accepts, by hand (억 = 10^8, 조 = 10^12, 백만 = 10^6, 만 = 10^4)', () => {
    for (const [typed, won] of [
      ['240억', '24000000000'], // 240 × 10^8
      ['240억원', '24000000000'],
      ['24,000,000,000', '24000000000'],
      ['1,800억', '180000000000'], // 1,800 × 10^8
      ['1,800백만원', '1800000000'], // 1,800 × 10^6
      ['3.5억', '350000000'],
      ['1조 2,000억', '1200000000000'], // 10^12 + 2,000 × 10^8
      ['12억 3,000만', '1230000000'], // 12 × 10^8 + 3,000 × 10^4
      ['3억 5천만', '350000000'], // 3 × 10^8 + 5 × 10^7
      ['500만원', '5000000'],
      ['5,000원', '5000'],
      ['12,000', '12000'],
      ['', ''],
    ] as const)
      expect(parseMoney(typed), typed).toBe(won);
    for (const bad of ['1,2', '12,0000', '억', '240 억 원 원', '5억 3조', '24oo', '1e5', '12a'])
      expect(parseMoney(bad), bad).toBeNull();
  });

  test('a bare number is in the unit on screen; the officer notation is absolute', () => {
    expect(parseMoney('200', 8)).toBe('20000000000'); // 200억원
    expect(parseMoney('1,800.5', 6)).toBe('1800500000'); // 1,800.5백만원
    expect(parseMoney('0.11', 8)).toBe('11000000');
    expect(parseMoney('600억', 6)).toBe('60000000000'); // the notation wins over the unit
    expect(parseMoney('60000000000', 0)).toBe('60000000000');
  });

  test('exact shifts and rounding', () => {
    expect(shiftDecimal('1.5', 8)).toBe('150000000');
    expect(shiftDecimal('20000000000', -8)).toBe('200');
    expect(shiftDecimal('1100000000', -8)).toBe('11');
    expect(shiftDecimal('12345', -8)).toBe('0.00012345');
    expect(shiftDecimal('-35000000', -8)).toBe('-0.35');
    expect(roundDecimal('29.74607642525', 1)).toBe('29.7');
    expect(roundDecimal('-0.04', 1)).toBe('0');
  });

  test('a figure in each unit: NPV 2,974,607,642.525 won', () => {
    const npv = '2974607642.525';
    expect(formatMoney(npv, 'eok', 'ko')).toBe('29.7억원'); // 29.746… → 29.7
    expect(formatMoney(npv, 'million', 'ko')).toBe('2,975백만원'); // 2,974.6 → 2,975
    expect(formatMoney(npv, 'thousand', 'ko')).toBe('2,974,608천원'); // 2,974,607.6 → 2,974,608
    expect(formatMoney(npv, 'won', 'ko')).toBe('2,974,607,643원'); // .525 → up
    expect(formatMoney(npv, 'million', 'en')).toBe('KRW 2,975 million');
    expect(formatMoney(npv, 'eok', 'en')).toBe('KRW 2.97 bn'); // 2.9746… bn
    expect(formatMoney('180000000000', 'eok', 'ko')).toBe('1,800억원');
    expect(inUnit('20000000000', 'eok')).toBe('200');
    expect(inUnit('1100000000', 'million')).toBe('1,100');
  });
});

test('chart ticks on round values', async () => {
  const { niceTicks } = await import('../src/charts');
  // Range -350 … 120 (억원) in about 6 steps: 470 / 6 = 78 → step 100.
  expect(niceTicks(-350, 120, 6)).toEqual([-300, -200, -100, 0, 100]);
  // 1000 / 4 = 250 → the next of 1, 2, 5 × 100 is 500.
  expect(niceTicks(0, 1000, 4)).toEqual([0, 500, 1000]);
  expect(niceTicks(0, 7, 4)).toEqual([0, 2, 4, 6]);
});

test('risk: counts as typed and the summarising phase', async () => {
  const { parseCount } = await import('../src/views/risk');
  expect(parseCount('20,000')).toBe(20000);
  expect(parseCount(' 5000000 ')).toBe(5000000);
  expect(parseCount('2e4')).toBeNull();
  const { jobPhase } = await import('../src/state');
  expect(jobPhase({ kind: 'risk', done: 10, total: 20000 })).toBe('running');
  expect(jobPhase({ kind: 'risk', done: 20000, total: 20000 })).toBe('summarising');
  expect(jobPhase({ kind: 'export', done: 3, total: 3 })).toBe('exporting');
});

test('table figures keep fixed decimals so columns line up', async () => {
  const { figureIn } = await import('../src/format');
  expect(figureIn('12400000000', 'eok')).toBe('124.0');
  expect(figureIn('12310000000', 'eok')).toBe('123.1');
  expect(figureIn('142471213791.5128', 'eok')).toBe('1,424.7');
  expect(figureIn('142471213791.5128', 'million')).toBe('142,471');
  expect(figureIn('-4000000', 'eok')).toBe('0.0'); // -0.04억 rounds to 0
});
