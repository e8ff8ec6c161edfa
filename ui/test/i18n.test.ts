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
