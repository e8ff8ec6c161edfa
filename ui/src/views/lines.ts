// Costs and benefits: a spreadsheet of lines by year, with the selected line's ranged flows below.

import type { App } from '../app';
import { h } from '../dom';
import { code, codesOf, fmt, problemText } from '../i18n';
import { STUDY_UNIT_EXP, UNIT_EXP, UNIT_NAME, figureIn, groupDigits, inUnit, parseMoney, shiftDecimal } from '../format';
import { LISTS, type Line, type Problem, type Row, cellOf, parseTsv, paste, problemsAt, rowsOf, setCell, years } from '../study';
import { field, problemList } from './common';
import { Part } from './part';

/**
 * What the grid's shape depends on: years, lines, which cells are single, ranged or empty, the
 * problems and refused entries shown, the unit and language. While it is the same, an edit only
 * changes values, and those are written into the cells in place.
 */
function shapeOf(app: App): string {
  const s = app.s.study;
  if (!s) return '';
  return JSON.stringify([
    app.s.unit, app.s.lang, years(s), app.s.typed, app.s.problems.map((p) => [p.path, p.message]),
    LISTS.map((l) => (s[l] ?? []).map((line) => [line.kind, !!line.unit_value, line.quantity_unit, line.unit_value?.value, (line.flows ?? []).map((f) => [f.year, f.from, f.to])])),
  ]);
}

/** Writes the study's values into the drawn grid; false when its shape changed (a redraw is needed). */
function patchGrid(app: App, el: HTMLElement, drawn: { shape: string }): boolean {
  const s = app.s.study;
  const shape = shapeOf(app);
  if (!s || shape !== drawn.shape) return false;
  const rows = rowsOf(s);
  const yrs = years(s);
  el.querySelectorAll<HTMLInputElement>('#grid input[data-row][data-col]').forEach((inp) => {
    const row = rows[Number(inp.dataset.row)];
    const line = row ? s[row.list]?.[row.line] : undefined;
    const y = yrs[Number(inp.dataset.col)];
    if (!line || y === undefined) return;
    const codec = codecOf(app, line);
    const cell = cellOf(line.flows, y);
    const f = cell.kind === 'range' ? line.flows?.[cell.flow] : undefined;
    const v = cell.kind === 'single' ? codec.show(cell.amount) : cell.kind === 'range' ? (cell.first ? codec.show(String(f?.amount ?? '')) : '↔') : '';
    if (inp.value !== v) inp.value = v;
  });
  rows.forEach((row) => {
    const line = s[row.list]?.[row.line];
    const name = el.querySelector<HTMLInputElement>(`#grid [data-k="${row.list}[${row.line}].name"]`);
    if (line && name && name.value !== line.name) name.value = line.name;
  });
  // The ranges panel is small: drawn again.
  el.querySelector('#ranges')?.replaceWith(rangesOf(app, rows[app.s.selRow]));
  return true;
}

export function linesView(app: App): Part {
  const el = h('div', { id: 'view-lines' });
  const drawn = { shape: '' };
  const part = new Part(el, app.store, ['study', 'problems', 'lang', 'unit', 'typed'], () => {
    drawn.shape = shapeOf(app);
    return draw(app);
  }, () => app.s.tab === 'lines', () => patchGrid(app, el, drawn));
  // The selection only moves the highlight and swaps the ranges panel: the grid stays.
  // The engine's totals and PVs arrive after each edit: written into their cells, the grid stays.
  app.store.subscribe(['appraisal', 'appraisalStale'], () => fillTotals(app, el));
  app.store.subscribe(['selRow'], () => {
    if (app.s.tab !== 'lines') return part.invalidate();
    const old = el.querySelector('#ranges');
    const rows = app.s.study ? rowsOf(app.s.study) : [];
    if (old) old.replaceWith(rangesOf(app, rows[app.s.selRow]));
    el.querySelectorAll('#grid tbody tr.sel').forEach((e) => e.classList.remove('sel'));
    el.querySelector(`[data-row="${app.s.selRow}"]`)?.closest('tr')?.classList.add('sel');
  });
  return part;
}

/** How the grid reads and writes a line's cells: money in the unit on screen, or a quantity. */
export type CellCodec = { show: (stored: string) => string; read: (typed: string) => string | null; quantity: boolean };

