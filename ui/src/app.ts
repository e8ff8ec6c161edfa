// The workbench: one study, edited through forms, a grid and the AHP panel; every edit is sent to
// the engine (`appraise`) and the dashboard shows what comes back. The UI only formats.

import { type Comparison, type PortfolioRow, api } from './api';
import { cashFlowChart, histogram, tornado, weightBars } from './charts';
import { h } from './dom';
import { type Lang, formatKrw, formatPct, formatRatio, groupDigits, parseAmount } from './format';
import { History } from './history';
import { type Key, code, t } from './i18n';
import { type Judgement, judgementValue, setPair, setPairText, sliderOf, verbal } from './saaty';
import {
  LISTS,
  type Problem,
  type Row,
  type Study,
  cellOf,
  clone,
  getPath,
  parseTsv,
  paste,
  problemsAt,
  rowsOf,
  setCell,
  setPath,
  years,
} from './study';

type Tab = 'study' | 'lines' | 'ahp' | 'results' | 'risk' | 'portfolio';

/** A new study to start from: one cost and one benefit line, the default rule set. */
export const NEW_STUDY = {
  format: 'yeta-study/1',
  project: { name: 'New project', sponsor: 'Ministry', sector: 'road', region: 'KR-43', total_cost: '200000000000', state_funding: '100000000000' },
  parameters: { base_year: 2025, first_year: 2026, last_year: 2055 },
  costs: [{ name: 'Construction', kind: 'capex', flows: [{ year: 2026, amount: '100000000000' }, { year: 2027, amount: '100000000000' }] }],
  benefits: [{ name: 'Travel time savings', kind: 'travel_time', flows: [{ from: 2028, to: 2055, amount: '15000000000', growth: '0.01' }] }],
};

const SECTORS = ['road', 'rail', 'port', 'airport', 'water', 'building', 'culture', 'ict', 'rnd', 'other'];
const RAW_SECTIONS = ['rules', 'financing', 'policy', 'regional', 'environment'];

