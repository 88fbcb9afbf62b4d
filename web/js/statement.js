// The statement view: numbered paragraphs with an anchor each, their
// themes, a "copy citation" button per paragraph and a link to passages
// with similar language.

import { $, el, request, showError, metaLine, tags, hasEndpoint, markMissing } from './dom.js';

const FORMAT_KEY = 'statement-library.citation-format';
const FORMATS = { text: 'Plain text', markdown: 'Markdown' };
let controller = null;
let shownId = null;
let lastSearchUrl = null;

export function rememberSearch(url) { lastSearchUrl = url; }
export function backTarget() { return lastSearchUrl; }

export function initStatement() {
  $('statement').addEventListener('click', (e) => {
    const cite = e.target.closest('button.cite');
    if (cite) copyCitation(cite);
  });
  $('statement').addEventListener('change', (e) => {
    if (e.target.id === 'cite-format') {
      try { localStorage.setItem(FORMAT_KEY, e.target.value); } catch (_) { /* private mode */ }
    }
  });
}

export function abortStatement() { if (controller) controller.abort(); }

export async function showStatement(route) {
  if (shownId === route.id) { highlight(route.paragraph); return; }
  abortStatement();
  controller = new AbortController();
  const { signal } = controller;
  const box = $('statement');
  shownId = null;
  box.replaceChildren(el('p', { className: 'loading', text: 'Loading…' }));
  box.setAttribute('aria-busy', 'true');
  try {
    const s = await request('/api/statements/' + encodeURIComponent(route.id), { signal });
    if (signal.aborted) return;
    showError(null);
    renderStatement(s);
    shownId = route.id;
    if (!highlight(route.paragraph)) {
      window.scrollTo(0, 0);
      box.querySelector('h1').focus({ preventScroll: true });
    }
    const id = encodeURIComponent(s.id);
    const first = (s.paragraphs || [])[0];
    const [canCite, canFindSimilar] = await Promise.all([
      first ? hasEndpoint('cite', `/api/statements/${id}/cite?paragraph=${first.n}&format=text`) : false,
      hasEndpoint('similar', '/api/similar')
    ]);
    if (signal.aborted) return;
    box.querySelectorAll('.cite-only').forEach((n) => { n.hidden = !canCite; });
    box.querySelectorAll('.similar-link').forEach((n) => { n.hidden = !canFindSimilar; });
  } catch (err) {
    if (signal.aborted) return;
    box.replaceChildren(el('h1', { tabindex: '-1', text: 'Statement unavailable' }));
    document.title = 'Statement unavailable – Statement Library';
    showError(err.message || 'The statement could not be loaded.');
  } finally {
    if (!signal.aborted) box.removeAttribute('aria-busy');
  }
}

export function leaveStatement() { shownId = null; }

function savedFormat() {
  try { return FORMATS[localStorage.getItem(FORMAT_KEY)] ? localStorage.getItem(FORMAT_KEY) : 'text'; } catch (_) { return 'text'; }
}

function renderStatement(s) {
  const title = s.title || s.id;
  document.title = title + ' – Statement Library';
  const fmt = savedFormat();
  const picker = el('div', { className: 'cite-format cite-only', hidden: true }, [
    el('label', { for: 'cite-format', text: 'Citation format' }),
    el('select', { id: 'cite-format' }, Object.entries(FORMATS).map(([v, t]) => el('option', { value: v, text: t, selected: v === fmt })))
  ]);
  const paragraphs = el('ol', { className: 'paragraphs' }, (s.paragraphs || []).map((p) => el('li', { id: 'p' + p.n, value: p.n, tabindex: '-1' }, [
    el('a', { className: 'pnum', href: '#p' + p.n, 'aria-label': 'Paragraph ' + p.n + ' (link)', text: '¶ ' + p.n }),
    el('p', { className: 'ptext', text: p.text }),
    tags(p.themes, `Themes of paragraph ${p.n}`),
    el('div', { className: 'p-actions' }, [
      el('button', { type: 'button', className: 'cite cite-only link-button', hidden: true, dataset: { paragraph: p.n }, 'aria-label': `Copy citation of paragraph ${p.n}`, text: 'Copy citation' }),
      el('a', { className: 'similar-link', hidden: true, href: `/similar?statement=${encodeURIComponent(s.id)}&paragraph=${p.n}`, 'aria-label': `Similar language to paragraph ${p.n}`, text: 'Similar language' })
    ]),
    el('p', { className: 'citation', id: 'citation-' + p.n, hidden: true })
  ])));
  const source = s.source_url ? el('p', { className: 'source' }, [el('a', { href: s.source_url, rel: 'noopener', text: 'Original document' })]) : null;
  $('statement').replaceChildren(...[
    el('h1', { tabindex: '-1', text: title }),
    metaLine(s, [s.status ? cap(s.status) : '', s.language ? 'Language: ' + s.language : '']),
    tags(s.themes),
    source,
    lines('header-lines', s.header),
    picker,
    lines('formula opening', s.opening),
    paragraphs,
    lines('formula closing', s.closing),
    el('p', { id: 'statement-status', className: 'visually-hidden', role: 'status', 'aria-live': 'polite' })
  ].filter(Boolean));
  $('statement').dataset.statementId = s.id;
}

const cap = (t) => t.charAt(0).toUpperCase() + t.slice(1);
const lines = (cls, arr) => (arr && arr.length ? el('div', { className: cls }, arr.map((t) => el('p', { text: t }))) : null);

/** Marks and focuses paragraph n; false when there is none. */
export function highlight(n) {
  document.querySelectorAll('.paragraphs .highlight').forEach((x) => x.classList.remove('highlight'));
  const li = n && document.getElementById('p' + n);
  if (!li) return false;
  li.classList.add('highlight');
  li.scrollIntoView({ block: 'center' });
  li.focus({ preventScroll: true });
  return true;
}

async function copyCitation(button) {
  const n = button.dataset.paragraph;
  const id = $('statement').dataset.statementId;
  const format = $('cite-format') ? $('cite-format').value : 'text';
  const out = $('citation-' + n);
  const status = $('statement-status');
  try {
    const text = (await request(`/api/statements/${encodeURIComponent(id)}/cite?paragraph=${n}&format=${format}`, { asText: true })).trim();
    button.dataset.citation = text;
    out.textContent = text;
    out.hidden = false;
    let copied = false;
    try {
      await navigator.clipboard.writeText(text);
      copied = true;
    } catch (_) { /* no clipboard access: the text is shown to copy by hand */ }
    status.textContent = copied ? `Citation of paragraph ${n} copied (${FORMATS[format]}).` : `Citation of paragraph ${n} shown below it; copy it from there.`;
    button.textContent = copied ? 'Copied' : 'Copy citation';
    setTimeout(() => { button.textContent = 'Copy citation'; }, 2000);
  } catch (err) {
    if (err.missingEndpoint) {
      markMissing('cite');
      document.querySelectorAll('.cite-only').forEach((x) => { x.hidden = true; });
      status.textContent = 'Citations are not available on this server.';
    } else {
      showError(err.message || 'The citation could not be made.');
    }
  }
}
