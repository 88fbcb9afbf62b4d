// Accessibility: axe-core finds no serious or critical violation in any
// view, and the keyboard alone reaches and works every control, with a
// visible focus.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Library, axeViolations, waitForText } from './support.mjs';

let lib;
before(async () => { lib = await Library.start(); });
after(async () => { if (lib) await lib.stop(); });

/**
 * Tabs through the page; returns the controls that should be reachable
 * (visible, enabled, not tabindex=-1; one radio per group) but were not,
 * and those reached without a visible focus indicator.
 */
async function tabThrough(page) {
  const expected = await page.evaluate(() => {
    const controls = [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')]
      .filter((n) => n.getAttribute('tabindex') !== '-1' && !n.disabled && n.getClientRects().length > 0
        && getComputedStyle(n).visibility !== 'hidden' && !(n.type === 'radio' && !n.checked));
    controls.forEach((n, i) => { n.dataset.kbd = String(i); });
    return controls.map((n) => n.id || n.getAttribute('aria-label') || n.textContent.trim().slice(0, 40) || n.tagName);
  });
  const reached = new Set();
  const unseen = [];
  for (let i = 0; i < expected.length + 15; i++) {
    await page.keyboard.press('Tab');
    const r = await page.evaluate(() => {
      const n = document.activeElement;
      if (!n || !n.dataset || n.dataset.kbd === undefined) return null;
      const css = getComputedStyle(n);
      const bar = n.querySelector && n.querySelector('.hit');
      const visible = (css.outlineStyle !== 'none' && parseFloat(css.outlineWidth) >= 2)
        || css.boxShadow !== 'none' || (bar && getComputedStyle(bar).stroke !== 'none');
      return { kbd: n.dataset.kbd, visible };
    });
    if (!r) continue;
    reached.add(r.kbd);
    if (!r.visible) unseen.push(expected[Number(r.kbd)]);
  }
  const missed = expected.filter((_, i) => !reached.has(String(i)));
  return { expected, missed, unseen: [...new Set(unseen)] };
}

describe('accessibility', () => {
  test('axe-core: no serious or critical violations in the search view', async () => {
    const page = await lib.page('/?q=gender&theme=gender');
    await waitForText(page, '#result-count', /statements/);
    await page.waitForSelector('#timeline:not([hidden]) svg');
    assert.deepEqual(await axeViolations(page), []);
    await page.setViewportSize({ width: 375, height: 740 });
    assert.deepEqual(await axeViolations(page), [], 'at phone width');
    await page.close();
  });

  test('axe-core: statement and similar-language views', async () => {
    const page = await lib.page('/statements/seed-alliance-ahc5#p3');
    await page.waitForSelector('.paragraphs .highlight');
    assert.deepEqual(await axeViolations(page), []);
    await page.goto(lib.base + '/similar?statement=seed-alliance-ahc5&paragraph=3');
    await waitForText(page, '#similar-count', /\S/);
    assert.deepEqual(await axeViolations(page), []);
    await page.close();
  });

  test('keyboard only: every control of the search view is reached, with visible focus', async () => {
    const page = await lib.page('/?q=gender');
    await waitForText(page, '#result-count', /^3 statements/);
    await page.waitForSelector('#timeline:not([hidden]) svg a');
    const { expected, missed, unseen } = await tabThrough(page);
    assert.ok(expected.length > 20, `only ${expected.length} controls found`);
    assert.deepEqual(missed, [], 'controls Tab never reached');
    assert.deepEqual(unseen, [], 'controls focused without a visible indicator');
    await page.close();
  });

  test('keyboard only: search, filter, switch view, use the timeline, open a result', async () => {
    const page = await lib.page('/');
    await waitForText(page, '#result-count', /^13 statements/);
    await page.keyboard.press('Tab'); // skip link
    assert.equal(await page.evaluate(() => document.activeElement.className), 'skip');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab'); // first control of the main content: the search box
    assert.equal(await page.evaluate(() => document.activeElement.id), 'q');
    await page.keyboard.type('gender');
    await page.keyboard.press('Enter');
    await waitForText(page, '#result-count', /^3 statements$/);

    // A facet value, with Space.
    await page.focus('#facet-session input[value="ahc-5"]');
    await page.keyboard.press('Space');
    await waitForText(page, '#result-count', /^2 statements$/);
    assert.equal(await page.evaluate(() => document.activeElement.value), 'ahc-5', 'focus stays on the facet');
    await page.keyboard.press('Space');
    await waitForText(page, '#result-count', /^3 statements$/);

    // The statements/passages radios, with the arrow keys.
    await page.focus('#view-statements');
    await page.keyboard.press('ArrowRight');
    await waitForText(page, '#result-count', /passages/);
    assert.equal(new URL(page.url()).searchParams.get('view'), 'passages');
    await page.keyboard.press('ArrowLeft');
    await waitForText(page, '#result-count', /statements/);

    // A timeline bar, with Enter.
    await page.waitForSelector('#timeline a[data-session="ahc-concluding-resumed"]');
    await page.focus('#timeline a[data-session="ahc-concluding-resumed"]');
    await page.keyboard.press('Enter');
    await waitForText(page, '#result-count', /^1 statement$/);
    assert.deepEqual(new URL(page.url()).searchParams.getAll('session'), ['ahc-concluding-resumed']);

    // A chip, with Enter: the filter goes and focus returns to the search box.
    await page.focus('#chips button');
    await page.keyboard.press('Enter');
    await waitForText(page, '#result-count', /^3 statements$/);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'q');

    // A result, with Enter: the statement opens on its paragraph.
    await page.focus('#results .result-link');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.paragraphs .highlight');
    assert.equal(await page.evaluate(() => document.activeElement.classList.contains('highlight')), true);
    await page.close();
  });

  test('keyboard only: the similar-language view, from pasting to a result', async (t) => {
    const probe = await fetch(lib.base + '/api/similar', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"text":"civil society"}' });
    if (!probe.ok) return t.skip('POST /api/similar is not on this server yet');
    const page = await lib.page('/similar');
    await page.waitForSelector('#similar-view:not([hidden])');
    await page.focus('#similar-text');
    await page.keyboard.type('civil society can contribute to technical assistance efforts');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'similar-submit');
    await page.keyboard.press('Enter');
    await waitForText(page, '#similar-count', /similar passages?$/);
    const { missed, unseen } = await tabThrough(page);
    assert.deepEqual(missed, []);
    assert.deepEqual(unseen, []);
    await page.close();
  });

  test('keyboard only: every control of the statement view is reached', async () => {
    const page = await lib.page('/statements/seed-alliance-ahc5');
    await page.waitForSelector('.paragraphs');
    await page.waitForFunction(() => document.querySelectorAll('.similar-link:not([hidden])').length > 0);
    const { expected, missed, unseen } = await tabThrough(page);
    assert.ok(expected.length >= 9 * 2, `only ${expected.length} controls found`);
    assert.deepEqual(missed, []);
    assert.deepEqual(unseen, []);
    await page.close();
  });
});
