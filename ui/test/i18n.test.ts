import { expect, test } from 'vitest';
import { dictionary, keys } from '../src/i18n';

test('every UI string exists in Korean and English, and differs where it should', () => {
  for (const k of keys) {
    expect(dictionary.ko[k], k).toBeTruthy();
    expect(dictionary.en[k], k).toBeTruthy();
  }
  expect(dictionary.ko.save).toBe('저장');
  expect(dictionary.en.save).toBe('Save');
});