export function codecOf(app: App, line: Line | undefined): CellCodec {
  const su = STUDY_UNIT_EXP[app.s.study?.unit ?? '원'] ?? 0;
  if (line?.unit_value)
    // A quantity (vehicle-hours, accidents) times the line's unit value: no money unit applies.
    return { quantity: true, show: (v) => groupDigits(v), read: (t) => parseMoney(t, 0) };
  const unit = app.s.unit;
  return {
    quantity: false,
    show: (v) => inUnit(shiftDecimal(v, su), unit),
    read: (t) => {
      const won = parseMoney(t, UNIT_EXP[unit]);
      return won === null || won === '' ? won : shiftDecimal(won, -su);
    },
  };
}

/** The engine's figures beside the typed ones: each line's total and PV, each year's totals. */
function fillTotals(app: App, el: HTMLElement): void {
  const a = app.s.appraisal;
  const e = a?.economic;
  const unit = app.s.unit;
  const money = (x: string | undefined) => (x === undefined ? '' : figureIn(x, unit));
  // With problems these are the last valid figures: dimmed like the strip's.
  el.querySelector('#grid')?.classList.toggle('stale', app.s.appraisalStale);
  el.querySelectorAll<HTMLElement>('[data-line-fig]').forEach((c) => {
    const [list, idx, what] = (c.dataset.lineFig ?? '').split(':');
    const l = e?.lines?.find((x) => x.origin.from === 'study' && x.origin.list === list && x.origin.index === Number(idx));
    c.textContent = l ? money(what === 'pv' ? l.pv : l.nominal) : '';
  });
  el.querySelectorAll<HTMLElement>('[data-year-total]').forEach((c) => {
    const [list, y] = (c.dataset.yearTotal ?? '').split(':');
    const row = e?.cash_flow?.find((r) => String(r.year) === y);
    c.textContent = row ? money(list === 'costs' ? row.costs : row.benefits) : '';
  });
  el.querySelectorAll<HTMLElement>('[data-list-total]').forEach((c) => {
    const [list, what] = (c.dataset.listTotal ?? '').split(':');
    const v = list === 'costs' ? (what === 'pv' ? e?.pv_costs : e?.nominal_costs) : what === 'pv' ? e?.pv_benefits : e?.nominal_benefits;
    c.textContent = money(v);
  });
}

