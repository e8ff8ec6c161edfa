// End-to-end test of the real desktop app: the built `yeta-app` binary in WebKitGTK, under Xvfb,
// driven over WebDriver through tauri-driver (crates.io) and Debian's WebKitWebDriver. No mocks:
// the web view calls the Rust commands, which call the engine.
//
// Opens a fixture, checks the verdict and B/C against the CLI, changes a cost and sees B/C move,
// enters an AHP judgement and sees CR, takes screenshots (WebDriver and the X screen), and reports
// the time to first paint of the verdict and the app's idle memory.
//
//   APP=… TAURI_DRIVER=… YETA_BIN=… OUT=dir node tests/app/real-app.mjs

import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import net from 'node:net';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const APP = resolve(process.env.APP ?? join(repo, 'target/debug/yeta-app'));
const DRIVER = process.env.TAURI_DRIVER ?? 'tauri-driver';
const YETA = resolve(process.env.YETA_BIN ?? join(repo, 'target/debug/yeta'));
const OUT = resolve(process.env.OUT ?? join(repo, 'target/app-e2e'));
const ROAD = join(repo, 'fixtures/road-national-route.yeta.json');
mkdirSync(OUT, { recursive: true });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const children = [];
const cleanup = () => children.forEach((c) => c.exitCode === null && c.kill('SIGTERM'));
process.on('exit', cleanup);

const freePort = () =>
  new Promise((res) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => res(p));
    });
  });

// ---- the engine's numbers, from the CLI ----
const appraise = (text) => {
  const f = join(mkdtempSync(join(tmpdir(), 'yeta-real-')), 's.yeta.json');
  writeFileSync(f, text);
  return JSON.parse(execFileSync(YETA, ['appraise', f, '--json', '-'], { encoding: 'utf8', maxBuffer: 1 << 28 }));
};
const road = readFileSync(ROAD, 'utf8');
const bc0 = appraise(road).economic.bc_ratio.toFixed(3);
const edited = JSON.parse(road);
edited.costs[0].flows[0].amount = '60000000000';
const bc1 = appraise(JSON.stringify(edited)).economic.bc_ratio.toFixed(3);
/** The study as the app holds it when the risk test runs (the AHP edits do not enter the risk analysis). */
function riskStudy() {
  const f = join(mkdtempSync(join(tmpdir(), 'yeta-real-')), 'risk.yeta.json');
  writeFileSync(f, JSON.stringify(edited));
  return f;
}

