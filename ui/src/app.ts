// The workbench's controller: one study, edited through the views (views/*.ts); every edit is
// sent to the engine (`appraise`) and the views show what comes back. State lives in the store
// (store.ts, state.ts); this file holds the actions: files, edits, undo, jobs, shortcuts.

import { type MoneyUnit, type RegistryState, api, isAppError } from './api';
import { type Lang, MONEY_UNITS, UNIT_EXP, groupDigits, parseMoney } from './format';
import { History } from './history';
import { type Key, errorId, fmt, t } from './i18n';
import { setPairText } from './saaty';
import type { RankedHint, State, Tab } from './state';
import { Store } from './store';
import { type Study, clone } from './study';
import { mountPage } from './views/page';

/** A new study to start from, named in the UI language: one cost and one benefit line, the default rule set. */
export function newStudy(lang: Lang): Study {
  const w = (k: Key) => t(lang, k);
  return {
    format: 'yeta-study/1',
    project: { name: w('newProject'), sponsor: w('newSponsor'), sector: 'road', region: 'KR-43', total_cost: '200000000000', state_funding: '100000000000' },
    parameters: { base_year: 2025, first_year: 2026, last_year: 2055 },
    costs: [{ name: w('newConstruction'), kind: 'capex', flows: [{ year: 2026, amount: '100000000000' }, { year: 2027, amount: '100000000000' }] }],
    benefits: [{ name: w('newTravelTime'), kind: 'travel_time', flows: [{ from: 2028, to: 2055, amount: '15000000000', growth: '0.01' }] }],
  };
}

function savedRiskSettings(): State['riskSettings'] {
  try {
    const r = JSON.parse(localStorage.getItem('yeta.risk') ?? 'null') as State['riskSettings'] | null;
    if (r && typeof r.draws === 'string' && typeof r.seed === 'string') return r;
  } catch {
    /* none saved */
  }
  return { draws: '20,000', seed: '1' };
}

export function initialState(): State {
  const unit = localStorage.getItem('yeta.unit') as MoneyUnit;
  return {
    lang: (localStorage.getItem('yeta.lang') as Lang) === 'en' ? 'en' : 'ko',
    tab: 'results',
    study: null,
    canUndo: false,
    canRedo: false,
    appraisal: null,
    problems: [],
    path: null,
    recent: [],
    dirty: false,
    status: '',
    autosaved: null,
    evaluator: 0,
    selRow: 0,
    risk: null,
    job: null,
    matrixResults: {},
    portfolio: null,
    budget: '',
    portfolioSource: 'files',
    registry: null,
    registryPortfolio: null,
    registryFilter: { sector: '', status: '' },
    registryKey: '',
    registryNote: '',
    portfolioSort: { key: 'rank', dir: 1 },
    // 억원 by default: the unit of budget documents; a bare number typed is in it.
    unit: MONEY_UNITS.includes(unit) ? unit : 'eok',
    typed: {},
    appraisalStale: false,
    riskSettings: savedRiskSettings(),
    expost: null,
    expostError: '',
  };
}