export class App {
  lang: Lang = (localStorage.getItem('yeta.lang') as Lang) === 'en' ? 'en' : 'ko';
  tab: Tab = 'results';
  history: History<string> | null = null;
  study: Study | null = null;
  appraisal: any = null;
  problems: Problem[] = [];
  path: string | null = null;
  recent: string[] = [];
  dirty = false;
  status = '';
  autosaved = '';
  evaluator = 0;
  selRow = 0;
  risk: any = null;
  job: { id: number; kind: string; done: number; total: number } | null = null;
  matrixResults: Record<string, any> = {};
  /** The Portfolio view: the engine's comparison, the budget typed (KRW), the column sorted by. */
  portfolio: Comparison | null = null;
  budget = '';
  portfolioSort: { key: string; dir: 1 | -1 } = { key: 'rank', dir: 1 };
  /** Progress events received, and when the first verdict was drawn (ms after navigation): for tests. */
  progressEvents = 0;
  firstVerdictMs: number | null = null;
  private seq = 0;
  private nextJob = 1;
  private autosaveTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly root: HTMLElement) {}

  tr = (k: Key) => t(this.lang, k);

  async start(): Promise<void> {
    document.addEventListener('keydown', (e) => this.shortcut(e));
    void api.onProgress((p) => {
      this.progressEvents++;
      if (this.job && this.job.id === p.id) {
        this.job.done = p.done;
        this.job.total = p.total;
        this.renderJob();
      }
    });
    try {
      const s = await api.startup();
      this.recent = s.recent ?? [];
      if (s.text) {
        this.load(s.text, s.path);
        if (s.recovered) {
          this.dirty = true;
          this.status = this.tr('recovered');
        }
      }
    } catch (e) {
      this.status = String(e);
    }
    this.render();
    await this.recompute();
  }

  // ---- the study and its history ----

  load(text: string, path: string | null): void {
    try {
      this.study = JSON.parse(text);
    } catch (e) {
      this.status = `${path ?? ''}: ${e}`;
      return;
    }
    this.history = new History(this.text());
    this.path = path;
    this.dirty = false;
    this.evaluator = 0;
    this.risk = null;
  }

  text(): string {
    return JSON.stringify(this.study, null, 2) + '\n';
  }

  /** Records an edit made on `next` (a copy of the study): undoable, recomputed, autosaved. */
  commit(next: Study): void {
    this.study = next;
    if (this.history?.push(this.text())) {
      this.dirty = true;
      this.scheduleAutosave();
    }
    this.render();
    void this.recompute();
  }

  edit(f: (s: Study) => void): void {
    if (!this.study) return;
    const next = clone(this.study);
    f(next);
    this.commit(next);
  }

  undo(): void {
    if (!this.history?.canUndo) return;
    this.study = JSON.parse(this.history.undo());
    this.dirty = true;
    this.scheduleAutosave();
    this.render();
    void this.recompute();
  }

  redo(): void {
    if (!this.history?.canRedo) return;
    this.study = JSON.parse(this.history.redo());
    this.dirty = true;
    this.scheduleAutosave();
    this.render();
    void this.recompute();
  }

  scheduleAutosave(): void {
    clearTimeout(this.autosaveTimer);
    this.autosaveTimer = setTimeout(() => {
      if (!this.study || !this.dirty) return;
      api.autosave(this.text()).then(
        () => {
          this.autosaved = `${this.tr('autosaved')} ${new Date().toLocaleTimeString()}`;
          const el = this.root.querySelector('#autosave-msg');
          if (el) el.textContent = this.autosaved;
        },
        (e) => this.setStatus(String(e)),
      );
    }, 1000);
  }

  /** Asks the engine; answers that arrive after a newer edit are dropped. */
  async recompute(): Promise<void> {
    if (!this.study) return;
    const mine = ++this.seq;
    const text = this.text();
    try {
      const r = await api.appraise(text, this.lang);
      if (mine !== this.seq) return;
      if ('appraisal' in r) {
        this.appraisal = r.appraisal;
        this.problems = [];
      } else {
        this.appraisal = null;
        this.problems = r.problems;
      }
      await this.recomputeMatrices(mine);
    } catch (e) {
      if (mine !== this.seq) return;
      this.appraisal = null;
      this.problems = [{ path: '', message: String(e) }];
    }
    if (mine === this.seq) {
      this.render();
      if (this.firstVerdictMs === null && this.appraisal) this.firstVerdictMs = performance.now();
    }
  }

  /** Weights and CR of each matrix of the evaluator on screen, for the AHP panel. */
  async recomputeMatrices(mine: number): Promise<void> {
    const ev = this.study?.ahp?.evaluators?.[this.evaluator];
    const out: Record<string, any> = {};
    if (this.tab === 'ahp' && ev?.criteria) {
      for (const [node, m] of Object.entries(ev.criteria)) {
        try {
          out[node] = await api.ahpMatrix(m, this.study?.rules?.id);
        } catch (e) {
          out[node] = { error: String(e) };
        }
      }
    }
    if (mine === this.seq) this.matrixResults = out;
  }

  setStatus(s: string): void {
    this.status = s;
    const el = this.root.querySelector('#status-msg');
    if (el) el.textContent = s;
  }

  // ---- files ----

  async open(path?: string): Promise<void> {
    try {
      const r = await api.openStudy(path);
      if (!r || r.text === null) return;
      this.recent = r.recent;
      this.load(r.text, r.path);
      this.render();
      await this.recompute();
    } catch (e) {
      this.setStatus(String(e));
    }
  }

  async save(choose: boolean): Promise<void> {
    if (!this.study) return;
    try {
      const r = await api.saveStudy(this.text(), choose || !this.path);
      if (!r) return;
      this.path = r.path;
      this.recent = r.recent;
      this.dirty = false;
      this.status = `${this.tr('saved')}: ${r.path}`;
      this.render();
    } catch (e) {
      this.setStatus(String(e));
    }
  }

  newStudy(): void {
    this.load(JSON.stringify(NEW_STUDY), null);
    this.dirty = true;
    this.tab = 'study';
    this.render();
    void this.recompute();
  }

  async exportPdf(lang: string): Promise<void> {
    if (!this.study) return;
    const id = this.nextJob++;
    this.job = { id, kind: 'export', done: 0, total: 3 };
    this.render();
    try {
      const r = await api.exportPdf(id, this.text(), lang);
      this.status = r ? `${this.tr('exported')}: ${r.path}` : this.tr('cancelled');
    } catch (e) {
      this.status = String(e);
    }
    this.job = null;
    this.render();
  }

  async runRisk(draws: number, seed: number): Promise<void> {
    if (!this.study) return;
    const id = this.nextJob++;
    this.job = { id, kind: 'risk', done: 0, total: draws };
    this.risk = null;
    this.render();
    try {
      this.risk = await api.runRisk(id, this.text(), draws, seed);
      this.status = '';
    } catch (e) {
      this.status = String(e);
    }
    this.job = null;
    this.render();
  }

  /** Asks the engine to rank the studies (`pick`: choose them in a dialog first) under the budget. */
  async compareStudies(pick: boolean): Promise<void> {
    try {
      const budget = parseAmount(this.budget);
      if (budget === null) throw new Error(`${this.tr('budget')}: ${this.budget}`);
      if (!pick && !this.portfolio) return;
      const r = await api.compareStudies(pick, budget === '' ? undefined : budget);
      if (r) this.portfolio = r;
      this.status = '';
    } catch (e) {
      this.status = String(e);
    }
    this.render();
  }

  cancelJob(): void {
    if (this.job) void api.cancelJob(this.job.id);
  }

  // ---- keyboard ----

  shortcut(e: KeyboardEvent): void {
    const mod = e.ctrlKey || e.metaKey;
    if (!mod) return;
    const k = e.key.toLowerCase();
    const inText = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement;
    if (k === 's') {
      e.preventDefault();
      void this.save(e.shiftKey);
    } else if (k === 'o') {
      e.preventDefault();
      void this.open();
    } else if (!inText && k === 'z') {
      e.preventDefault();
      if (e.shiftKey) this.redo();
      else this.undo();
    } else if (!inText && k === 'y') {
      e.preventDefault();
      this.redo();
    }
  }

  // ---- rendering ----

  /** Re-renders everything, keeping focus on the same field (fields carry a `data-k` key). */
  render(): void {
    const active = document.activeElement as HTMLElement | null;
    const key = active?.dataset?.k;
    const sel = active instanceof HTMLInputElement ? [active.selectionStart, active.selectionEnd] : null;
    const scroll = this.root.querySelector('.grid-wrap')?.scrollLeft ?? 0;
    document.documentElement.lang = this.lang;
    this.root.replaceChildren(this.header(), this.strip(), this.tabs(), h('main', { id: 'main' }, this.body()), this.footer());
    const wrap = this.root.querySelector('.grid-wrap');
    if (wrap) wrap.scrollLeft = scroll;
    if (key) {
      const el = this.root.querySelector<HTMLElement>(`[data-k="${CSS.escape(key)}"]`);
      if (el) {
        el.focus();
        if (sel && el instanceof HTMLInputElement && el.type === 'text') {
          try {
            el.setSelectionRange(sel[0], sel[1]);
          } catch {
            /* not a text field */
          }
        }
      }
    }
  }

  renderJob(): void {
    const bar = this.root.querySelector<HTMLProgressElement>('#job-progress');
    if (bar && this.job) {
      bar.max = this.job.total;
      bar.value = this.job.done;
    }
  }

  header(): HTMLElement {
    const title = this.study?.project?.name ?? 'Yeta';
    return h(
      'header',
      { class: 'toolbar' },
      h('strong', { class: 'brand' }, 'Yeta 예타'),
      h('button', { id: 'btn-new', onclick: () => this.newStudy() }, this.tr('newStudy')),
      h('button', { id: 'btn-open', onclick: () => void this.open() }, this.tr('open')),
      h(
        'select',
        {
          id: 'recent',
          'aria-label': this.tr('recent'),
          onchange: (e: Event) => {
            const v = (e.target as HTMLSelectElement).value;
            if (v) void this.open(v);
          },
        },
        h('option', { value: '' }, `${this.tr('recent')} (${this.recent.length})`),
        this.recent.map((p) => h('option', { value: p }, p)),
      ),
      h('button', { id: 'btn-save', disabled: !this.study, onclick: () => void this.save(false) }, this.tr('save')),
      h('button', { id: 'btn-save-as', disabled: !this.study, onclick: () => void this.save(true) }, this.tr('saveAs')),
      h('span', { class: 'sep' }),
      h('button', { id: 'btn-undo', disabled: !this.history?.canUndo, onclick: () => this.undo(), title: 'Ctrl+Z' }, '↶ ' + this.tr('undo')),
      h('button', { id: 'btn-redo', disabled: !this.history?.canRedo, onclick: () => this.redo(), title: 'Ctrl+Shift+Z' }, '↷ ' + this.tr('redo')),
      h('span', { class: 'sep' }),
      h(
        'select',
        { id: 'pdf-lang', 'aria-label': this.tr('language') },
        h('option', { value: 'ko', selected: this.lang === 'ko' }, '한국어'),
        h('option', { value: 'en', selected: this.lang === 'en' }, 'English'),
      ),
      h(
        'button',
        {
          id: 'btn-export',
          disabled: !this.appraisal || !!this.job,
          onclick: () => void this.exportPdf((this.root.querySelector('#pdf-lang') as HTMLSelectElement).value),
        },
        this.tr('exportPdf'),
      ),
      h('button', { id: 'btn-sign', onclick: () => this.signDialog() }, this.tr('signOff')),
      h('button', { id: 'btn-verify', onclick: () => void this.verify() }, this.tr('verify')),
      h('span', { class: 'grow', title }, ''),
      h(
        'button',
        {
          id: 'btn-lang',
          onclick: () => {
            this.lang = this.lang === 'ko' ? 'en' : 'ko';
            localStorage.setItem('yeta.lang', this.lang);
            this.render();
          },
        },
        this.lang === 'ko' ? 'English' : '한국어',
      ),
    );
  }

  /** The verdict and the headline numbers, on every tab, so an edit shows its effect at once. */
  strip(): HTMLElement {
    const a = this.appraisal;
    if (!this.study) return h('div', { class: 'strip' });
    if (!a) return h('div', { class: 'strip bad', id: 'verdict' }, `${this.tr('problems')}: ${this.problems.length}`);
    const e = a.economic;
    const ok = a.verdict?.implement ?? e.feasible;
    return h(
      'div',
      { class: `strip ${ok ? 'good' : 'bad'}` },
      h('span', { id: 'verdict', class: 'pill' }, ok ? this.tr('implement') : this.tr('notImplement')),
      h('span', {}, `${this.tr('bc')} `, h('b', { id: 'strip-bc' }, formatRatio(e.bc_ratio))),
      h('span', {}, `${this.tr('npv')} `, h('b', { id: 'strip-npv' }, formatKrw(e.npv, this.lang))),
      h('span', {}, `${this.tr('irr')} `, h('b', {}, formatPct(e.irr))),
      a.ahp ? h('span', {}, `${this.tr('ahpScore')} `, h('b', { id: 'strip-ahp' }, formatRatio(a.ahp.score))) : null,
    );
  }

  tabs(): HTMLElement {
    const tabs: [Tab, Key][] = [['study', 'tabStudy'], ['lines', 'tabLines'], ['ahp', 'tabAhp'], ['results', 'tabResults'], ['risk', 'tabRisk'], ['portfolio', 'tabPortfolio']];
    return h(
      'nav',
      { class: 'tabs', role: 'tablist' },
      tabs.map(([id, k]) =>
        h(
          'button',
          {
            role: 'tab',
            id: `tab-${id}`,
            'aria-selected': String(this.tab === id),
            class: this.tab === id ? 'on' : '',
            onclick: () => {
              this.tab = id;
              this.render();
              if (id === 'ahp') void this.recompute();
            },
          },
          this.tr(k),
        ),
      ),
    );
  }

  footer(): HTMLElement {
    return h(
      'footer',
      { class: 'status' },
      h('span', { id: 'status-path' }, this.path ?? '—'),
      this.dirty ? h('span', { class: 'dirty' }, `● ${this.tr('unsaved')}`) : null,
      h('span', { id: 'autosave-msg' }, this.autosaved),
      h('span', { id: 'status-msg' }, this.status),
      this.job
        ? h(
            'span',
            { class: 'job' },
            this.job.kind === 'export' ? this.tr('exporting') : this.tr('running'),
            h('progress', { id: 'job-progress', max: this.job.total, value: this.job.done }),
            h('button', { id: 'btn-cancel', onclick: () => this.cancelJob() }, this.tr('cancel')),
          )
        : null,
    );
  }

  body(): HTMLElement | HTMLElement[] {
    if (this.tab === 'portfolio') return this.portfolioView();
    if (!this.study) return h('p', { class: 'empty' }, this.tr('empty'));
    switch (this.tab) {
      case 'study':
        return this.studyForm();
      case 'lines':
        return this.linesGrid();
      case 'ahp':
        return this.ahpPanel();
      case 'results':
        return this.dashboard();
      case 'risk':
        return this.riskPanel();
    }
  }

  /** A problem list under a field; `placed` collects what was shown so the rest go to the list. */
  errorsFor(path: string, placed: Set<Problem>): HTMLElement | null {
    const ps = problemsAt(this.problems, path);
    ps.forEach((p) => placed.add(p));
    return ps.length ? h('div', { class: 'error', 'data-error-for': path }, ps.map((p) => h('div', {}, p.message))) : null;
  }

  field(label: string, path: string, placed: Set<Problem>, opts: { type?: string; options?: string[]; labels?: (o: string) => string; wide?: boolean } = {}): HTMLElement {
    const v = getPath(this.study, path);
    const commit = (raw: string) =>
      this.edit((s) => {
        const value = opts.type === 'number' ? (raw === '' ? undefined : Number(raw)) : raw;
        setPath(s, path, value);
      });
    const err = this.errorsFor(path, placed);
    const input = opts.options
      ? h('select', { 'data-k': path, 'data-path': path, onchange: (e: Event) => commit((e.target as HTMLSelectElement).value) },
          opts.options.map((o) => h('option', { value: o, selected: o === v }, opts.labels ? opts.labels(o) : o)))
      : opts.wide
        ? h('textarea', { 'data-k': path, 'data-path': path, rows: 3, onchange: (e: Event) => commit((e.target as HTMLTextAreaElement).value) }, v ?? '')
        : h('input', {
            type: 'text',
            inputmode: opts.type === 'number' ? 'numeric' : null,
            'data-k': path,
            'data-path': path,
            value: v ?? '',
            class: err ? 'invalid' : '',
            onchange: (e: Event) => commit((e.target as HTMLInputElement).value.trim()),
          });
    return h('label', { class: 'field' }, h('span', {}, label), input, err);
  }

  problemList(placed: Set<Problem>): HTMLElement | null {
    const rest = this.problems.filter((p) => !placed.has(p));
    if (!rest.length) return null;
    return h('section', { class: 'problems', id: 'problems' }, h('h3', {}, this.tr('problems')), h('ul', {}, rest.map((p) => h('li', {}, p.path ? h('code', {}, p.path) : null, ' ', p.message))));
  }

  studyForm(): HTMLElement {
    const placed = new Set<Problem>();
    const steps: any[] = this.study?.parameters?.discount ?? [];
    const form = h(
      'div',
      { class: 'form' },
      h(
        'section',
        {},
        h('h3', {}, this.tr('project')),
        this.field(this.tr('name'), 'project.name', placed),
        this.field(this.tr('sponsor'), 'project.sponsor', placed),
        this.field(this.tr('sector'), 'project.sector', placed, { options: SECTORS, labels: (o) => code(this.lang, 'sector', o) }),
        this.field(this.tr('region'), 'project.region', placed),
        this.field(this.tr('totalCost'), 'project.total_cost', placed),
        this.field(this.tr('stateFunding'), 'project.state_funding', placed),
        this.field(this.tr('description'), 'project.description', placed, { wide: true }),
      ),
      h(
        'section',
        {},
        h('h3', {}, this.tr('parameters')),
        this.field(this.tr('baseYear'), 'parameters.base_year', placed, { type: 'number' }),
        this.field(this.tr('firstYear'), 'parameters.first_year', placed, { type: 'number' }),
        this.field(this.tr('lastYear'), 'parameters.last_year', placed, { type: 'number' }),
        h('h4', {}, this.tr('discount')),
        steps.map((_, i) =>
          h(
            'div',
            { class: 'row' },
            this.field(this.tr('fromYear'), `parameters.discount[${i}].from_year`, placed, { type: 'number' }),
            this.field(this.tr('rate'), `parameters.discount[${i}].rate`, placed),
            h('button', { class: 'small', onclick: () => this.edit((s) => s.parameters.discount.splice(i, 1)) }, this.tr('remove')),
          ),
        ),
        this.errorsFor('parameters.discount', placed),
        h(
          'button',
          {
            class: 'small',
            onclick: () =>
              this.edit((s) => {
                s.parameters.discount = s.parameters.discount ?? [];
                s.parameters.discount.push({ from_year: (s.parameters.base_year ?? 2025) + 1, rate: '0.045' });
              }),
          },
          this.tr('addStep'),
        ),
      ),
      h('section', { class: 'raw' }, h('h3', {}, this.tr('otherSections')), RAW_SECTIONS.map((k) => this.rawSection(k, placed))),
    );
    return h('div', {}, this.problemList(placed), form);
  }

  /** A whole section as JSON text; committed when it parses, the engine judges the rest. */
  rawSection(key: string, placed: Set<Problem>): HTMLElement {
    const v = this.study?.[key];
    return h(
      'details',
      {},
      h('summary', {}, key),
      h('textarea', {
        'data-k': `raw:${key}`,
        rows: 12,
        spellcheck: 'false',
        onchange: (e: Event) => {
          const ta = e.target as HTMLTextAreaElement;
          try {
            const parsed = ta.value.trim() === '' ? undefined : JSON.parse(ta.value);
            this.edit((s) => setPath(s, key, parsed));
          } catch (err) {
            this.setStatus(`${key}: ${err}`);
          }
        },
      }, v === undefined ? '' : JSON.stringify(v, null, 2)),
      this.errorsFor(key, placed),
    );
  }

  linesGrid(): HTMLElement {
    const s = this.study as Study;
    const placed = new Set<Problem>();
    const yrs = years(s);
    const rows = rowsOf(s);
    const table = h('table', { class: 'grid', id: 'grid' });
    table.append(h('thead', {}, h('tr', {}, h('th', {}, this.tr('name')), h('th', {}, this.tr('kind')), yrs.map((y) => h('th', {}, y)))));
    const tbody = h('tbody');
    let r = 0;
    for (const list of LISTS) {
      const lines: any[] = s[list] ?? [];
      tbody.append(
        h(
          'tr',
          { class: 'list-head' },
          h(
            'th',
            { colspan: 2 },
            this.tr(list),
            ' ',
            h('button', { class: 'small', id: `add-${list}`, onclick: () => this.edit((x) => (x[list] = [...(x[list] ?? []), { name: 'New line', kind: list === 'costs' ? 'capex' : 'other', flows: [] }])) }, this.tr('addLine')),
          ),
          h('th', { colspan: yrs.length }),
        ),
      );
      lines.forEach((line, i) => {
        const row = r++;
        const base = `${list}[${i}]`;
        const lineErr = problemsAt(this.problems, base).filter((p) => !/flows\[\d+\]/.test(p.path));
        lineErr.forEach((p) => placed.add(p));
        const tr = h(
          'tr',
          { class: row === this.selRow ? 'sel' : '' },
          h(
            'th',
            { class: lineErr.length ? 'invalid' : '', title: lineErr.map((p) => `${p.path}: ${p.message}`).join('\n') },
            h('input', { type: 'text', 'data-k': `${base}.name`, 'data-path': `${base}.name`, value: line.name ?? '', onchange: (e: Event) => this.edit((x) => (x[list][i].name = (e.target as HTMLInputElement).value)) }),
          ),
          h('td', {}, h('input', { type: 'text', class: 'kind', 'data-k': `${base}.kind`, value: line.kind ?? '', onchange: (e: Event) => this.edit((x) => (x[list][i].kind = (e.target as HTMLInputElement).value)) })),
        );
        yrs.forEach((y, c) => {
          const cell = cellOf(line.flows, y);
          const fpath = cell.kind === 'empty' ? '' : `${base}.flows[${cell.flow}]`;
          const errs = fpath ? problemsAt(this.problems, fpath) : [];
          errs.forEach((p) => placed.add(p));
          const k = `cell:${row}:${c}`;
          if (cell.kind === 'range') {
            const f = line.flows[cell.flow];
            tr.append(h('td', { class: `range ${errs.length ? 'invalid' : ''}`, title: `${this.tr('inRange')} (${f.from}–${f.to})` + errs.map((p) => `\n${p.message}`).join('') },
              h('input', { type: 'text', readonly: true, tabindex: -1, 'data-k': k, 'data-row': row, 'data-col': c, value: cell.first ? groupDigits(String(f.amount ?? '')) : '↔', onkeydown: (e: KeyboardEvent) => this.gridKey(e, row, c, rows.length, yrs.length), onfocus: () => this.select(row) })));
          } else {
            tr.append(
              h('td', { class: errs.length ? 'invalid' : '', title: errs.map((p) => p.message).join('\n') },
                h('input', {
                  type: 'text',
                  'data-k': k,
                  'data-row': row,
                  'data-col': c,
                  'data-path': fpath ? `${fpath}.amount` : null,
                  'aria-label': `${line.name} ${y}`,
                  value: cell.kind === 'single' ? groupDigits(cell.amount) : '',
                  onkeydown: (e: KeyboardEvent) => this.gridKey(e, row, c, rows.length, yrs.length),
                  onfocus: () => this.select(row),
                  onpaste: (e: ClipboardEvent) => this.gridPaste(e, rows, yrs, row, c),
                  onchange: (e: Event) => {
                    const inp = e.target as HTMLInputElement;
                    const amount = parseAmount(inp.value);
                    if (amount === null) {
                      inp.classList.add('invalid');
                      this.setStatus(`${line.name} ${y}: "${inp.value}"?`);
                      return;
                    }
                    this.edit((x) => setCell(x, { list, line: i }, y, amount));
                  },
                }),
              ),
            );
          }
        });
        tbody.append(tr);
      });
    }
    table.append(tbody);
    return h('div', {}, this.problemList(placed), h('p', { class: 'hint' }, this.tr('pasteHint')), h('div', { class: 'grid-wrap' }, table), this.rangesOf(rows[this.selRow]));
  }

  select(row: number): void {
    if (this.selRow === row) return;
    this.selRow = row;
    // Only the ranges panel depends on the selection: swap it without re-rendering the grid.
    const old = this.root.querySelector('#ranges');
    const rows = this.study ? rowsOf(this.study) : [];
    if (old) old.replaceWith(this.rangesOf(rows[row]));
    this.root.querySelectorAll('#grid tbody tr.sel').forEach((e) => e.classList.remove('sel'));
    this.root.querySelector(`[data-row="${row}"]`)?.closest('tr')?.classList.add('sel');
  }

  /** Arrow keys, Enter and Home/End move between cells as in a spreadsheet. */
  gridKey(e: KeyboardEvent, r: number, c: number, nr: number, nc: number): void {
    const inp = e.target as HTMLInputElement;
    const atStart = inp.selectionStart === 0 && inp.selectionEnd === 0;
    const atEnd = inp.selectionStart === inp.value.length;
    let [tr, tc] = [r, c];
    if (e.key === 'ArrowUp') tr--;
    else if (e.key === 'ArrowDown' || e.key === 'Enter') tr++;
    else if (e.key === 'ArrowLeft' && (atStart || inp.readOnly)) tc--;
    else if (e.key === 'ArrowRight' && (atEnd || inp.readOnly)) tc++;
    else return;
    if (tr < 0 || tr >= nr || tc < 0 || tc >= nc) return;
    e.preventDefault();
    if (e.key === 'Enter') inp.dispatchEvent(new Event('change'));
    const target = this.root.querySelector<HTMLInputElement>(`[data-k="cell:${tr}:${tc}"]`);
    target?.focus();
    target?.select();
  }

  gridPaste(e: ClipboardEvent, rows: Row[], yrs: number[], r: number, c: number): void {
    const text = e.clipboardData?.getData('text/plain') ?? '';
    if (!text.includes('\t') && !text.includes('\n')) return; // one value: let the input take it
    e.preventDefault();
    let result = { changed: 0, skipped: [] as string[] };
    this.edit((x) => {
      result = paste(x, rows, yrs, r, c, parseTsv(text), parseAmount);
    });
    this.setStatus(`${this.tr('pasted')} ${result.changed}` + (result.skipped.length ? `, ${this.tr('skipped')} ${result.skipped.length}: ${result.skipped.slice(0, 3).join('; ')}` : ''));
  }

  rangesOf(row: Row | undefined): HTMLElement {
    if (!row || !this.study) return h('section', { id: 'ranges' });
    const line = this.study[row.list][row.line];
    const base = `${row.list}[${row.line}]`;
    const flows: any[] = line.flows ?? [];
    const placed = new Set<Problem>();
    const ranged = flows.map((f, k) => [f, k] as const).filter(([f]) => f.from !== undefined);
    return h(
      'section',
      { id: 'ranges' },
      h('h4', {}, `${this.tr('ranges')} ${line.name}`),
      ranged.map(([, k]) =>
        h(
          'div',
          { class: 'row' },
          this.field(this.tr('from'), `${base}.flows[${k}].from`, placed, { type: 'number' }),
          this.field(this.tr('to'), `${base}.flows[${k}].to`, placed, { type: 'number' }),
          this.field(this.tr('amount'), `${base}.flows[${k}].amount`, placed),
          this.field(this.tr('growth'), `${base}.flows[${k}].growth`, placed),
          h('button', { class: 'small', onclick: () => this.edit((x) => x[row.list][row.line].flows.splice(k, 1)) }, this.tr('remove')),
        ),
      ),
      h('button', { class: 'small', id: 'add-range', onclick: () => this.edit((x) => { const l = x[row.list][row.line]; l.flows = l.flows ?? []; l.flows.push({ from: x.parameters.last_year, to: x.parameters.last_year, amount: '0' }); }) }, this.tr('addRange')),
    );
  }

  // ---- AHP ----

  /** Item ids of a matrix, read from the engine's hierarchy (goal = top-level criteria). */
  itemsOf(node: string, n: number): string[] {
    const a = this.appraisal?.ahp;
    let ids: string[] = [];
    if (a) {
      if (node === 'goal') ids = a.criteria.map((c: any) => c.id);
      else ids = a.leaves.filter((l: any) => l.path.length >= 2 && l.path[l.path.length - 2] === node).map((l: any) => l.path[l.path.length - 1]);
    }
    return ids.length === n ? ids : Array.from({ length: n }, (_, i) => `#${i + 1}`);
  }

  ahpPanel(): HTMLElement {
    const sec = this.study?.ahp;
    if (!sec?.evaluators?.length) return h('p', {}, this.tr('noAhp'));
    const evs: any[] = sec.evaluators;
    const res = this.appraisal?.ahp;
    const tabs = h(
      'div',
      { class: 'subtabs', role: 'tablist' },
      evs.map((ev, i) =>
        h('button', { role: 'tab', id: `ev-${i}`, class: this.evaluator === i ? 'on' : '', onclick: () => { this.evaluator = i; this.render(); void this.recompute(); } },
          ev.name ?? `${this.tr('evaluator')} ${i + 1}`,
          res?.evaluators?.[i] && !res.evaluators[i].consistent ? ' ⚠' : ''),
      ),
      h('button', { role: 'tab', id: 'ev-panel', class: this.evaluator === -1 ? 'on' : '', onclick: () => { this.evaluator = -1; this.render(); } }, this.tr('panel')),
    );
    if (this.evaluator === -1 || this.evaluator >= evs.length) return h('div', {}, tabs, this.ahpAggregate());
    const i = this.evaluator;
    const ev = evs[i];
    const er = res?.evaluators?.[i];
    const placed = new Set<Problem>();
    const matrices = Object.entries(ev.criteria ?? {}).map(([node, m]) => this.matrixEditor(i, node, m as Judgement[][], placed));
    const alts = Object.entries(ev.alternatives ?? {}).map(([leaf, v]) => {
      const pos = sliderOf(v as Judgement);
      return h(
        'div',
        { class: 'pair' },
        h('span', { class: 'a' }, leaf.replace(/_/g, ' ')),
        h('input', {
          type: 'range', min: -8, max: 8, step: 1, value: pos, 'data-k': `alt:${i}:${leaf}`, 'aria-label': `${leaf}: ${this.tr('implementSide')} / ${this.tr('notSide')}`,
          onchange: (e: Event) => {
            const p = Number((e.target as HTMLInputElement).value);
            this.edit((x) => (x.ahp.evaluators[i].alternatives[leaf] = setPair([[1, 1], [1, 1]], 0, 1, p)[0][1]));
          },
        }),
        h('span', { class: 'verbal' }, verbal(pos, this.tr('implementSide'), this.tr('notSide'), this.lang), ` [${v}]`),
      );
    });
    return h(
      'div',
      { class: 'ahp' },
      tabs,
      h('p', { class: 'ev-head' }, `${ev.name ?? ''} — ${ev.role ?? ''}`, er ? h('span', { id: 'ev-cr', class: er.consistent ? 'ok' : 'warn' }, ` CR ${er.cr.toFixed(3)} · ${this.tr('ahpScore')} ${er.score.toFixed(3)}`) : null),
      this.problemList(new Set([...this.problems.filter((p) => !p.path.startsWith(`ahp.evaluators[${i}]`)), ...placed])),
      matrices,
      h('section', {}, h('h4', {}, this.tr('alternatives')), alts),
    );
  }

  matrixEditor(ev: number, node: string, m: Judgement[][], placed: Set<Problem>): HTMLElement {
    const n = m.length;
    const items = this.itemsOf(node, n);
    const name = (id: string) => id.replace(/_/g, ' ');
    const r = this.matrixResults[node];
    const pairs: HTMLElement[] = [];
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        const pos = sliderOf(m[i]?.[j] ?? null);
        const hint = r?.hints?.find((x: any) => x.i === i && x.j === j);
        pairs.push(
          h(
            'div',
            { class: `pair ${hint ? 'hinted' : ''}` },
            h('span', { class: 'a' }, name(items[i])),
            h('input', {
              type: 'range', min: -8, max: 8, step: 1, value: pos, 'data-k': `pair:${ev}:${node}:${i}:${j}`, 'aria-label': `${items[i]} vs ${items[j]}`,
              onchange: (e: Event) => {
                const p = Number((e.target as HTMLInputElement).value);
                this.edit((x) => (x.ahp.evaluators[ev].criteria[node] = setPair(x.ahp.evaluators[ev].criteria[node], i, j, p)));
              },
            }),
            h('span', { class: 'b' }, name(items[j])),
            h('span', { class: 'verbal' }, verbal(pos, name(items[i]), name(items[j]), this.lang), ` [${m[i]?.[j] ?? '—'}]`),
          ),
        );
      }
    const path = `ahp.evaluators[${ev}].criteria.${node}`;
    const weights: number[] = r?.weights ?? [];
    const hints = (r?.hints ?? []).map((x: any) =>
      h('div', { class: 'hint-row' }, `${this.tr('hint')}: (${name(items[x.i])}, ${name(items[x.j])}) ${judgementValue(m[x.i][x.j])?.toFixed(2)} → ${x.suggested} `,
        h('button', { class: 'small apply-hint', onclick: () => this.edit((s) => (s.ahp.evaluators[ev].criteria[node] = setPairText(s.ahp.evaluators[ev].criteria[node], x.i, x.j, x.suggested))) }, this.tr('apply'))),
    );
    return h(
      'section',
      { class: 'matrix', 'data-node': node },
      h('h4', {}, node === 'goal' ? 'goal' : name(node)),
      h('div', { class: 'matrix-body' },
        h('div', { class: 'pairs' }, pairs),
        h('div', { class: 'mres' },
          weights.length ? weightBars(items.map((id, k) => [name(id), weights[k] ?? 0])) : null,
          r && typeof r.cr === 'number' ? h('div', { class: `cr ${r.consistent ? 'ok' : 'warn'}`, 'data-cr-for': node }, `CR ${r.cr.toFixed(3)} — ${r.consistent ? this.tr('consistent') : this.tr('inconsistent')}`) : null,
          r?.error ? h('div', { class: 'error' }, r.error) : null,
          hints,
        ),
      ),
      this.errorsFor(path, placed),
    );
  }

  ahpAggregate(): HTMLElement {
    const a = this.appraisal?.ahp;
    if (!a) return h('p', {}, this.tr('nothing'));
    return h(
      'div',
      { class: 'cards', id: 'ahp-aggregate' },
      h('section', { class: 'card' }, h('h3', {}, this.tr('ahpScore')),
        h('div', { class: 'big', id: 'ahp-score' }, a.score.toFixed(3)),
        h('div', {}, `${this.tr('scoreRange')} ${a.score_range[0].toFixed(3)}–${a.score_range[1].toFixed(3)} · ${a.robust ? this.tr('robust') : this.tr('notRobust')}`),
        h('div', {}, a.implement ? this.tr('implement') : this.tr('notImplement'), ` (≥ ${a.threshold})`)),
      h('section', { class: 'card' }, h('h3', {}, this.tr('weights')), weightBars(Object.entries(a.weights) as [string, number][], a.weight_range?.ranges)),
      h('section', { class: 'card wide' }, h('h3', {}, this.tr('evaluator')),
        h('table', { class: 'tbl' }, h('tr', {}, h('th', {}, this.tr('evaluator')), h('th', {}, 'CR'), h('th', {}, this.tr('ahpScore')), h('th', {}, '')),
          a.evaluators.map((e: any) => h('tr', {}, h('td', {}, e.name), h('td', { class: e.consistent ? '' : 'warn' }, e.cr.toFixed(3)), h('td', {}, e.score.toFixed(3)), h('td', {}, e.hints.map((x: any) => x.message).join(' ')))))),
    );
  }

  // ---- results ----

  dashboard(): HTMLElement {
    const a = this.appraisal;
    if (!a) return h('div', {}, h('p', {}, this.tr('nothing')), this.problemList(new Set()));
    const e = a.economic;
    const L = this.lang;
    const caseLabel = (c: any) => {
      const parts: string[] = [];
      if (c.cost_factor !== 1) parts.push(`${this.tr('costs')} ${c.cost_factor > 1 ? '+' : ''}${Math.round((c.cost_factor - 1) * 100)}%`);
      if (c.benefit_factor !== 1) parts.push(`${this.tr('benefits')} ${c.benefit_factor > 1 ? '+' : ''}${Math.round((c.benefit_factor - 1) * 100)}%`);
      if (c.rate_shift_pp) parts.push(`${this.tr('rate')} ${c.rate_shift_pp > 0 ? '+' : ''}${c.rate_shift_pp}pp`);
      return parts.join(', ') || c.case;
    };
    const reg = a.regional;
    const env = a.environment;
    return h(
      'div',
      { class: 'cards' },
      h('section', { class: `card verdict ${a.verdict?.implement ? 'good' : 'bad'}`, id: 'verdict-card' },
        h('h3', {}, this.tr('verdict')),
        h('div', { class: 'big' }, a.verdict?.implement ? this.tr('implement') : this.tr('notImplement')),
        h('p', { id: 'verdict-summary' }, a.verdict?.summary ?? ''),
        (a.warnings ?? []).map((w: any) => h('p', { class: 'warn' }, w.message))),
      h('section', { class: 'card' }, h('h3', {}, 'B/C · NPV · IRR'),
        h('table', { class: 'kv' },
          h('tr', {}, h('th', {}, this.tr('bc')), h('td', { id: 'kpi-bc' }, formatRatio(e.bc_ratio)), h('td', {}, e.feasible ? this.tr('feasible') : this.tr('notFeasible'))),
          h('tr', {}, h('th', {}, this.tr('npv')), h('td', { id: 'kpi-npv', colspan: 2 }, formatKrw(e.npv, L))),
          h('tr', {}, h('th', {}, this.tr('irr')), h('td', { id: 'kpi-irr', colspan: 2 }, formatPct(e.irr), ' ', h('small', {}, e.irr_detail?.message ?? ''))),
          h('tr', {}, h('th', {}, this.tr('pvBenefits')), h('td', { colspan: 2 }, formatKrw(e.pv_benefits, L))),
          h('tr', {}, h('th', {}, this.tr('pvCosts')), h('td', { colspan: 2 }, formatKrw(e.pv_costs, L))),
          e.switching_values?.costs_pct != null
            ? h('tr', {}, h('th', {}, this.tr('switching')), h('td', { id: 'kpi-switching', colspan: 2 },
                `${this.tr('costs')} ${e.switching_values.costs_pct >= 0 ? '+' : ''}${e.switching_values.costs_pct.toFixed(1)} % · ${this.tr('benefits')} ${(e.switching_values.benefits_pct ?? 0) >= 0 ? '+' : ''}${(e.switching_values.benefits_pct ?? 0).toFixed(1)} %`))
            : null)),
      h('section', { class: 'card wide' }, h('h3', {}, this.tr('cashFlow')), cashFlowChart(e.cash_flow ?? [], { cumulative: this.tr('cumulative') })),
      h('section', { class: 'card wide' }, h('h3', {}, this.tr('tornado')), tornado(e.sensitivity ?? [], e.bc_ratio ?? 0, caseLabel)),
      a.ahp ? h('section', { class: 'card' }, h('h3', {}, this.tr('ahpWeights')), weightBars(Object.entries(a.ahp.weights) as [string, number][], a.ahp.weight_range?.ranges),
        h('p', {}, `${this.tr('ahpScore')} ${a.ahp.score.toFixed(3)} (${a.ahp.score_range[0].toFixed(3)}–${a.ahp.score_range[1].toFixed(3)})`),
        // What would flip the verdict, beside the B/C switching values: the nearest allowed
        // weights, and the evaluators the verdict rests on.
        h('p', { id: 'ahp-flip' }, `${this.tr('flipDistance')}: ${a.ahp.panel?.weight_switch ? a.ahp.panel.weight_switch.distance.toFixed(3) : this.tr('noFlip')}`),
        (() => {
          const loo = (a.ahp.panel?.leave_one_out ?? []).filter((l: any) => l.implement !== a.ahp.implement).map((l: any) => l.evaluator);
          return (a.ahp.panel?.leave_one_out ?? []).length
            ? h('p', { id: 'ahp-loo' }, loo.length ? `${this.tr('restsOn')}: ${loo.join(', ')}` : this.tr('noSingleEvaluator'))
            : null;
        })()) : null,
      reg ? h('section', { class: 'card', id: 'regional-card' }, h('h3', {}, this.tr('regional')),
        h('table', { class: 'kv' },
          h('tr', {}, h('th', {}, this.tr('region')), h('td', {}, `${reg.region_name} (${reg.region})`)),
          reg.backwardness ? h('tr', {}, h('th', {}, this.tr('backwardness')), h('td', {}, `${reg.backwardness.index.toFixed(3)} · ${this.tr('rank')} ${reg.backwardness.rank}/${reg.backwardness.of}`)) : null,
          reg.effects ? h('tr', {}, h('th', {}, this.tr('production')), h('td', {}, formatKrw(reg.effects.production, L))) : null,
          reg.effects ? h('tr', {}, h('th', {}, this.tr('jobs')), h('td', {}, groupDigits(String(Math.round(reg.effects.employment))))) : null)) : null,
      env ? h('section', { class: 'card', id: 'env-card' }, h('h3', {}, this.tr('environment')),
        h('table', { class: 'kv' },
          h('tr', {}, h('th', {}, this.tr('emissions')), h('td', {}, groupDigits(String(Math.round(env.total_tco2e))))),
          h('tr', {}, h('th', {}, this.tr('carbonPv')), h('td', {}, formatKrw(env.carbon_pv, L))),
          h('tr', {}, h('th', {}, this.tr('bcWithCarbon')), h('td', {}, formatRatio(env.bc_with_carbon))))) : null,
    );
  }

  /** Label of a top-level AHP criterion: translated when known, else its id. */
  critLabel(id: string): string {
    const k = `crit_${id}` as Key;
    return t(this.lang, k) ?? id;
  }

  /** Studies side by side, as the engine ranked them; the headers sort the rows for display only. */
  portfolioView(): HTMLElement {
    const L = this.lang;
    const c = this.portfolio;
    const budgetWon = parseAmount(this.budget);
    const controls = h(
      'div',
      { class: 'row portfolio-controls' },
      h('button', { id: 'btn-compare', onclick: () => void this.compareStudies(true) }, this.tr('chooseStudies')),
      h(
        'label',
        {},
        `${this.tr('budget')} `,
        h('input', {
          id: 'portfolio-budget',
          type: 'text',
          inputmode: 'numeric',
          value: this.budget === '' || budgetWon === null ? this.budget : groupDigits(budgetWon),
          placeholder: '200,000,000,000',
          onchange: (e: Event) => {
            this.budget = (e.target as HTMLInputElement).value;
            void this.compareStudies(false);
          },
        }),
      ),
      h('span', { id: 'portfolio-budget-fmt', class: 'hint' }, budgetWon ? formatKrw(budgetWon, L) : ''),
    );
    if (!c) return h('div', { id: 'portfolio' }, controls, h('p', { class: 'empty' }, this.tr('portfolioEmpty')));
    const crits = [...new Set(c.ranking.flatMap((r) => Object.keys(r.contributions)))].sort();
    const num = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? -Infinity : x);
    const big = (x: string) => Number(x);
    type Col = { key: string; label: string; sort: (r: PortfolioRow) => number | string; cell: (r: PortfolioRow) => HTMLElement | string };
    const cols: Col[] = [
      { key: 'rank', label: this.tr('rank'), sort: (r) => r.rank, cell: (r) => String(r.rank) },
      { key: 'name', label: this.tr('study'), sort: (r) => r.name, cell: (r) => h('span', { class: 'pname', title: r.file }, r.name) },
      { key: 'cost', label: this.tr('totalCost'), sort: (r) => big(r.total_cost), cell: (r) => formatKrw(r.total_cost, L) },
      { key: 'bc', label: this.tr('bc'), sort: (r) => num(r.bc_ratio), cell: (r) => formatRatio(r.bc_ratio) },
      { key: 'npv', label: this.tr('npv'), sort: (r) => big(r.npv), cell: (r) => formatKrw(r.npv, L) },
      { key: 'irr', label: this.tr('irr'), sort: (r) => num(r.irr), cell: (r) => formatPct(r.irr) },
      {
        key: 'ahp',
        label: this.tr('ahpScore'),
        sort: (r) => num(r.ahp_score),
        cell: (r) =>
          h('span', {}, h('b', {}, formatRatio(r.ahp_score)), r.ahp_score_range ? ` (${formatRatio(r.ahp_score_range[0])}–${formatRatio(r.ahp_score_range[1])})` : ''),
      },
      ...crits.map((k): Col => ({
        key: `crit:${k}`,
        label: `${this.critLabel(k)} ${this.tr('contribution')}`,
        sort: (r) => num(r.contributions[k]),
        cell: (r) => formatRatio(r.contributions[k]),
      })),
      { key: 'regional', label: this.tr('backwardness'), sort: (r) => num(r.backwardness_index), cell: (r) => formatRatio(r.backwardness_index) },
      {
        key: 'tco2e',
        label: this.tr('emissions'),
        sort: (r) => num(r.emissions_tco2e),
        cell: (r) => (r.emissions_tco2e === null ? '—' : groupDigits(String(Math.round(r.emissions_tco2e)))),
      },
      {
        key: 'verdict',
        label: this.tr('verdict'),
        sort: (r) => (r.verdict === 'implement' ? 1 : 0) * 2 + (r.ahp_robust ? 1 : 0),
        cell: (r) =>
          h(
            'span',
            { class: r.verdict === 'implement' ? 'ok' : 'bad' },
            r.verdict === 'implement' ? this.tr('implement') : this.tr('notImplement'),
            r.ahp_robust === null ? '' : ` · ${r.ahp_robust ? this.tr('robust') : this.tr('notRobust')}`,
          ),
      },
      {
        key: 'flip',
        label: this.tr('flipDistance'),
        sort: (r) => (r.flip_distance === null ? Number.POSITIVE_INFINITY : r.flip_distance),
        cell: (r) => (r.flip_distance === null ? this.tr('noFlip') : formatRatio(r.flip_distance)),
      },
      {
        key: 'swap',
        label: this.tr('reversal'),
        sort: (r) => (r.reversal_with_next === null ? Number.POSITIVE_INFINITY : r.reversal_with_next),
        cell: (r) => (r.reversal_with_next === null ? '—' : formatRatio(r.reversal_with_next)),
      },
      {
        key: 'budget',
        label: this.tr('withinBudget'),
        sort: (r) => (r.fits_budget === null ? 0 : r.fits_budget ? 2 : 1),
        cell: (r) =>
          h(
            'span',
            { class: r.fits_budget === true ? 'ok' : r.fits_budget === false ? 'bad' : '' },
            r.fits_budget === null ? this.tr('notEligible') : r.fits_budget ? this.tr('fits') : this.tr('over'),
            r.fits_budget === null ? '' : ` (${this.tr('cumulativeCost')} ${formatKrw(r.cumulative_cost, L)})`,
          ),
      },
    ];
    const { key, dir } = this.portfolioSort;
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
              this.portfolioSort = x.key === col.key ? { key: x.key, dir: dir === 1 ? -1 : 1 } : { key: x.key, dir: x.key === 'rank' || x.key === 'name' ? 1 : -1 };
              this.render();
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
      h('p', { class: 'hint' }, this.tr('portfolioHint')),
      h('div', { class: 'grid-wrap' }, h('table', { class: 'tbl portfolio', id: 'portfolio-table' }, h('thead', {}, head), body)),
    );
  }

  riskPanel(): HTMLElement {
    const r = this.risk;
    const L = this.lang;
    const go = () => {
      const draws = Number((this.root.querySelector('#risk-draws') as HTMLInputElement).value) || 10000;
      const seed = Number((this.root.querySelector('#risk-seed') as HTMLInputElement).value) || 1;
      void this.runRisk(draws, seed);
    };
    return h(
      'div',
      { class: 'risk' },
      h('div', { class: 'row' },
        h('label', { class: 'field' }, h('span', {}, this.tr('draws')), h('input', { id: 'risk-draws', type: 'text', value: '20000' })),
        h('label', { class: 'field' }, h('span', {}, this.tr('seed')), h('input', { id: 'risk-seed', type: 'text', value: '1' })),
        h('button', { id: 'btn-risk', disabled: !!this.job, onclick: go }, this.tr('run'))),
      r
        ? h('section', { class: 'card', id: 'risk-result' },
            h('table', { class: 'tbl' },
              h('tr', {}, h('th', {}, ''), h('th', {}, 'P10'), h('th', {}, 'P50'), h('th', {}, 'P90'), h('th', {}, this.tr('mean'))),
              h('tr', {}, h('th', {}, 'NPV'), [r.npv.p10, r.npv.p50, r.npv.p90, r.npv.mean].map((x: string) => h('td', {}, formatKrw(x, L)))),
              h('tr', {}, h('th', {}, 'B/C'), [r.bc_ratio.p10, r.bc_ratio.p50, r.bc_ratio.p90, r.bc_ratio.mean].map((x: number) => h('td', {}, x.toFixed(3))))),
            r.histogram?.length ? histogram(r.histogram) : null,
            h('p', { id: 'risk-prob' }, `${this.tr('probBc')} = ${(r.prob_bc_ge_1 * 100).toFixed(1)} % · ${r.draws} draws · seed ${r.seed}`),
            r.critical_variables?.length ? h('div', {}, h('h4', {}, this.tr('critical')), h('ul', {}, r.critical_variables.map((c: any) => h('li', {}, `${c.name}: ${c.elasticity.toFixed(2)}`)))) : null)
        : null,
    );
  }

  // ---- sign-off ----

  signDialog(): void {
    const dlg = h('dialog', { id: 'sign-dialog' }) as HTMLDialogElement;
    const out = h('div', { id: 'sign-result' });
    const reviewer = h('input', { type: 'text', id: 'sign-reviewer' }) as HTMLInputElement;
    const role = h('input', { type: 'text', id: 'sign-role', value: 'PFS reviewer' }) as HTMLInputElement;
    const pw = h('input', { type: 'password', id: 'sign-password' }) as HTMLInputElement;
    dlg.append(
      h('h3', {}, this.tr('signOff')),
      h('label', { class: 'field' }, h('span', {}, this.tr('reviewer')), reviewer),
      h('label', { class: 'field' }, h('span', {}, this.tr('role')), role),
      h('label', { class: 'field' }, h('span', {}, this.tr('password')), pw),
      h('div', { class: 'row' },
        h('button', {
          id: 'sign-go',
          onclick: async () => {
            if (!reviewer.value.trim()) return reviewer.focus();
            try {
              const r = await api.signPdf(reviewer.value.trim(), role.value.trim(), pw.value || undefined);
              out.replaceChildren(r ? this.signersView(r.path, r.signers) : this.tr('cancelled'));
            } catch (e) {
              out.replaceChildren(h('span', { class: 'error' }, String(e)));
            }
          },
        }, this.tr('sign')),
        h('button', { onclick: () => { dlg.close(); dlg.remove(); } }, this.tr('close'))),
      out,
    );
    document.body.append(dlg);
    dlg.showModal();
  }

  signersView(path: string, signers: any[]): HTMLElement {
    return h('div', {}, h('b', {}, `${this.tr('valid')}: ${path}`), h('ul', {}, signers.map((s) => h('li', {}, `${s.reviewer ?? s.signer} (${s.role ?? '-'}) ${s.date ?? ''} · SHA-256 ${String(s.cert_sha256).slice(0, 16)}…`))));
  }

  async verify(): Promise<void> {
    try {
      const r = await api.verifyPdf();
      if (!r) return;
      const dlg = h('dialog', { id: 'verify-dialog' }) as HTMLDialogElement;
      dlg.append(
        r.ok ? this.signersView(r.path, r.signers ?? []) : h('p', { class: 'error' }, `${this.tr('invalid')}: ${r.path} — ${r.error}`),
        h('button', { onclick: () => { dlg.close(); dlg.remove(); } }, this.tr('close')),
      );
      document.body.append(dlg);
      dlg.showModal();
    } catch (e) {
      this.setStatus(String(e));
    }
  }
}
