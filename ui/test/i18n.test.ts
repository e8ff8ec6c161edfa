import { expect, test } from 'vitest';
import { code, dictionary, idOf, keys, t } from '../src/i18n';

test('every label is in both catalogs', () => {
  for (const k of keys) {
    expect(dictionary.ko.get(idOf(k)), k).toBeTruthy();
    expect(dictionary.en.get(idOf(k)), k).toBeTruthy();
  }
  expect(t('ko', 'save')).toBe('저장');
  expect(t('en', 'save')).toBe('Save');
});

test('both catalogs hold the same app ids', () => {
  const ids = (m: Map<string, string>) => [...m.keys()].filter((k) => k.startsWith('app-')).sort();
  expect(ids(dictionary.ko)).toEqual(ids(dictionary.en));
});

test('engine codes read in the reader\'s language, from the engine catalog', () => {
  expect(code('ko', 'sector', 'ict')).toBe('정보화');
  expect(code('en', 'sector', 'road')).toBe('road');
  expect(code('ko', 'list', 'benefits')).toBe('편익');
  expect(code('ko', 'sector', 'no-such')).toBe('no-such');
});

test('every typed command error has its sentence in both catalogs, placeholders filled', async () => {
  const { errorId, fmt } = await import('../src/i18n');
  const { readFileSync } = await import('node:fs');
  // The codes of src-tauri's `error::Code`, as generated into ipc.gen.ts.
  const gen = readFileSync(new URL('../src/ipc.gen.ts', import.meta.url), 'utf8');
  const union = /export type Code = ([^;]+);/.exec(gen)?.[1] ?? '';
  const codes = [...union.matchAll(/"(\w+)"/g)].map((m) => m[1]);
  expect(codes.length).toBeGreaterThan(10);
  for (const c of codes) {
    expect(dictionary.ko.get(errorId(c)), c).toBeTruthy();
    expect(dictionary.en.get(errorId(c)), c).toBeTruthy();
  }
  expect(errorId('draws_out_of_range')).toBe('app-error-draws-out-of-range');
  expect(fmt('ko', errorId('draws_out_of_range'), { value: '20,000,000', min: 2, max: '10,000,000' })).toBe(
    '시뮬레이션 횟수 20,000,000은(는) 허용 범위(2–10,000,000)를 벗어납니다.',
  );
});

test('diagnostics, criteria and regions in the reader\'s language from codes', async () => {
  const { criterion, diagText } = await import('../src/i18n');
  // The road fixture's warning, as the engine serializes it (English message: ignored in Korean).
  const d = {
    code: 'ahp_weight_outside_range',
    path: 'ahp.evaluators[2]',
    args: { evaluator: { type: 'text' as const, value: 'Evaluator C' }, criteria: { type: 'codes' as const, value: { kind: 'criterion', codes: ['economic', 'regional'] } } },
    message: 'evaluator Evaluator C: weights of economic, regional outside the allowed ranges',
  };
  expect(diagText('ko', d)).toBe('평가자 Evaluator C: 경제성, 지역균형발전 가중치가 지침의 허용 범위를 벗어남');
  // Money in the UI's 억 notation (formatKrw): 2,500,000,000 won = 25억원.
  const gap = { code: 'funding_gap', path: 'financing', args: { amount: { type: 'money' as const, value: '2500000000' } } };
  expect(diagText('ko', gap)).toBe('재원조달 계획에서 총사업비 중 25억원의 재원이 부족함');
  expect(criterion('ko', 'consistency_readiness')).toBe('정책의 일관성 및 사업 준비 정도');
  expect(criterion('ko', 'economic')).toBe('경제성');
  expect(code('ko', 'region', 'KR-43')).toBe('충청북도');
  expect(code('en', 'region', 'KR-43')).toBe('North Chungcheong');
  expect(code('ko', 'kind', 'capex')).toBe('공사비·구축비');
});

test('a study problem with a code reads from the catalog, in both languages', async () => {
  const { problemText } = await import('../src/i18n');
  const p = { path: 'costs[0].flows[0].year', message: '2101 is after the analysis period\'s last year 2060', code: 'year_after_period', args: { year: '2101', last: '2060' } };
  expect(problemText('ko', p)).toBe('2101년은 분석 기간의 마지막 해 2060년보다 뒤입니다.');
  expect(problemText('en', p)).toBe("2101 is after the analysis period's last year 2060.");
  // No code yet: the engine's sentence.
  expect(problemText('ko', { path: 'x', message: 'as the engine says' })).toBe('as the engine says');
});
