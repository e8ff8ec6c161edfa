// Charts of engine output: drawn from the appraisal's numbers, nothing computed but scales.
// Every money axis is in the unit on screen and says so; ticks fall on round values.

import type { CashFlowRow, SensitivityCase } from './api';
import { h, s } from './dom';
import { type Lang, type MoneyUnit, UNIT_EXP, UNIT_NAME, groupDigits } from './format';

export type Axis = { unit: MoneyUnit; lang: Lang };

/** Round tick values covering [lo, hi]: steps of 1, 2 or 5 × 10^k, about `count` of them. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((x) => x >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return out;
}

/** A tick label: the value in the unit, grouped, with as many decimals as the step needs. */
function tickText(v: number, step: number): string {
  const d = step >= 1 ? 0 : Math.min(4, Math.ceil(-Math.log10(step)));
  return groupDigits(v.toFixed(d));
}

/** Won → the unit on screen, as a float for drawing only. */
const scaleOf = (unit: MoneyUnit) => 10 ** UNIT_EXP[unit];

/** Costs below the axis, benefits above, per year; the cumulative PV of the net flow as a line; a y-axis in the unit. */
export function cashFlowChart(rows: CashFlowRow[], labels: { cumulative: string }, axis: Axis = { unit: 'eok', lang: 'ko' }): SVGElement {
  const W = 760, H = 260, L = 64, B = 24, T = 18;
  const n = Math.max(rows.length, 1);
  const k = scaleOf(axis.unit);
  const num = (x: string) => Number(x) / k;
  const maxUp = Math.max(0, ...rows.map((r) => num(r.benefits)));
  const maxDn = Math.max(0, ...rows.map((r) => num(r.costs)));
  const cum = rows.map((r) => num(r.cumulative_pv_net));
  // One scale for bars and line: the axis sits where the tallest bar or the line needs it.
  const ticks = niceTicks(-Math.max(maxDn, ...cum.map((c) => -c), 1e-9), Math.max(maxUp, ...cum, 1e-9), 6);
  const step = ticks.length > 1 ? ticks[1] - ticks[0] : 1;
  const top = Math.max(ticks[ticks.length - 1], maxUp, ...cum);
  const bottom = Math.max(-ticks[0], maxDn, ...cum.map((c) => -c));
  const scale = (H - B - T) / (top + bottom || 1);
  const y = (v: number) => T + (top - v) * scale;
  const bw = (W - L) / n;
  const g = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', 'aria-label': labels.cumulative });
  for (const t of ticks) {
    g.append(s('line', { x1: L, x2: W, y1: y(t), y2: y(t), class: t === 0 ? 'axis' : 'grid-line' }));
    g.append(s('text', { x: L - 6, y: y(t) + 4, class: 'tick', 'text-anchor': 'end' }, tickText(t, step)));
  }
  g.append(s('line', { x1: L, x2: L, y1: T, y2: H - B, class: 'axis' }));
  g.append(s('text', { x: 4, y: 11, class: 'tick axis-title' }, `(${UNIT_NAME[axis.lang][axis.unit]})`));
  rows.forEach((r, i) => {
    const x = L + i * bw + 1;
    const up = num(r.benefits) * scale;
    const dn = num(r.costs) * scale;
    if (up > 0) g.append(s('rect', { x, y: y(0) - up, width: Math.max(bw - 2, 1), height: up, class: 'bar-benefit' }, s('title', {}, `${r.year} ${r.benefits}`)));
    if (dn > 0) g.append(s('rect', { x, y: y(0), width: Math.max(bw - 2, 1), height: dn, class: 'bar-cost' }, s('title', {}, `${r.year} -${r.costs}`)));
    if (i % Math.ceil(n / 12) === 0) g.append(s('text', { x: x + bw / 2, y: H - 6, class: 'tick', 'text-anchor': 'middle' }, r.year));
  });
  const pts = cum.map((c, i) => `${L + i * bw + bw / 2},${y(c)}`).join(' ');
  g.append(s('polyline', { points: pts, class: 'line-cum' }, s('title', {}, labels.cumulative)));
  return g;
}

