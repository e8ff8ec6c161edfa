// What the workbench holds: the slices views subscribe to (see store.ts).

import type { Appraisal, Comparison, Evaluated, MatrixHint, MatrixResult, MoneyUnit, Problem, RegistryComparison, RegistryState, RiskResult } from './api';
import type { Lang } from './format';
import type { Study } from './study';

export type Tab = 'study' | 'lines' | 'ahp' | 'results' | 'expost' | 'risk' | 'portfolio';
export type Job = { id: number; kind: 'export' | 'risk'; done: number; total: number };
/** A repair hint with the CR the matrix would have once it is applied. */
export type RankedHint = MatrixHint & { crAfter: number };
/** The engine's answer for one matrix, its hints ranked by the CR after each fix (no-op hints dropped). */
export type MatrixAnswer = (MatrixResult & { ranked: RankedHint[] }) | { error: string };

export type State = {
  lang: Lang;
  tab: Tab;
  study: Study | null;
  canUndo: boolean;
  canRedo: boolean;
  appraisal: Appraisal | null;
  problems: Problem[];
  path: string | null;
  recent: string[];
  dirty: boolean;
  status: string;
  /** When the last autosave happened (shown in the UI language, KST). */
  autosaved: Date | null;
  /** The evaluator on screen in the AHP view; -1 is the panel. */
  evaluator: number;
  selRow: number;
  risk: RiskResult | null;
  job: Job | null;
  matrixResults: Record<string, MatrixAnswer>;
  /** The Portfolio view: the engine's comparison, the budget typed (KRW), the column sorted by. */
  portfolio: Comparison | null;
  budget: string;
  portfolioSort: { key: string; dir: 1 | -1 };
  /** Where the Portfolio view ranks from: files chosen here, or the review registry (심사 레지스트리). */
  portfolioSource: 'files' | 'registry';
  /** The registry: login, whether it answered, the outbox (null until first asked). */
  registry: RegistryState | null;
  /** The registry's portfolio (ranked on the server), with its filters. */
  registryPortfolio: RegistryComparison | null;
  registryFilter: { sector: string; status: string };
  /** The key the current study is submitted under (the one it was opened from, else typed). */
  registryKey: string;
  /** The last registry failure or acknowledgement, in the reader's words. */
  registryNote: string;
  unit: MoneyUnit;
  /** What the user typed that is not a value (a cell's "12a"): kept on screen, by field key, until corrected. */
  typed: Record<string, string>;
  /** The study has problems: `appraisal` is the last valid one, shown dimmed. */
  appraisalStale: boolean;
  /** The Risk tab's settings as typed: kept between runs, tabs and launches. */
  riskSettings: { draws: string; seed: string };
  /** 사후평가 of a study with an outturn section (null without one), or why it could not be made. */
  expost: Evaluated | null;
  expostError: string;
};

export type Key = keyof State;

/** The label of a running job: a risk run whose draws are all done is summarising its results. */
export function jobPhase(job: { kind: string; done: number; total: number }): 'exporting' | 'running' | 'summarising' {
  if (job.kind === 'export') return 'exporting';
  return job.total > 0 && job.done >= job.total ? 'summarising' : 'running';
}