export class App {
  readonly store = new Store<State>(initialState());
  history: History<string> | null = null;
  /** Progress events received, and when the first verdict was drawn (ms after navigation): for tests. */
  progressEvents = 0;
  firstVerdictMs: number | null = null;
  private seq = 0;
  private nextJob = 1;
  private autosaveTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly root: HTMLElement) {}

  get s(): Readonly<State> {
    return this.store.get();
  }
  /** The study on screen (the tests read it). */
  get study(): Study | null {
    return this.s.study;
  }
  get lang(): Lang {
    return this.s.lang;
  }

  tr = (k: Key): string => t(this.s.lang, k);

  /**
   * A failed command in the reader's words: the catalog sentence of its code, then the OS or
   * library's own text (`detail`) after it, never instead of it.
   */
  errorText(e: unknown): string {
    if (isAppError(e)) {
      const args: Record<string, string> = { path: e.path ?? '' };
      for (const [k, v] of Object.entries(e.args)) args[k] = typeof v === 'number' && Math.abs(v) >= 10_000 ? groupDigits(String(v)) : String(v);
      const sentence = fmt(this.s.lang, errorId(e.code), args);
      return e.detail ? `${sentence} (${e.detail})` : sentence;
    }
    return e instanceof Error ? e.message : String(e);
  }

  async start(): Promise<void> {
    document.documentElement.lang = this.s.lang;
    document.addEventListener('keydown', (e) => this.shortcut(e));
    mountPage(this, this.root);
    void api.onProgress((p) => {
      this.progressEvents++;
      const job = this.s.job;
      if (job && job.id === p.id) this.store.set({ job: { ...job, done: p.done, total: p.total } });
    });
    this.tellLang();
    try {
      const s = await api.startup();
      this.store.set({ recent: s.recent ?? [] });
      if (s.text) {
        this.load(s.text, s.path);
        if (s.recovered) this.store.set({ dirty: true, status: this.tr('recovered') });
      }
    } catch (e) {
      this.setStatus(this.errorText(e));
    }
    await this.recompute();
    // The outbox goes when the registry can be reached: at start, then every minute.
    void this.registryRefresh(true);
    setInterval(() => { if ((this.s.registry?.waiting.length ?? 0) > 0) void this.registryRefresh(true); }, 60_000);
  }

  /** The Rust side titles its dialogs and names files in the UI language. */
  private tellLang(): void {
    api.setLang(this.s.lang).catch(() => {
      /* an older shell without the command: dialogs stay in its language */
    });
  }

  setLang(lang: Lang): void {
    localStorage.setItem('yeta.lang', lang);
    document.documentElement.lang = lang;
    // A status line written in the other language is not carried over.
    this.store.set({ lang, status: '' });
    this.tellLang();
    void this.recompute();
  }

  setUnit(unit: MoneyUnit): void {
    localStorage.setItem('yeta.unit', unit);
    this.store.set({ unit });
    if (this.s.portfolio && this.s.budget) void this.compareStudies(false);
  }

  setTab(tab: Tab): void {
    this.store.set({ tab });
    if (tab === 'ahp') void this.recompute();
  }

  // ---- the study and its history ----

  load(text: string, path: string | null): void {
    let study: Study;
    try {
      study = JSON.parse(text) as Study;
    } catch (e) {
      this.setStatus(`${path ?? ''}: ${e}`);
      return;
    }
    this.history = new History(this.textOf(study));
    this.store.set({ study, path, dirty: false, evaluator: 0, risk: null, selRow: 0, canUndo: false, canRedo: false, typed: {}, appraisal: null, appraisalStale: false, expost: null, expostError: '', registryKey: '' });
  }

  textOf(study: Study | null = this.s.study): string {
    return JSON.stringify(study, null, 2) + '\n';
  }

  /** Records an edit made on `next` (a copy of the study): undoable, recomputed, autosaved. */
  commit(next: Study): void {
    const pushed = this.history?.push(this.textOf(next)) ?? false;
    this.store.set({ study: next, ...this.undoState(), ...(pushed ? { dirty: true } : {}) });
    if (pushed) this.scheduleAutosave();
    void this.recompute();
  }

  edit(f: (s: Study) => void): void {
    if (!this.s.study) return;
    const next = clone(this.s.study);
    f(next);
    this.commit(next);
  }

  private undoState(): Pick<State, 'canUndo' | 'canRedo'> {
    return { canUndo: this.history?.canUndo ?? false, canRedo: this.history?.canRedo ?? false };
  }

  undo(): void {
    if (!this.history?.canUndo) return;
    this.store.set({ study: JSON.parse(this.history.undo()) as Study, dirty: true, ...this.undoState() });
    this.scheduleAutosave();
    void this.recompute();
  }

  redo(): void {
    if (!this.history?.canRedo) return;
    this.store.set({ study: JSON.parse(this.history.redo()) as Study, dirty: true, ...this.undoState() });
    this.scheduleAutosave();
    void this.recompute();
  }

  scheduleAutosave(): void {
    clearTimeout(this.autosaveTimer);
    this.autosaveTimer = setTimeout(() => {
      if (!this.s.study || !this.s.dirty) return;
      api.autosave(this.textOf()).then(
        () => this.store.set({ autosaved: new Date() }),
        (e) => this.setStatus(this.errorText(e)),
      );
    }, 1000);
  }

  /** Asks the engine; answers that arrive after a newer edit are dropped. */
  async recompute(): Promise<void> {
    if (!this.s.study) return;
    const mine = ++this.seq;
    const text = this.textOf();
    let patch: Partial<State>;
    try {
      const r = await api.appraise(text, this.s.lang);
      if (mine !== this.seq) return;
      // With problems, the last valid figures stay on screen (dimmed) beside the problem count.
      patch = 'appraisal' in r ? { appraisal: r.appraisal, problems: [], appraisalStale: false } : { problems: r.problems, appraisalStale: true };
      const matrixResults = await this.matrices();
      if (mine !== this.seq) return;
      patch.matrixResults = matrixResults;
    } catch (e) {
      if (mine !== this.seq) return;
      // A typed error naming a study field is placed beside that field like any problem.
      patch = { problems: [{ path: isAppError(e) && e.path && /^[a-z_]+(\.\w+|\[\d+\])*$/.test(e.path) ? e.path : '', message: this.errorText(e) }], appraisalStale: true };
    }
    this.store.set(patch);
    if (this.firstVerdictMs === null && this.s.appraisal) this.firstVerdictMs = performance.now();
    await this.evaluate(false, mine);
  }

  /**
   * 사후평가: a study with an outturn section is evaluated against the signed-off ex-ante study
   * (`pick`: choose its file first), else its own forecast; answers after a newer edit are dropped.
   */
  async evaluate(pick: boolean, mine = this.seq): Promise<void> {
    if (!this.s.study?.outturn || this.s.appraisalStale) {
      if (!this.s.study?.outturn && (this.s.expost || this.s.expostError)) this.store.set({ expost: null, expostError: '' });
      return;
    }
    try {
      const r = await api.evaluateStudy(this.textOf(), pick);
      if (mine !== this.seq) return;
      if (r || !pick) this.store.set({ expost: r, expostError: '' });
    } catch (e) {
      if (mine !== this.seq) return;
      this.store.set({ expost: null, expostError: this.errorText(e) });
    }
  }

  /** Weights and CR of each matrix of the evaluator on screen, for the AHP view. */
  private async matrices(): Promise<State['matrixResults']> {
    const ev = this.s.study?.ahp?.evaluators?.[this.s.evaluator];
    const out: State['matrixResults'] = {};
    if (this.s.tab === 'ahp' && ev?.criteria) {
      for (const [node, m] of Object.entries(ev.criteria)) {
        try {
          const rules = this.s.study?.rules?.id;
          const r = await api.ahpMatrix(m, rules);
          // Each hint tried: the CR it leads to, best first; a hint that changes nothing is dropped.
          const ranked: RankedHint[] = [];
          for (const hint of r.hints) {
            const fixed = setPairText(m, hint.i, hint.j, hint.suggested);
            if (JSON.stringify(fixed) === JSON.stringify(m)) continue;
            const after = await api.ahpMatrix(fixed, rules);
            if (after.cr < r.cr) ranked.push({ ...hint, crAfter: after.cr });
          }
          ranked.sort((a, b) => a.crAfter - b.crAfter);
          out[node] = { ...r, ranked };
        } catch (e) {
          out[node] = { error: this.errorText(e) };
        }
      }
    }
    return out;
  }

  /** Keeps (or, with null, forgets) what was typed in a field that did not take it. */
  setTyped(key: string, value: string | null): void {
    const typed = { ...this.s.typed };
    if (value === null) {
      if (!(key in typed)) return;
      delete typed[key];
    } else typed[key] = value;
    this.store.set({ typed });
  }

  setRiskSettings(r: State['riskSettings']): void {
    localStorage.setItem('yeta.risk', JSON.stringify(r));
    this.store.set({ riskSettings: r });
  }

  setStatus(status: string): void {
    this.store.set({ status });
  }

  // ---- files ----

  async open(path?: string): Promise<void> {
    try {
      const r = await api.openStudy(path);
      if (!r || r.text === null) return;
      // A message about the study before (opened from the registry, saved) no longer applies.
      this.store.set({ recent: r.recent, status: '' });
      this.load(r.text, r.path);
      await this.recompute();
    } catch (e) {
      this.setStatus(this.errorText(e));
    }
  }

  async save(choose: boolean): Promise<void> {
    if (!this.s.study) return;
    try {
      const r = await api.saveStudy(this.textOf(), choose || !this.s.path);
      if (!r) return;
      this.store.set({ path: r.path, recent: r.recent, dirty: false, status: `${this.tr('saved')}: ${r.path}` });
    } catch (e) {
      this.setStatus(this.errorText(e));
    }
  }

  newStudy(): void {
    this.load(JSON.stringify(newStudy(this.s.lang)), null);
    this.store.set({ dirty: true, tab: 'study' });
    void this.recompute();
  }

  async exportPdf(lang: Lang): Promise<void> {
    if (!this.s.study) return;
    const id = this.nextJob++;
    this.store.set({ job: { id, kind: 'export', done: 0, total: 3 } });
    let status: string;
    try {
      const r = await api.exportPdf(id, this.textOf(), lang, this.s.unit);
      status = r ? `${this.tr('exported')}: ${r.path}` : this.tr('cancelled');
    } catch (e) {
      status = this.errorText(e);
    }
    this.store.set({ job: null, status });
  }

  async runRisk(draws: number, seed: number): Promise<void> {
    if (!this.s.study) return;
    const id = this.nextJob++;
    // The previous result stays on screen until this run completes; a cancelled or refused
    // run leaves it there.
    this.store.set({ job: { id, kind: 'risk', done: 0, total: draws } });
    try {
      const risk = await api.runRisk(id, this.textOf(), draws, seed);
      this.store.set({ job: null, risk, status: '' });
    } catch (e) {
      this.store.set({ job: null, status: this.errorText(e) });
    }
  }

  /** Asks the engine to rank the studies (`pick`: choose them in a dialog first) under the budget. */
  async compareStudies(pick: boolean): Promise<void> {
    try {
      const budget = parseMoney(this.s.budget, UNIT_EXP[this.s.unit]);
      if (budget === null) throw new Error(`${this.tr('budget')}: ${fmt(this.s.lang, 'app-not-amount', { value: this.s.budget })}`);
      if (!pick && !this.s.portfolio) return;
      const r = await api.compareStudies(pick, budget === '' ? undefined : budget);
      this.store.set({ ...(r ? { portfolio: r } : {}), status: '' });
    } catch (e) {
      this.setStatus(this.errorText(e));
    }
  }

  // ---- the review registry (심사 레지스트리) ----

  /** What the registry said, in the reader's words: refusals as the registry words them. */
  private registryProblem(r: RegistryState): string {
    return r.problem ? this.errorText(r.problem) : '';
  }

  /** Asks the registry who we are; with `flush`, sends the outbox first. Offline is not an error. */
  async registryRefresh(flush: boolean): Promise<void> {
    try {
      const r = await api.registryState(flush);
      const sent = r.sent.map((x) => `${x.key} ${this.tr('revision')} ${x.revision}${x.unchanged ? ` (${this.tr('unchangedRev')})` : ''}`);
      this.store.set({ registry: r, registryNote: sent.length ? `${this.tr('sentOk')}: ${sent.join(', ')}` : this.registryProblem(r) });
      if (r.online && this.s.portfolioSource === 'registry') await this.registryPortfolio(true);
    } catch (e) {
      this.store.set({ registryNote: this.errorText(e) });
    }
  }

  async registryLogin(url: string, token: string): Promise<void> {
    try {
      const r = await api.registryLogin(url, token);
      this.store.set({ registry: r, registryNote: this.registryProblem(r) });
      if (r.online) await this.registryPortfolio(true);
    } catch (e) {
      this.store.set({ registryNote: this.errorText(e) });
    }
  }

  async registryLogout(): Promise<void> {
    try {
      this.store.set({ registry: await api.registryLogout(), registryPortfolio: null, registryNote: '' });
    } catch (e) {
      this.store.set({ registryNote: this.errorText(e) });
    }
  }

  /** The registry's ranking of every study this user may see, under the budget and filters;
   *  `keepNote` keeps what the step before said (sent, queued) instead of clearing it. */
  async registryPortfolio(keepNote = false): Promise<void> {
    try {
      const budget = parseMoney(this.s.budget, UNIT_EXP[this.s.unit]);
      if (budget === null) throw new Error(`${this.tr('budget')}: ${fmt(this.s.lang, 'app-not-amount', { value: this.s.budget })}`);
      const f = this.s.registryFilter;
      const r = await api.registryPortfolio(budget === '' ? undefined : budget, f.sector || undefined, f.status || undefined);
      this.store.set(keepNote ? { registryPortfolio: r } : { registryPortfolio: r, registryNote: '' });
    } catch (e) {
      this.store.set({ registryNote: this.errorText(e) });
    }
  }

  /** Opens a study's latest revision from the registry as the study being edited (no file yet). */
  async registryOpen(key: string): Promise<void> {
    try {
      const r = await api.registryOpen(key);
      if (r.text === null) return;
      this.load(r.text, null);
      this.store.set({ registryKey: key, status: `${this.tr('openedFromRegistry')}: ${key}`, tab: 'results' });
      await this.recompute();
    } catch (e) {
      this.store.set({ registryNote: this.errorText(e) });
    }
  }

  /** Submits the study being edited through the outbox: sent now if the registry answers, else kept. */
  async registrySubmit(key: string, draft: boolean): Promise<void> {
    if (!this.s.study) return;
    try {
      const r = await api.registrySubmit(key, this.textOf(), draft);
      const sent = r.sent.map((x) => `${x.key} ${this.tr('revision')} ${x.revision}${x.unchanged ? ` (${this.tr('unchangedRev')})` : ''}`);
      const note = sent.length ? `${this.tr('sentOk')}: ${sent.join(', ')}` : `${this.tr('queued')}: ${key}. ${this.registryProblem(r)}`;
      this.store.set({ registry: r, registryKey: key, registryNote: note });
      if (r.online) await this.registryPortfolio(true);
    } catch (e) {
      this.store.set({ registryNote: this.errorText(e) });
    }
  }

  async registryForget(id: string): Promise<void> {
    try {
      this.store.set({ registry: await api.registryForget(id) });
    } catch (e) {
      this.store.set({ registryNote: this.errorText(e) });
    }
  }

  cancelJob(): void {
    const job = this.s.job;
    if (job) void api.cancelJob(job.id);
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
}
