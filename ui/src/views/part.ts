// A piece of the page that redraws itself, and only itself, when a slice it reads changes.

import type { Store } from '../store';
import type { Key, State } from '../state';

export class Part {
  private stale = true;

  /**
   * `draw` builds the part's children from the state; it runs after a change of one of `deps`
   * while `shown()` (a tab's view waits until its tab is chosen).
   */
  constructor(
    readonly el: HTMLElement,
    store: Store<State>,
    deps: Key[],
    private readonly draw: () => Node | (Node | null)[] | null,
    private readonly shown: () => boolean = () => true,
    /** Brings the drawn DOM up to date in place when it can (true), so nothing is rebuilt. */
    private readonly patch: (() => boolean) | null = null,
  ) {
    store.subscribe(deps, () => {
      this.stale = true;
      if (this.shown()) this.refresh();
    });
  }

  /** Redraws if anything read changed since the last draw, keeping focus, selection and scroll. */
  refresh(): void {
    if (!this.stale) return;
    this.stale = false;
    if (this.patch && this.el.firstChild && this.patch()) return;
    const active = document.activeElement as HTMLElement | null;
    const key = active && this.el.contains(active) ? active.dataset.k : undefined;
    const sel = active instanceof HTMLInputElement ? [active.selectionStart, active.selectionEnd] : null;
    const scroll = [...this.el.querySelectorAll('.grid-wrap')].map((w) => [w.scrollLeft, w.scrollTop]);
    const out = this.draw();
    const nodes = out === null ? [] : Array.isArray(out) ? out.filter((n): n is Node => n !== null) : [out];
    this.el.replaceChildren(...nodes);
    this.el.querySelectorAll('.grid-wrap').forEach((w, i) => {
      if (scroll[i]) [w.scrollLeft, w.scrollTop] = scroll[i];
    });
    if (key) {
      const el = this.el.querySelector<HTMLElement>(`[data-k="${CSS.escape(key)}"]`);
      if (el) {
        el.focus();
        if (sel && el instanceof HTMLInputElement && el.type === 'text') {
          try {
            el.setSelectionRange(sel[0], sel[1]);
          } catch {
            /* not a text field */
          }
        }
      }
    }
  }

  /** Marks the part as needing a redraw (e.g. when its tab is shown again). */
  invalidate(): void {
    this.stale = true;
  }
}
