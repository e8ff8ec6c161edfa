// The open-data package of `yeta publish`, read in Chromium as a person would: the Korean index,
// a project page, the switch to English and back, every table with its caption and headers, no
// script and nothing fetched from outside the package.
//
//   node e2e/publish.mjs DIR      (DIR from YETA_PUBLISH_KEEP=DIR cargo test -p yeta-cli --test publish)

import { chromium } from 'playwright-core';
import { pathToFileURL } from 'node:url';
import { join, resolve } from 'node:path';
import assert from 'node:assert/strict';

const dir = resolve(process.argv[2] ?? '');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
// No script runs: the pages must read without it.
const context = await browser.newContext({ javaScriptEnabled: false });
const page = await context.newPage();
const outside = [];
page.on('request', (r) => { if (!r.url().startsWith('file://')) outside.push(r.url()); });

/** Every table has a caption, and header cells say what they head. */
async function tablesAreLabelled(where) {
  const tables = await page.locator('table').count();
  assert.ok(tables > 0, `${where}: a table`);
  assert.equal(await page.locator('table:not(:has(caption))').count(), 0, `${where}: a table without a caption`);
  assert.equal(await page.locator('th:not([scope])').count(), 0, `${where}: a header cell without scope`);
}

await page.goto(pathToFileURL(join(dir, 'index.html')).href);
assert.equal(await page.getAttribute('html', 'lang'), 'ko');
await tablesAreLabelled('index (ko)');
const body = await page.innerText('body');
assert.ok(/[가-힣]/.test(body), 'the Korean index is in Korean');
assert.ok(body.includes('projects.csv') && body.includes('projects.json'), 'the downloads are linked');
// A project, as a reader would reach it: its name in the index.
const first = page.locator('table th[scope="row"] a').first();
const name = (await first.innerText()).trim();
await first.click();
await page.waitForLoadState();
assert.ok(page.url().includes('/p/'), page.url());
assert.ok((await page.innerText('h1')).includes(name.slice(0, 10)), 'the project page is the one clicked');
await tablesAreLabelled(`project page (ko) ${page.url()}`);
assert.ok((await page.innerText('body')).includes('B/C'));
// To English and back.
await page.click('nav a[hreflang="en"]');
await page.waitForLoadState();
assert.equal(await page.getAttribute('html', 'lang'), 'en');
assert.ok(page.url().includes('/en/p/'), page.url());
await tablesAreLabelled('project page (en)');
await page.click('nav a[hreflang="ko"]');
await page.waitForLoadState();
assert.equal(await page.getAttribute('html', 'lang'), 'ko');
await page.screenshot({ path: join(dir, 'read-ko.png'), fullPage: true });
assert.deepEqual(outside, [], 'nothing fetched from outside the package');
await browser.close();
console.log(`publish: the package reads in Chromium (index, "${name}", ko ⇄ en): ok`);
