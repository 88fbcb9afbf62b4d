// Size budgets, so that the page and the widget cannot silently grow:
// the page's own JS and CSS under 60 KB before compression, the widget
// under 15 KB gzipped. Neither may load anything else.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, test } from 'node:test';
import { WEB_DIR } from './support.mjs';

const PAGE_BUDGET = 60 * 1024;
const WIDGET_GZIP_BUDGET = 15 * 1024;

function files(dir, ext) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return files(p, ext);
    return ext.includes(path.extname(e.name)) ? [p] : [];
  });
}

describe('size budgets', () => {
  test(`the page's JS and CSS stay under ${PAGE_BUDGET / 1024} KB before compression`, () => {
    const own = files(WEB_DIR, ['.js', '.css']).filter((f) => path.basename(f) !== 'widget.js');
    assert.ok(own.some((f) => f.endsWith('app.js')) && own.some((f) => f.endsWith('style.css')), own.join(','));
    const total = own.reduce((n, f) => n + fs.statSync(f).size, 0);
    console.log(`page JS + CSS: ${total} bytes in ${own.length} files`);
    assert.ok(total < PAGE_BUDGET, `${total} bytes`);
  });

  test(`the widget stays under ${WIDGET_GZIP_BUDGET / 1024} KB gzipped`, () => {
    const widget = fs.readFileSync(path.join(WEB_DIR, 'widget.js'));
    const gzipped = zlib.gzipSync(widget, { level: 9 }).length;
    console.log(`widget.js: ${widget.length} bytes, ${gzipped} gzipped`);
    assert.ok(gzipped < WIDGET_GZIP_BUDGET, `${gzipped} bytes gzipped`);
  });

  test('the widget has no dependencies: no import, no other script, no external style', () => {
    const widget = fs.readFileSync(path.join(WEB_DIR, 'widget.js'), 'utf8');
    assert.doesNotMatch(widget, /\bimport\s*[({'"]|\bimport\s+\w|require\(|createElement\(['"]script|<link|@import/);
  });

  test('the page uses no framework and loads only its own files', () => {
    const html = fs.readFileSync(path.join(WEB_DIR, 'index.html'), 'utf8');
    const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]).filter((u) => !u.startsWith('#'));
    for (const ref of refs) assert.ok(ref.startsWith('/'), `${ref} is not on the page's own origin`);
    for (const f of files(WEB_DIR, ['.js'])) {
      for (const m of fs.readFileSync(f, 'utf8').matchAll(/^import .* from '([^']+)';$/gm)) {
        assert.ok(m[1].startsWith('./'), `${path.basename(f)} imports ${m[1]}`);
      }
    }
  });
});
