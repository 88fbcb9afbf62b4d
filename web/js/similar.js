// "Similar language": paste a paragraph (or start from one in the library)
// and see the closest passages, with the phrases they share marked.

import { $, el, request, showError, metaLine, snippetNodes, plural, markMissing } from './dom.js';
import { go } from './state.js';

const PER_PAGE = 10;
const MAX_TEXT_IN_URL = 1500; // longer text stays in the history entry, not the address bar
let controller = null;

export function initSimilar() {
  $('similar-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const text = $('similar-text').value.trim();
    if (!text) { $('similar-text').focus(); return; }
    const url = text.length <= MAX_TEXT_IN_URL ? '/similar?' + new URLSearchParams({ text }) : '/similar';
    go(url, { state: { similarText: text } });
    showSimilar({ text, statement: '', paragraph: null });
  });
}

export function abortSimilar() { if (controller) controller.abort(); }

export async function showSimilar(route) {
  abortSimilar();
  controller = new AbortController();
  const { signal } = controller;
  document.title = 'Similar language – Statement Library';
  const source = $('similar-source');
  source.hidden = true;
  if (route.text) $('similar-text').value = route.text;
  let call = null;
  if (route.statement && route.paragraph) {
    call = request(`/api/similar?statement=${encodeURIComponent(route.statement)}&paragraph=${route.paragraph}&per_page=${PER_PAGE}`, { signal });
    fillFromLibrary(route, signal);
  } else if (route.text) {
    call = request('/api/similar', { signal, method: 'POST', body: { text: route.text, per_page: PER_PAGE } });
  }
  if (!call) {
    $('similar-results').replaceChildren();
    $('similar-count').textContent = '';
    return;
  }
  $('similar-results').setAttribute('aria-busy', 'true');
  try {
    const data = await call;
    if (signal.aborted) return;
    showError(null);
    render(data.results || []);
  } catch (err) {
    if (signal.aborted) return;
    $('similar-results').replaceChildren();
    if (err.missingEndpoint || err.status === 405) {
      markMissing('similar');
      $('nav-similar').hidden = true;
      $('similar-count').textContent = 'Similar-language search is not available on this server.';
    } else {
      $('similar-count').textContent = '';
      showError(err.message || 'The search for similar passages failed.');
    }
  } finally {
    if (!signal.aborted) $('similar-results').removeAttribute('aria-busy');
  }
}

/** Starting from a paragraph of the library: show which, and its text. */
async function fillFromLibrary(route, signal) {
  try {
    const s = await request('/api/statements/' + encodeURIComponent(route.statement), { signal });
    const p = (s.paragraphs || []).find((x) => x.n === route.paragraph);
    if (signal.aborted || !p) return;
    $('similar-text').value = p.text;
    const source = $('similar-source');
    source.replaceChildren('Passages similar to ',
      el('a', { href: `/statements/${encodeURIComponent(s.id)}#p${p.n}`, text: `paragraph ${p.n} of “${s.title || s.id}”` }), '.');
    source.hidden = false;
  } catch (_) { /* the results still show */ }
}

function render(results) {
  $('similar-count').textContent = results.length ? plural(results.length, 'similar passage', 'similar passages') : 'No similar passages found.';
  $('similar-results').replaceChildren(...results.map((r) => {
    const href = (r.url || '/statements/' + encodeURIComponent(r.statement_id)) + (r.paragraph != null ? '#p' + r.paragraph : '');
    const score = typeof r.similarity === 'number' ? `${Math.round(r.similarity * 100)}% similar` : '';
    const phrases = Array.isArray(r.shared_phrases) && r.shared_phrases.length
      ? el('p', { className: 'shared' }, [el('span', { className: 'shared-title', text: 'Shared phrases: ' }),
        ...r.shared_phrases.flatMap((t, i) => [i ? ', ' : '', el('q', { text: t })])])
      : null;
    return el('li', { className: 'result' }, [
      el('h2', { className: 'result-title' }, [el('a', { href, className: 'result-link', text: r.title || r.statement_id }),
        r.paragraph != null ? el('span', { className: 'pref', text: ' ¶ ' + r.paragraph }) : null]),
      metaLine(r, [score]),
      r.snippet ? el('p', { className: 'snippet' }, snippetNodes(r.snippet)) : null,
      phrases
    ]);
  }));
}
