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
  const codes = ['io_read', 'io_write', 'study_invalid', 'study_parse', 'draws_out_of_range', 'seed_invalid', 'cancelled', 'pdf_invalid', 'pdf_not_signed', 'signature_invalid', 'key_invalid', 'key_password', 'reviewer_mismatch', 'no_study_open', 'internal'];
  for (const c of codes) {
    expect(dictionary.ko.get(errorId(c)), c).toBeTruthy();
    expect(dictionary.en.get(errorId(c)), c).toBeTruthy();
  }
  expect(errorId('draws_out_of_range')).toBe('app-error-draws-out-of-range');
  expect(fmt('ko', errorId('draws_out_of_range'), { value: '20,000,000', min: 2, max: '10,000,000' })).toBe(
    '시뮬레이션 횟수 20,000,000은(는) 허용 범위(2–10,000,000)를 벗어납니다',
  );
});
