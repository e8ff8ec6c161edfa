// The UI's words, in Korean and English, from the same message catalog as the report, the CLI and
// the XLSX export: locales/{ko,en}-app.ftl for the app's own labels, locales/{ko,en}.ftl for the
// engine's codes (sectors, regions, line kinds, diagnostics). No label lives in this file; a test
// (test/i18n.test.ts) checks that every key is in both catalogs.

import type { Lang } from './format';
import enApp from '../../locales/en-app.ftl?raw';
import koApp from '../../locales/ko-app.ftl?raw';
import enCore from '../../locales/en.ftl?raw';
import koCore from '../../locales/ko.ftl?raw';
import enReport from '../../locales/en-report.ftl?raw';
import koReport from '../../locales/ko-report.ftl?raw';
import enShell from '../../locales/en-shell.ftl?raw';
import koShell from '../../locales/ko-shell.ftl?raw';
import type { DiagArg, Diagnostic, Problem } from './api';
import { formatKrw } from './format';

/** The Fluent subset the catalogs use: `id = text` lines, indented continuations, `#` comments. */
export function parseFtl(src: string): Map<string, string> {
  const out = new Map<string, string>();
  let last: string | null = null;
  for (const line of src.split(/\r?\n/)) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) { last = null; continue; }
    if (line.startsWith(' ') && last !== null) { out.set(last, `${out.get(last)} ${line.trim()}`); continue; }
    const at = line.indexOf(' = ');
    if (at > 0) { last = line.slice(0, at).trim(); out.set(last, line.slice(at + 3).trim()); }
  }
  return out;
}

/** The app's label keys (the ids are `app-` and the key in kebab case). */
export const keys = ["open","save","saveAs","recent","newStudy","exportPdf","signOff","verify","undo","redo","tabStudy","tabLines","tabAhp","tabResults","tabRisk","project","name","sponsor","sector","region","totalCost","stateFunding","description","parameters","baseYear","firstYear","lastYear","discount","fromYear","rate","addStep","remove","rules","otherSections","costs","benefits","revenues","kind","addLine","ranges","from","to","amount","growth","addRange","pasteHint","inRange","verdict","bc","npv","irr","pvBenefits","pvCosts","ahpScore","implement","notImplement","feasible","notFeasible","cashFlow","cumulative","tornado","ahpWeights","regional","environment","backwardness","rank","production","jobs","emissions","carbonPv","bcWithCarbon","problems","noProblems","evaluator","panel","weights","cr","consistent","inconsistent","hint","apply","alternatives","implementSide","notSide","scoreRange","robust","notRobust","draws","seed","run","cancel","probBc","mean","critical","language","reviewer","role","password","sign","close","saved","autosaved","recovered","unsaved","exporting","exported","cancelled","running","signed","valid","invalid","empty","noAhp","nothing","base","pasted","skipped","tabPortfolio","chooseStudies","budget","study","contribution","withinBudget","fits","over","notEligible","portfolioEmpty","portfolioHint","cumulativeCost","crit_economic","crit_policy","crit_regional","crit_technical","flipDistance","noFlip","reversal","switching","restsOn","noSingleEvaluator","signReplace","runInfo","goal","sectionRules","sectionFinancing","sectionPolicy","sectionRegional","sectionEnvironment","inRangedFlow","signedAt","newLine","lineTotal","linePv","total","unitCaption","unit","computing","lastValid","numericMatrix","summarising","frequency","previousResult","allowedRange","newProject","newSponsor","newConstruction","newTravelTime","defaultRole","optionsCompared","preferredOption","baseStands","proposedOption","baseOption","incrementalBc","costEffectiveness","costPerUnit","incrementalCost","lowestCost","netEmissions","netCarbonPv","netEnergyPv","envNotCounted","tabExpost","expostTitle","noOutturn","figure","against","chooseExAnte","restudyCheck","restudyThreshold","restudySource","schedule","buildYears","line","portfolioSource","sourceFiles","sourceRegistry","registryLoginHint","registryUrl","registryToken","login","logout","registryOnline","registryOffline","sendNow","registryKey","asDraft","submitStudy","all","reviewStatus","registryRanked","registryEmpty","outboxWaiting","outboxRefused","revision","unchangedRev","sentOk","queued","openedFromRegistry","sigunguIndex","percentile","factorWeights","equalWeights"] as const;
export type Key = (typeof keys)[number];

