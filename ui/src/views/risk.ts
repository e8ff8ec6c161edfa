// Monte Carlo: draws and seed, the run, and the engine's distribution of NPV and B/C.

import type { App } from '../app';
import { histogram } from '../charts';
import { h } from '../dom';
import { formatMoney, groupDigits } from '../format';
import { fmt } from '../i18n';
import { Part } from './part';

export function riskView(app: App): Part {
  const part = new Part(h('div', { id: 'view-risk' }), app.store, ['study', 'risk', 'lang', 'unit'], () => draw(app), () => app.s.tab === 'risk');
  // A running job only disables the button: the settings typed stay as they are.
  app.store.subscribe(['job'], () => {
    const b = part.el.querySelector<HTMLButtonElement>('#btn-risk');
    if (b) b.disabled = !!app.s.job;
    // While a run goes, the previous result stays, dimmed.
    part.el.querySelector('#risk-result')?.classList.toggle('previous', !!app.s.job && app.s.job.kind === 'risk');
  });
  return part;
}

/** A whole number as typed, with or without digit grouping ("20,000"); null when it is not one. */
export function parseCount(typed: string): number | null {
  const t = typed.trim().replace(/[,\s_]/g, '');
  return /^\d+$/.test(t) ? Number(t) : null;
}

function draw(app: App): Node {
  if (!app.s.study) return h('p', { class: 'empty' }, app.tr('empty'));
  const tr = app.tr;
  const r = app.s.risk;
  const L = app.s.lang;
  const set = app.s.riskSettings;
  const root = h('div', { class: 'risk' });
  const keep = (k: 'draws' | 'seed') => (e: Event) => app.setRiskSettings({ ...app.s.riskSettings, [k]: (e.target as HTMLInputElement).value });
  const go = () => {
    // What the fields hold now (set by a script or typed), kept for the next run.
    const typed = {
      draws: root.querySelector<HTMLInputElement>('#risk-draws')?.value ?? app.s.riskSettings.draws,
      seed: root.querySelector<HTMLInputElement>('#risk-seed')?.value ?? app.s.riskSettings.seed,
    };
    app.setRiskSettings(typed);
    const draws = parseCount(typed.draws);
    const seed = parseCount(typed.seed);
    const bad = draws === null ? ['draws', typed.draws] : seed === null ? ['seed', typed.seed] : null;
    if (bad) return app.setStatus(fmt(L, 'app-not-count', { what: tr(bad[0] as 'draws' | 'seed'), value: bad[1] }));
    void app.runRisk(draws as number, seed as number);
  };
  root.append(
    h('div', { class: 'row' },
      h('label', { class: 'field' }, h('span', {}, tr('draws')), h('input', { id: 'risk-draws', type: 'text', inputmode: 'numeric', value: set.draws, onchange: keep('draws') })),
      h('label', { class: 'field' }, h('span', {}, tr('seed')), h('input', { id: 'risk-seed', type: 'text', inputmode: 'numeric', value: set.seed, onchange: keep('seed') })),
      h('button', { id: 'btn-risk', disabled: !!app.s.job, onclick: go }, tr('run'))),
  );
  if (r)
    root.append(
      h('section', { class: 'card', id: 'risk-result' },
        h('table', { class: 'tbl' },
          h('tr', {}, h('th', {}, ''), h('th', {}, 'P10'), h('th', {}, 'P50'), h('th', {}, 'P90'), h('th', {}, tr('mean'))),
          h('tr', {}, h('th', {}, 'NPV'), [r.npv.p10, r.npv.p50, r.npv.p90, r.npv.mean].map((x) => h('td', {}, formatMoney(x, app.s.unit, L)))),
          h('tr', {}, h('th', {}, 'B/C'), [r.bc_ratio.p10, r.bc_ratio.p50, r.bc_ratio.p90, r.bc_ratio.mean].map((x) => h('td', {}, x.toFixed(3))))),
        r.histogram?.length ? histogram(r.histogram, { unit: app.s.unit, lang: L, count: tr('frequency') }) : null,
        h('p', { id: 'risk-prob' }, `${tr('probBc')} = ${(r.prob_bc_ge_1 * 100).toFixed(1)} % · ${fmt(L, 'app-run-info', { draws: groupDigits(String(r.draws)), seed: r.seed })}`),
        r.critical_variables?.length ? h('div', {}, h('h4', {}, tr('critical')), h('ul', {}, r.critical_variables.map((c) => h('li', {}, h('span', { class: 'user' }, c.name), `: ${c.elasticity.toFixed(2)}`)))) : null),
    );
  return root;
}
