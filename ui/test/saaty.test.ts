import { expect, test } from 'vitest';
import { judgementValue, pairOf, setPair, setPairText, sliderOf, verbal } from '../src/saaty';

test('judgements in the study notation', () => {
  expect(judgementValue(3)).toBe(3);
  expect(judgementValue('1/3')).toBeCloseTo(1 / 3);
  expect(judgementValue('5/3')).toBeCloseTo(5 / 3);
  expect(judgementValue(null)).toBeNull();
  expect(judgementValue('x')).toBeNull();
});

test('slider positions: left favours the row item, right the column item', () => {
  expect(sliderOf(1)).toBe(0);
  expect(sliderOf(9)).toBe(-8);
  expect(sliderOf('1/9')).toBe(8);
  expect(sliderOf('5/3')).toBe(-1); // 1.67 is nearest to 2
  expect(sliderOf(null)).toBe(0);
  for (let p = -8; p <= 8; p++) expect(sliderOf(pairOf(p)[0])).toBe(p);
});

test('setting a pair writes the reciprocal and leaves the input matrix alone', () => {
  const m = [[1, 1, 1], [1, 1, 1], [1, 1, 1]];
  const out = setPair(m, 0, 2, -4);
  expect(out[0][2]).toBe(5);
  expect(out[2][0]).toBe('1/5');
  expect(m[0][2]).toBe(1);
  expect(setPair(m, 1, 2, 2)[1][2]).toBe('1/3');
  expect(setPairText(m, 0, 1, '1/4')[1][0]).toBe(4);
  expect(setPairText(m, 0, 1, '3')[0][1]).toBe(3);
});

test('verbal scale in both languages', () => {
  expect(verbal(-4, 'economic', 'policy', 'en')).toBe('economic over policy: strong (5)');
  expect(verbal(8, 'A', 'B', 'en')).toBe('B over A: extreme (9)');
  expect(verbal(0, 'A', 'B', 'ko')).toBe('A = B (같음)');
});
