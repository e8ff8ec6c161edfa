// Pieces the views share: a form field bound to a study path, and problems placed beside fields.

import type { App } from '../app';
import { h } from '../dom';
import { formatRatio } from '../format';
import { fmt, problemText } from '../i18n';
import { type Problem, getPath, problemsAt, setPath } from '../study';

/** The problems of one field: at its path or inside it; `placed` collects what was shown so the rest go to the list. */
export function errorsFor(app: App, path: string, placed: Set<Problem>): HTMLElement | null {
  // A problem is shown once, under the most specific field: one already placed is not repeated.
  const ps = problemsAt(app.s.problems, path).filter((p) => !placed.has(p));
  ps.forEach((p) => placed.add(p));
  return ps.length ? h('div', { class: 'error', 'data-error-for': path }, ps.map((p) => h('div', {}, problemText(app.s.lang, p)))) : null;
}

/** How a field shows a stored value and reads a typed one (money in the unit on screen); null: not valid. */
export type Codec = { show: (stored: string) => string; read: (typed: string) => string | null };
export type FieldOpts = { type?: 'number'; options?: string[]; labels?: (o: string) => string; wide?: boolean; codec?: Codec };

/** A labelled input for the study value at `path`, committed on change. */
export function field(app: App, label: string, path: string, placed: Set<Problem>, opts: FieldOpts = {}): HTMLElement {
  const raw = getPath(app.s.study, path);
  const stored = raw === undefined || raw === null ? '' : String(raw);
  // What was typed and refused stays in the field, with the reason beside it.
  const refused = app.s.typed[path];
  const v = refused ?? (opts.codec && stored !== '' ? opts.codec.show(stored) : stored);
  const commit = (typed: string, input?: HTMLInputElement) => {
    const read = opts.codec ? opts.codec.read(typed) : opts.type === 'number' && typed !== '' && !/^-?\d+$/.test(typed) ? null : typed;
    if (read === null) {
      input?.classList.add('invalid');
      app.setTyped(path, typed);
      return;
    }
    app.setTyped(path, null);
    app.edit((s) => {
      const value = opts.type === 'number' ? (read === '' ? undefined : Number(read)) : read === '' && opts.codec ? undefined : read;
      setPath(s, path, value);
    });
  };
  const err = refused !== undefined
    ? h('div', { class: 'error', 'data-error-for': path }, fmt(app.s.lang, opts.codec ? 'app-not-amount' : 'app-not-number', { value: refused }))
    : errorsFor(app, path, placed);
  const input = opts.options
    ? h('select', { 'data-k': path, 'data-path': path, onchange: (e: Event) => commit((e.target as HTMLSelectElement).value) },
        opts.options.map((o) => h('option', { value: o, selected: o === v }, opts.labels ? opts.labels(o) : o)))
    : opts.wide
      ? h('textarea', { 'data-k': path, 'data-path': path, rows: 3, onchange: (e: Event) => commit((e.target as HTMLTextAreaElement).value) }, v)
      : h('input', {
          type: 'text',
          inputmode: opts.type === 'number' ? 'numeric' : null,
          'data-k': path,
          'data-path': path,
          value: v,
          class: err ? 'invalid' : '',
          onchange: (e: Event) => commit((e.target as HTMLInputElement).value.trim(), e.target as HTMLInputElement),
        });
  return h('label', { class: 'field' }, h('span', {}, label), input, err);
}

/** The problems not shown beside a field, as a list above the view. */
export function problemList(app: App, placed: Set<Problem>): HTMLElement | null {
  const rest = app.s.problems.filter((p) => !placed.has(p));
  if (!rest.length) return null;
  return h('section', { class: 'problems', id: 'problems' }, h('h3', {}, app.tr('problems')),
    h('ul', {}, rest.map((p) => h('li', {}, p.path ? h('code', {}, p.path) : null, ' ', problemText(app.s.lang, p)))));
}

/** The verdict's basis in words: the AHP score against its threshold, or B/C alone. */
export function basis(app: App): string {
  const v = app.s.appraisal?.verdict;
  if (!v) return '';
  return v.basis === 'ahp' && v.ahp_score !== null
    ? fmt(app.s.lang, 'app-basis-ahp', { score: v.ahp_score.toFixed(3), threshold: (v.ahp_threshold ?? 0.5).toFixed(2) })
    : fmt(app.s.lang, 'app-basis-economic', { bc: formatRatio(v.bc_ratio), threshold: v.bc_threshold.toFixed(2) });
}
