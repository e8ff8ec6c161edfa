// The AHP panel: one sub-tab per evaluator (pairwise sliders per matrix, weights and CR beside
// them, repair hints), and the panel's aggregate.

import type { App } from '../app';
import { weightBars } from '../charts';
import { h } from '../dom';
import { criterion, fmt, staleGroups } from '../i18n';
import { type Judgement, deviation, parseJudgement, setJudgement, setPair, setPairText, sliderOf, verbalOf } from '../saaty';
import type { Problem } from '../study';
import { errorsFor, problemList } from './common';
import { Part } from './part';

export function ahpView(app: App): Part {
  return new Part(h('div', { id: 'view-ahp' }), app.store, ['study', 'appraisal', 'problems', 'matrixResults', 'evaluator', 'lang', 'typed'], () => draw(app), () => app.s.tab === 'ahp');
}

/** Item ids of a matrix, read from the engine's hierarchy (goal = top-level criteria). */
function itemsOf(app: App, node: string, n: number): string[] {
  const a = app.s.appraisal?.ahp;
  let ids: string[] = [];
  if (a) {
    if (node === 'goal') ids = a.criteria.map((c) => c.id);
    else ids = a.leaves.filter((l) => l.path.length >= 2 && l.path[l.path.length - 2] === node).map((l) => l.path[l.path.length - 1]);
  }
  return ids.length === n ? ids : Array.from({ length: n }, (_, i) => `#${i + 1}`);
}

const chooseEvaluator = (app: App, i: number) => {
  app.store.set({ evaluator: i });
  if (i >= 0) void app.recompute();
};

function draw(app: App): Node {
  const study = app.s.study;
  if (!study) return h('p', { class: 'empty' }, app.tr('empty'));
  const tr = app.tr;
  const evs = study.ahp?.evaluators ?? [];
  if (!evs.length) return h('p', {}, tr('noAhp'));
  const res = app.s.appraisal?.ahp;
  const tabs = h(
    'div',
    { class: 'subtabs', role: 'tablist' },
    evs.map((ev, i) =>
      h('button', { role: 'tab', id: `ev-${i}`, class: app.s.evaluator === i ? 'on' : '', onclick: () => chooseEvaluator(app, i) },
        h('span', { class: 'user' }, ev.name ?? `${tr('evaluator')} ${i + 1}`),
        res?.evaluators?.[i] && !res.evaluators[i].consistent ? ' ※' : ''),
    ),
    h('button', { role: 'tab', id: 'ev-panel', class: app.s.evaluator === -1 ? 'on' : '', onclick: () => chooseEvaluator(app, -1) }, tr('panel')),
  );
  // The judgements were made against another B/C: said above every evaluator's matrices.
  const stale = staleGroups(res?.panel?.stale ?? []).map(([names, seen, bc]) =>
    h('div', { class: 'stale-banner', id: 'ahp-stale', 'data-stale': seen }, '※ ', fmt(app.s.lang, 'app-stale-banner', { seen, bc }),
      h('span', { class: 'user' }, ` (${names.join(', ')})`)));
  if (app.s.evaluator === -1 || app.s.evaluator >= evs.length) return h('div', {}, tabs, stale, aggregate(app));
  const i = app.s.evaluator;
  const ev = evs[i];
  const er = res?.evaluators?.[i];
  const placed = new Set<Problem>();
  const matrices = Object.entries(ev.criteria ?? {}).map(([node, m]) => matrixEditor(app, i, node, m, placed));
  const alts = Object.entries(ev.alternatives ?? {}).map(([leaf, v]) => {
    const pos = sliderOf(v);
    return h(
      'div',
      { class: 'pair' },
      h('span', { class: 'a' }, criterion(app.s.lang, leaf)),
      h('input', {
        type: 'range', min: -8, max: 8, step: 1, value: pos, 'data-k': `alt:${i}:${leaf}`, 'aria-label': `${leaf}: ${tr('implementSide')} / ${tr('notSide')}`,
        onchange: (e: Event) => {
          const p = Number((e.target as HTMLInputElement).value);
          app.edit((x) => {
            const alt = x.ahp?.evaluators?.[i]?.alternatives;
            if (alt) alt[leaf] = setPair([[1, 1], [1, 1]], 0, 1, p)[0][1];
          });
        },
      }),
      h('span', { class: 'verbal' }, verbalOf(v, tr('implementSide'), tr('notSide'), app.s.lang)),
    );
  });
  return h(
    'div',
    { class: 'ahp' },
    tabs,
    stale,
    h('p', { class: 'ev-head' }, h('span', { class: 'user' }, `${ev.name ?? ''} — ${ev.role ?? ''}`), er ? h('span', { id: 'ev-cr', class: er.consistent ? 'ok' : 'warn' }, ` CR ${er.cr.toFixed(3)} · ${tr('ahpScore')} ${er.score.toFixed(3)}`) : null),
    problemList(app, new Set([...app.s.problems.filter((p) => !p.path.startsWith(`ahp.evaluators[${i}]`)), ...placed])),
    matrices,
    h('section', {}, h('h4', {}, tr('alternatives')), alts),
  );
}

