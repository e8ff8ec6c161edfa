// The Portfolio view: studies side by side, as the engine ranked them; the headers sort the rows
// for display only, and a budget cuts the ranking. The studies come from files chosen here or from
// the review registry (심사 레지스트리), which ranks on the server with the same engine; from the
// registry a study opens for editing, and the current study is submitted through the outbox
// (제출 대기함), which waits while the registry cannot be reached.

import type { Comparison, PortfolioRow, QueuedItem } from '../api';
import type { App } from '../app';
import { h } from '../dom';
import { formatMoney, formatPct, formatRatio, groupDigits, parseMoney, UNIT_EXP, UNIT_NAME } from '../format';
import { type Key, code, t } from '../i18n';
import { Part } from './part';

export function portfolioView(app: App): Part {
  return new Part(
    h('div', { id: 'view-portfolio' }),
    app.store,
    ['portfolio', 'budget', 'portfolioSort', 'lang', 'unit', 'portfolioSource', 'registry', 'registryPortfolio', 'registryFilter', 'registryNote', 'registryKey', 'study', 'path'],
    () => draw(app),
    () => app.s.tab === 'portfolio',
  );
}

/** Label of a top-level AHP criterion: translated when known, else its id. */
function critLabel(app: App, id: string): string {
  return t(app.s.lang, `crit_${id}` as Key) ?? id;
}

const SECTORS = ['road', 'rail', 'port', 'airport', 'water', 'building', 'culture', 'ict', 'rnd', 'other'];
const REVIEW_STATUSES = ['submitted', 'under_review', 'returned', 'signed_off'];

/** A review status in the reader's words (초안, 제출, 심사 중, 보완 요구, 승인). */
const statusLabel = (app: App, st: string): string => code(app.s.lang, 'review-status', st.replace(/_/g, '-'));

function draw(app: App): HTMLElement {
  const tr = app.tr;
  const src = app.s.portfolioSource;
  const source = h(
    'div',
    { class: 'row portfolio-source', role: 'radiogroup', 'aria-label': tr('portfolioSource') },
    (['files', 'registry'] as const).map((v) =>
      h(
        'label',
        { class: 'check' },
        h('input', {
          type: 'radio',
          name: 'portfolio-source',
          id: `source-${v}`,
          value: v,
          checked: src === v,
          onchange: () => {
            app.store.set({ portfolioSource: v });
            if (v === 'registry') void app.registryRefresh(true);
          },
        }),
        ' ',
        tr(v === 'files' ? 'sourceFiles' : 'sourceRegistry'),
      ),
    ),
  );
  return h('div', { id: 'portfolio' }, source, src === 'files' ? filesPart(app) : registryPart(app));
}

function budgetField(app: App, onChange: () => void): HTMLElement[] {
  const tr = app.tr;
  const budgetWon = parseMoney(app.s.budget, UNIT_EXP[app.s.unit]);
  return [
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
          onChange();
        },
      }),
    ),
    h('span', { id: 'portfolio-budget-fmt', class: 'hint' }, budgetWon ? formatMoney(budgetWon, app.s.unit, app.s.lang) : ''),
  ];
}

function filesPart(app: App): HTMLElement {
  const tr = app.tr;
  const c = app.s.portfolio;
  const controls = h(
    'div',
    { class: 'row portfolio-controls' },
    h('button', { id: 'btn-compare', onclick: () => void app.compareStudies(true) }, tr('chooseStudies')),
    budgetField(app, () => void app.compareStudies(false)),
  );
  if (!c) return h('div', {}, controls, h('p', { class: 'empty' }, tr('portfolioEmpty')));
  return h('div', {}, controls, h('p', { class: 'hint' }, tr('portfolioHint')), rankingTable(app, c, null));
}

/** A key the registry takes, suggested from the study file's name (`ict-e-procurement.yeta.json`). */
function suggestedKey(app: App): string {
  if (app.s.registryKey) return app.s.registryKey;
  const stem = (app.s.path ?? '').split(/[\\/]/).pop()?.replace(/\.yeta\.json$|\.json$/, '') ?? '';
  return stem.replace(/[^A-Za-z0-9._-]/g, '-').replace(/^-+|-+$/g, '').slice(0, 64);
}

function outboxList(app: App, items: QueuedItem[], kind: 'waiting' | 'refused'): HTMLElement | string {
  if (!items.length) return '';
  return h(
    'div',
    { id: `outbox-${kind}` },
    h('h4', {}, `${app.tr(kind === 'waiting' ? 'outboxWaiting' : 'outboxRefused')} (${items.length})`),
    h(
      'ul',
      {},
      items.map((q) =>
        h(
          'li',
          { 'data-key': q.key },
          h('span', { class: 'user' }, q.key),
          ' · ',
          h('span', { class: 'user' }, q.name),
          q.draft ? ` · ${statusLabel(app, 'draft')}` : '',
          q.refused ? h('span', { class: 'error' }, ` — ${q.refused}`) : '',
          ' ',
          h('button', { class: 'small', onclick: () => void app.registryForget(q.id) }, app.tr('remove')),
        ),
      ),
    ),
  );
}