// ---- X server ----
let display = 90 + Math.floor(Math.random() * 200);
while (existsSync(`/tmp/.X11-unix/X${display}`)) display++;
const DISPLAY = `:${display}`;
const xvfb = spawn('Xvfb', [DISPLAY, '-screen', '0', '1400x950x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
children.push(xvfb);
for (let i = 0; i < 50 && !existsSync(`/tmp/.X11-unix/X${display}`); i++) await sleep(100);

const data = mkdtempSync(join(tmpdir(), 'yeta-app-data-'));
const env = { ...process.env, DISPLAY, YETA_DATA_DIR: data, TAURI_WEBVIEW_AUTOMATION: 'true', XDG_DATA_HOME: join(data, 'xdg'), WEBKIT_DISABLE_COMPOSITING_MODE: '1', NO_AT_BRIDGE: '1' };
const port = await freePort();
const nativePort = await freePort();
const driverLog = join(OUT, 'tauri-driver.log');
const driver = spawn(DRIVER, ['--port', String(port), '--native-port', String(nativePort)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
children.push(driver);
const logChunks = [];
driver.stdout.on('data', (d) => logChunks.push(d));
driver.stderr.on('data', (d) => logChunks.push(d));
const WD = `http://127.0.0.1:${port}`;

async function wd(method, path, body) {
  if (process.env.WD_TRACE) console.log(`    ${new Date().toISOString().slice(11, 23)} ${method} ${path.replace(/^\/session\/[^/]+/, '')} ${body ? JSON.stringify(body).slice(0, 80) : ''}`);
  // A bounded wait: a wedged web view fails the test instead of hanging CI.
  const r = await fetch(WD + path, { method, headers: { 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined, signal: AbortSignal.timeout(120000) });
  const j = await r.json();
  if (j.value && j.value.error) throw new Error(`${method} ${path}: ${j.value.error}: ${j.value.message}`);
  return j.value;
}
for (let i = 0; i < 100; i++) {
  try {
    await fetch(WD + '/status');
    break;
  } catch {
    await sleep(100);
  }
}

let passed = 0;
let S = '';
async function test(name, f) {
  const t0 = Date.now();
  try {
    await f();
    passed++;
    console.log(`  ok   ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    console.log(`  FAIL ${name}\n${e.stack ?? e}`);
    console.log(`  status: ${await textOf('#status-msg').catch((x) => String(x))}`);
    try {
      if (S) await shot('failure-webdriver.png');
      xshot('failure-screen.png');
    } catch (x) {
      console.log(`  (no failure screenshot: ${x})`);
    }
    writeFileSync(driverLog, Buffer.concat(logChunks));
    console.log(`  (tauri-driver log: ${driverLog})`);
    cleanup();
    process.exit(1);
  }
}
const exec = (script, ...args) => wd('POST', `${S}/execute/sync`, { script, args });
const until = async (f, what, ms = 20000) => {
  const end = Date.now() + ms;
  let last;
  while (Date.now() < end) {
    try {
      last = await f();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what} (last: ${last})`);
};
const textOf = (sel) => exec('const e = document.querySelector(arguments[0]); return e ? e.innerText : null', sel);
const find = async (sel) => Object.values(await wd('POST', `${S}/element`, { using: 'css selector', value: sel }))[0];
const shot = async (name) => writeFileSync(join(OUT, name), Buffer.from(await wd('GET', `${S}/screenshot`), 'base64'));
/** The X screen, as a person would see it; returns the number of distinct colours. */
function xshot(name) {
  const p = join(OUT, name);
  const r = spawnSync('import', ['-display', DISPLAY, '-window', 'root', p]);
  if (r.status !== 0) return 0;
  return Number(execFileSync('identify', ['-format', '%k', p], { encoding: 'utf8' }));
}
/** Resident memory (kB) of the app and the WebKit processes it started. */
function memoryKb(rootPid) {
  const procs = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  const parent = {};
  const rss = {};
  for (const p of procs) {
    try {
      const st = readFileSync(`/proc/${p}/status`, 'utf8');
      parent[p] = /PPid:\s+(\d+)/.exec(st)?.[1];
      rss[p] = Number(/VmRSS:\s+(\d+)/.exec(st)?.[1] ?? 0);
    } catch {
      /* gone */
    }
  }
  const inTree = (p) => {
    for (let q = p, n = 0; q && n < 20; q = parent[q], n++) if (q === String(rootPid)) return true;
    return false;
  };
  const tree = Object.keys(rss).filter(inTree);
  return { app: rss[rootPid] ?? 0, total: tree.reduce((a, p) => a + rss[p], 0), processes: tree.length };
}

console.log(`real app: ${APP} on ${DISPLAY} via ${DRIVER}`);
const t0 = Date.now();
let firstPaint = 0;
await test('the app starts with a fixture and shows the engine verdict and B/C', async () => {
  const s = await wd('POST', '/session', { capabilities: { alwaysMatch: { 'tauri:options': { application: APP, args: [ROAD] } } } });
  S = `/session/${s.sessionId}`;
  await until(async () => (await textOf('#strip-bc')) === bc0, `B/C ${bc0}`);
  firstPaint = Date.now() - t0;
  assert.equal(await textOf('#verdict'), '시행');
  assert.equal(await textOf('#status-path'), ROAD);
  await sleep(300);
  await shot('real-app-start.png');
});

await test('changing a cost in the grid moves B/C to the engine value', async () => {
  await wd('POST', `${S}/element/${await find('#btn-lang')}/click`, {});
  await until(async () => (await textOf('#tab-lines')) === 'Costs & benefits', 'English');
  await wd('POST', `${S}/element/${await find('#tab-lines')}/click`, {});
  const cell = await until(() => find('[data-k="cell:0:0"]'), 'the grid');
  // The grid is in 억원 by default: 600 is KRW 60,000,000,000. Focus and select the cell's text, then type over it (clearing would commit an empty cell).
  await wd('POST', `${S}/element/${cell}/click`, {});
  await exec('document.activeElement.select()');
  await wd('POST', `${S}/element/${cell}/value`, { text: '600\uE007' });
  await until(async () => (await textOf('#strip-bc')) === bc1, `B/C ${bc1} after the edit`);
  await shot('real-app-grid.png');
});

await test('an AHP judgement updates the CR shown (Rust ahp_matrix command)', async () => {
  await wd('POST', `${S}/element/${await find('#tab-ahp')}/click`, {});
  const before = await until(async () => {
    const t = await textOf('[data-cr-for="goal"]');
    return t && t.startsWith('CR ') ? t : null;
  }, 'the goal CR');
  await exec('const e = document.querySelector(arguments[0]); e.value = "-8"; e.dispatchEvent(new Event("change"));', '[data-k="pair:0:goal:0:1"]');
  await exec('const e = document.querySelector(arguments[0]); e.value = "-4"; e.dispatchEvent(new Event("change"));', '[data-k="pair:0:goal:1:2"]');
  const after = await until(async () => {
    const t = await textOf('[data-cr-for="goal"]');
    return t && t !== before && t.includes('inconsistent') ? t : null;
  }, 'an inconsistent CR');
  const cr = Number(/CR ([\d.]+)/.exec(after)[1]);
  assert.ok(cr > 0.1, after);
  await shot('real-app-ahp.png');
});

await test('Monte Carlo on the blocking pool: progress events, result, and Cancel', async () => {
  await wd('POST', `${S}/element/${await find('#tab-risk')}/click`, {});
  // As typed: the value, then the change event the Risk view keeps its settings on.
  const setDraws = (n) =>
    exec('const e = document.querySelector("#risk-draws"); e.value = arguments[0]; e.dispatchEvent(new Event("change"));', String(n));
  await setDraws(20000);
  await wd('POST', `${S}/element/${await find('#btn-risk')}/click`, {});
  const r = JSON.parse(execFileSync(YETA, ['risk', riskStudy(), '--draws', '20000', '--seed', '1', '--json', '-'], { encoding: 'utf8', maxBuffer: 1 << 28 }));
  const want = `P(B/C ≥ 1) = ${(r.prob_bc_ge_1 * 100).toFixed(1)} %`;
  await until(async () => ((await textOf('#risk-prob')) ?? '').startsWith(want), want, 60000);
  assert.ok((await exec('return window.yeta.progressEvents')) > 0, 'progress events reached the UI');
  // A long run, cancelled: the engine stops at its next check and the UI says so.
  await setDraws(10000000); // the engine's largest run
  await wd('POST', `${S}/element/${await find('#btn-risk')}/click`, {});
  await until(() => exec('return !!document.querySelector("#job-progress")'), 'the progress bar');
  // At once: a release build draws 10 million in about a second on two cores.
  await exec('document.querySelector("#btn-cancel").click()');
  await until(async () => ((await textOf('#status-msg')) ?? '').toLowerCase().includes('cancelled'), 'the cancelled status', 30000);
});

await test('results dashboard, screenshots, memory', async () => {
  await wd('POST', `${S}/element/${await find('#tab-results')}/click`, {});
  await until(() => textOf('#verdict-card'), 'the verdict card');
  await sleep(500);
  await shot('real-app-results.png');
  const colours = xshot('real-app-screen.png');
  assert.ok(colours > 50, `the X screen has only ${colours} colours: the window is not drawn`);
  const pid = Number(
    readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .find((p) => {
        try {
          return readFileSync(`/proc/${p}/cmdline`, 'utf8').split('\0')[0] === APP;
        } catch {
          return false;
        }
      }),
  );
  await sleep(2000); // idle
  const m = memoryKb(pid);
  const inApp = await exec('return window.yeta.firstVerdictMs');
  console.log(`  first paint of the verdict: ${firstPaint} ms after the session was requested (app start + engine); ${Math.round(inApp)} ms after the page started loading`);
  console.log(`  idle memory: yeta-app ${Math.round(m.app / 1024)} MiB RSS; with its WebKit processes ${Math.round(m.total / 1024)} MiB (${m.processes} processes)`);
  writeFileSync(join(OUT, 'real-app-metrics.json'), JSON.stringify({ first_paint_ms: firstPaint, first_verdict_in_page_ms: await exec('return window.yeta.firstVerdictMs'), rss_app_kb: m.app, rss_total_kb: m.total, screen_colours: colours }, null, 2));
});

await wd('DELETE', S).catch(() => {});
writeFileSync(driverLog, Buffer.concat(logChunks));
cleanup();
console.log(`real app: ${passed} tests passed; screenshots in ${OUT}`);
process.exit(0);
