// 사후평가 (ex-post evaluation): the engine's `yeta evaluate` for a study with an outturn section —
// ex ante against ex post (B/C, NPV, total cost, opening year), ΔNPV by cause in the stated order,
// benefits realisation per line, and the re-study (타당성 재조사) check with its threshold and
// source. The words are the report's chapter's (report-expost-*), so screen and PDF read alike.

import type { ExPost, ExPostFigures, ExPostPart } from '../api';
import type { App } from '../app';
import { h } from '../dom';
import { formatMoney, formatRatio, groupDigits } from '../format';
import { code, fmt } from '../i18n';
import { Part } from './part';

export function expostView(app: App): Part {
  return new Part(h('div', { id: 'view-expost' }), app.store, ['study', 'expost', 'expostError', 'lang', 'unit'], () => draw(app), () => app.s.tab === 'expost');
}

/** A fraction as a percentage with one decimal, in the reader's notation (12.5% / 12.5 %). */
function pct(L: 'ko' | 'en', x: number | string | null): string {
  if (x === null) return '—';
  const v = Number(x) * 100;
  return L === 'ko' ? `${v.toFixed(1)}%` : `${v.toFixed(1)} %`;
}

/** A quantity with grouped digits, at most three decimals. */
const qty = (s: string): string => {
  const v = Number(s);
  return groupDigits(Number.isInteger(v) ? String(v) : v.toFixed(3).replace(/0+$/, ''));
};

function partLabel(app: App, p: ExPostPart, years: number): string {
  return fmt(app.s.lang, `report-expost-part-${p.replace(/_/g, '-')}`, { years });
}

