import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseAmount } from '../src/format';
import { cellOf, getPath, parseTsv, paste, problemsAt, rowsOf, setCell, setPath, splitPath, years } from '../src/study';

const road = () => JSON.parse(readFileSync(new URL('../../fixtures/road-national-route.yeta.json', import.meta.url), 'utf8'));

test('years of the analysis period', () => {
  expect(years(road())).toHaveLength(2059 - 2026 + 1);
  expect(years({ parameters: { first_year: 2030, last_year: 2020 } })).toEqual([]);
});

describe('cells', () => {
  test('single-year flows, ranged flows and empty years', () => {
    const s = road();
    expect(cellOf(s.costs[0].flows, 2026)).toEqual({ kind: 'single', flow: 0, amount: '20000000000' });
    // Routine maintenance runs 2030..2059 as one ranged flow.
    expect(cellOf(s.costs[2].flows, 2030)).toEqual({ kind: 'range', flow: 0, first: true });
    expect(cellOf(s.costs[2].flows, 2045)).toEqual({ kind: 'range', flow: 0, first: false });
    expect(cellOf(s.costs[0].flows, 2040)).toEqual({ kind: 'empty' });
  });
  test('setCell edits, adds in year order, removes, and refuses a ranged year', () => {
    const s = road();
    const row = { list: 'costs' as const, line: 0 };
    expect(setCell(s, row, 2026, '1')).toBe(true);
    expect(s.costs[0].flows[0]).toEqual({ year: 2026, amount: '1' });
    expect(setCell(s, row, 2030, '5')).toBe(true);
    expect(s.costs[0].flows.map((f: any) => f.year)).toEqual([2026, 2027, 2028, 2029, 2030]);
    expect(setCell(s, row, 2026, '')).toBe(true);
    expect(s.costs[0].flows[0].year).toBe(2027);
    expect(setCell(s, { list: 'costs', line: 2 }, 2035, '9')).toBe(false);
  });
});

describe('TSV paste', () => {
  test('parses what Excel copies (CRLF, trailing newline)', () => {
    expect(parseTsv('1\t2\r\n3\t4\r\n')).toEqual([['1', '2'], ['3', '4']]);
    expect(parseTsv('x')).toEqual([['x']]);
  });
  test('fills a block across lines and years, clipped to the grid, naming what it skipped', () => {
    const s = road();
    const rows = rowsOf(s);
    const yrs = years(s);
    const r = paste(s, rows, yrs, 0, 0, parseTsv('1,000\t2000\n3000\tabc\n7\t8\n'), parseAmount);
    // The third row, Routine maintenance, ranges over 2030..2059: 2026 and 2027 are free years.
    expect(r.changed).toBe(5);
    expect(s.costs[0].flows[0].amount).toBe('1000');
    expect(s.costs[0].flows[1].amount).toBe('2000');
    expect(s.costs[1].flows[0].amount).toBe('3000');
    expect(s.costs[2].flows[0]).toEqual({ year: 2026, amount: '7' });
    expect(r.skipped).toEqual(['costs[1] 2027: "abc"']);
  });
  test('a block pasted near the end of the period is clipped', () => {
    const s = road();
    const yrs = years(s);
    const r = paste(s, rowsOf(s), yrs, 0, yrs.length - 1, [['5', '6', '7']], parseAmount);
    expect(r.changed).toBe(1);
    expect(cellOf(s.costs[0].flows, 2059)).toEqual({ kind: 'single', flow: 4, amount: '5' });
  });
});

test('paths as the engine writes them', () => {
  expect(splitPath('costs[2].flows[0].amount')).toEqual(['costs', 2, 'flows', 0, 'amount']);
  const s = road();
  expect(getPath(s, 'costs[0].flows[1].amount')).toBe('50000000000');
  setPath(s, 'parameters.discount[0].rate', '0.045');
  expect(s.parameters.discount).toEqual([{ rate: '0.045' }]);
  setPath(s, 'project.description', undefined);
  expect('description' in s.project).toBe(false);
});

test('problems are placed at their field and inside it', () => {
  const ps = [
    { path: 'costs[0].flows[1].year', message: 'a' },
    { path: 'costs[0].flows[10]', message: 'b' },
    { path: 'costs[0]', message: 'c' },
  ];
  expect(problemsAt(ps, 'costs[0].flows[1]').map((p) => p.message)).toEqual(['a']);
  expect(problemsAt(ps, 'costs[0]').map((p) => p.message)).toEqual(['a', 'b', 'c']);
});