/** Horizontal bars: each sensitivity case's B/C against the base case, widest first. */
export function tornado(cases: SensitivityCase[], baseBc: number, label: (c: SensitivityCase) => string): SVGElement {
  const rows = cases.filter((c) => c.case !== 'base' && typeof c.bc_ratio === 'number');
  const bc = (c: SensitivityCase) => c.bc_ratio ?? baseBc;
  rows.sort((a, b) => Math.abs(bc(b) - baseBc) - Math.abs(bc(a) - baseBc));
  const W = 760, RH = 20, L = 240, H = rows.length * RH + 24;
  const dev = Math.max(0.01, ...rows.map((r) => Math.abs(bc(r) - baseBc)));
  // Room for the B/C label past the longest bar on either side.
  const PAD = 52;
  const mid = L + (W - L) / 2;
  const k = ((W - L) / 2 - PAD) / dev;
  const g = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', 'aria-label': 'B/C' });
  rows.forEach((r, i) => {
    const d = (bc(r) - baseBc) * k;
    const y = i * RH + 4;
    g.append(s('text', { x: L - 6, y: y + 13, class: 'tick', 'text-anchor': 'end' }, label(r)));
    g.append(s('rect', { x: d < 0 ? mid + d : mid, y, width: Math.max(Math.abs(d), 1), height: RH - 6, class: d < 0 ? 'bar-cost' : 'bar-benefit' }));
    g.append(s('text', { x: d < 0 ? mid + d - 4 : mid + d + 4, y: y + 13, class: 'tick', 'text-anchor': d < 0 ? 'end' : 'start' }, bc(r).toFixed(3)));
  });
  g.append(s('line', { x1: mid, x2: mid, y1: 0, y2: H - 20, class: 'axis' }));
  g.append(s('text', { x: mid, y: H - 4, class: 'tick', 'text-anchor': 'middle' }, `B/C ${baseBc.toFixed(3)}`));
  return g;
}

/**
 * Weights in [0, 1] as HTML bars, so the labels read at 100 % zoom (12 px, not a scaled-down
 * SVG); an allowed range is a light band inside the bar's track, clear of the value.
 */
export function weightBars(items: [string, number][], range?: Record<string, [number, number]>, label: (id: string) => string = (id) => id, rangeTitle = ''): HTMLElement {
  return h('div', { class: 'wbars', role: 'img' },
    items.map(([id, w]) => {
      const r = range?.[id];
      return h('div', { class: 'wbar', 'data-weight': id },
        h('span', { class: 'wlabel', title: label(id) }, label(id)),
        h('span', { class: 'wtrack' },
          r ? h('span', { class: 'wrange', style: `left:${r[0] * 100}%;width:${(r[1] - r[0]) * 100}%`, title: `${rangeTitle} ${r[0].toFixed(2)}–${r[1].toFixed(2)}` }) : null,
          h('span', { class: 'wfill', style: `width:${Math.max(0, Math.min(1, w)) * 100}%` })),
        h('span', { class: 'wvalue' }, w.toFixed(3)));
    }));
}

/** The Monte Carlo histogram of NPV: one bar per bin (below zero in the cost colour), NPV ticks in the unit, counts on the left. */
export function histogram(bins: { from: string; to: string; count: number }[], axis: Axis & { count: string } = { unit: 'eok', lang: 'ko', count: '' }): SVGElement {
  const W = 760, H = 200, B = 34, L = 56, T = 16;
  const max = Math.max(1, ...bins.map((b) => b.count));
  const k = scaleOf(axis.unit);
  const lo = bins.length ? Number(bins[0].from) / k : 0;
  const hi = bins.length ? Number(bins[bins.length - 1].to) / k : 1;
  const x = (v: number) => L + ((v - lo) / (hi - lo || 1)) * (W - L - 8);
  const yc = (c: number) => H - B - (c / max) * (H - B - T);
  const g = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', 'aria-label': 'NPV' });
  const cticks = niceTicks(0, max, 4);
  const cstep = cticks.length > 1 ? cticks[1] - cticks[0] : 1;
  for (const c of cticks) {
    g.append(s('line', { x1: L, x2: W - 8, y1: yc(c), y2: yc(c), class: c === 0 ? 'axis' : 'grid-line' }));
    g.append(s('text', { x: L - 6, y: yc(c) + 4, class: 'tick', 'text-anchor': 'end' }, tickText(c, cstep)));
  }
  bins.forEach((b) => {
    const x0 = x(Number(b.from) / k);
    const x1 = x(Number(b.to) / k);
    const top = yc(b.count);
    g.append(s('rect', { x: x0 + 0.5, y: top, width: Math.max(x1 - x0 - 1, 1), height: H - B - top, class: Number(b.to) <= 0 ? 'bar-cost' : 'bar-benefit' }, s('title', {}, `${b.from} … ${b.to}: ${b.count}`)));
  });
  const xt = niceTicks(lo, hi, 6);
  const xstep = xt.length > 1 ? xt[1] - xt[0] : 1;
  for (const v of xt) {
    g.append(s('line', { x1: x(v), x2: x(v), y1: H - B, y2: H - B + 4, class: 'axis' }));
    g.append(s('text', { x: x(v), y: H - B + 16, class: 'tick', 'text-anchor': 'middle' }, tickText(v, xstep)));
  }
  if (lo < 0 && hi > 0) g.append(s('line', { x1: x(0), x2: x(0), y1: T, y2: H - B, class: 'axis zero' }));
  g.append(s('line', { x1: L, x2: L, y1: T, y2: H - B, class: 'axis' }));
  g.append(s('text', { x: 4, y: 11, class: 'tick axis-title' }, axis.count));
  g.append(s('text', { x: W - 8, y: H - 4, class: 'tick axis-title', 'text-anchor': 'end' }, `NPV (${UNIT_NAME[axis.lang][axis.unit]})`));
  return g;
}
