// The page's frame: toolbar, verdict strip, tabs, the tab's view and the status line. Each is a
// Part that redraws only when the slices it reads change.

import type { App } from '../app';
import { h } from '../dom';
import { MONEY_UNITS, UNIT_NAME, formatMoney, formatPct, formatRatio, formatTime } from '../format';
import { type Key, fmt, staleGroups } from '../i18n';
import type { MoneyUnit } from '../format';
import { type Tab, jobPhase } from '../state';
import { ahpView } from './ahp';
import { expostView } from './expost';
import { linesView } from './lines';
import { Part } from './part';
import { portfolioView } from './portfolio';
import { resultsView } from './results';
import { riskView } from './risk';
import { basis } from './common';
import { signDialog, verify } from './sign';
import { studyView } from './study';

export type TabView = { tab: Tab; part: Part };

export function mountPage(app: App, root: HTMLElement): void {
  const st = app.store;
  const header = new Part(h('header', { class: 'toolbar' }), st, ['lang', 'study', 'canUndo', 'canRedo', 'recent', 'appraisal', 'unit'], () => toolbar(app));
  st.subscribe(['job', 'appraisal', 'appraisalStale'], () => {
    const b = header.el.querySelector<HTMLButtonElement>('#btn-export');
    if (b) b.disabled = !app.s.appraisal || app.s.appraisalStale || !!app.s.job;
  });
  const strip = new Part(h('div', { class: 'strip-wrap' }), st, ['lang', 'study', 'appraisal', 'appraisalStale', 'problems', 'unit'], () => verdictStrip(app));
  const tabs = new Part(h('nav', { class: 'tabs', role: 'tablist' }), st, ['lang', 'tab'], () => tabBar(app));
  const main = h('main', { id: 'main' });
  const views: TabView[] = [
    { tab: 'study', part: studyView(app) },
    { tab: 'lines', part: linesView(app) },
    { tab: 'ahp', part: ahpView(app) },
    { tab: 'results', part: resultsView(app) },
    { tab: 'expost', part: expostView(app) },
    { tab: 'risk', part: riskView(app) },
    { tab: 'portfolio', part: portfolioView(app) },
  ];
  const show = () => {
    const v = views.find((x) => x.tab === app.s.tab) ?? views[3];
    if (main.firstChild !== v.part.el) main.replaceChildren(v.part.el);
    v.part.refresh();
  };
  st.subscribe(['tab'], show);
  const footer = statusLine(app);
  root.replaceChildren(header.el, strip.el, tabs.el, main, footer);
  for (const p of [header, strip, tabs]) p.refresh();
  show();
}

function toolbar(app: App): Node[] {
  const s = app.s;
  const tr = app.tr;
  const title = s.study?.project?.name ?? 'Yeta';
  return [
    h('strong', { class: 'brand' }, 'Yeta 예타'),
    h('button', { id: 'btn-new', onclick: () => app.newStudy() }, tr('newStudy')),
    h('button', { id: 'btn-open', onclick: () => void app.open() }, tr('open')),
    h(
      'select',
      {
        id: 'recent',
        'aria-label': tr('recent'),
        onchange: (e: Event) => {
          const v = (e.target as HTMLSelectElement).value;
          if (v) void app.open(v);
        },
      },
      h('option', { value: '' }, `${tr('recent')} (${s.recent.length})`),
      s.recent.map((p) => h('option', { value: p, class: 'user' }, p)),
    ),
    h('button', { id: 'btn-save', disabled: !s.study, onclick: () => void app.save(false) }, tr('save')),
    h('button', { id: 'btn-save-as', disabled: !s.study, onclick: () => void app.save(true) }, tr('saveAs')),
    h('span', { class: 'sep' }),
    h('button', { id: 'btn-undo', disabled: !s.canUndo, onclick: () => app.undo(), title: 'Ctrl+Z' }, tr('undo')),
    h('button', { id: 'btn-redo', disabled: !s.canRedo, onclick: () => app.redo(), title: 'Ctrl+Shift+Z' }, tr('redo')),
    h('span', { class: 'sep' }),
    // One unit for the grid, the dashboard and the exported report (원/천원/백만원/억원).
    h('label', { class: 'unit-pick' }, `${tr('unit')} `,
      h('select', { id: 'unit-select', 'aria-label': tr('unit'), onchange: (e: Event) => app.setUnit((e.target as HTMLSelectElement).value as MoneyUnit) },
        MONEY_UNITS.map((u) => h('option', { value: u, selected: s.unit === u }, UNIT_NAME[s.lang][u])))),
    h('span', { class: 'sep' }),
    h(
      'select',
      { id: 'pdf-lang', 'aria-label': tr('language') },
      h('option', { value: 'ko', selected: s.lang === 'ko' }, '한국어'),
      h('option', { value: 'en', selected: s.lang === 'en' }, 'English'),
    ),
    h(
      'button',
      {
        id: 'btn-export',
        disabled: !s.appraisal || s.appraisalStale || !!s.job,
        onclick: (e: Event) => {
          const sel = (e.target as HTMLElement).parentElement?.querySelector<HTMLSelectElement>('#pdf-lang');
          void app.exportPdf(sel?.value === 'en' ? 'en' : 'ko');
        },
      },
      tr('exportPdf'),
    ),
    h('button', { id: 'btn-sign', onclick: () => signDialog(app) }, tr('signOff')),
    h('button', { id: 'btn-verify', onclick: () => void verify(app) }, tr('verify')),
    h('span', { class: 'grow', title }, ''),
    h('button', { id: 'btn-lang', onclick: () => app.setLang(s.lang === 'ko' ? 'en' : 'ko') }, s.lang === 'ko' ? 'English' : '한국어'),
  ];
}

