// The workbench's state in one place, and who reads which part of it. Views subscribe to the
// slices they draw (`study`, `appraisal`, `job`, …) and redraw only their own DOM when one of
// those changes; nothing re-renders the whole page. Undo/redo lives in history.ts.

export type Listener<S> = (state: Readonly<S>, changed: ReadonlySet<keyof S>) => void;

export class Store<S extends object> {
  private state: S;
  private readonly listeners = new Set<{ keys: ReadonlySet<keyof S> | null; f: Listener<S> }>();
  private pending: Set<keyof S> | null = null;

  constructor(initial: S) {
    this.state = initial;
  }

  get(): Readonly<S> {
    return this.state;
  }

  /** Changes some slices; a slice set to the value it has (by `Object.is`) is not a change. */
  set(patch: Partial<S>): void {
    const changed = new Set<keyof S>();
    for (const k of Object.keys(patch) as (keyof S)[]) if (!Object.is(this.state[k], patch[k])) changed.add(k);
    if (changed.size === 0) return;
    this.state = { ...this.state, ...patch };
    if (this.pending) changed.forEach((k) => this.pending?.add(k));
    else this.notify(changed);
  }

  /** Several `set`s told to the views once, when `f` returns. */
  batch(f: () => void): void {
    if (this.pending) return f();
    this.pending = new Set();
    try {
      f();
    } finally {
      const changed = this.pending;
      this.pending = null;
      if (changed.size) this.notify(changed);
    }
  }

  /** Calls `f` after each change of any of `keys` (all slices when null); returns the unsubscribe. */
  subscribe(keys: (keyof S)[] | null, f: Listener<S>): () => void {
    const l = { keys: keys ? new Set(keys) : null, f };
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  private notify(changed: ReadonlySet<keyof S>): void {
    for (const l of [...this.listeners]) {
      if (!this.listeners.has(l)) continue;
      if (l.keys === null || [...changed].some((k) => l.keys?.has(k))) l.f(this.state, changed);
    }
  }
}
