// The embeddable widget on host pages served from other origins: one on
// searchd's --cors allow-list, one not.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Library, axeViolations, screenshot, WAIT_MS } from './support.mjs';

let lib;
let allowed;
let refused;

/** The two lines a site owner pastes, inside an ordinary page. */
function hostPage(base, attributes, { title = 'Partner site', endpoint = true } = {}) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<link rel="stylesheet" href="/host.css">
<script src="${base}/widget.js" defer></script>
</head><body><main><h1>${title}</h1><p>Our members' statements to the Ad Hoc Committee:</p>
<statement-search ${endpoint ? `endpoint="${base}" ` : ''}${attributes}></statement-search>
<p><a href="/elsewhere">A link after the widget</a></p></main></body></html>`;
}

const HOST_CSS = 'body{font-family:Georgia,serif;margin:2rem;max-width:40rem}'
  + '.themed{--ss-accent:rgb(122, 0, 60);--ss-radius:0px;--ss-font:Georgia, serif}';

before(async () => {
  lib = await Library.start({ hosts: ['allowed', 'refused'], allowed: ['allowed'] });
  allowed = lib.hosts.allowed;
  refused = lib.hosts.refused;
  // The host sets a strict CSP of its own: the widget needs no inline script or style.
  const csp = `default-src 'self'; script-src ${lib.base}; connect-src ${lib.base}; style-src 'self'; img-src 'self'`;
  for (const host of [allowed, refused]) {
    host.serve('/host.css', HOST_CSS, { type: 'text/css' });
    host.serve('/', hostPage(lib.base, 'lang="en" theme="gender" per-page="2"'), { headers: { 'Content-Security-Policy': csp } });
    // Without endpoint=: the widget calls the host it was loaded from.
    host.serve('/fr', hostPage(lib.base, 'lang="fr" session="ahc-5"', { endpoint: false }), { headers: { 'Content-Security-Policy': csp } });
    host.serve('/es', hostPage(lib.base, 'lang="es" class="themed" query="civil society"'), { headers: { 'Content-Security-Policy': csp } });
  }
});
after(async () => { if (lib) await lib.stop(); });

const items = (page) => page.locator('statement-search li');

describe('widget', () => {
  test('renders results with snippets on an allowed origin, and pages on demand', async () => {
    const page = await lib.page(allowed.origin + '/', { width: 900, height: 800 });
    await waitForWidget(page, 'ready');
    // theme="gender" and per-page="2": 2 of the 3 gender statements.
    assert.equal(await items(page).count(), 2);
    assert.equal(await page.locator('statement-search [role=status]').textContent(), '3 statements');
    const href = await items(page).first().locator('a').getAttribute('href');
    assert.match(href, new RegExp(`^${lib.base}/statements/[a-z0-9-]+#p\\d+$`));
    await page.locator('statement-search button.more').click();
    await page.waitForFunction(() => document.querySelector('statement-search').shadowRoot.querySelectorAll('li').length === 3);

    await page.locator('statement-search input').fill('mainstreaming');
    await page.waitForFunction(() => document.querySelector('statement-search').shadowRoot.querySelector('mark'), null, { timeout: WAIT_MS });
    const marks = await page.locator('statement-search li mark').allTextContents();
    assert.ok(marks.length > 0 && marks.every((m) => /mainstream/i.test(m)), marks.join(','));
    await screenshot(page, 'widget-host.png');
    await screenshot(page.locator('statement-search'), 'widget.png', { doc: true });
    assert.deepEqual(page.problems, [], 'no CSP violation on a strict host page');
    await page.close();
  });

  test('labels follow lang, presets filter, attributes can change later', async () => {
    const page = await lib.page(allowed.origin + '/fr');
    await waitForWidget(page, 'ready');
    assert.equal(await page.locator('statement-search label').textContent(), 'Rechercher dans les déclarations');
    assert.equal(await page.locator('statement-search button[type=submit]').textContent(), 'Rechercher');
    assert.equal(await page.locator('statement-search [role=status]').textContent(), '3 déclarations');
    await page.evaluate(() => document.querySelector('statement-search').setAttribute('session', 'ahc-6'));
    await page.waitForFunction(() => document.querySelector('statement-search').shadowRoot.querySelector('[role=status]').textContent === '1 déclaration');
    await page.close();

    const es = await lib.page(allowed.origin + '/es');
    await waitForWidget(es, 'ready');
    assert.equal(await es.locator('statement-search label').textContent(), 'Buscar declaraciones');
    assert.equal(await es.locator('statement-search input').inputValue(), 'civil society');
    assert.match(await es.locator('statement-search [role=status]').textContent(), /^\d+ declaraci/);
    await es.close();
  });

  test('themable through CSS custom properties', async () => {
    const page = await lib.page(allowed.origin + '/es');
    await waitForWidget(page, 'ready');
    const style = await page.evaluate(() => {
      const root = document.querySelector('statement-search').shadowRoot;
      const button = getComputedStyle(root.querySelector('button[type=submit]'));
      const link = getComputedStyle(root.querySelector('li a'));
      return { background: button.backgroundColor, radius: button.borderTopLeftRadius, font: button.fontFamily, link: link.color };
    });
    assert.deepEqual(style, { background: 'rgb(122, 0, 60)', radius: '0px', font: 'Georgia, serif', link: 'rgb(122, 0, 60)' });
    await page.close();
  });

  test('keyboard: Tab reaches the box, the button, each result and More results', async () => {
    const page = await lib.page(allowed.origin + '/');
    await waitForWidget(page, 'ready');
    const seen = [];
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      seen.push(await page.evaluate(() => {
        const host = document.activeElement;
        const inner = host && host.shadowRoot ? host.shadowRoot.activeElement : null;
        const n = inner || host;
        return (inner ? 'widget ' : '') + n.tagName.toLowerCase() + (n.type ? ':' + n.type : '') + (n.className ? '.' + n.className : '');
      }));
    }
    for (const want of ['widget input:search', 'widget button:submit', 'widget a', 'widget button:button.more', 'a'])
      assert.ok(seen.includes(want), `${want} not reached: ${seen.join(', ')}`);
    // Enter in the box searches.
    await page.locator('statement-search input').focus();
    await page.keyboard.type('mainstreaming');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /mainstreaming/i.test(document.querySelector('statement-search').shadowRoot.querySelector('ol').textContent));
    await page.close();
  });

  test('passes axe-core on the host page', async () => {
    const page = await lib.page(allowed.origin + '/');
    await waitForWidget(page, 'ready');
    assert.deepEqual(await axeViolations(page), []);
    await page.close();
  });

  test('on an origin outside the allow-list, requests are refused: an error, no results', async () => {
    const page = await lib.page(refused.origin + '/');
    await waitForWidget(page, 'error');
    assert.equal(await items(page).count(), 0);
    const error = page.locator('statement-search [role=alert]');
    assert.equal(await error.isVisible(), true);
    assert.equal(await error.textContent(), 'The search service could not be reached from this site.');
    // The script itself loads from any origin; only the API is refused.
    assert.equal(await page.evaluate(() => customElements.get('statement-search') !== undefined), true);
    await screenshot(page.locator('statement-search'), 'widget-refused.png');
    await page.close();
  });
});

async function waitForWidget(page, state) {
  await page.waitForSelector(`statement-search[data-state="${state}"]`, { timeout: WAIT_MS });
}