function draw(app: App): Node {
  const s = app.s;
  const tr = app.tr;
  const L = s.lang;
  if (!s.study) return h('p', { class: 'empty' }, tr('empty'));
  if (!s.study.outturn) return h('p', { class: 'empty', id: 'expost-none' }, tr('noOutturn'));
  if (s.expostError) return h('p', { class: 'warn', id: 'expost-error' }, s.expostError);
  const r = s.expost;
  if (!r) return h('p', { class: 'hint' }, tr('computing'));
  const x: ExPost = r.evaluation;
  const money = (w: string) => formatMoney(w, s.unit, L);
  const a = r.against;
  const against =
    a.from === 'library' ? fmt(L, 'app-against-library', { key: a.key, revision: a.revision })
    : a.from === 'file' ? fmt(L, 'app-against-file', { path: a.path })
    : fmt(L, 'app-against-forecast');
  const cols: [keyof Pick<ExPost, 'ex_ante' | 'forecast' | 'ex_post'>, string][] = [
    ['ex_ante', fmt(L, 'report-expost-ex-ante')],
    ['forecast', fmt(L, 'report-expost-forecast')],
    ['ex_post', fmt(L, 'report-expost-ex-post')],
  ];
  const rows: [string, string, (f: ExPostFigures) => string][] = [
    ['bc', 'B/C', (f) => formatRatio(f.bc_ratio)],
    ['npv', tr('npv'), (f) => money(f.npv)],
    ['total_cost', tr('totalCost'), (f) => money(f.total_cost)],
    ['opening_year', fmt(L, 'report-expost-opening'), (f) => (f.opening_year === null ? '—' : String(f.opening_year))],
  ];
  const k = x.decomposition;
  const sc = x.schedule;
  const rs = x.restudy;
  return h('div', { class: 'cards' },
    h('section', { class: 'card wide', id: 'expost-card' }, h('h3', {}, tr('expostTitle')),
      h('p', { class: 'hint' }, fmt(L, 'report-expost-intro', { year: x.through_year })),
      h('p', { id: 'expost-against' }, `${tr('against')}: `, h('span', { class: a.from === 'forecast' ? '' : 'user' }, against), ' ',
        h('button', { id: 'btn-ex-ante', onclick: () => void app.evaluate(true) }, tr('chooseExAnte'))),
      h('table', { class: 'options', id: 'expost-figures' },
        h('tr', {}, h('th', {}, tr('figure')), cols.map(([, label]) => h('th', {}, label))),
        rows.map(([id, label, f]) => h('tr', {}, h('th', {}, label), cols.map(([c]) => h('td', { class: 'num', 'data-fig': `${id}:${c}` }, f(x[c]))))),
        h('tr', {}, h('th', {}, fmt(L, 'report-expost-cost-growth')), h('td', { class: 'num', colspan: 3, id: 'expost-cost-growth' }, pct(L, x.cost_growth)))),
      h('p', { class: 'hint', id: 'expost-schedule' }, `${tr('schedule')}: ${tr('buildYears')} `,
        `${fmt(L, 'report-expost-forecast')} ${sc.forecast_build ? sc.forecast_build.join('–') : '—'} · `,
        `${fmt(L, 'report-expost-ex-post')} ${sc.actual_build.map((y) => y ?? '—').join('–')}`)),
    h('section', { class: 'card wide', id: 'expost-decomposition' }, h('h3', {}, fmt(L, 'report-expost-decomposition')),
      h('table', { class: 'options' },
        h('tr', {}, h('th', {}, fmt(L, 'report-expost-part')), h('th', {}, 'ΔNPV')),
        k.parts.map(([p, v]) => h('tr', { 'data-part': p }, h('td', {}, partLabel(app, p, k.delay_years)), h('td', { class: 'num' }, money(v)))),
        h('tr', { class: 'total', 'data-part': 'delta_npv' }, h('th', {}, fmt(L, 'report-expost-delta-npv')), h('td', { class: 'num', id: 'expost-delta-npv' }, money(k.delta_npv)))),
      h('p', { class: 'hint' }, fmt(L, 'report-expost-order'))),
    h('section', { class: 'card wide', id: 'expost-realisation' }, h('h3', {}, fmt(L, 'report-expost-realisation')),
      h('table', { class: 'options' },
        h('tr', {}, h('th', {}, tr('line')), h('th', {}, fmt(L, 'report-expost-forecast-to-date')), h('th', {}, fmt(L, 'report-expost-actual-to-date')),
          h('th', {}, fmt(L, 'report-expost-quantity-ratio')), h('th', {}, `${tr('linePv')} ${fmt(L, 'report-expost-ex-ante')}`), h('th', {}, `${tr('linePv')} ${fmt(L, 'report-expost-ex-post')}`),
          h('th', {}, fmt(L, 'report-expost-realisation-ratio'))),
        x.realisation.map((l) => {
          const unit = l.unit === 'KRW' ? '' : ` ${l.unit ?? ''}`;
          return h('tr', { 'data-line': l.line },
            h('td', {}, h('span', { class: 'user' }, l.line)),
            h('td', { class: 'num' }, l.unit === 'KRW' ? money(l.forecast_to_date) : [qty(l.forecast_to_date), h('span', { class: 'user' }, unit)]),
            l.has_actuals
              ? h('td', { class: 'num' }, l.unit === 'KRW' ? money(l.actual_to_date) : [qty(l.actual_to_date), h('span', { class: 'user' }, unit)])
              : h('td', { class: 'hint' }, fmt(L, 'report-expost-no-actuals')),
            h('td', { class: 'num', 'data-col': 'quantity_ratio' }, l.has_actuals ? pct(L, l.quantity_ratio) : '—'),
            h('td', { class: 'num' }, money(l.forecast_pv)),
            h('td', { class: 'num' }, money(l.expost_pv)),
            h('td', { class: 'num', 'data-col': 'realisation_ratio' }, pct(L, l.realisation_ratio)));
        }))),
    rs ? h('section', { class: 'card wide', id: 'expost-restudy' }, h('h3', {}, tr('restudyCheck')),
      h('p', { id: 'expost-restudy-verdict', class: `big-line ${rs.triggered ? 'bad' : 'good'}` },
        fmt(L, rs.triggered ? 'report-expost-restudy-triggered' : 'report-expost-restudy-none', { growth: pct(L, rs.growth), threshold: pct(L, rs.threshold) })),
      h('table', { class: 'kv' },
        h('tr', {}, h('th', {}, fmt(L, 'report-expost-ex-ante')), h('td', {}, money(rs.baseline))),
        h('tr', {}, h('th', {}, fmt(L, 'report-expost-ex-post')), h('td', {}, money(rs.current))),
        h('tr', {}, h('th', {}, tr('restudyThreshold')), h('td', { id: 'expost-restudy-threshold' }, `${pct(L, rs.threshold)} (${code(L, 'status', rs.status)})`)),
        h('tr', {}, h('th', {}, tr('restudySource')), h('td', { id: 'expost-restudy-source' }, h('span', { class: 'user' }, rs.source))))) : null,
  );
}
