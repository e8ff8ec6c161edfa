import { expect, test } from 'vitest';
import { History } from '../src/history';

test('undo and redo walk back and forth; a new edit drops the redo branch', () => {
  const h = new History('a');
  expect(h.canUndo).toBe(false);
  h.push('b');
  h.push('c');
  expect(h.undo()).toBe('b');
  expect(h.undo()).toBe('a');
  expect(h.undo()).toBe('a');
  expect(h.redo()).toBe('b');
  h.push('x');
  expect(h.canRedo).toBe(false);
  expect(h.current).toBe('x');
  expect(h.undo()).toBe('b');
});

test('an unchanged state is not an edit', () => {
  const h = new History('a');
  expect(h.push('a')).toBe(false);
  expect(h.canUndo).toBe(false);
});

test('history is bounded', () => {
  const h = new History(0, 3);
  for (let i = 1; i <= 10; i++) h.push(i);
  let n = 0;
  while (h.canUndo) {
    h.undo();
    n++;
  }
  expect(n).toBe(3);
  expect(h.current).toBe(7);
});