function draw(app: App): Node {
  const s = app.s.study;
  if (!s) return h('p', { class: 'empty' }, app.tr('empty'));
  const tr = app.tr;
  const L = app.s.lang;
  const placed = new Set<Problem>();
  const yrs = years(s);
  const rows = rowsOf(s);
  const problems = app.s.problems;
  const table = h('table', { class: 'grid', id: 'grid' });
  table.append(h('thead', {}, h('tr', {}, h('th', { class: 'c-name' }, tr('name')), h('th', { class: 'c-kind' }, tr('kind')), yrs.map((y) => h('th', {}, y)), h('th', { class: 'c-fig' }, tr('lineTotal')), h('th', { class: 'c-fig' }, tr('linePv')))));
  const tbody = h('tbody');
  let r = 0;
  for (const list of LISTS) {
    const lines = s[list] ?? [];
    tbody.append(
      h(
        'tr',
        { class: 'list-head' },
        h(
          'th',
          { colspan: 2, class: 'c-name' },
          tr(list),
          ' ',
          h('button', { class: 'small', id: `add-${list}`, onclick: () => app.edit((x) => (x[list] = [...(x[list] ?? []), { name: tr('newLine'), kind: list === 'costs' ? 'capex' : 'other', flows: [] }])) }, tr('addLine')),
        ),
        h('th', { colspan: yrs.length + 2 }),
      ),
    );
    lines.forEach((line, i) => {
      const row = r++;
      const base = `${list}[${i}]`;
      const codec = codecOf(app, line);
      const lineErr = problemsAt(problems, base).filter((p) => !/flows\[\d+\]/.test(p.path));
      lineErr.forEach((p) => placed.add(p));
      const uv = line.unit_value;
      const trow = h(
        'tr',
        { class: row === app.s.selRow ? 'sel' : '' },
        h(
          'th',
          { class: `c-name ${lineErr.length ? 'invalid' : ''}`, title: lineErr.map((p) => problemText(L, p)).join('\n') },
          h('input', { type: 'text', 'data-k': `${base}.name`, 'data-path': `${base}.name`, value: line.name ?? '', onchange: (e: Event) => app.edit((x) => { const l = x[list]?.[i]; if (l) l.name = (e.target as HTMLInputElement).value; }) }),
          // A quantity line: its cells are quantities in the line's own unit, times the unit value.
          uv ? h('div', { class: 'qty', 'data-qty-for': base }, h('span', { class: 'user' }, line.quantity_unit ?? ''), ` × ${groupDigits(uv.value)}${L === 'ko' ? '원' : ' KRW'}`) : null,
        ),
        h('td', { class: 'c-kind' }, kindSelect(app, line.kind, `${base}.kind`, (kind) => app.edit((x) => { const l = x[list]?.[i]; if (l) l.kind = kind; }))),
      );
      yrs.forEach((y, c) => {
        const cell = cellOf(line.flows, y);
        const fpath = cell.kind === 'empty' ? '' : `${base}.flows[${cell.flow}]`;
        const errs = fpath ? problemsAt(problems, fpath) : [];
        errs.forEach((p) => placed.add(p));
        const k = `cell:${row}:${c}`;
        const select = () => app.store.set({ selRow: row });
        if (cell.kind === 'range') {
          const f = line.flows?.[cell.flow] ?? {};
          trow.append(h('td', { class: `range ${errs.length ? 'invalid' : ''}`, title: `${tr('inRange')} (${f.from}–${f.to})` + errs.map((p) => `\n${problemText(L, p)}`).join('') },
            h('input', { type: 'text', readonly: true, tabindex: -1, 'data-k': k, 'data-row': row, 'data-col': c, value: cell.first ? codec.show(String(f.amount ?? '')) : '↔', onkeydown: (e: KeyboardEvent) => gridKey(e, row, c, rows.length, yrs.length), onfocus: select })));
        } else {
          // A refused entry stays in its cell, highlighted, the reason beside it; the engine's
          // problems for the cell's flow are placed the same way, by their path.
          const tkey = `${base}@${y}`;
          const refused = app.s.typed[tkey];
          const msgs = refused !== undefined ? [fmt(L, 'app-not-amount', { value: refused })] : errs.map((p) => problemText(L, p));
          trow.append(
            h('td', { class: `${msgs.length ? 'invalid' : ''}`, title: msgs.join('\n'), 'data-cell': tkey },
              msgs.length ? h('div', { class: 'cell-msg', role: 'alert', 'data-error-for': tkey }, msgs.join(' · ')) : null,
              h('input', {
                type: 'text',
                'data-k': k,
                'data-row': row,
                'data-col': c,
                'data-path': fpath ? `${fpath}.amount` : null,
                'aria-label': `${line.name} ${y}`,
                value: refused ?? (cell.kind === 'single' ? codec.show(cell.amount) : ''),
                class: refused !== undefined ? 'invalid' : '',
                onkeydown: (e: KeyboardEvent) => gridKey(e, row, c, rows.length, yrs.length),
                onfocus: select,
                onpaste: (e: ClipboardEvent) => gridPaste(app, e, rows, yrs, row, c),
                onchange: (e: Event) => {
                  const inp = e.target as HTMLInputElement;
                  const amount = codec.read(inp.value);
                  if (amount === null) {
                    app.setTyped(tkey, inp.value);
                    return;
                  }
                  app.store.batch(() => {
                    app.setTyped(tkey, null);
                    app.edit((x) => setCell(x, { list, line: i }, y, amount));
                  });
                },
              }),
            ),
          );
        }
      });
      trow.append(h('td', { class: 'fig', 'data-line-fig': `${list}:${i}:nominal` }), h('td', { class: 'fig', 'data-line-fig': `${list}:${i}:pv` }));
      tbody.append(trow);
    });
    if (list !== 'revenues')
      tbody.append(h('tr', { class: 'totals', 'data-totals': list },
        h('th', { colspan: 2, class: 'c-name' }, `${tr(list)} ${tr('total')}`),
        yrs.map((y) => h('td', { class: 'fig', 'data-year-total': `${list}:${y}` })),
        h('td', { class: 'fig', 'data-list-total': `${list}:nominal` }),
        h('td', { class: 'fig', 'data-list-total': `${list}:pv` })));
  }
  table.append(tbody);
  const wrap = h('div', {}, problemList(app, placed),
    h('p', { class: 'hint' }, `${tr('pasteHint')} · ${tr('unitCaption')}: `, h('b', { id: 'grid-unit' }, UNIT_NAME[L][app.s.unit])),
    h('div', { class: 'grid-wrap' }, table), rangesOf(app, rows[app.s.selRow]));
  fillTotals(app, wrap);
  return wrap;
}