function setMatrix(app: App, ev: number, node: string, f: (m: Judgement[][]) => Judgement[][]): void {
  app.edit((x) => {
    const c = x.ahp?.evaluators?.[ev]?.criteria;
    if (c?.[node]) c[node] = f(c[node]);
  });
}

/** The numeric matrix (Expert Choice's view): a_ij typed directly, the reciprocal below, each cell's ε. */
function numericMatrix(app: App, ev: number, node: string, m: Judgement[][], items: string[], weights: number[]): HTMLElement {
  const tr = app.tr;
  const n = m.length;
  const name = (id: string) => criterion(app.s.lang, id);
  const head = h('tr', {}, h('th', {}, ''), items.map((id, j) => h('th', { title: name(id) }, `${j + 1}`)));
  const rows = items.map((id, i) =>
    h('tr', {}, h('th', { class: 'mx-item', title: name(id) }, `${i + 1}. ${name(id)}`),
      Array.from({ length: n }, (_, j) => {
        if (i === j) return h('td', { class: 'mx-diag' }, '1');
        const key = `mx:${ev}:${node}:${i}:${j}`;
        const eps = weights.length ? deviation(m, weights, i, j) : null;
        const dev = eps === null ? 0 : Math.abs(Math.log(eps));
        // How far the cell is from the weights: none, some, much (|ln ε| 0.1 and 0.5).
        const level = dev < 0.1 ? '' : dev < 0.5 ? 'mx-dev1' : 'mx-dev2';
        const title = eps === null ? '' : fmt(app.s.lang, 'app-cell-deviation', { eps: eps.toFixed(2) });
        if (i > j) return h('td', { class: `mx-recip ${level}`, title, 'data-eps': eps?.toFixed(3) ?? '' }, String(m[i][j] ?? '—'));
        const refused = app.s.typed[key];
        return h('td', { class: `${level} ${refused !== undefined ? 'invalid' : ''}`, title: refused !== undefined ? fmt(app.s.lang, 'app-not-judgement', { value: refused }) : title, 'data-eps': eps?.toFixed(3) ?? '' },
          h('input', {
            type: 'text', 'data-k': key, 'aria-label': `${name(items[i])} / ${name(items[j])}`, value: refused ?? String(m[i][j] ?? ''),
            onchange: (e: Event) => {
              const typed = (e.target as HTMLInputElement).value;
              const v = parseJudgement(typed);
              if (v === null) return app.setTyped(key, typed);
              app.store.batch(() => {
                app.setTyped(key, null);
                setMatrix(app, ev, node, (mm) => setJudgement(mm, i, j, v));
              });
            },
          }));
      })));
  return h('div', { class: 'mx' }, h('div', { class: 'mx-title' }, tr('numericMatrix')), h('table', { class: 'mx-table', 'data-mx': node }, h('thead', {}, head), h('tbody', {}, rows)));
}

