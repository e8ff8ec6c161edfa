// SVG charts of engine output: drawn from the appraisal's numbers, nothing computed but scales.

import type { CashFlowRow, SensitivityCase } from './api';
import { s } from './dom';

/** Costs below the axis, benefits above, per year; the cumulative PV of the net flow as a line. */
export function cashFlowChart(rows: CashFlowRow[], labels: { cumulative: string }): SVGElement {
  const W = 760, H = 240, L = 50, B = 24, T = 10;
  const n = Math.max(rows.length, 1);
  const num = (x: string) => Number(x);
  const maxUp = Math.max(1, ...rows.map((r) => num(r.benefits)));
  const maxDn = Math.max(1, ...rows.map((r) => num(r.costs)));
  const cum = rows.map((r) => num(r.cumulative_pv_net));
  // One scale for bars and line: the axis sits where the tallest bar or the line needs it.
  const top = Math.max(maxUp, ...cum);
  const bottom = Math.max(maxDn, ...cum.map((c) => -c));
  const scale = (H - B - T) / (top + bottom);
  const zero = T + top * scale;
  const bw = (W - L) / n;
  const g = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', 'aria-label': 'cash flow' });
  g.append(s('line', { x1: L, x2: W, y1: zero, y2: zero, class: 'axis' }));
  rows.forEach((r, i) => {
    const x = L + i * bw + 1;
    const up = num(r.benefits) * scale;
    const dn = num(r.costs) * scale;
    if (up > 0) g.append(s('rect', { x, y: zero - up, width: Math.max(bw - 2, 1), height: up, class: 'bar-benefit' }, s('title', {}, `${r.year} ${r.benefits}`)));
    if (dn > 0) g.append(s('rect', { x, y: zero, width: Math.max(bw - 2, 1), height: dn, class: 'bar-cost' }, s('title', {}, `${r.year} -${r.costs}`)));
    if (i % Math.ceil(n / 12) === 0) g.append(s('text', { x: x + bw / 2, y: H - 6, class: 'tick', 'text-anchor': 'middle' }, r.year));
  });
  const pts = cum.map((c, i) => `${L + i * bw + bw / 2},${zero - c * scale}`).join(' ');
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
  const mid = L + (W - L) / 2;
  const k = (W - L) / 2 / dev;
  const g = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', 'aria-label': 'tornado' });
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

/** Labelled horizontal bars for weights in [0, 1]. */
export function weightBars(items: [string, number][], range?: Record<string, [number, number]>, label: (id: string) => string = (id) => id): SVGElement {
  const W = 460, RH = 22, L = 150, H = items.length * RH + 6;
  const g = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart small', role: 'img', 'aria-label': 'weights' });
  items.forEach(([name, w], i) => {
    const y = i * RH + 3;
    g.append(s('text', { x: L - 6, y: y + 14, class: 'tick', 'text-anchor': 'end' }, label(name)));
    g.append(s('rect', { x: L, y, width: Math.max(w * (W - L - 50), 1), height: RH - 6, class: 'bar-weight' }));
    const r = range?.[name];
    if (r) g.append(s('rect', { x: L + r[0] * (W - L - 50), y: y + RH - 8, width: (r[1] - r[0]) * (W - L - 50), height: 3, class: 'range' }));
    g.append(s('text', { x: L + w * (W - L - 50) + 4, y: y + 14, class: 'tick' }, w.toFixed(3)));
  });
  return g;
}

/** The Monte Carlo histogram of NPV: one bar per bin, bins below zero in the cost colour. */
export function histogram(bins: { from: string; to: string; count: number }[]): SVGElement {
  const W = 760, H = 160, B = 18;
  const max = Math.max(1, ...bins.map((b) => b.count));
  const bw = W / Math.max(bins.length, 1);
  const g = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', 'aria-label': 'histogram' });
  bins.forEach((b, i) => {
    const hgt = (b.count / max) * (H - B - 4);
    g.append(s('rect', { x: i * bw + 1, y: H - B - hgt, width: Math.max(bw - 2, 1), height: hgt, class: Number(b.to) <= 0 ? 'bar-cost' : 'bar-benefit' }, s('title', {}, `${b.from} … ${b.to}: ${b.count}`)));
  });
  g.append(s('line', { x1: 0, x2: W, y1: H - B, y2: H - B, class: 'axis' }));
  return g;
}
