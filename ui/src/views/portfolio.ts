// The Portfolio view: studies side by side, as the engine ranked them; the headers sort the rows
// for display only, and a budget cuts the ranking.

import type { PortfolioRow } from '../api';
import type { App } from '../app';
import { h } from '../dom';
import { formatMoney, formatPct, formatRatio, groupDigits, parseMoney, UNIT_EXP, UNIT_NAME } from '../format';
import { type Key, t } from '../i18n';
import { Part } from './part';

export function portfolioView(app: App): Part {
  return new Part(h('div', { id: 'view-portfolio' }), app.store, ['portfolio', 'budget', 'portfolioSort', 'lang', 'unit'], () => draw(app), () => app.s.tab === 'portfolio');
}

/** Label of a top-level AHP criterion: translated when known, else its id. */
function critLabel(app: App, id: string): string {
  return t(app.s.lang, `crit_${id}` as Key) ?? id;
}

function draw(app: App): HTMLElement {
  const tr = app.tr;

    const L = app.s.lang;
    const c = app.s.portfolio;
    const budgetWon = parseMoney(app.s.budget, UNIT_EXP[app.s.unit]);
    const controls = h(
      'div',
      { class: 'row portfolio-controls' },
      h('button', { id: 'btn-compare', onclick: () => void app.compareStudies(true) }, tr('chooseStudies')),
      h(
        'label',
        {},
        `${tr('budget')} (${UNIT_NAME[app.s.lang][app.s.unit]}) `,
        h('input', {
          id: 'portfolio-budget',
          type: 'text',
          inputmode: 'numeric',
          value: app.s.budget,
          placeholder: '2,000억',
          onchange: (e: Event) => {
            app.store.set({ budget: (e.target as HTMLInputElement).value });
            void app.compareStudies(false);
          },
        }),
      ),
      h('span', { id: 'portfolio-budget-fmt', class: 'hint' }, budgetWon ? formatMoney(budgetWon, app.s.unit, L) : ''),
    );
    if (!c) return h('div', { id: 'portfolio' }, controls, h('p', { class: 'empty' }, tr('portfolioEmpty')));
    const crits = [...new Set(c.ranking.flatMap((r) => Object.keys(r.contributions)))].sort();
    const num = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? -Infinity : x);
    const big = (x: string) => Number(x);
    type Col = { key: string; label: string; sort: (r: PortfolioRow) => number | string; cell: (r: PortfolioRow) => HTMLElement | string };
    const cols: Col[] = [
      { key: 'rank', label: tr('rank'), sort: (r) => r.rank, cell: (r) => String(r.rank) },
      { key: 'name', label: tr('study'), sort: (r) => r.name, cell: (r) => h('span', { class: 'pname user', title: r.file }, r.name) },
      { key: 'cost', label: tr('totalCost'), sort: (r) => big(r.total_cost), cell: (r) => formatMoney(r.total_cost, app.s.unit, L) },
      { key: 'bc', label: tr('bc'), sort: (r) => num(r.bc_ratio), cell: (r) => formatRatio(r.bc_ratio) },
      { key: 'npv', label: tr('npv'), sort: (r) => big(r.npv), cell: (r) => formatMoney(r.npv, app.s.unit, L) },
      { key: 'irr', label: tr('irr'), sort: (r) => num(r.irr), cell: (r) => formatPct(r.irr) },
      {
        key: 'ahp',
        label: tr('ahpScore'),
        sort: (r) => num(r.ahp_score),
        cell: (r) =>
          h('span', {}, h('b', {}, formatRatio(r.ahp_score)), r.ahp_score_range ? ` (${formatRatio(r.ahp_score_range[0])}–${formatRatio(r.ahp_score_range[1])})` : ''),
      },
      ...crits.map((k): Col => ({
        key: `crit:${k}`,
        label: `${critLabel(app, k)} ${tr('contribution')}`,
        sort: (r) => num(r.contributions[k]),
        cell: (r) => formatRatio(r.contributions[k]),
      })),
      { key: 'regional', label: tr('backwardness'), sort: (r) => num(r.backwardness_index), cell: (r) => formatRatio(r.backwardness_index) },
      {
        key: 'tco2e',
        label: tr('emissions'),
        sort: (r) => num(r.emissions_tco2e),
        cell: (r) => (r.emissions_tco2e === null ? '—' : groupDigits(String(Math.round(r.emissions_tco2e)))),
      },
      {
        key: 'verdict',
        label: tr('verdict'),
        sort: (r) => (r.verdict === 'implement' ? 1 : 0) * 2 + (r.ahp_robust ? 1 : 0),
        cell: (r) =>
          h(
            'span',
            { class: r.verdict === 'implement' ? 'ok' : 'bad' },
            r.verdict === 'implement' ? tr('implement') : tr('notImplement'),
            r.ahp_robust === null ? '' : ` · ${r.ahp_robust ? tr('robust') : tr('notRobust')}`,
          ),
      },
      {
        key: 'flip',
        label: tr('flipDistance'),
        sort: (r) => (r.flip_distance === null ? Number.POSITIVE_INFINITY : r.flip_distance),
        cell: (r) => (r.flip_distance === null ? tr('noFlip') : formatRatio(r.flip_distance)),
      },
      {
        key: 'swap',
        label: tr('reversal'),
        sort: (r) => (r.reversal_with_next === null ? Number.POSITIVE_INFINITY : r.reversal_with_next),
        cell: (r) => (r.reversal_with_next === null ? '—' : formatRatio(r.reversal_with_next)),
      },
      {
        key: 'budget',
        label: tr('withinBudget'),
        sort: (r) => (r.fits_budget === null ? 0 : r.fits_budget ? 2 : 1),
        cell: (r) =>
          h(
            'span',
            { class: r.fits_budget === true ? 'ok' : r.fits_budget === false ? 'bad' : '' },
            r.fits_budget === null ? tr('notEligible') : r.fits_budget ? tr('fits') : tr('over'),
            r.fits_budget === null ? '' : ` (${tr('cumulativeCost')} ${formatMoney(r.cumulative_cost, app.s.unit, L)})`,
          ),
      },
    ];
    const { key, dir } = app.s.portfolioSort;
    const col = cols.find((x) => x.key === key) ?? cols[0];
    const rows = [...c.ranking].sort((a, b) => {
      const x = col.sort(a);
      const y = col.sort(b);
      const d = typeof x === 'string' ? x.localeCompare(String(y)) : x === y ? 0 : x < (y as number) ? -1 : 1;
      return d * dir || a.rank - b.rank;
    });
    const head = h(
      'tr',
      {},
      cols.map((x) =>
        h(
          'th',
          {
            'data-sort': x.key,
            class: 'sortable',
            'aria-sort': x.key === col.key ? (dir === 1 ? 'ascending' : 'descending') : 'none',
            onclick: () => {
              // First click: rank ascending, numbers descending (best first); again: reversed.
              app.store.set({ portfolioSort: x.key === col.key ? { key: x.key, dir: dir === 1 ? -1 : 1 } : { key: x.key, dir: x.key === 'rank' || x.key === 'name' ? 1 : -1 } });
            },
          },
          x.label,
          x.key === col.key ? (dir === 1 ? ' ▲' : ' ▼') : '',
        ),
      ),
    );
    const body = h(
      'tbody',
      {},
      rows.map((r) =>
        h(
          'tr',
          { 'data-rank': r.rank, class: r.fits_budget === false ? 'over-budget' : '' },
          cols.map((x) => h('td', { 'data-col': x.key }, x.cell(r))),
        ),
      ),
    );
    return h(
      'div',
      { id: 'portfolio' },
      controls,
      h('p', { class: 'hint' }, tr('portfolioHint')),
      h('div', { class: 'grid-wrap' }, h('table', { class: 'tbl portfolio', id: 'portfolio-table' }, h('thead', {}, head), body)),
    );
  }
