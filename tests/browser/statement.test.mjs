// The statement view: numbered paragraphs with anchors and themes,
// landing on a paragraph, copying citations, and back to the search.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Library, apiText, screenshot, waitForText } from './support.mjs';

const SEED = 'seed-alliance-ahc5';
let lib;
before(async () => { lib = await Library.start(); });
after(async () => { if (lib) await lib.stop(); });

/** True when paragraph n is highlighted, focused and on screen. */
const landedOn = (page, n) => page.evaluate((id) => {
  const li = document.getElementById(id);
  const r = li.getBoundingClientRect();
  return li.classList.contains('highlight') && document.activeElement === li && r.top >= 0 && r.top < window.innerHeight;
}, 'p' + n);

describe('statement view', () => {
  test('a result opens the statement on its paragraph; Back to search keeps the search', async () => {
    const page = await lib.page('/?q=%22data+localisation+mandates%22&view=passages');
    await waitForText(page, '#result-count', /^1 passage$/);
    const href = await page.getAttribute('#results .result-link', 'href');
    const m = /^\/statements\/northwind-ahc2-procedural-measures#p(\d+)$/.exec(href);
    assert.ok(m, href);
    await page.click('#results .result-link');
    await page.waitForSelector('#statement h1');
    assert.equal(new URL(page.url()).pathname + new URL(page.url()).hash, href);
    await page.waitForFunction((id) => document.getElementById(id)?.classList.contains('highlight'), 'p' + m[1]);
    assert.equal(await landedOn(page, m[1]), true);
    assert.match(await page.textContent('#p' + m[1] + ' .ptext'), /data localisation mandates/i);

    await page.click('#back');
    await waitForText(page, '#result-count', /^1 passage$/);
    assert.equal(await page.inputValue('#q'), '"data localisation mandates"');
    assert.equal(new URL(page.url()).searchParams.get('view'), 'passages');
    await page.close();
  });

  test('a link to a paragraph anchor lands on it', async () => {
    const page = await lib.page(`/statements/${SEED}#p7`);
    await page.waitForFunction(() => document.getElementById('p7')?.classList.contains('highlight'));
    assert.equal(await landedOn(page, 7), true);
    assert.equal(await page.title(), 'Alliance draft statement for AHC 5 — International cooperation – Statement Library');
    // Numbered paragraphs, one anchor each, with their own themes.
    const anchors = await page.$$eval('.paragraphs > li', (lis) => lis.map((li) => [li.id, li.querySelector('a.pnum').getAttribute('href')]));
    assert.equal(anchors.length, 9);
    anchors.forEach(([id, href], i) => { assert.equal(id, `p${i + 1}`); assert.equal(href, `#p${i + 1}`); });
    assert.ok(await page.locator('#p5 .tags .tag').filter({ hasText: 'Gender' }).count() === 1);
    // Following another paragraph's anchor moves there.
    await page.click('#p2 a.pnum');
    await page.waitForFunction(() => location.hash === '#p2' && document.getElementById('p2').classList.contains('highlight'));
    assert.equal(await page.locator('.paragraphs .highlight').count(), 1);
    await screenshot(page, 'page-statement.png');
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('copy citation puts the API\'s citation on the clipboard, as text or Markdown', async (t) => {
    const expected = await apiText(lib.base, `/api/statements/${SEED}/cite?paragraph=4&format=text`);
    if (expected === null) return t.skip('GET /api/statements/{id}/cite is not on this server yet');
    await lib.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: lib.base });
    const page = await lib.page(`/statements/${SEED}#p4`);
    const button = page.getByRole('button', { name: 'Copy citation of paragraph 4' });
    await button.waitFor({ state: 'visible', timeout: 10000 });
    await button.click();
    await waitForText(page, '#statement-status', /Citation of paragraph 4 copied/);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), expected.trim());
    assert.equal(await page.textContent('#citation-4'), expected.trim());
    assert.match(expected, /para\. 4/);

    await page.selectOption('#cite-format', 'markdown');
    await button.click();
    await waitForText(page, '#statement-status', /\(Markdown\)/);
    const markdown = await apiText(lib.base, `/api/statements/${SEED}/cite?paragraph=4&format=markdown`);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), markdown.trim());
    // The chosen format is remembered.
    await page.reload();
    await page.getByRole('button', { name: 'Copy citation of paragraph 4' }).waitFor({ state: 'visible' });
    assert.equal(await page.inputValue('#cite-format'), 'markdown');
    await page.close();
  });

  test('an unknown statement says so', async () => {
    const page = await lib.page('/statements/no-such-statement');
    await waitForText(page, '#statement h1', /Statement unavailable/);
    assert.equal(await page.isVisible('#error'), true);
    await page.close();
  });
});
