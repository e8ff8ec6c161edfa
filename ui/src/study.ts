// The study as the UI holds it: the parsed `yeta-study/1` JSON, edited in place on a copy. Only
// shape-keeping edits live here (set a cell, paste a block); every rule is the engine's.

import type { Problem } from './api';
import type { Judgement } from './saaty';

export type { Problem };
export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type Flow = { year?: number; from?: number; to?: number; amount?: string; growth?: string; quantity?: string };
export type Line = {
  name: string;
  kind: string;
  flows?: Flow[];
  quantity_unit?: string;
  unit_value?: { value: string; unit?: string; source?: string };
  [k: string]: unknown;
};
export type Evaluator = {
  name?: string;
  role?: string;
  /** The B/C the evaluator was shown when judging (평가 당시 B/C). */
  bc_seen?: number;
  criteria?: Record<string, Judgement[][]>;
  alternatives?: Record<string, Judgement>;
  [k: string]: unknown;
};
export type Study = {
  format?: string;
  unit?: string;
  project: { name?: string; sponsor?: string; sector?: string; region?: string; total_cost?: string; state_funding?: string; description?: string; [k: string]: unknown };
  parameters: { base_year?: number; first_year?: number; last_year?: number; discount?: { from_year: number; rate: string }[]; [k: string]: unknown };
  costs?: Line[];
  benefits?: Line[];
  revenues?: Line[];
  ahp?: { evaluators?: Evaluator[]; [k: string]: unknown };
  rules?: { id?: string; [k: string]: unknown };
  [k: string]: unknown;
};
export type ListName = 'costs' | 'benefits' | 'revenues';
export const LISTS: ListName[] = ['costs', 'benefits', 'revenues'];

export function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x));
}

/** The years of the analysis period, or none while the parameters are not numbers. */
export function years(study: Study): number[] {
  const f = Number(study?.parameters?.first_year);
  const l = Number(study?.parameters?.last_year);
  if (!Number.isInteger(f) || !Number.isInteger(l) || l < f || l - f > 400) return [];
  return Array.from({ length: l - f + 1 }, (_, i) => f + i);
}

export type Cell =
  | { kind: 'single'; flow: number; amount: string }
  | { kind: 'range'; flow: number; first: boolean }
  | { kind: 'empty' };

/** What a line holds in one year: its single-year flow, a ranged flow covering it, or nothing. */
export function cellOf(flows: Flow[] | undefined, year: number): Cell {
  const fs = flows ?? [];
  for (let k = 0; k < fs.length; k++) {
    const f = fs[k];
    if (f.year === year) return { kind: 'single', flow: k, amount: String(f.amount ?? '') };
  }
  for (let k = 0; k < fs.length; k++) {
    const f = fs[k];
    if (f.from !== undefined && f.to !== undefined && f.from <= year && year <= f.to)
      return { kind: 'range', flow: k, first: f.from === year };
  }
  return { kind: 'empty' };
}

/** A row of the grid: which list and which line of it. */
export type Row = { list: ListName; line: number };

export function rowsOf(study: Study): Row[] {
  const out: Row[] = [];
  for (const list of LISTS) (study[list] ?? []).forEach((_, line) => out.push({ list, line }));
  return out;
}

/**
 * Sets one year of a line: `amount` "" removes its single-year flow. A year inside a ranged flow
 * is edited through that range, so it is refused here (returns false).
 */
export function setCell(study: Study, row: Row, year: number, amount: string): boolean {
  const line = study[row.list]?.[row.line];
  if (!line) return false;
  line.flows = line.flows ?? [];
  const c = cellOf(line.flows, year);
  if (c.kind === 'range') return false;
  if (c.kind === 'single') {
    if (amount === '') line.flows.splice(c.flow, 1);
    else line.flows[c.flow].amount = amount;
    return true;
  }
  if (amount === '') return true;
  line.flows.push({ year, amount });
  line.flows.sort((a: Flow, b: Flow) => (a.year ?? a.from ?? 0) - (b.year ?? b.from ?? 0));
  return true;
}

/** Tab-separated text as Excel and LibreOffice copy it: rows of cells, a trailing newline dropped. */
export function parseTsv(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => l.split('\t'));
}

export type PasteResult = { changed: number; skipped: string[] };

/**
 * Pastes a block with its top-left corner at (rows[r0], yrs[c0]), clipped to the grid. Cells that
 * are not amounts, or fall in a ranged flow, are skipped and named.
 */
export function paste(
  study: Study,
  rows: Row[],
  yrs: number[],
  r0: number,
  c0: number,
  block: string[][],
  parse: (typed: string, row: Row) => string | null,
  ranged = 'in a ranged flow',
): PasteResult {
  const res: PasteResult = { changed: 0, skipped: [] };
  block.forEach((cells, dr) => {
    const row = rows[r0 + dr];
    if (!row) return;
    cells.forEach((typed, dc) => {
      const year = yrs[c0 + dc];
      if (year === undefined) return;
      const amount = parse(typed, row);
      const where = `${row.list}[${row.line}] ${year}`;
      if (amount === null) res.skipped.push(`${where}: "${typed}"`);
      else if (setCell(study, row, year, amount)) res.changed++;
      else res.skipped.push(`${where}: ${ranged}`);
    });
  });
  return res;
}

type Node = Record<string | number, unknown>;

/** A value at a dotted/bracketed path such as `project.name` or `costs[0].flows[1].amount`. */
export function getPath(obj: unknown, path: string): unknown {
  return splitPath(path).reduce<unknown>((o, k) => (o === undefined || o === null ? undefined : (o as Node)[k]), obj);
}

export function setPath(obj: unknown, path: string, value: unknown): void {
  const keys = splitPath(path);
  let o = obj as Node;
  for (let i = 0; i < keys.length - 1; i++) {
    if (o[keys[i]] === undefined || o[keys[i]] === null) o[keys[i]] = typeof keys[i + 1] === 'number' ? [] : {};
    o = o[keys[i]] as Node;
  }
  const last = keys[keys.length - 1];
  if (value === undefined) delete o[last];
  else o[last] = value;
}

export function splitPath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return out;
}

/** Problems for one field: at its path or inside it (a cell shows `…flows[1].year` too). */
export function problemsAt(problems: Problem[], path: string): Problem[] {
  return problems.filter((p) => p.path === path || p.path.startsWith(path + '.') || p.path.startsWith(path + '['));
}