/** Line kinds the study may name (the engine adds optimism bias and carbon lines itself). */
const KINDS = codesOf('kind').filter((k) => k !== 'optimism_bias' && k !== 'carbon_value');

/** A line's kind, chosen from the catalog's code list by its reader's name. */
function kindSelect(app: App, value: string, key: string, set: (kind: string) => void): HTMLElement {
  const kinds = KINDS.includes(value) ? KINDS : [value, ...KINDS];
  return h('select', { class: 'kind', 'data-k': key, 'data-path': key, onchange: (e: Event) => set((e.target as HTMLSelectElement).value) },
    kinds.map((k) => h('option', { value: k, selected: k === value }, code(app.s.lang, 'kind', k))));
}

/** Arrow keys, Enter and Home/End move between cells as in a spreadsheet. */
function gridKey(e: KeyboardEvent, r: number, c: number, nr: number, nc: number): void {
  const inp = e.target as HTMLInputElement;
  const atStart = inp.selectionStart === 0 && inp.selectionEnd === 0;
  const atEnd = inp.selectionStart === inp.value.length;
  let [tr, tc] = [r, c];
  if (e.key === 'ArrowUp') tr--;
  else if (e.key === 'ArrowDown' || e.key === 'Enter') tr++;
  else if (e.key === 'ArrowLeft' && (atStart || inp.readOnly)) tc--;
  else if (e.key === 'ArrowRight' && (atEnd || inp.readOnly)) tc++;
  else return;
  if (tr < 0 || tr >= nr || tc < 0 || tc >= nc) return;
  e.preventDefault();
  if (e.key === 'Enter') inp.dispatchEvent(new Event('change'));
  const target = document.querySelector<HTMLInputElement>(`#grid [data-k="cell:${tr}:${tc}"]`);
  target?.focus();
  target?.select();
}

function gridPaste(app: App, e: ClipboardEvent, rows: Row[], yrs: number[], r: number, c: number): void {
  const text = e.clipboardData?.getData('text/plain') ?? '';
  if (!text.includes('\t') && !text.includes('\n')) return; // one value: let the input take it
  e.preventDefault();
  let result = { changed: 0, skipped: [] as string[] };
  app.edit((x) => {
    result = paste(x, rows, yrs, r, c, parseTsv(text), (typed, row) => codecOf(app, x[row.list]?.[row.line]).read(typed), app.tr('inRangedFlow'));
  });
  app.setStatus(`${app.tr('pasted')} ${result.changed}` + (result.skipped.length ? `, ${app.tr('skipped')} ${result.skipped.length}: ${result.skipped.slice(0, 3).join('; ')}` : ''));
}

function rangesOf(app: App, row: Row | undefined): HTMLElement {
  const study = app.s.study;
  const line = row && study ? study[row.list]?.[row.line] : undefined;
  if (!row || !line) return h('section', { id: 'ranges' });
  const tr = app.tr;
  const base = `${row.list}[${row.line}]`;
  const flows = line.flows ?? [];
  const placed = new Set<Problem>();
  const ranged = flows.map((f, k) => [f, k] as const).filter(([f]) => f.from !== undefined);
  return h(
    'section',
    { id: 'ranges' },
    h('h4', {}, `${tr('ranges')} `, h('span', { class: 'user' }, line.name)),
    ranged.map(([, k]) =>
      h(
        'div',
        { class: 'row' },
        field(app, tr('from'), `${base}.flows[${k}].from`, placed, { type: 'number' }),
        field(app, tr('to'), `${base}.flows[${k}].to`, placed, { type: 'number' }),
        field(app, tr('amount'), `${base}.flows[${k}].amount`, placed, { codec: codecOf(app, line) }),
        field(app, tr('growth'), `${base}.flows[${k}].growth`, placed),
        h('button', { class: 'small', onclick: () => app.edit((x) => x[row.list]?.[row.line]?.flows?.splice(k, 1)) }, tr('remove')),
      ),
    ),
    h('button', { class: 'small', id: 'add-range', onclick: () => app.edit((x) => { const l = x[row.list]?.[row.line]; if (!l) return; l.flows = l.flows ?? []; const y = x.parameters.last_year ?? 2055; l.flows.push({ from: y, to: y, amount: '0' }); }) }, tr('addRange')),
  );
}