function registryPart(app: App): HTMLElement {
  const tr = app.tr;
  const r = app.s.registry;
  const note = h('p', { id: 'registry-note', class: 'hint', role: 'status' }, app.s.registryNote);
  if (!r || (!r.url && !r.online)) {
    const url = h('input', { type: 'text', id: 'registry-url', placeholder: 'https://', autocomplete: 'off' }) as HTMLInputElement;
    const token = h('input', { type: 'password', id: 'registry-token', autocomplete: 'off' }) as HTMLInputElement;
    return h(
      'form',
      {
        id: 'registry-login',
        class: 'panel',
        onsubmit: (e: Event) => {
          e.preventDefault();
          void app.registryLogin(url.value, token.value);
        },
      },
      h('p', { class: 'hint' }, tr('registryLoginHint')),
      h('label', { class: 'field' }, h('span', {}, tr('registryUrl')), url),
      h('label', { class: 'field' }, h('span', {}, tr('registryToken')), token),
      h('button', { id: 'registry-login-go', type: 'submit' }, tr('login')),
      note,
    );
  }
  const who = r.user
    ? h('span', {}, h('b', { class: 'ok' }, tr('registryOnline')), ' · ', h('span', { class: 'user' }, `${r.user.name}`), ` (${code(app.s.lang, 'registry-role', r.user.role)}${r.user.ministry ? ', ' : ''}`, r.user.ministry ? h('span', { class: 'user' }, r.user.ministry) : '', ')')
    : h('b', { class: 'bad' }, tr('registryOffline'));
  const status = h(
    'div',
    { id: 'registry-status', class: 'row' },
    who,
    ' · ',
    h('span', { class: 'user' }, r.url ?? ''),
    h('button', { id: 'registry-refresh', onclick: () => void app.registryRefresh(true) }, tr('sendNow')),
    h('button', { id: 'registry-logout', onclick: () => void app.registryLogout() }, tr('logout')),
  );
  const key = h('input', { type: 'text', id: 'registry-key', value: suggestedKey(app), size: 24 }) as HTMLInputElement;
  const draft = h('input', { type: 'checkbox', id: 'registry-draft' }) as HTMLInputElement;
  const submit = h(
    'div',
    { id: 'registry-submit', class: 'row' },
    h('label', {}, `${tr('registryKey')} `, key),
    h('label', { class: 'check' }, draft, ' ', tr('asDraft')),
    h('button', { id: 'registry-submit-go', disabled: !app.s.study, onclick: () => void app.registrySubmit(key.value.trim(), draft.checked) }, tr('submitStudy')),
  );
  const f = app.s.registryFilter;
  const select = (id: string, value: string, options: string[], label: (o: string) => string, set: (v: string) => void) =>
    h(
      'select',
      { id, onchange: (e: Event) => { set((e.target as HTMLSelectElement).value); void app.registryPortfolio(); } },
      h('option', { value: '', selected: value === '' }, tr('all')),
      options.map((o) => h('option', { value: o, selected: value === o }, label(o))),
    );
  const controls = h(
    'div',
    { class: 'row portfolio-controls' },
    h('label', {}, `${tr('sector')} `, select('registry-sector', f.sector, SECTORS, (o) => code(app.s.lang, 'sector', o), (v) => app.store.set({ registryFilter: { ...app.s.registryFilter, sector: v } }))),
    h('label', {}, `${tr('reviewStatus')} `, select('registry-status-filter', f.status, REVIEW_STATUSES, (o) => statusLabel(app, o), (v) => app.store.set({ registryFilter: { ...app.s.registryFilter, status: v } }))),
    budgetField(app, () => void app.registryPortfolio()),
  );
  const c = app.s.registryPortfolio;
  const table = c
    ? h(
        'div',
        {},
        h('p', { class: 'hint', id: 'registry-total' }, `${tr('registryRanked')}: ${c.total} (${c.ranking.length ? `${c.ranking[0].rank}–${c.ranking[c.ranking.length - 1].rank}` : '0'})`),
        rankingTable(app, c, (row) => h('button', { class: 'small', 'data-open': row.key ?? '', onclick: () => void app.registryOpen(row.key ?? '') }, tr('open'))),
      )
    : h('p', { class: 'empty' }, r.online ? tr('registryEmpty') : tr('registryOffline'));
  return h('div', { id: 'registry' }, status, note, submit, outboxList(app, r.waiting, 'waiting'), outboxList(app, r.refused, 'refused'), r.online ? controls : '', table);
}

/** The ranking as a table; `open` adds a column that opens the row's study (from the registry). */
function rankingTable(app: App, c: Comparison, open: ((r: PortfolioRow & { key?: string }) => HTMLElement) | null): HTMLElement {
  const tr = app.tr;
  const L = app.s.lang;
    const crits = [...new Set(c.ranking.flatMap((r) => Object.keys(r.contributions)))].sort();
  const num = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? -Infinity : x);
  const big = (x: string) => Number(x);
  type Col = { key: string; label: string; sort: (r: PortfolioRow) => number | string; cell: (r: PortfolioRow) => HTMLElement | string };
  const cols: Col[] = [
    { key: 'rank', label: tr('rank'), sort: (r) => r.rank, cell: (r) => String(r.rank) },
    ...(open ? [{ key: 'open', label: '', sort: (r: PortfolioRow) => r.rank, cell: (r: PortfolioRow) => open(r) }] : []),
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
      key: 'sigungu',
      label: tr('sigunguIndex'),
      sort: (r) => num(r.sigungu_index),
      cell: (r) => (r.sigungu_index === null || r.sigungu_index === undefined ? '—' : `${r.sigungu_index >= 0 ? '+' : ''}${r.sigungu_index.toFixed(3)}`),
    },
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
  return h('div', { class: 'grid-wrap' }, h('table', { class: 'tbl portfolio', id: 'portfolio-table' }, h('thead', {}, head), body));
}
