// "Similar language": paste a paragraph, see the closest passages with the
// shared phrases marked; start from a paragraph of the library.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Library, screenshot, waitForText } from './support.mjs';

const PASTED = 'We believe that civil society can play a role in capacity building, and that technical assistance efforts '
  + 'should bring more sectors of society into the process.';
let lib;
let available = false;
before(async () => {
  lib = await Library.start();
  const res = await fetch(lib.base + '/api/similar', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"text":"civil society"}' });
  available = res.ok;
});
after(async () => { if (lib) await lib.stop(); });

const skipUnlessAvailable = (t) => {
  if (!available) t.skip('POST /api/similar is not on this server yet');
  return !available;
};

describe('similar language', () => {
  test('pasting a paragraph shows the closest passages with shared phrases marked', async (t) => {
    if (skipUnlessAvailable(t)) return;
    await lib.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: lib.base });
    const page = await lib.page('/');
    await page.click('#nav-similar');
    await page.waitForSelector('#similar-view:not([hidden])');
    assert.equal(new URL(page.url()).pathname, '/similar');
    // A real paste, from the clipboard.
    await page.evaluate((text) => navigator.clipboard.writeText(text), PASTED);
    await page.focus('#similar-text');
    await page.keyboard.press('Control+V');
    assert.equal(await page.inputValue('#similar-text'), PASTED);
    await page.click('#similar-submit');
    await waitForText(page, '#similar-count', /similar passages?$/);
    const first = page.locator('#similar-results > li').first();
    const marks = await first.locator('.snippet mark').allTextContents();
    assert.ok(marks.length > 0, 'shared word sequences are marked');
    const phrases = await first.locator('.shared q').allTextContents();
    assert.ok(phrases.length > 0, 'shared phrases are listed');
    assert.ok(marks.some((m) => /civil society|technical assistance|sectors of society/i.test(m)), marks.join(' | '));
    assert.match(await first.locator('.meta').textContent(), /\d+% similar/);
    assert.match(await first.locator('a.result-link').getAttribute('href'), /^\/statements\/[^#]+#p\d+$/);
    await screenshot(page, 'page-similar.png');

    // The text is in the address bar: a reload (or a shared link) shows the same.
    assert.equal(new URL(page.url()).searchParams.get('text'), PASTED);
    const before = await page.locator('#similar-results a.result-link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    await page.reload();
    await waitForText(page, '#similar-count', /similar passages?$/);
    assert.equal(await page.inputValue('#similar-text'), PASTED);
    assert.deepEqual(await page.locator('#similar-results a.result-link').evaluateAll((as) => as.map((a) => a.getAttribute('href'))), before);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('a paragraph of the library leads to passages like it', async (t) => {
    if (skipUnlessAvailable(t)) return;
    const page = await lib.page('/statements/seed-alliance-ahc5#p3');
    const link = page.getByRole('link', { name: 'Similar language to paragraph 3' });
    await link.waitFor({ state: 'visible', timeout: 10000 });
    await link.click();
    await waitForText(page, '#similar-count', /similar passages?$/);
    assert.equal(new URL(page.url()).search, '?statement=seed-alliance-ahc5&paragraph=3');
    await waitForText(page, '#similar-source', /paragraph 3 of/);
    assert.match(await page.inputValue('#similar-text'), /^Civil society can and does play a role/);
    assert.ok(await page.locator('#similar-results mark').count() > 0);
    await page.goBack();
    await page.waitForSelector('#statement-view:not([hidden])');
    await page.close();
  });
});
