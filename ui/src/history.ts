// Undo/redo over whole study snapshots: a study is small, and snapshots make every edit (a form
// field, a pasted block, an AHP judgement) undoable the same way.

export class History<T> {
  private past: T[] = [];
  private future: T[] = [];
  constructor(
    private present: T,
    private readonly limit = 200,
  ) {}

  get current(): T {
    return this.present;
  }
  get canUndo(): boolean {
    return this.past.length > 0;
  }
  get canRedo(): boolean {
    return this.future.length > 0;
  }

  /** Records a new state; a state equal to the present is not an edit. */
  push(next: T, same: (a: T, b: T) => boolean = (a, b) => a === b): boolean {
    if (same(next, this.present)) return false;
    this.past.push(this.present);
    if (this.past.length > this.limit) this.past.shift();
    this.present = next;
    this.future = [];
    return true;
  }

  undo(): T {
    const prev = this.past.pop();
    if (prev !== undefined) {
      this.future.push(this.present);
      this.present = prev;
    }
    return this.present;
  }

  redo(): T {
    const next = this.future.pop();
    if (next !== undefined) {
      this.past.push(this.present);
      this.present = next;
    }
    return this.present;
  }

  /** Starts over (a newly opened study is not undone into the previous one). */
  reset(state: T): void {
    this.past = [];
    this.future = [];
    this.present = state;
  }
}
