// Saaty's 1–9 scale as a slider: position 0 is "equal", -8..-1 favour the row item (a_ij = 9..2),
// 1..8 favour the column item (a_ij = 1/2..1/9). The matrix stays in the study's own notation:
// whole numbers and "1/k" strings, the reciprocal written on the other side.

import type { Lang } from './format';

export type Judgement = number | string | null;

/** A judgement as a number: 3, "1/3", "5/3" (fixtures use such values), or null for a blank. */
export function judgementValue(j: Judgement): number | null {
  if (j === null || j === undefined) return null;
  if (typeof j === 'number') return j;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(?:\/\s*(\d+(?:\.\d+)?))?\s*$/.exec(j);
  if (!m) return null;
  return m[2] === undefined ? Number(m[1]) : Number(m[1]) / Number(m[2]);
}

/** The slider position nearest to a judgement (blank = equal). */
export function sliderOf(j: Judgement): number {
  const v = judgementValue(j);
  if (v === null || !(v > 0)) return 0;
  if (v >= 1) return v < 1.5 ? 0 : -Math.min(8, Math.round(v) - 1);
  return Math.min(8, Math.round(1 / v) - 1);
}

/** The pair (a_ij, a_ji) a slider position stands for. */
export function pairOf(pos: number): [Judgement, Judgement] {
  const k = Math.abs(Math.round(pos)) + 1;
  if (k === 1) return [1, 1];
  return pos < 0 ? [k, `1/${k}`] : [`1/${k}`, k];
}

/** Sets a_ij from a slider position and a_ji to its reciprocal, on a copy of the matrix. */
export function setPair(m: Judgement[][], i: number, j: number, pos: number): Judgement[][] {
  const out = m.map((r) => r.slice());
  const [a, b] = pairOf(pos);
  out[i][j] = a;
  out[j][i] = b;
  return out;
}

/** Sets a_ij to a value on Saaty's scale written as text ("3", "1/5"), e.g. a repair hint's. */
export function setPairText(m: Judgement[][], i: number, j: number, text: string): Judgement[][] {
  const v = judgementValue(text);
  if (v === null || !(v > 0)) return m;
  return setPair(m, i, j, v >= 1 ? -(Math.round(v) - 1) : Math.round(1 / v) - 1);
}

const WORDS: Record<Lang, string[]> = {
  en: ['equal', 'equal to moderate', 'moderate', 'moderate to strong', 'strong', 'strong to very strong', 'very strong', 'very to extreme', 'extreme'],
  ko: ['같음', '같음~약간', '약간 중요', '약간~중요', '중요', '중요~매우', '매우 중요', '매우~극히', '극히 중요'],
};

/** "A is strongly more important than B" in words, for a slider position. */
export function verbal(pos: number, a: string, b: string, lang: Lang): string {
  const k = Math.abs(Math.round(pos));
  const w = WORDS[lang][k];
  if (k === 0) return lang === 'ko' ? `${a} = ${b} (${w})` : `${a} and ${b}: ${w}`;
  const [hi, lo] = pos < 0 ? [a, b] : [b, a];
  return lang === 'ko' ? `${hi} ≻ ${lo}: ${w} (${k + 1})` : `${hi} over ${lo}: ${w} (${k + 1})`;
}
