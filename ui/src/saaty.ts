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
  // ">" is in every font (the bundled NanumSquare has no "≻").
  return lang === 'ko' ? `${hi} > ${lo}: ${w} (${k + 1})` : `${hi} over ${lo}: ${w} (${k + 1})`;
}

/**
 * A judgement in words as stored, also between the scale's points: 4/3 is "between equal and
 * moderate", not "equal" (the slider can only show the nearest point).
 */
export function verbalOf(j: Judgement, a: string, b: string, lang: Lang): string {
  const v = judgementValue(j);
  if (v === null || !(v > 0)) return '—';
  if (Math.abs(v - 1) < 1e-9) return verbal(0, a, b, lang);
  const k = v >= 1 ? v : 1 / v;
  const whole = Math.abs(k - Math.round(k)) < 1e-9;
  // Between two points: the word of the point above it, so nothing above 1 reads as "equal".
  const idx = Math.min(8, whole ? Math.round(k) - 1 : Math.ceil(k) - 1);
  const [hi, lo] = v >= 1 ? [a, b] : [b, a];
  const w = WORDS[lang][idx];
  const shown = typeof j === 'string' ? (v >= 1 ? j : reciprocal(j)) : whole ? String(Math.round(k)) : k.toFixed(2);
  return lang === 'ko' ? `${hi} > ${lo}: ${w} (${shown})` : `${hi} over ${lo}: ${w} (${shown})`;
}

/** The reciprocal in the study's notation: 3 ↔ "1/3", "4/3" ↔ "3/4", 1 ↔ 1. */
export function reciprocal(j: Judgement): Judgement {
  if (j === null) return null;
  if (typeof j === 'number') return j === 1 ? 1 : Number.isInteger(j) ? `1/${j}` : 1 / j;
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(j);
  if (m) return m[1] === '1' ? Number(m[2]) : `${m[2]}/${m[1]}`;
  const v = judgementValue(j);
  return v === null ? null : v === 1 ? 1 : Number.isInteger(v) ? `1/${v}` : 1 / v;
}

/**
 * A judgement typed in the numeric matrix: a whole number ("3"), a fraction ("1/3", "4/3") or
 * 1; null unless it lies on Saaty's range 1/9–9.
 */
export function parseJudgement(text: string): Judgement | null {
  const t = text.trim();
  let j: Judgement;
  if (/^\d+$/.test(t)) j = Number(t);
  else if (/^\d+\s*\/\s*\d+$/.test(t)) {
    const [p, q] = t.split('/').map((x) => Number(x.trim()));
    if (q === 0 || p === 0) return null;
    j = q === 1 ? p : p === q ? 1 : `${p}/${q}`;
  } else return null;
  const v = judgementValue(j);
  return v !== null && v >= 1 / 9 - 1e-9 && v <= 9 + 1e-9 ? j : null;
}

/** Sets a_ij to a judgement and a_ji to its reciprocal, on a copy. */
export function setJudgement(m: Judgement[][], i: number, j: number, v: Judgement): Judgement[][] {
  const out = m.map((r) => r.slice());
  out[i][j] = v;
  out[j][i] = reciprocal(v);
  return out;
}

/** Saaty's ε_ij = a_ij · w_j / w_i: how far a judgement is from the weights (1 = consistent). */
export function deviation(m: Judgement[][], w: number[], i: number, j: number): number | null {
  const a = judgementValue(m[i]?.[j] ?? null);
  if (a === null || !(w[i] > 0) || !(w[j] > 0)) return null;
  return (a * w[j]) / w[i];
}
