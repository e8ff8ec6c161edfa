// The dashboard: verdict, B/C · NPV · IRR, cash flow, sensitivity, AHP weights, regional and
// environmental cards.

import type { Environment, Regional, SensitivityCase, Sigungu, Split, TwoRegion } from '../api';
import type { App } from '../app';
import { cashFlowChart, tornado, weightBars } from '../charts';
import { h } from '../dom';
import { formatMoney, formatPct, formatRatio, groupDigits, type Lang } from '../format';
import { USER_CLOSE, USER_OPEN, code, criterion, diagText, fmt, staleGroups } from '../i18n';
import { basis, problemList } from './common';
import { Part } from './part';

/** A sentence with the study's own words (marked by diagText) in `.user` spans. */
function marked(s: string): Node[] {
  return s.split(USER_OPEN).flatMap((part, i) => {
    if (i === 0) return [document.createTextNode(part)];
    const [user, rest = ''] = part.split(USER_CLOSE);
    return [h('span', { class: 'user' }, user), document.createTextNode(rest)];
  });
}

export function resultsView(app: App): Part {
  return new Part(h('div', { id: 'view-results' }), app.store, ['study', 'appraisal', 'appraisalStale', 'problems', 'lang', 'unit'], () => draw(app), () => app.s.tab === 'results');
}

