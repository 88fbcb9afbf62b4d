// Statement text with script, event-handler and javascript: markup
// (tests/fixtures/hostile, synthetic) is shown as text in snippets, the
// statement view and the widget, and none of it runs: the payloads would
// set window.__stmtPwned or open an alert dialog.

import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Library, SOURCE_DIR, WAIT_MS, waitForText } from './support.mjs';

let lib;
const STATEMENT = 'hostile-markup-ahc5';
/** Elements and attributes that would mean markup from the text became markup in the page. */
const ACTIVE = 'script:not([src]), iframe, svg[onload], img[onerror], [href^="javascript:" i], [src^="javascript:" i]';

before(async () => {
  lib = await Library.start({
    hosts: ['partner'], allowed: ['partner'],
    corpus: path.join(SOURCE_DIR, 'tests', 'fixtures', 'hostile')
  });
  lib.hosts.partner.serve('/', `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partner</title>
<script src="${lib.base}/widget.js" defer></script></head><body><main>
<statement-search endpoint="${lib.base}" lang="en" query="inertmarkup"></statement-search></main></body></html>`);
});
after(async () => { if (lib) await lib.stop(); });

/** A tab that records dialogs (an alert() would be one) and dismisses them. */
async function watchedPage(url) {
  const page = await lib.page();
  page.dialogs = [];
  page.on('dialog', (d) => { page.dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  await page.goto(url.startsWith('http') ? url : lib.base + url);
  return page;
}

async function assertNothingRan(page) {
  // Give handlers that would fire on load or on a failed image a moment,
  // by waiting for the page to be idle rather than for a time.
  await page.waitForLoadState('networkidle');
  assert.equal(await page.evaluate(() => window.__stmtPwned), undefined, 'a payload ran');
  assert.deepEqual(page.dialogs, [], 'a payload opened a dialog');
}

describe('hostile statement text', () => {
  test('snippets show the markup as text', async () => {
    const page = await watchedPage('/?q=inertmarkup&view=passages');
    await waitForText(page, '#result-count', /^4 passages$/);
    const snippets = (await page.locator('#results .snippet').allTextContents()).join('\n');
    assert.match(snippets, /<script>window\.__stmtPwned/);
    assert.match(snippets, /<img src="x" onerror=/);
    assert.equal(await page.locator(`#results :is(${ACTIVE})`).count(), 0);
    await assertNothingRan(page);
  });

  test('the statement view shows every paragraph as text', async () => {
    const page = await watchedPage(`/statements/${STATEMENT}`);
    await page.waitForSelector('#statement h1', { timeout: WAIT_MS });
    const text = await page.locator('#statement').textContent();
    for (const payload of ['<script>', 'onerror=', 'javascript:alert', '<svg onload=', '<iframe src=']) {
      assert.ok(text.includes(payload), `"${payload}" is not shown as text`);
    }
    assert.equal(await page.locator(`#statement :is(${ACTIVE})`).count(), 0);
    await assertNothingRan(page);
  });

  test('the widget on another site shows the markup as text', async () => {
    const page = await watchedPage(lib.hosts.partner.origin + '/');
    await page.waitForSelector('statement-search[data-state="ready"]', { timeout: WAIT_MS });
    const found = await page.evaluate((active) => {
      const root = document.querySelector('statement-search').shadowRoot;
      return { text: root.textContent, active: root.querySelectorAll(active).length };
    }, ACTIVE);
    assert.match(found.text, /<script>|onerror=|javascript:/);
    assert.equal(found.active, 0);
    await assertNothingRan(page);
  });
});