function matrixEditor(app: App, ev: number, node: string, m: Judgement[][], placed: Set<Problem>): HTMLElement {
  const tr = app.tr;
  const n = m.length;
  const items = itemsOf(app, node, n);
  const name = (id: string) => criterion(app.s.lang, id);
  const answer = app.s.matrixResults[node];
  const r = answer && 'weights' in answer ? answer : null;
  const pairs: HTMLElement[] = [];
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const pos = sliderOf(m[i]?.[j] ?? null);
      const hint = r?.ranked?.find((x) => x.i === i && x.j === j);
      pairs.push(
        h(
          'div',
          { class: `pair ${hint ? 'hinted' : ''}` },
          h('span', { class: 'a' }, name(items[i])),
          h('input', {
            type: 'range', min: -8, max: 8, step: 1, value: pos, 'data-k': `pair:${ev}:${node}:${i}:${j}`, 'aria-label': `${name(items[i])} / ${name(items[j])}`,
            onchange: (e: Event) => {
              const p = Number((e.target as HTMLInputElement).value);
              setMatrix(app, ev, node, (mm) => setPair(mm, i, j, p));
            },
          }),
          h('span', { class: 'b' }, name(items[j])),
          h('span', { class: 'verbal' }, verbalOf(m[i]?.[j] ?? null, name(items[i]), name(items[j]), app.s.lang)),
        ),
      );
    }
  const path = `ahp.evaluators[${ev}].criteria.${node}`;
  const weights = r?.weights ?? [];
  // Repair hints as a ranked list: the fix that lowers CR most first, with the CR it gives.
  const hints = r?.ranked?.length
    ? h('ol', { class: 'hints', 'data-hints-for': node },
        r.ranked.map((x) =>
          h('li', { class: 'hint-row', 'data-i': x.i, 'data-j': x.j, 'data-suggested': x.suggested },
            `${name(items[x.i])} / ${name(items[x.j])}: ${String(m[x.i][x.j])} → ${x.suggested} · ${fmt(app.s.lang, 'app-cr-after', { cr: x.crAfter.toFixed(3) })} `,
            h('button', { class: 'small apply-hint', onclick: () => setMatrix(app, ev, node, (mm) => setPairText(mm, x.i, x.j, x.suggested)) }, tr('apply')))))
    : null;
  return h(
    'section',
    { class: 'matrix', 'data-node': node },
    h('h4', {}, node === 'goal' ? tr('goal') : name(node)),
    h('div', { class: 'matrix-body' },
      h('div', { class: 'pairs' }, pairs),
      numericMatrix(app, ev, node, m, items, weights),
      h('div', { class: 'mres' },
        weights.length ? weightBars(items.map((id, k) => [id, weights[k] ?? 0]), undefined, name) : null,
        r ? h('div', { class: `cr ${r.consistent ? 'ok' : 'warn'}`, 'data-cr-for': node }, `CR ${r.cr.toFixed(3)} — ${r.consistent ? tr('consistent') : tr('inconsistent')}`) : null,
        answer && 'error' in answer ? h('div', { class: 'error' }, answer.error) : null,
        hints,
      ),
    ),
    errorsFor(app, path, placed),
  );
}

function aggregate(app: App): Node {
  const tr = app.tr;
  const a = app.s.appraisal?.ahp;
  if (!a) return h('p', {}, tr('nothing'));
  return h(
    'div',
    { class: 'cards', id: 'ahp-aggregate' },
    h('section', { class: 'card' }, h('h3', {}, tr('ahpScore')),
      h('div', { class: 'big', id: 'ahp-score' }, a.score.toFixed(3)),
      h('div', {}, `${tr('scoreRange')} ${a.score_range[0].toFixed(3)}–${a.score_range[1].toFixed(3)} · ${a.robust ? tr('robust') : tr('notRobust')}`),
      h('div', {}, a.implement ? tr('implement') : tr('notImplement'), ` (≥ ${a.threshold})`)),
    h('section', { class: 'card' }, h('h3', {}, tr('weights')), weightBars(Object.entries(a.weights), a.weight_range?.ranges ?? undefined, (id) => criterion(app.s.lang, id), tr('allowedRange'))),
    h('section', { class: 'card wide' }, h('h3', {}, tr('evaluator')),
      h('table', { class: 'tbl' }, h('tr', {}, h('th', {}, tr('evaluator')), h('th', {}, 'CR'), h('th', {}, tr('ahpScore')), h('th', {}, '')),
        a.evaluators.map((e) => h('tr', {}, h('td', { class: 'user' }, e.name), h('td', { class: e.consistent ? '' : 'warn' }, e.cr.toFixed(3)), h('td', {}, e.score.toFixed(3)), h('td', {}, e.hints.map((x) => x.message ?? '').join(' ')))))),
  );
}
