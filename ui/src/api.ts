// The app's commands, typed. Every call goes through Tauri's IPC (mocked in the browser tests);
// the shapes are those of src-tauri/src/commands.rs and of the engine's serialized types
// (`yeta_core::Appraisal`, `yeta_core::risk`, `yeta_core::compare`). Money is a decimal string
// in won, as the engine writes it.

import { invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import type { Lang } from './format';
import type { Judgement } from './saaty';

/** A typed argument of a diagnostic (`yeta_core::diag::Arg`). */
export type DiagArg =
  | { type: 'money'; value: string }
  | { type: 'ratio'; value: number }
  | { type: 'percent'; value: number }
  | { type: 'integer'; value: number }
  | { type: 'text'; value: string }
  | { type: 'code'; value: { kind: string; code: string } }
  | { type: 'codes'; value: { kind: string; codes: string[] } };

/** An engine diagnostic (`yeta_core::diag::Diagnostic`) with the sentence the shell added. */
export type Diagnostic = { code: string; path: string; args: Record<string, DiagArg>; message?: string };

/** A study problem: where, what (a code with its arguments when the engine gives one), and the sentence. */
export type Problem = { path: string; message: string; code?: string; args?: Record<string, string | number> };

// The shapes the Rust commands define, generated from their types (src-tauri/src/ipc.gen.ts is
// written by `cargo test -p yeta-app ipc_types`); the engine's own JSON (appraisal, risk,
// comparison) is typed by hand below.
import type { Against, CmdError, Opened, Progress, RegistryState, Saved, Signed, Signer, Verified, Exported } from './ipc.gen';
export type { QueuedItem, RegistryState } from './ipc.gen';
export type { Against, Opened, Progress, Saved, Signed, Signer, Verified, Exported };

/** A rejected command (the Rust side's typed error). */
export type AppError = CmdError;

export type CashFlowRow = { year: number; costs: string; benefits: string; net?: string; cumulative_pv_net: string };
export type SensitivityCase = { case: string; cost_factor: number; benefit_factor: number; rate_shift_pp: number; bc_ratio: number | null };
export type Economic = {
  bc_ratio: number | null;
  npv: string;
  irr: number | null;
  pv_benefits: string;
  pv_costs: string;
  feasible: boolean;
  cash_flow?: CashFlowRow[];
  sensitivity?: SensitivityCase[];
  switching_values?: { costs_pct: number | null; benefits_pct: number | null } | null;
  irr_detail?: { status?: string; message?: string } | null;
  /** Each line's nominal sum and present value (현재가치), with where it came from. */
  lines?: { list: string; name: string; kind: string; nominal: string; pv: string; origin: { from: string; list?: string; index?: number } }[];
  nominal_costs?: string;
  nominal_benefits?: string;
};
export type Verdict = {
  economically_feasible: boolean;
  bc_ratio: number | null;
  bc_threshold: number;
  ahp_score: number | null;
  ahp_threshold: number | null;
  score_range: [number, number] | null;
  robust: boolean | null;
  grey_zone: [number, number] | null;
  in_grey_zone: boolean;
  evaluators_included: number | null;
  evaluators_inconsistent: number | null;
  score_other_policy: number | null;
  implement: boolean;
  basis: 'ahp' | 'economic';
  summary?: string;
};
export type AhpHint = { node?: string; row?: string; column?: string; i?: number; j?: number; given_text?: string; suggested?: string; cr?: number; message?: string };
export type AhpEvaluator = { name: string; cr: number; consistent: boolean; score: number; hints: AhpHint[] };
export type AhpPanel = {
  weight_switch?: { distance: number } | null;
  leave_one_out?: { evaluator: string; implement: boolean; score?: number }[];
  stale?: { evaluator: string; bc_seen: number; bc: number }[];
};
export type Ahp = {
  score: number;
  score_range: [number, number];
  weights: Record<string, number>;
  weight_range?: { ranges?: Record<string, [number, number]> } | null;
  implement: boolean;
  threshold: number;
  robust: boolean;
  criteria: { id: string }[];
  leaves: { path: string[] }[];
  evaluators: AhpEvaluator[];
  panel?: AhpPanel | null;
};
export type Regional = {
  region: string;
  region_name: string;
  backwardness?: { index: number; rank: number; of: number } | null;
  effects?: { production: string; employment: number } | null;
  /** The 시·군·구 backwardness index (지역낙후도, KDI 2013 factor form), when the study names one. */
  sigungu?: Sigungu | null;
  /** Two-region input-output effects (지역 간 산업연관): induced in the province and leaked out. */
  two_region?: TwoRegion | null;
};
/** Provenance of a data table: `illustrative` data is not official statistics. */
export type TableInfo = { status: 'illustrative' | 'cited' | string; title: string; title_en: string; version: string };
export type Sigungu = {
  code: string; name: string; name_en: string; province: string;
  index: number; rank: number; of: number; percentile: number;
  /** false: the guideline's weights are not public; Yeta weighs the factors equally (its assumption). */
  weights_public: boolean;
  table: TableInfo;
};
/** Induced in the region (역내) and leaked to the rest of the country (역외 유출); money as decimal strings. */
export type Split = { intra: string; leak: string };
export type TwoRegion = {
  region: string; spending: string; share_in_region: string; spending_in_region: string;
  production: Split; value_added: Split; employment: Split; table: TableInfo; map: TableInfo;
};
export type Environment = {
  total_tco2e: number; carbon_pv: string; bc_with_carbon: number | null;
  /** The change against the counterfactual (`yeta_core::environment::NetResult`), when the study describes one. */
  net?: { project_tco2e: string; counterfactual_tco2e: string; net_tco2e: string; carbon_pv: string; energy_pv: string; counted: boolean;
    runs: { series: 'low' | 'central' | 'high'; npv: string; bc_ratio: number | null }[] } | null;
  catalogues?: { id: string; title: { ko: string; en: string }; met: number; applicable: number; score: number | null; gaps: unknown[] }[];
  /** The sector's suggested register entries the register leaves out (`yeta_core::environment::suggest::Suggestions`). */
  suggested_risks?: { list: string; for_sector: number; taken_up: number;
    open: { id: string; title: { ko: string; en: string }; category: 'physical' | 'regulatory' | 'transition'; likelihood: number; impact: number; score: number }[] } | null;
};
export type Appraisal = {
  economic: Economic;
  verdict: Verdict;
  warnings?: Diagnostic[];
  ahp?: Ahp | null;
  regional?: Regional | null;
  environment?: Environment | null;
  alternatives?: Alternatives | null;
  cost_effectiveness?: CostEffectiveness | null;
};

/** 대안 검토 (`yeta_core::alternatives::AlternativesResult`). */
export type Alternatives = {
  options: { name: string; role: 'base' | 'proposed' | 'option'; npv: string; bc_ratio: number | null; delta_npv: string; incremental_bc: number | null; qualifies: boolean }[];
  rule: string;
  threshold: number;
  preferred: string | null;
};

/** 비용효과분석 (`yeta_core::effectiveness::CostEffectivenessResult`). */
export type CostEffectiveness = {
  discounted: boolean;
  rule: string;
  measures: { name: string; unit: string; source: string; preferred: string | null;
    options: { option: string; role: 'base' | 'proposed' | 'option'; pv_costs: string; pv_effects: string; cost_per_unit: number | null; incremental_cost_per_unit: number | null }[] }[];
};

/** The figures an ex-post evaluation compares (`yeta_core::expost::Figures`). */
export type ExPostFigures = { npv: string; pv_benefits: string; pv_costs: string; bc_ratio: number | null; total_cost: string; opening_year: number | null };
export type ExPostPart = 'forecast_revision' | 'cost_overrun' | 'delay' | 'demand_shortfall' | 'interaction';
/** 사후평가 (`yeta_core::expost::ExPost`, what `yeta evaluate --json` writes). */
export type ExPost = {
  format: string;
  name: string;
  through_year: number;
  ex_ante: ExPostFigures;
  forecast: ExPostFigures;
  ex_post: ExPostFigures;
  cost_growth: number | null;
  schedule: { forecast_build: [number, number] | null; actual_build: [number | null, number | null]; forecast_opening: number | null; actual_opening: number | null };
  /** ΔNPV by cause, in the order computed; the parts add up to `delta_npv`. */
  decomposition: { delta_npv: string; delay_years: number; parts: [ExPostPart, string][] };
  realisation: { line: string; has_actuals: boolean; unit: string | null; forecast_to_date: string; actual_to_date: string; quantity_ratio: number | null;
    forecast_pv: string; expost_pv: string; realisation_ratio: number | null }[];
  /** 타당성 재조사: total cost growth against the rule set's threshold, with its source. */
  restudy: { baseline: string; current: string; growth: string; threshold: string; triggered: boolean; source: string; status: string } | null;
};
/** The ex-post tab's answer: the evaluation and what its ex-ante side is. */
export type Evaluated = { evaluation: ExPost; against: Against };

export type AppraiseResult = { appraisal: Appraisal } | { problems: Problem[] };

/** Weights, CR and repair hints of one pairwise matrix (`ahp_matrix`). */
export type MatrixHint = { i: number; j: number; given: string; suggested: string };
export type MatrixResult = { weights: number[]; cr: number; consistent: boolean; cr_cutoff: number; completed?: unknown; hints: MatrixHint[] };

export type Quantiles = { p10: string; p50: string; p90: string; mean: string };
export type RiskResult = {
  draws: number;
  seed: number;
  npv: Quantiles;
  bc_ratio: { p10: number; p50: number; p90: number; mean: number };
  prob_bc_ge_1: number;
  histogram?: { from: string; to: string; count: number }[];
  critical_variables?: { name: string; elasticity: number }[];
};


/** One study of the Portfolio view, as `yeta_core::compare` ranks it (money as whole-won strings). */
export type PortfolioRow = {
  rank: number; file: string; name: string; sector: string; region: string; total_cost: string;
  bc_ratio: number | null; npv: string; irr: number | null; ahp_score: number | null;
  ahp_score_range: [number, number] | null; ahp_robust: boolean | null; contributions: Record<string, number>;
  backwardness_index: number | null;
  /** The 시·군·구 (KOSTAT code) and its own backwardness index, when the study names one. */
  sigungu: string | null; sigungu_index: number | null;
  emissions_tco2e: number | null; verdict: 'implement' | 'do not implement';
  cumulative_cost: string; fits_budget: boolean | null;
  /** Distance to the nearest allowed AHP weights that flip the verdict (null: none do). */
  flip_distance: number | null;
  /** The smallest common weight change that swaps this study with the next (null: none). */
  reversal_with_next: number | null;
};
export type Comparison = { ranking: PortfolioRow[]; ranked_by: string; budget: string | null };
/** The registry's portfolio: a page of the server's ranking (rows carry the study `key`; `file` is `registry:KEY`). */
export type RegistryComparison = Comparison & { total: number; page: number; per_page: number; ranking: (PortfolioRow & { key: string })[] };

export type { MoneyUnit } from './format';
import type { MoneyUnit } from './format';

export const api = {
  startup: () => invoke<Opened>('startup'),
  /** Tells the Rust side the UI language: native dialogs' titles and suggested file names follow it. */
  setLang: (lang: Lang) => invoke<void>('set_lang', { lang }),
  /** The appraisal with every engine diagnostic rendered in `lang` from the message catalog. */
  appraise: (study: string, lang: Lang) => invoke<AppraiseResult>('appraise', { study, lang }),
  ahpMatrix: (matrix: Judgement[][], rules?: string) => invoke<MatrixResult>('ahp_matrix', { matrix, rules }),
  openStudy: (path?: string) => invoke<Opened | null>('open_study', { path }),
  saveStudy: (text: string, choose: boolean) =>
    invoke<Saved | null>('save_study', { text, choose }),
  autosave: (text: string) => invoke<void>('autosave', { text }),
  runRisk: (job: number, study: string, draws: number, seed: number) =>
    invoke<RiskResult>('run_risk', { job, study, draws, seed }),
  exportPdf: (job: number, study: string, lang: Lang, unit: MoneyUnit) =>
    invoke<Exported | null>('export_pdf', { job, study, lang, unit }),
  signPdf: (reviewer: string, role: string, replace: boolean, password?: string) =>
    invoke<Signed | null>('sign_pdf', { reviewer, role, password, replace }),
  verifyPdf: () => invoke<Verified | null>('verify_pdf'),
  cancelJob: (job: number) => invoke<boolean>('cancel_job', { job }),
  /** With `pick`, a native dialog chooses the studies; otherwise those chosen last, for a new budget. */
  compareStudies: (pick: boolean, budget?: string) => invoke<Comparison | null>('compare_studies', { pick, budget }),
  /** 사후평가 of a study with actuals; with `pick`, a native dialog chooses the signed-off ex-ante study first. */
  evaluateStudy: (study: string, pick: boolean) => invoke<Evaluated | null>('evaluate_study', { study, pick }),
  /** The review registry: login, whether it answers, the outbox; `flush` sends the outbox first. */
  registryState: (flush: boolean) => invoke<RegistryState>('registry_state', { flush }),
  registryLogin: (url: string, token: string) => invoke<RegistryState>('registry_login', { url, token }),
  registryLogout: () => invoke<RegistryState>('registry_logout'),
  /** Queues the study in the outbox and sends it if the registry answers. */
  registrySubmit: (key: string, text: string, draft: boolean) => invoke<RegistryState>('registry_submit', { key, text, draft }),
  registryForget: (id: string) => invoke<RegistryState>('registry_forget', { id }),
  registryPortfolio: (budget?: string, sector?: string, status?: string) =>
    invoke<RegistryComparison>('registry_portfolio', { budget, sector, status }),
  registryOpen: (key: string) => invoke<Opened>('registry_open', { key }),
  onProgress: (f: (p: Progress) => void) => listen<Progress>('job-progress', (e) => f(e.payload)),
};

/** Whether a rejection is the Rust side's typed error. */
export function isAppError(e: unknown): e is AppError {
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' && 'args' in e;
}