/** The verdict and the headline numbers, on every tab, so an edit shows its effect at once. */
function verdictStrip(app: App): Node {
  const s = app.s;
  const a = s.appraisal;
  const tr = app.tr;
  if (!s.study) return h('div', { class: 'strip' });
  const count = h('span', { id: 'strip-problems', class: 'problem-count' }, fmt(s.lang, 'app-problem-count', { n: s.problems.length }));
  // Before the first answer: a neutral strip, not a red one.
  if (!a && !s.problems.length) return h('div', { class: 'strip pending' }, h('span', { class: 'pill' }, tr('computing')));
  if (!a) return h('div', { class: 'strip bad', id: 'verdict' }, count);
  const e = a.economic;
  const ok = a.verdict?.implement ?? e.feasible;
  return h(
    'div',
    { class: `strip ${ok ? 'good' : 'bad'} ${s.appraisalStale ? 'stale' : ''}`, title: s.appraisalStale ? tr('lastValid') : '' },
    s.appraisalStale ? count : null,
    h('span', { id: 'verdict', class: 'pill' }, ok ? tr('implement') : tr('notImplement')),
    h('span', {}, `${tr('bc')} `, h('b', { id: 'strip-bc' }, formatRatio(e.bc_ratio))),
    h('span', {}, `${tr('npv')} `, h('b', { id: 'strip-npv' }, formatMoney(e.npv, s.unit, s.lang))),
    h('span', {}, `${tr('irr')} `, h('b', {}, formatPct(e.irr))),
    a.ahp ? h('span', {}, `${tr('ahpScore')} `, h('b', { id: 'strip-ahp' }, formatRatio(a.ahp.score))) : null,
    // What the verdict rests on, and whether the panel judged against the B/C now on screen.
    h('span', { id: 'strip-basis', class: 'basis' }, basis(app)),
    ...staleGroups(a.ahp?.panel?.stale ?? []).map(([names, seen, bc]) =>
      h('span', { class: 'stale-note', 'data-stale': seen, title: fmt(s.lang, 'app-stale-judgements', { evaluators: names.join(', '), seen, bc }) },
        '※ ', fmt(s.lang, 'app-stale-short', { seen, bc }))),
  );
}

function tabBar(app: App): Node[] {
  const tabs: [Tab, Key][] = [['study', 'tabStudy'], ['lines', 'tabLines'], ['ahp', 'tabAhp'], ['results', 'tabResults'], ['expost', 'tabExpost'], ['risk', 'tabRisk'], ['portfolio', 'tabPortfolio']];
  return tabs.map(([id, k]) =>
    h('button', { role: 'tab', id: `tab-${id}`, 'aria-selected': String(app.s.tab === id), class: app.s.tab === id ? 'on' : '', onclick: () => app.setTab(id) }, app.tr(k)),
  );
}

/**
 * The status line. The running job's bar is updated in place on each progress event, so the
 * Cancel button under the pointer is never replaced while a run reports progress.
 */
function statusLine(app: App): HTMLElement {
  const st = app.store;
  const text = new Part(h('span', { class: 'status-text' }), st, ['lang', 'path', 'dirty', 'autosaved', 'status'], () => {
    const s = app.s;
    return [
      h('span', { id: 'status-path', class: 'user' }, s.path ?? '—'),
      s.dirty ? h('span', { class: 'dirty' }, `● ${app.tr('unsaved')}`) : null,
      h('span', { id: 'autosave-msg' }, s.autosaved ? `${app.tr('autosaved')} ${formatTime(s.autosaved, s.lang)}` : ''),
      h('span', { id: 'status-msg' }, s.status),
    ];
  });
  const job = h('span', { class: 'job-slot' });
  let shownJob: number | null = null;
  const drawJob = () => {
    const j = app.s.job;
    if (!j) {
      shownJob = null;
      job.replaceChildren();
      return;
    }
    if (shownJob !== j.id) {
      shownJob = j.id;
      job.replaceChildren(
        h('span', { class: 'job' },
          h('span', { id: 'job-label' }),
          h('progress', { id: 'job-progress', max: j.total, value: j.done }),
          h('button', { id: 'btn-cancel', onclick: () => app.cancelJob() }, app.tr('cancel'))),
      );
    }
    const label = job.querySelector('#job-label');
    if (label) label.textContent = app.tr(jobPhase(j));
    const bar = job.querySelector<HTMLProgressElement>('#job-progress');
    if (bar) {
      bar.max = j.total;
      bar.value = j.done;
    }
  };
  st.subscribe(['job'], drawJob);
  text.refresh();
  return h('footer', { class: 'status' }, text.el, job);
}
