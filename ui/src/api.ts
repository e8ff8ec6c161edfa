// The app's commands, typed. Every call goes through Tauri's IPC (mocked in the browser tests);
// the shapes are those of src-tauri/src/commands.rs.

import { invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import type { Problem } from './study';

export type AppraiseResult = { appraisal: any } | { problems: Problem[] };
/** One study of the Portfolio view, as `yeta_core::compare` ranks it (money as whole-won strings). */
export type PortfolioRow = {
  rank: number; file: string; name: string; sector: string; region: string; total_cost: string;
  bc_ratio: number | null; npv: string; irr: number | null; ahp_score: number | null;
  ahp_score_range: [number, number] | null; ahp_robust: boolean | null; contributions: Record<string, number>;
  backwardness_index: number | null; emissions_tco2e: number | null; verdict: 'implement' | 'do not implement';
  cumulative_cost: string; fits_budget: boolean | null;
  /** Distance to the nearest allowed AHP weights that flip the verdict (null: none do). */
  flip_distance: number | null;
  /** The smallest common weight change that swaps this study with the next (null: none). */
  reversal_with_next: number | null;
};
export type Comparison = { ranking: PortfolioRow[]; ranked_by: string; budget: string | null };
export type Opened = { path: string | null; text: string | null; recovered?: boolean; recent: string[] };

export const api = {
  startup: () => invoke<Opened>('startup'),
  /** The appraisal with every engine diagnostic rendered in `lang` from the message catalog. */
  appraise: (study: string, lang: string) => invoke<AppraiseResult>('appraise', { study, lang }),
  ahpMatrix: (matrix: unknown, rules?: string) => invoke<any>('ahp_matrix', { matrix, rules }),
  openStudy: (path?: string) => invoke<Opened | null>('open_study', { path }),
  saveStudy: (text: string, choose: boolean) =>
    invoke<{ path: string; recent: string[] } | null>('save_study', { text, choose }),
  autosave: (text: string) => invoke<void>('autosave', { text }),
  runRisk: (job: number, study: string, draws: number, seed: number) =>
    invoke<any>('run_risk', { job, study, draws, seed }),
  exportPdf: (job: number, study: string, lang: string) =>
    invoke<{ path: string } | null>('export_pdf', { job, study, lang }),
  signPdf: (reviewer: string, role: string, password?: string) =>
    invoke<{ path: string; signers: any[] } | null>('sign_pdf', { reviewer, role, password }),
  verifyPdf: () => invoke<{ path: string; ok: boolean; signers?: any[]; error?: string } | null>('verify_pdf'),
  cancelJob: (job: number) => invoke<boolean>('cancel_job', { job }),
  /** With `pick`, a native dialog chooses the studies; otherwise those chosen last, for a new budget. */
  compareStudies: (pick: boolean, budget?: string) => invoke<Comparison | null>('compare_studies', { pick, budget }),
  onProgress: (f: (p: { id: number; done: number; total: number }) => void) =>
    listen<{ id: number; done: number; total: number }>('job-progress', (e) => f(e.payload)),
};
