// Entry point: mounts the workbench on #app.
import { App } from './app';
import './style.css';

/**
 * The first paint waits for the bundled font (preloaded in index.html), at most 1.5 s: nothing
 * is drawn in a fallback font without Korean glyphs (tofu).
 */
async function fontsReady(): Promise<void> {
  if (!('fonts' in document)) return;
  const load = Promise.all(['400 14px "Yeta Nanum"', '700 14px "Yeta Nanum"'].map((f) => document.fonts.load(f, '예타')));
  await Promise.race([load.catch(() => undefined), new Promise((r) => setTimeout(r, 1500))]);
}

const root = document.getElementById('app');
if (root) {
  const app = new App(root);
  (window as unknown as { yeta: App }).yeta = app;
  void fontsReady().then(() => app.start());
}
