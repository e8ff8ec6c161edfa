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
  expect(verbal(-2, 'A', 'B', 'ko')).toBe('A > B: 약간 중요 (3)');
});

test('between the scale points, reciprocals and typed judgements', async () => {
  const { verbalOf, reciprocal, parseJudgement, setJudgement, deviation } = await import('../src/saaty');
  // 4/3 lies between equal (1) and moderate (3): not "equal".
  expect(verbalOf('4/3', '경제성', '정책성', 'ko')).toBe('경제성 > 정책성: 같음~약간 (4/3)');
  expect(verbalOf('3/4', '경제성', '정책성', 'ko')).toBe('정책성 > 경제성: 같음~약간 (4/3)');
  expect(verbalOf(1, 'A', 'B', 'ko')).toBe('A = B (같음)');
  expect(verbalOf(3, 'A', 'B', 'ko')).toBe('A > B: 약간 중요 (3)');
  expect(verbalOf('5/2', 'A', 'B', 'ko')).toBe('A > B: 약간 중요 (5/2)'); // 2.5: the point above is 3
  expect(reciprocal(3)).toBe('1/3');
  expect(reciprocal('1/3')).toBe(3);
  expect(reciprocal('4/3')).toBe('3/4');
  expect(reciprocal(1)).toBe(1);
  expect(parseJudgement('1/3')).toBe('1/3');
  expect(parseJudgement(' 3 ')).toBe(3);
  expect(parseJudgement('6/2')).toBe('6/2');
  expect(parseJudgement('3/3')).toBe(1);
  expect(parseJudgement('10')).toBeNull();
  expect(parseJudgement('1/10')).toBeNull();
  expect(parseJudgement('abc')).toBeNull();
  const m = setJudgement([[1, 1], [1, 1]], 0, 1, '4/3');
  expect(m).toEqual([[1, '4/3'], ['3/4', 1]]);
  // Weights 0.75 / 0.25 fit a_12 = 3 exactly: ε = 3 × 0.25 / 0.75 = 1; a_12 = 1 is off by 1/3.
  expect(deviation([[1, 3], ['1/3', 1]], [0.75, 0.25], 0, 1)).toBeCloseTo(1);
  expect(deviation([[1, 1], [1, 1]], [0.75, 0.25], 0, 1)).toBeCloseTo(1 / 3);
});
