// The browser-test harness: builds an index of tests/fixtures/corpus with
// the real indexer, starts the real searchd on a loopback port, serves host
// pages for the widget from other loopback origins, and drives Debian's
// headless Chromium with playwright-core (never a downloaded browser).

import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const SOURCE_DIR = process.env.STMT_SOURCE_DIR || path.resolve(here, '../..');
export const WEB_DIR = path.join(SOURCE_DIR, 'web');
const BUILD_DIR = path.join(SOURCE_DIR, 'build', 'dev');
export const INDEXER = process.env.STMT_INDEXER || path.join(BUILD_DIR, 'indexer', 'indexer');
export const SEARCHD = process.env.STMT_SEARCHD || path.join(BUILD_DIR, 'searchd', 'searchd');
export const SCREENSHOT_DIR = process.env.STMT_SCREENSHOT_DIR || path.join(BUILD_DIR, 'screenshots');
export const CHROMIUM = process.env.STMT_CHROMIUM || '/usr/bin/chromium';
/** Set to 1 to refresh the pictures in docs/images/ from this run. */
const DOC_IMAGES = process.env.STMT_UPDATE_DOC_IMAGES === '1' ? path.join(SOURCE_DIR, 'docs', 'images') : null;

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const START_TIMEOUT_MS = 15000;
export const WAIT_MS = 10000; // longest wait for the page to show something

/** Everything one test file needs; stop() undoes it all. */
export class Library {
  /**
   * hosts: names of loopback host-page servers to start, each on its own
   * port (an origin of its own); those listed in `allowed` go on searchd's
   * --cors allow-list. corpus: the folder indexed (default: the fixtures).
   */
  static async start({ hosts = [], allowed = [], corpus = path.join(SOURCE_DIR, 'tests', 'fixtures', 'corpus') } = {}) {
    const lib = new Library();
    try {
      lib.tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'stmt-browser-'));
      for (const name of hosts) lib.hosts[name] = await HostServer.start();
      await promisify(execFile)(INDEXER, ['build', corpus,
        '--vocabulary', path.join(SOURCE_DIR, 'corpus', 'vocabulary'), '--db', path.join(lib.tmp, 'db'), '-q']);
      const cors = allowed.map((name) => lib.hosts[name].origin);
      lib.searchd = await startSearchd(path.join(lib.tmp, 'db'), cors);
      lib.base = lib.searchd.base;
      lib.context = await launchBrowser(path.join(lib.tmp, 'chromium-profile'));
      return lib;
    } catch (err) {
      await lib.stop().catch(() => {});
      throw err;
    }
  }

  constructor() { this.hosts = {}; }

  /** A new tab; page errors and CSP violations are collected in page.problems. */
  async page(url, { width = 1200, height = 900 } = {}) {
    const page = await this.context.newPage();
    await page.setViewportSize({ width, height });
    page.problems = [];
    page.on('pageerror', (e) => page.problems.push('page error: ' + e.message));
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy|Refused to/.test(m.text())) page.problems.push('console: ' + m.text());
    });
    if (url) await page.goto(url.startsWith('http') ? url : this.base + url);
    return page;
  }

  /** Stops everything; throws when searchd did not stop cleanly (a sanitizer report, a crash). */
  async stop() {
    if (this.context) await this.context.close().catch(() => {});
    const problem = this.searchd ? await this.searchd.stop() : null;
    for (const h of Object.values(this.hosts)) await h.close();
    if (this.tmp) fs.rmSync(this.tmp, { recursive: true, force: true });
    if (problem) throw new Error(problem);
  }
}

/** `searchd --listen 127.0.0.1:0`; the port is read from its first line. */
function startSearchd(db, cors) {
  const args = ['--db', db, '--listen', '127.0.0.1:0', '--web', WEB_DIR, '-q'];
  for (const origin of cors) args.push('--cors', origin);
  const child = spawn(SEARCHD, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const kill = () => child.kill('SIGKILL');
  process.on('exit', kill);
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error('searchd did not start in time')), START_TIMEOUT_MS);
    const fail = (err) => { clearTimeout(timer); kill(); reject(new Error(`${err.message}\n${stderr}`)); };
    child.on('error', fail);
    child.on('exit', (code) => fail(new Error(`searchd exited (${code})`)));
    const onData = (d) => {
      out += d;
      const m = /searchd: listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      child.stdout.resume(); // later output is not needed
      child.removeAllListeners('exit');
      resolve({
        base: m[1],
        /** SIGTERM; resolves to an error message unless searchd stopped cleanly (status 0). */
        stop: () => new Promise((done) => {
          const report = (code, signal) => done(code === 0 ? null : `searchd exited with ${signal || code}:\n${stderr}`);
          if (child.exitCode !== null || child.signalCode !== null) return report(child.exitCode, child.signalCode);
          child.once('exit', (code, signal) => { process.off('exit', kill); report(code, signal); });
          child.kill('SIGTERM');
        })
      });
    };
    child.stdout.on('data', onData);
  });
}

function launchBrowser(profile) {
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1200, height: 900 },
    locale: 'en-GB'
  });
}

/** A tiny static server for host pages: path -> { body, type, headers }. */
export class HostServer {
  static start() {
    const h = new HostServer();
    return new Promise((resolve) => {
      h.server.listen(0, '127.0.0.1', () => {
        h.origin = `http://127.0.0.1:${h.server.address().port}`;
        resolve(h);
      });
    });
  }

  constructor() {
    this.routes = new Map();
    this.server = http.createServer((req, res) => {
      const r = this.routes.get(new URL(req.url, 'http://x').pathname);
      if (!r) { res.writeHead(404, { 'Content-Type': 'text/plain' }); res.end('not found'); return; }
      res.writeHead(200, { 'Content-Type': r.type || 'text/html; charset=utf-8', ...(r.headers || {}) });
      res.end(r.body);
    });
  }

  serve(pathname, body, opts = {}) { this.routes.set(pathname, { body, ...opts }); }

  close() { return new Promise((done) => { this.server.closeAllConnections?.(); this.server.close(() => done()); }); }
}

/** Saves a PNG under STMT_SCREENSHOT_DIR (and, with doc, in docs/images/ when asked to). */
export async function screenshot(target, name, { doc = false } = {}) {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, name);
  await target.screenshot({ path: file });
  if (DOC_IMAGES && doc) {
    fs.mkdirSync(DOC_IMAGES, { recursive: true });
    fs.copyFileSync(file, path.join(DOC_IMAGES, name));
  }
  return file;
}

/** Waits until the text of `selector` matches `re`; returns that text. */
export async function waitForText(page, selector, re) {
  await page.waitForFunction(([sel, src, flags]) => {
    const n = document.querySelector(sel);
    return n && new RegExp(src, flags).test(n.textContent);
  }, [selector, re.source, re.flags], { timeout: WAIT_MS });
  return page.textContent(selector);
}

/** Runs axe-core in the page; returns the serious and critical violations. */
export async function axeViolations(page, context) {
  const source = fs.readFileSync(path.join(here, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  // Evaluated through the DevTools protocol, so the page's CSP (no inline
  // scripts) does not stop it.
  await page.evaluate(source);
  const result = await page.evaluate(async (ctx) => window.axe.run(ctx || document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }
  }), context || null);
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n  ')}`);
}

/** The API answer for a path on this searchd, or null when it is not there. */
export async function apiText(base, pathname) {
  const res = await fetch(base + pathname);
  return res.ok ? res.text() : null;
}
