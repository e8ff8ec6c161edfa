// The study form: project and parameters as fields, the other sections as JSON text.

import type { App } from '../app';
import { h } from '../dom';
import { type Key, code, codesOf } from '../i18n';
import type { Problem } from '../study';
import { setPath } from '../study';
import { UNIT_NAME } from '../format';
import { errorsFor, field, problemList } from './common';
import { codecOf } from './lines';
import { Part } from './part';

const SECTORS = ['road', 'rail', 'port', 'airport', 'water', 'building', 'culture', 'ict', 'rnd', 'other'];
/** The regions of the catalog's list, with the study's own value first when it is another spelling. */
const regionsWith = (v: string | undefined): string[] => {
  const all = codesOf('region');
  return v === undefined || all.includes(v) ? all : [v, ...all];
};
const RAW_SECTIONS = ['rules', 'financing', 'policy', 'regional', 'environment'];

export function studyView(app: App): Part {
  return new Part(h('div', { id: 'view-study' }), app.store, ['study', 'problems', 'lang', 'unit', 'typed'], () => draw(app), () => app.s.tab === 'study');
}

function draw(app: App): Node {
  if (!app.s.study) return h('p', { class: 'empty' }, app.tr('empty'));
  const tr = app.tr;
  const placed = new Set<Problem>();
  const steps = app.s.study.parameters?.discount ?? [];
  const form = h(
    'div',
    { class: 'form' },
    h(
      'section',
      {},
      h('h3', {}, tr('project')),
      field(app, tr('name'), 'project.name', placed),
      field(app, tr('sponsor'), 'project.sponsor', placed),
      field(app, tr('sector'), 'project.sector', placed, { options: SECTORS, labels: (o) => code(app.s.lang, 'sector', o) }),
      field(app, tr('region'), 'project.region', placed, { options: regionsWith(app.s.study.project.region), labels: (o) => code(app.s.lang, 'region', o) }),
      field(app, `${tr('totalCost')} (${UNIT_NAME[app.s.lang][app.s.unit]})`, 'project.total_cost', placed, { codec: codecOf(app, undefined) }),
      field(app, `${tr('stateFunding')} (${UNIT_NAME[app.s.lang][app.s.unit]})`, 'project.state_funding', placed, { codec: codecOf(app, undefined) }),
      field(app, tr('description'), 'project.description', placed, { wide: true }),
    ),
    h(
      'section',
      {},
      h('h3', {}, tr('parameters')),
      field(app, tr('baseYear'), 'parameters.base_year', placed, { type: 'number' }),
      field(app, tr('firstYear'), 'parameters.first_year', placed, { type: 'number' }),
      field(app, tr('lastYear'), 'parameters.last_year', placed, { type: 'number' }),
      h('h4', {}, tr('discount')),
      steps.map((_, i) =>
        h(
          'div',
          { class: 'row' },
          field(app, tr('fromYear'), `parameters.discount[${i}].from_year`, placed, { type: 'number' }),
          field(app, tr('rate'), `parameters.discount[${i}].rate`, placed),
          h('button', { class: 'small', onclick: () => app.edit((s) => s.parameters.discount?.splice(i, 1)) }, tr('remove')),
        ),
      ),
      errorsFor(app, 'parameters.discount', placed),
      h(
        'button',
        {
          class: 'small',
          onclick: () =>
            app.edit((s) => {
              s.parameters.discount = s.parameters.discount ?? [];
              s.parameters.discount.push({ from_year: (s.parameters.base_year ?? 2025) + 1, rate: '0.045' });
            }),
        },
        tr('addStep'),
      ),
    ),
    h('section', { class: 'raw' }, h('h3', {}, tr('otherSections')), RAW_SECTIONS.map((k) => rawSection(app, k, placed))),
  );
  return h('div', {}, problemList(app, placed), form);
}

/** A whole section as JSON text; committed when it parses, the engine judges the rest. */
function rawSection(app: App, key: string, placed: Set<Problem>): HTMLElement {
  const v = app.s.study?.[key];
  return h(
    'details',
    {},
    h('summary', {}, app.tr(`section${key[0].toUpperCase()}${key.slice(1)}` as Key)),
    h('textarea', {
      'data-k': `raw:${key}`,
      rows: 12,
      spellcheck: 'false',
      onchange: (e: Event) => {
        const ta = e.target as HTMLTextAreaElement;
        try {
          const parsed: unknown = ta.value.trim() === '' ? undefined : JSON.parse(ta.value);
          app.edit((s) => setPath(s, key, parsed));
        } catch (err) {
          app.setStatus(`${key}: ${err}`);
        }
      },
    }, v === undefined ? '' : JSON.stringify(v, null, 2)),
    errorsFor(app, key, placed),
  );
}
