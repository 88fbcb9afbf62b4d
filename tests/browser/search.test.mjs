// The search page: type-ahead with highlighted results, facets, chips,
// statements/passages, sort, more pages, timeline, and the address bar.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Library, screenshot, waitForText } from './support.mjs';

let lib;
before(async () => { lib = await Library.start(); });
after(async () => { if (lib) await lib.stop(); });

const resultIds = (page) => page.$$eval('#results > li', (lis) => lis.map((li) => li.dataset.statementId));
const facetBox = (page, field, label) =>
  page.locator(`#facet-${field} li`).filter({ hasText: label }).locator('input[type=checkbox]');
const facetCount = (page, field, label) =>
  page.locator(`#facet-${field} li`).filter({ hasText: label }).locator('.count').textContent();

describe('search page', () => {
  test('typing a query shows highlighted results and announces the count', async () => {
    const page = await lib.page('/', { width: 1000, height: 720 });
    await waitForText(page, '#result-count', /^13 statements/);
    await page.locator('#q').pressSequentially('gender', { delay: 30 });
    const count = await waitForText(page, '#result-count', /^3 statements$/);
    assert.equal(count, '3 statements');
    assert.equal(await page.getAttribute('#result-count', 'aria-live'), 'polite');
    const marks = await page.$$eval('#results .snippet mark', (ms) => ms.map((m) => m.textContent.toLowerCase()));
    assert.ok(marks.length >= 3 && marks.every((m) => m.startsWith('gender')), marks.join(','));
    const first = page.locator('#results > li').first();
    for (const part of ['.result-title a', '.meta', '.tags', '.snippet']) assert.equal(await first.locator(part).count(), 1, part);
    assert.match(await first.locator('.meta').textContent(), /Meridian Women in Tech Forum.*Fifth session.*Mechanism of implementation.*2023/);
    // Typing is debounced into one history entry, and the address bar holds the query.
    assert.equal(new URL(page.url()).search, '?q=gender');
    await screenshot(page, 'page-search.png', { doc: true });
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('two facet values update counts, results and chips', async () => {
    const page = await lib.page('/?q=gender');
    await waitForText(page, '#result-count', /^3 statements/);
    assert.equal(await facetCount(page, 'session', 'Fifth session'), '2');

    await facetBox(page, 'theme', 'Victims and witnesses').check();
    await waitForText(page, '#chips', /Victims and witnesses/);
    await facetBox(page, 'session', 'Fifth session').check();
    await waitForText(page, '#result-count', /^2 statements$/);
    assert.deepEqual((await resultIds(page)).sort(), ['meridian-ahc5-implementation-mechanism', 'seed-alliance-ahc5']);
    // Counts now describe the filtered set: both organisations have one each.
    assert.equal(await facetCount(page, 'organization', 'Meridian Women in Tech Forum'), '1');
    assert.equal(await facetCount(page, 'session', 'Fifth session'), '2');
    const url = new URL(page.url());
    assert.deepEqual(url.searchParams.getAll('theme'), ['victims-witnesses']);
    assert.deepEqual(url.searchParams.getAll('session'), ['ahc-5']);

    const chips = await page.$$eval('#chips .chip', (cs) => cs.map((c) => c.getAttribute('aria-label') || c.textContent));
    assert.deepEqual(chips, ['Remove filter Session: Fifth session', 'Remove filter Theme: Victims and witnesses', 'Clear all filters']);
    await page.getByRole('button', { name: 'Remove filter Session: Fifth session' }).click();
    await waitForText(page, '#result-count', /^3 statements$/);
    assert.equal(await facetBox(page, 'session', 'Fifth session').isChecked(), false);
    await page.getByRole('button', { name: 'Remove filter Theme: Victims and witnesses' }).click();
    await page.waitForFunction(() => document.querySelector('#chips-wrap').hidden);
    assert.equal(new URL(page.url()).search, '?q=gender');
    await page.close();
  });

  test('passages view and date sort', async () => {
    const page = await lib.page('/?q=gender');
    await waitForText(page, '#result-count', /^3 statements/);
    await page.getByLabel('Passages').check();
    const count = await waitForText(page, '#result-count', /passages?/);
    assert.match(count, /^\d+ passages/);
    assert.ok((await page.locator('#results .pref').count()) > 0, 'passages show their paragraph number');
    await page.selectOption('#sort', 'date');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('sort') === 'date');
    await waitForText(page, '#result-count', /passages/);
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('view'), 'passages');
    assert.equal(url.searchParams.get('sort'), 'date');
    await page.close();
  });

  test('more pages on demand', async () => {
    const page = await lib.page('/');
    await waitForText(page, '#result-count', /^13 statements \(showing 10\)$/);
    assert.equal(await page.locator('#results > li').count(), 10);
    await page.click('#more');
    await waitForText(page, '#result-count', /^13 statements$/);
    assert.equal(await page.locator('#results > li').count(), 13);
    assert.equal(new Set(await resultIds(page)).size, 13, 'no result twice');
    assert.equal(await page.isHidden('#more'), true);
    assert.equal(new URL(page.url()).searchParams.get('page'), '2');
    // The new results get the focus, for keyboard and screen-reader users.
    assert.equal(await page.evaluate(() => document.activeElement.closest('#results > li') === document.querySelectorAll('#results > li')[10]), true);
    // A shared link with page=2 shows both pages again.
    await page.reload();
    await waitForText(page, '#result-count', /^13 statements$/);
    assert.equal(await page.locator('#results > li').count(), 13);
    await page.close();
  });

  test('timeline of statements per session; a bar filters to its session', async () => {
    const page = await lib.page('/?q=gender');
    await waitForText(page, '#result-count', /^3 statements/);
    await page.waitForSelector('#timeline:not([hidden]) svg a.bar-link');
    const bars = await page.$$eval('#timeline svg a.bar-link', (as) => as.map((a) => [a.dataset.session, a.parentNode.querySelector('.bar-count').textContent]));
    assert.deepEqual(bars, [['ahc-5', '2'], ['ahc-concluding-resumed', '1']]);
    // Sessions are in chronological order, those without statements included.
    const order = await page.$$eval('#timeline svg .bar-label', (ts) => ts.map((t) => t.textContent));
    assert.ok(order.indexOf('AHC 1') < order.indexOf('AHC 5') && order.indexOf('AHC 5') < order.indexOf('AHC 6'), order.join(','));
    await page.click('#timeline a.bar-link[data-session="ahc-5"]');
    await waitForText(page, '#result-count', /^2 statements$/);
    assert.deepEqual(new URL(page.url()).searchParams.getAll('session'), ['ahc-5']);
    assert.equal(await facetBox(page, 'session', 'Fifth session').isChecked(), true);
    await page.waitForSelector('#timeline .bar-col.active a.bar-link[data-session="ahc-5"]');
    await page.close();
  });

  test('a shared URL restores the whole state, and Back returns to the previous one', async () => {
    const page = await lib.page('/?q=gender&theme=victims-witnesses&view=passages&sort=-date');
    await waitForText(page, '#result-count', /passages/);
    assert.equal(await page.inputValue('#q'), 'gender');
    assert.equal(await page.isChecked('#view-passages'), true);
    assert.equal(await page.inputValue('#sort'), '-date');
    assert.equal(await facetBox(page, 'theme', 'Victims and witnesses').isChecked(), true);
    await waitForText(page, '#chips', /Theme: Victims and witnesses/);
    const before = await resultIds(page);

    await page.reload();
    await waitForText(page, '#result-count', /passages/);
    assert.deepEqual(await resultIds(page), before);

    await facetBox(page, 'session', 'Fifth session').check();
    await page.waitForFunction(() => new URL(location.href).searchParams.has('session'));
    await waitForText(page, '#chips', /Fifth session/);
    await page.goBack();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('session'));
    await page.waitForFunction(() => !document.querySelector('#chips').textContent.includes('Fifth session'));
    assert.equal(await facetBox(page, 'session', 'Fifth session').isChecked(), false);
    assert.deepEqual(await resultIds(page), before);
    await page.close();
  });

  test('a spelling suggestion is offered and followed', async () => {
    const page = await lib.page('/?q=gendr');
    const text = await waitForText(page, '#suggestion', /Did you mean/);
    assert.match(text, /gender/);
    await page.click('#suggestion-link');
    await waitForText(page, '#result-count', /^3 statements/);
    assert.equal(await page.inputValue('#q'), 'gender');
    await page.close();
  });

  test('assets arrive compressed, with validators, and revalidate on reload', async () => {
    const page = await lib.page();
    const cdp = await lib.context.newCDPSession(page);
    await cdp.send('Network.clearBrowserCache'); // earlier tests filled it
    const seen = new Map();
    page.on('response', async (r) => {
      const p = new URL(r.url()).pathname;
      if (p === '/app.js' || p === '/style.css' || p === '/') seen.set(p, { status: r.status(), headers: await r.allHeaders() });
    });
    await page.goto(lib.base + '/');
    await waitForText(page, '#result-count', /statements/);
    for (const p of ['/', '/app.js', '/style.css']) {
      const { status, headers } = seen.get(p);
      assert.equal(status, 200, p);
      assert.match(headers['content-encoding'] || '', /^(gzip|br)$/, p);
      assert.match(headers.etag || '', /^W\/"[0-9a-f]{16}"$/, p);
      assert.equal(headers['cache-control'], 'no-cache', p);
      assert.equal(headers['x-content-type-options'], 'nosniff', p);
    }
    assert.match(seen.get('/').headers['content-security-policy'], /script-src 'self'/);
    const etag = seen.get('/').headers.etag;
    const asked = [];
    page.on('request', async (r) => { if (new URL(r.url()).pathname === '/') asked.push(await r.allHeaders()); });
    seen.clear();
    await page.reload();
    await waitForText(page, '#result-count', /statements/);
    assert.equal(asked.length, 1);
    assert.equal(asked[0]['if-none-match'], etag, 'the page is revalidated with its ETag');
    await page.close();
  });

  test('usable at phone width: nothing wider than the screen', async () => {
    const page = await lib.page('/?q=civil+society', { width: 375, height: 740 });
    await waitForText(page, '#result-count', /statement/);
    await page.waitForSelector('#timeline:not([hidden]) svg');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
    assert.equal(await page.evaluate(() => document.getElementById('filters').open), false, 'filters start folded');
    await screenshot(page, 'page-phone.png');
    await page.close();
  });
});