/** The catalog id of a key: `saveAs` → `app-save-as`, `crit_economic` → `app-crit-economic`. */
export const idOf = (k: string): string => `app-${k.replace(/_/g, '-').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

const catalogs: Record<Lang, Map<string, string>> = {
  // The report's catalog too: the AHP sub-criteria's names (criterion-*) and the money units.
  en: new Map([...parseFtl(enReport), ...parseFtl(enCore), ...parseFtl(enApp), ...parseFtl(enShell)]),
  ko: new Map([...parseFtl(koReport), ...parseFtl(koCore), ...parseFtl(koApp), ...parseFtl(koShell)]),
};

/** A label of the app; a missing one shows its id (the test makes sure none is). */
export const t = (lang: Lang, k: Key): string => catalogs[lang].get(idOf(k)) ?? idOf(k);

/** The reader's name of an engine code, e.g. `code('ko', 'sector', 'ict')` → 정보화; the code itself if the
 * catalog has none. */
export const code = (lang: Lang, kind: string, value: string): string =>
  catalogs[lang].get(`${kind}-${value}`) ?? catalogs[lang].get(`app-${kind}-${value}`) ?? value;

/** The codes of a list the catalog names, e.g. every `kind-…` or `app-region-…`. */
export function codesOf(kind: string): string[] {
  const out = new Set<string>();
  for (const id of catalogs.ko.keys())
    for (const pre of [`${kind}-`, `app-${kind}-`]) if (id.startsWith(pre)) out.add(id.slice(pre.length));
  return [...out];
}

/** A catalog message by id with its `{ $name }` placeholders filled; the id itself when missing. */
export function fmt(lang: Lang, id: string, args: Record<string, string | number> = {}): string {
  const text = catalogs[lang].get(id);
  if (text === undefined) return id;
  return text.replace(/\{ *\$(\w+) *\}/g, (m, name: string) => (name in args ? String(args[name]) : m));
}

/** The catalog id of a typed command error: `io_read` → `app-error-io-read`. */
export const errorId = (code: string): string => `app-error-${code.replace(/_/g, '-')}`;

/** A typed diagnostic argument in the reader's notation, as yeta-i18n's `Catalog::arg` writes it. */
export function argText(lang: Lang, a: DiagArg): string {
  switch (a.type) {
    case 'money':
      return formatKrw(a.value, lang);
    case 'ratio':
      return a.value.toFixed(3);
    case 'percent':
      return lang === 'ko' ? `${(a.value * 100).toFixed(1)}%` : `${(a.value * 100).toFixed(1)} %`;
    case 'integer':
      return String(a.value);
    case 'text':
      return a.value;
    case 'code':
      return code(lang, a.value.kind, a.value.code);
    case 'codes':
      return a.value.codes.map((c) => code(lang, a.value.kind, c)).join(', ');
  }
}

/** Marks the study's own words (a `text` argument: a line's or evaluator's name) inside a sentence. */
export const USER_OPEN = '\u0001';
export const USER_CLOSE = '\u0002';

/**
 * An engine diagnostic as a sentence in `lang`, from its code and arguments (whatever language
 * the appraisal was asked in). With `mark`, the study's own words are between USER_OPEN and
 * USER_CLOSE so a view can set them apart.
 */
export function diagText(lang: Lang, d: Diagnostic, mark = false): string {
  const id = d.code.replace(/_/g, '-');
  if (!catalogs[lang].has(id)) return d.message ?? d.code;
  const args: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.args ?? {})) {
    const s = argText(lang, v);
    args[k] = mark && v.type === 'text' ? USER_OPEN + s + USER_CLOSE : s;
  }
  return fmt(lang, id, args);
}

/** A study problem in `lang`: from its code when the engine gives one the catalog knows, else the engine's sentence. */
export function problemText(lang: Lang, p: Problem): string {
  // The engine's problem kinds are `problem-<code>` in the catalog (yeta_core::study::Problem).
  const id = p.code ? `problem-${p.code.replace(/_/g, '-')}` : '';
  if (!id || !catalogs[lang].has(id)) return p.message;
  return fmt(lang, id, p.args ?? {});
}

/** An AHP node's name (a criterion or sub-criterion id); `goal` is the whole evaluation. */
export const criterion = (lang: Lang, id: string): string => {
  const c = catalogs[lang];
  return c.get(`criterion-${id}`) ?? c.get(`group-${id}`) ?? id.replace(/_/g, ' ');
};

/**
 * The panel's judgements made against another B/C (`AhpResult.panel.stale`), grouped by the
 * B/C each evaluator saw: [evaluators, B/C seen, B/C now].
 */
export function staleGroups(stale: { evaluator: string; bc_seen: number; bc: number }[]): [string[], string, string][] {
  const by = new Map<string, { names: string[]; bc: number }>();
  for (const s of stale) {
    const k = s.bc_seen.toFixed(3);
    const g = by.get(k) ?? { names: [], bc: s.bc };
    g.names.push(s.evaluator);
    by.set(k, g);
  }
  return [...by].map(([seen, g]) => [g.names, seen, g.bc.toFixed(3)]);
}

/** Both catalogs, for the completeness test. */
export const dictionary = catalogs;
