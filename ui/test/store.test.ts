import { expect, test } from 'vitest';
import { Store } from '../src/store';

type S = { a: number; b: string; c: number[] };

test('a subscriber hears only the slices it reads, once per batch', () => {
  const st = new Store<S>({ a: 1, b: 'x', c: [] });
  const heardA: number[] = [];
  const heardAny: string[][] = [];
  st.subscribe(['a'], (s) => heardA.push(s.a));
  st.subscribe(null, (_, changed) => heardAny.push([...changed].map(String)));
  st.set({ b: 'y' });
  expect(heardA).toEqual([]);
  st.set({ a: 2 });
  expect(heardA).toEqual([2]);
  // The same value is not a change.
  st.set({ a: 2, b: 'y' });
  expect(heardA).toEqual([2]);
  st.batch(() => {
    st.set({ a: 3 });
    st.set({ a: 4, b: 'z' });
  });
  expect(heardA).toEqual([2, 4]);
  expect(heardAny).toEqual([['b'], ['a'], ['a', 'b']]);
  expect(st.get()).toEqual({ a: 4, b: 'z', c: [] });
});

test('a new array is a change; unsubscribing stops the calls', () => {
  const st = new Store<S>({ a: 1, b: 'x', c: [] });
  let n = 0;
  const off = st.subscribe(['c'], () => n++);
  st.set({ c: [1] });
  expect(n).toBe(1);
  off();
  st.set({ c: [2] });
  expect(n).toBe(1);
});