function draw(app: App): Node {
  if (!app.s.study) return h('p', { class: 'empty' }, app.tr('empty'));
  const tr = app.tr;
  const a = app.s.appraisal;
  if (!a) return h('div', {}, h('p', {}, tr('nothing')), problemList(app, new Set()));
  const e = a.economic;
  const L = app.s.lang;
  const caseLabel = (c: SensitivityCase) => {
    // The report's own case names (case-costs, case-rate, …), so the chart reads as chapter Ⅴ does.
    const pct = (f: number) => `${f > 1 ? '+' : ''}${Math.round((f - 1) * 100)}%`;
    const parts: string[] = [];
    if (c.cost_factor !== 1) parts.push(fmt(L, 'case-costs', { pct: pct(c.cost_factor) }));
    if (c.benefit_factor !== 1) parts.push(fmt(L, 'case-benefits', { pct: pct(c.benefit_factor) }));
    if (c.rate_shift_pp) parts.push(fmt(L, 'case-rate', { pp: `${c.rate_shift_pp > 0 ? '+' : ''}${c.rate_shift_pp}` }));
    return parts.join(', ') || code(L, 'case', c.case);
  };
  const reg = a.regional;
  const env = a.environment;
  const sv = e.switching_values;
  const ahp = a.ahp;
  const loo = ahp?.panel?.leave_one_out ?? [];
  const restsOn = loo.filter((l) => l.implement !== ahp?.implement).map((l) => l.evaluator);
  const cards = h(
    'div',
    { class: `cards ${app.s.appraisalStale ? 'stale' : ''}` },
    h('section', { class: `card verdict ${a.verdict?.implement ? 'good' : 'bad'}`, id: 'verdict-card' },
      h('h3', {}, tr('verdict')),
      h('div', { class: 'big' }, a.verdict?.implement ? tr('implement') : tr('notImplement')),
      h('p', { id: 'verdict-summary' }, a.verdict?.summary ?? ''),
      h('p', { id: 'verdict-basis', class: 'hint' }, basis(app)),
      ...staleGroups(ahp?.panel?.stale ?? []).map(([names, seen, bc]) =>
        h('p', { class: 'stale-banner' }, '※ ', fmt(L, 'app-stale-banner', { seen, bc }), h('span', { class: 'user' }, ` (${names.join(', ')})`))),
      (a.warnings ?? []).map((w) => h('p', { class: 'warn' }, marked(diagText(L, w, true))))),
    h('section', { class: 'card' }, h('h3', {}, 'B/C · NPV · IRR'),
      h('table', { class: 'kv' },
        h('tr', {}, h('th', {}, tr('bc')), h('td', { id: 'kpi-bc' }, formatRatio(e.bc_ratio)), h('td', {}, e.feasible ? tr('feasible') : tr('notFeasible'))),
        h('tr', {}, h('th', {}, tr('npv')), h('td', { id: 'kpi-npv', colspan: 2 }, formatMoney(e.npv, app.s.unit, L))),
        h('tr', {}, h('th', {}, tr('irr')), h('td', { id: 'kpi-irr', colspan: 2 }, formatPct(e.irr), ' ', h('small', {}, e.irr_detail?.message ?? ''))),
        h('tr', {}, h('th', {}, tr('pvBenefits')), h('td', { colspan: 2 }, formatMoney(e.pv_benefits, app.s.unit, L))),
        h('tr', {}, h('th', {}, tr('pvCosts')), h('td', { colspan: 2 }, formatMoney(e.pv_costs, app.s.unit, L))),
        sv && sv.costs_pct !== null
          ? h('tr', {}, h('th', {}, tr('switching')), h('td', { id: 'kpi-switching', colspan: 2 },
              `${tr('costs')} ${sv.costs_pct >= 0 ? '+' : ''}${sv.costs_pct.toFixed(1)} % · ${tr('benefits')} ${(sv.benefits_pct ?? 0) >= 0 ? '+' : ''}${(sv.benefits_pct ?? 0).toFixed(1)} %`))
          : null)),
    h('section', { class: 'card wide' }, h('h3', {}, tr('cashFlow')), cashFlowChart(e.cash_flow ?? [], { cumulative: tr('cumulative') }, { unit: app.s.unit, lang: L })),
    h('section', { class: 'card wide' }, h('h3', {}, tr('tornado')), tornado(e.sensitivity ?? [], e.bc_ratio ?? 0, caseLabel)),
    ahp ? h('section', { class: 'card' }, h('h3', {}, tr('ahpWeights')), weightBars(Object.entries(ahp.weights), ahp.weight_range?.ranges ?? undefined, (id) => criterion(L, id), tr('allowedRange')),
      h('p', {}, `${tr('ahpScore')} ${ahp.score.toFixed(3)} (${ahp.score_range[0].toFixed(3)}–${ahp.score_range[1].toFixed(3)})`),
      // What would flip the verdict, beside the B/C switching values: the nearest allowed
      // weights, and the evaluators the verdict rests on.
      h('p', { id: 'ahp-flip' }, `${tr('flipDistance')}: ${ahp.panel?.weight_switch ? ahp.panel.weight_switch.distance.toFixed(3) : tr('noFlip')}`),
      loo.length ? h('p', { id: 'ahp-loo' }, restsOn.length ? [`${tr('restsOn')}: `, h('span', { class: 'user' }, restsOn.join(', '))] : tr('noSingleEvaluator')) : null) : null,
    reg ? h('section', { class: 'card', id: 'regional-card' }, h('h3', {}, tr('regional')),
      h('table', { class: 'kv' },
        h('tr', {}, h('th', {}, tr('region')), h('td', {}, code(L, 'region', reg.region))),
        reg.backwardness ? h('tr', {}, h('th', {}, tr('backwardness')), h('td', {}, `${reg.backwardness.index.toFixed(3)} · ${tr('rank')} ${reg.backwardness.rank}/${reg.backwardness.of}`)) : null,
        reg.sigungu ? sigunguRows(app, reg.sigungu) : null,
        reg.two_region ? twoRegionRows(app, reg.two_region)
          : [reg.effects ? h('tr', {}, h('th', {}, tr('production')), h('td', {}, formatMoney(reg.effects.production, app.s.unit, L))) : null,
             reg.effects ? h('tr', {}, h('th', {}, tr('jobs')), h('td', {}, groupDigits(String(Math.round(reg.effects.employment))))) : null]),
      illustrativeNote(app, reg)) : null,
    env ? envCard(app) : null,
    alternativesCard(app),
    costEffectivenessCard(app),
  );
  // With problems: the last valid figures, dimmed, under the problems to fix.
  return app.s.appraisalStale ? h('div', {}, problemList(app, new Set()), h('p', { class: 'hint' }, tr('lastValid')), cards) : cards;
}

/** The option's name with its role, as the report's Ⅳ writes it. */
function optionName(app: App, name: string, role: string): string {
  if (role === 'proposed') return name ? `${name} (${app.tr('proposedOption')})` : app.tr('proposedOption');
  if (role === 'base') return `${name} (${app.tr('baseOption')})`;
  return name;
}

