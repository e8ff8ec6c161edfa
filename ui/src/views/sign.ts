// Sign-off and verification dialogs.

import { type Signer, api } from '../api';
import type { App } from '../app';
import { h } from '../dom';
import { formatPdfDate } from '../format';

export function signDialog(app: App): void {
  const tr = app.tr;
  const dlg = h('dialog', { id: 'sign-dialog' }) as HTMLDialogElement;
  const out = h('div', { id: 'sign-result' });
  const reviewer = h('input', { type: 'text', id: 'sign-reviewer' }) as HTMLInputElement;
  const role = h('input', { type: 'text', id: 'sign-role', value: tr('defaultRole') }) as HTMLInputElement;
  const pw = h('input', { type: 'password', id: 'sign-password' }) as HTMLInputElement;
  const replace = h('input', { type: 'checkbox', id: 'sign-replace' }) as HTMLInputElement;
  dlg.append(
    h('h3', {}, tr('signOff')),
    h('label', { class: 'field' }, h('span', {}, tr('reviewer')), reviewer),
    h('label', { class: 'field' }, h('span', {}, tr('role')), role),
    h('label', { class: 'field' }, h('span', {}, tr('password')), pw),
    h('label', { class: 'check' }, replace, ' ', tr('signReplace')),
    h('div', { class: 'row' },
      h('button', {
        id: 'sign-go',
        onclick: async () => {
          if (!reviewer.value.trim()) return reviewer.focus();
          try {
            const r = await api.signPdf(reviewer.value.trim(), role.value.trim(), replace.checked, pw.value || undefined);
            out.replaceChildren(r ? signersView(app, r.path, r.signers) : tr('cancelled'));
          } catch (e) {
            out.replaceChildren(h('span', { class: 'error' }, app.errorText(e)));
          }
        },
      }, tr('sign')),
      h('button', { onclick: () => { dlg.close(); dlg.remove(); } }, tr('close'))),
    out,
  );
  document.body.append(dlg);
  dlg.showModal();
}

export function signersView(app: App, path: string, signers: Signer[]): HTMLElement {
  return h('div', {}, h('b', {}, `${app.tr('valid')}: `, h('span', { class: 'user' }, path)),
    h('ul', {}, signers.map((s) => h('li', {}, h('span', { class: 'user' }, `${s.reviewer ?? s.signer} (${s.role ?? '-'})`), ` · ${app.tr('signedAt')} `, h('span', { class: 'sign-date' }, s.date ? formatPdfDate(s.date, app.s.lang) : '—'), ` · SHA-256 ${String(s.cert_sha256).slice(0, 16)}…`))));
}

export async function verify(app: App): Promise<void> {
  try {
    const r = await api.verifyPdf();
    if (!r) return;
    const dlg = h('dialog', { id: 'verify-dialog' }) as HTMLDialogElement;
    dlg.append(
      r.ok ? signersView(app, r.path, r.signers) : h('p', { class: 'error' }, `${app.tr('invalid')}: `, h('span', { class: 'user' }, r.path), ` — ${r.error ? app.errorText(r.error) : ''}`),
      h('button', { onclick: () => { dlg.close(); dlg.remove(); } }, app.tr('close')),
    );
    document.body.append(dlg);
    dlg.showModal();
  } catch (e) {
    app.setStatus(app.errorText(e));
  }
}
