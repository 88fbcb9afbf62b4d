// Small DOM and HTTP helpers shared by every view of the page.

export const $ = (id) => document.getElementById(id);

/** Creates an element: props are attributes, except text, className and dataset. */
export function el(tag, props, kids) {
  const n = document.createElement(tag);
  setProps(n, props);
  for (const c of kids || []) if (c != null && c !== false) n.append(c);
  return n;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
export function svg(tag, props, kids) {
  const n = document.createElementNS(SVG_NS, tag);
  setProps(n, props);
  for (const c of kids || []) if (c != null && c !== false) n.append(c);
  return n;
}

function setProps(n, props) {
  for (const [k, v] of Object.entries(props || {})) {
    if (v == null || v === false) continue;
    if (k === 'text') n.textContent = v;
    else if (k === 'className') n.setAttribute('class', v);
    else if (k === 'dataset') Object.assign(n.dataset, v);
    else n.setAttribute(k, v === true ? '' : v);
  }
}

/**
 * The server's snippets are HTML-escaped text with <mark> around matches.
 * They are rebuilt from text nodes and <mark> elements only, so nothing
 * else the server might send can become markup.
 */
export function snippetNodes(html) {
  const doc = new DOMParser().parseFromString(`<p>${html || ''}</p>`, 'text/html');
  const out = [];
  for (const n of doc.body.firstChild ? doc.body.firstChild.childNodes : []) {
    if (n.nodeType === Node.TEXT_NODE) out.push(n.textContent);
    else if (n.nodeName === 'MARK') out.push(el('mark', { text: n.textContent }));
    else out.push(n.textContent);
  }
  return out;
}

export function showError(msg) {
  const box = $('error');
  box.textContent = msg || '';
  box.hidden = !msg;
}

export class HttpError extends Error {
  constructor(message, status, code) {
    super(message);
    this.status = status;
    this.code = code;
  }
  /** True when the server has no such endpoint (as opposed to no such thing). */
  get missingEndpoint() { return this.status === 404 && this.code === 'not_found'; }
}

/** Fetches JSON (or text with asText); errors become HttpError with the API's code. */
export async function request(url, { signal, method, body, asText } = {}) {
  const headers = { Accept: asText ? 'text/plain, text/markdown, */*' : 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(url, { signal, method: method || 'GET', headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (res.ok && asText) return res.text();
  let data = null;
  try { data = await res.json(); } catch (_) { /* not JSON */ }
  if (!res.ok || !data) {
    const e = data && data.error;
    throw new HttpError(e && e.message || `Request failed (HTTP ${res.status})`, res.status, e && e.code);
  }
  return data;
}

/** Which optional endpoints this server has; each is probed once. */
const features = new Map();
export function hasEndpoint(name, probeUrl) {
  if (!features.has(name)) {
    features.set(name, fetch(probeUrl, { headers: { Accept: 'application/json' } })
      .then(async (res) => {
        if (res.status !== 404) return true;
        const data = await res.json().catch(() => null);
        return !(data && data.error && data.error.code === 'not_found');
      })
      .catch(() => false));
  }
  return features.get(name);
}
export function markMissing(name) { features.set(name, Promise.resolve(false)); }

/** "organization · session · chapter · date" */
export function metaLine(it, extra) {
  const p = el('p', { className: 'meta' });
  for (const k of ['organization', 'session', 'chapter']) if (it[k] && it[k].label) p.append(el('span', { text: it[k].label }));
  if (it.date) p.append(el('span', {}, [el('time', { datetime: it.date, text: formatDate(it.date) })]));
  for (const x of extra || []) if (x) p.append(el('span', { text: x }));
  return p;
}

export function formatDate(iso) {
  const d = new Date(iso + 'T00:00:00Z');
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

export function tags(themes, label) {
  if (!themes || !themes.length) return null;
  return el('ul', { className: 'tags', 'aria-label': label || 'Themes' }, themes.map((t) => el('li', { className: 'tag', text: t.label || t.id })));
}

export const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

/** A click that the page should handle itself (no modifier keys, main button). */
export const plainClick = (e) => e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey;