/** 대안 검토: each option against the do-minimum, and the one the stated rule prefers. */
function alternativesCard(app: App): Node | null {
  const x = app.s.appraisal?.alternatives;
  if (!x) return null;
  const tr = app.tr;
  const L = app.s.lang;
  return h('section', { class: 'card wide', id: 'alternatives-card' }, h('h3', {}, tr('optionsCompared')),
    h('table', { class: 'options' },
      h('tr', {}, h('th', {}, tr('alternatives')), h('th', {}, 'B/C'), h('th', {}, tr('npv')), h('th', {}, 'ΔNPV'), h('th', {}, tr('incrementalBc'))),
      x.options.map((o) => h('tr', { class: o.name === x.preferred ? 'preferred' : '' },
        h('td', {}, h('span', { class: 'user' }, optionName(app, o.name, o.role))),
        h('td', { class: 'num' }, formatRatio(o.bc_ratio)),
        h('td', { class: 'num' }, formatMoney(o.npv, app.s.unit, L)),
        h('td', { class: 'num' }, o.role === 'base' ? '—' : formatMoney(o.delta_npv, app.s.unit, L)),
        h('td', { class: 'num' }, o.role === 'base' ? '—' : formatRatio(o.incremental_bc))))),
    h('p', { id: 'alternatives-preferred' }, x.preferred ? [`${tr('preferredOption')}: `, h('span', { class: 'user' }, x.preferred)] : tr('baseStands')));
}

/** 비용효과분석: the cost of one unit of each effectiveness measure, option by option. */
function costEffectivenessCard(app: App): Node | null {
  const x = app.s.appraisal?.cost_effectiveness;
  if (!x) return null;
  const tr = app.tr;
  const won = (v: number | null) => (v === null ? '—' : groupDigits(String(Math.round(v))));
  return h('section', { class: 'card wide', id: 'ec-card' }, h('h3', {}, tr('costEffectiveness')),
    x.measures.map((m) => h('div', {},
      h('h4', {}, h('span', { class: 'user' }, `${m.name} (${m.unit})`)),
      h('table', { class: 'options' },
        h('tr', {}, h('th', {}, tr('alternatives')), h('th', {}, tr('costPerUnit')), h('th', {}, tr('incrementalCost'))),
        m.options.map((o) => h('tr', {},
          h('td', {}, h('span', { class: 'user' }, optionName(app, o.option, o.role))),
          h('td', { class: 'num' }, won(o.cost_per_unit)),
          h('td', { class: 'num' }, won(o.incremental_cost_per_unit))))),
      m.preferred !== null ? h('p', { class: 'hint' }, `${tr('lowestCost')}: `, h('span', { class: 'user' }, optionName(app, m.preferred, m.preferred ? 'option' : 'proposed'))) : null)));
}

/** Tonnes with grouped digits and a sign: -11,623. */
const tonnes = (t: string | number): string => {
  const v = Math.round(Number(t));
  return `${v < 0 ? '-' : v > 0 ? '+' : ''}${groupDigits(String(Math.abs(v)))}`;
};

/** The environment: the net effect against the counterfactual first (does the project reduce or
 * add emissions, by how much, at what value), then gross, the three carbon series, the catalogues. */
function envCard(app: App): Node | null {
  const env = app.s.appraisal?.environment;
  if (!env) return null;
  const tr = app.tr;
  const L = app.s.lang;
  const n = env.net;
  const reduces = n ? Number(n.net_tco2e) < 0 : false;
  return h('section', { class: 'card', id: 'env-card' }, h('h3', {}, tr('environment')),
    n ? h('p', { id: 'env-net', class: `big-line ${reduces ? 'good' : 'bad'}` },
      fmt(L, reduces ? 'app-env-reduces' : 'app-env-adds', { t: groupDigits(String(Math.abs(Math.round(Number(n.net_tco2e))))) })) : null,
    h('table', { class: 'kv' },
      n ? h('tr', {}, h('th', {}, tr('netEmissions')), h('td', { id: 'env-net-t' }, `${tonnes(n.net_tco2e)} tCO2e`)) : null,
      n ? h('tr', {}, h('th', {}, tr('netCarbonPv')), h('td', {}, formatMoney(n.carbon_pv, app.s.unit, L))) : null,
      n ? h('tr', {}, h('th', {}, tr('netEnergyPv')), h('td', {}, formatMoney(n.energy_pv, app.s.unit, L))) : null,
      h('tr', {}, h('th', {}, tr('emissions')), h('td', {}, groupDigits(String(Math.round(env.total_tco2e))))),
      n ? null : h('tr', {}, h('th', {}, tr('carbonPv')), h('td', {}, formatMoney(env.carbon_pv, app.s.unit, L))),
      ...(n?.runs ?? []).map((r) => h('tr', {}, h('th', {}, fmt(L, 'app-env-run', { series: code(L, 'report-env-series', r.series) })),
        h('td', { class: `run-${r.series}` }, `B/C ${formatRatio(r.bc_ratio)}`))),
      n ? null : h('tr', {}, h('th', {}, tr('bcWithCarbon')), h('td', {}, formatRatio(env.bc_with_carbon))),
      ...(env.catalogues ?? []).map((c) => h('tr', {}, h('th', {}, L === 'ko' ? c.title.ko : c.title.en),
        h('td', {}, c.score === null ? '—' : `${Math.round(c.score * 100)} % (${c.met}/${c.applicable})`)))),
    n && !n.counted ? h('p', { class: 'hint' }, tr('envNotCounted')) : null,
    suggestedRisks(env.suggested_risks, L));
}

