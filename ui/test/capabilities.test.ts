// The window may do only what the UI uses: every command the UI invokes is registered and
// granted, and nothing else is granted.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';

const read = (p: string) => readFileSync(new URL(p, import.meta.url), 'utf8');

test('capabilities grant exactly the commands the UI calls, plus listening to events', () => {
  const invoked = [...read('../src/api.ts').matchAll(/invoke<[^>]*>\('(\w+)'/g)].map((m) => m[1]).sort();
  const handlers = [...read('../../src-tauri/src/main.rs').matchAll(/(?:commands|registry)::(\w+),/g)].map((m) => m[1]).sort();
  const manifest = [...read('../../src-tauri/build.rs').matchAll(/^\s+"(\w+)",$/gm)].map((m) => m[1]).sort();
  const cap = JSON.parse(read('../../src-tauri/capabilities/default.json'));
  const granted = (cap.permissions as string[]).filter((p) => p.startsWith('allow-')).map((p) => p.slice(6).replace(/-/g, '_')).sort();
  const other = (cap.permissions as string[]).filter((p) => !p.startsWith('allow-'));
  expect(invoked.length).toBeGreaterThan(8);
  // The Portfolio view's command, which opens its own multi-file dialog on the Rust side.
  expect(invoked).toContain('compare_studies');
  expect(handlers).toEqual(invoked);
  expect(manifest).toEqual(invoked);
  expect(granted).toEqual(invoked);
  expect(other).toEqual(['core:event:allow-listen']);
  expect(cap.windows).toEqual(['main']);
});

test('a strict CSP: only the app itself and the IPC channel', () => {
  const conf = JSON.parse(read('../../src-tauri/tauri.conf.json'));
  const csp: string = conf.app.security.csp;
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toMatch(/unsafe-(inline|eval)|https?:\/\/(?!ipc\.localhost)|\*/);
  expect(conf.app.withGlobalTauri).toBe(false);
});