/** The sector's suggested risks the register leaves out, highest starting score first. */
function suggestedRisks(sg: Environment['suggested_risks'], L: Lang): Node | null {
  if (!sg || sg.for_sector === 0) return null;
  return h('details', { id: 'env-suggested' },
    h('summary', {}, fmt(L, 'app-env-suggested', { open: String(sg.open.length), total: String(sg.for_sector) })),
    h('ul', {}, ...sg.open.map((o) => h('li', { 'data-id': o.id },
      `${L === 'ko' ? o.title.ko : o.title.en} · ${fmt(L, 'app-env-suggested-score', { l: String(o.likelihood), i: String(o.impact), s: String(o.score) })}`))));
}

/** The 시·군·구 row of the regional card, as the report's Ⅶ gives it: the index, its rank among
 *  the table's 시·군·구 and the percentile (100 = the most backward), and whose weights. */
function sigunguRows(app: App, s: Sigungu): Node[] {
  const L = app.s.lang;
  const name = L === 'ko' ? s.name : s.name_en;
  const sign = s.index >= 0 ? '+' : '';
  return [
    h('tr', { id: 'sigungu-row' }, h('th', {}, fmt(L, 'report-sigungu')),
      h('td', {}, h('span', { class: 'user' }, name), ` (${s.code})`)),
    h('tr', {}, h('th', {}, app.tr('sigunguIndex')),
      h('td', { id: 'sigungu-index' }, `${sign}${s.index.toFixed(3)} · ${app.tr('rank')} ${s.rank}/${s.of} · ${app.tr('percentile')} ${s.percentile.toFixed(0)}`)),
    h('tr', {}, h('th', {}, app.tr('factorWeights')),
      h('td', {}, s.weights_public ? fmt(L, 'report-sigungu-weights-guideline') : app.tr('equalWeights'))),
  ];
}

/** Leaked share of a split, `leak / (intra + leak)`, in per cent; null when both are zero. */
function leakPct(x: Split): number | null {
  const a = Number(x.intra), b = Number(x.leak);
  return a + b === 0 ? null : (100 * b) / (a + b);
}

/** The two-region effects: induced in the province and leaked out, for production and jobs. */
function twoRegionRows(app: App, t: TwoRegion): Node[] {
  const L = app.s.lang;
  const pct = (x: Split) => { const p = leakPct(x); return p === null ? '—' : `${p.toFixed(1)} %`; };
  const jobs = (v: string) => groupDigits(String(Math.round(Number(v))));
  return [
    h('tr', {}, h('th', {}, fmt(L, 'report-sigungu-production-intra')), h('td', { id: 'io2-production-intra' }, formatMoney(t.production.intra, app.s.unit, L))),
    h('tr', {}, h('th', {}, fmt(L, 'report-sigungu-production-leak')),
      h('td', { id: 'io2-production-leak' }, `${formatMoney(t.production.leak, app.s.unit, L)} (${pct(t.production)})`)),
    h('tr', {}, h('th', {}, fmt(L, 'report-sigungu-jobs-intra')), h('td', { id: 'io2-jobs-intra' }, jobs(t.employment.intra))),
    h('tr', {}, h('th', {}, fmt(L, 'report-sigungu-jobs-leak')), h('td', { id: 'io2-jobs-leak' }, `${jobs(t.employment.leak)} (${pct(t.employment)})`)),
  ];
}

/** Says when the card's figures rest on illustrative data, not official statistics. */
function illustrativeNote(app: App, r: Regional): Node | null {
  const illustrative = [r.sigungu?.table, r.two_region?.table, r.two_region?.map].some((t) => t?.status === 'illustrative');
  return illustrative ? h('p', { class: 'hint', id: 'regional-illustrative' }, fmt(app.s.lang, 'report-sigungu-status-illustrative')) : null;
}
