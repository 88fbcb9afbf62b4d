// The search view: type-ahead query, statements/passages toggle, sort,
// facets with counts, removable filter chips, results and "show more".

import { $, el, request, showError, metaLine, tags, snippetNodes, plural } from './dom.js';
import { FACETS, FILTERS, NAMES, PER_PAGE, searchParams, searchUrl, go } from './state.js';
import { initTimeline, updateTimeline } from './timeline.js';

const DEBOUNCE_MS = 300;
const FACET_SHOWN = 8;        // values shown per facet before "Show all"
const MAX_RESTORED_PAGES = 10; // a shared link restores at most this many pages (one request)

const labels = {}; // field -> Map(id -> label), so chips show labels
FILTERS.forEach((f) => { labels[f] = new Map(); });
const expanded = new Set(); // facets showing all their values

let state = null;
let shown = { key: null, results: 0, total: 0 };
let controller = null;
let timer = 0;

const noun = (s) => (s.mode === 'passages' ? ['passage', 'passages'] : ['statement', 'statements']);

export function initSearch() {
  const groups = $('facet-groups');
  FACETS.forEach((f) => groups.append(el('fieldset', { className: 'facet', id: 'facet-' + f, hidden: true }, [
    el('legend', { text: NAMES[f] }),
    el('ul'),
    el('button', { type: 'button', className: 'facet-more link-button', hidden: true, dataset: { moreField: f } })
  ])));
  if (matchMedia('(max-width: 46rem)').matches) $('filters').open = false; // results first on phones
  initTimeline((id) => change((s) => { s.filters.session = [id]; }));

  $('search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(timer);
    setQuery(false);
  });
  $('q').addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => setQuery(true), DEBOUNCE_MS);
  });
  document.querySelectorAll('input[name="view"]').forEach((r) => r.addEventListener('change', () => {
    if (r.checked) change((s) => { s.mode = r.value; });
  }));
  $('sort').addEventListener('change', () => change((s) => { s.sort = $('sort').value; }));
  groups.addEventListener('change', (e) => {
    const box = e.target.closest('input[data-field]');
    if (box) change((s) => toggle(s, box.dataset.field, box.value, box.checked));
  });
  groups.addEventListener('click', (e) => {
    const b = e.target.closest('[data-more-field]');
    if (!b) return;
    const f = b.dataset.moreField;
    if (expanded.has(f)) expanded.delete(f); else expanded.add(f);
    renderFacets(lastFacets);
    $('facet-' + f).querySelector('.facet-more').focus();
  });
  $('chips').addEventListener('click', (e) => {
    const b = e.target.closest('button');
    if (!b) return;
    change((s) => {
      if (b.id === 'clear-filters') FILTERS.forEach((f) => { s.filters[f] = []; });
      else toggle(s, b.dataset.chipField, b.dataset.chipValue, false);
    });
    $('q').focus();
  });
  $('more').addEventListener('click', () => {
    state.page += 1;
    go(searchUrl(state), { replace: true, state: history.state });
    runSearch({ append: true });
  });
}

function toggle(s, field, value, on) {
  const list = s.filters[field];
  const i = list.indexOf(value);
  if (on && i < 0) list.push(value);
  if (!on && i >= 0) list.splice(i, 1);
}

function setQuery(typing) {
  const q = $('q').value.trim();
  if (q === state.q && !typing) return runSearch();
  if (q === state.q) return;
  change((s) => { s.q = q; }, typing);
}

/** Applies a change to the state, records it in the address bar and searches. */
export function change(mutate, typing = false) {
  mutate(state);
  state.page = 1;
  // Successive type-ahead updates share one history entry.
  const replace = typing && history.state && history.state.typing;
  go(searchUrl(state), { replace, state: { typing } });
  syncForm();
  runSearch();
}

/** Shows the search view for a state read from the address bar. */
export function showSearch(s) {
  state = s;
  if (state.page > MAX_RESTORED_PAGES) {
    state.page = MAX_RESTORED_PAGES;
    go(searchUrl(state), { replace: true, state: history.state });
  }
  document.title = (s.q ? `${s.q} – ` : '') + 'Statement Library';
  syncForm();
  runSearch();
}

function syncForm() {
  if ($('q').value.trim() !== state.q) $('q').value = state.q;
  $('view-' + state.mode).checked = true;
  $('sort').value = state.sort;
}

export function abortSearch() {
  clearTimeout(timer);
  if (controller) controller.abort();
}

async function runSearch({ append = false } = {}) {
  abortSearch();
  controller = new AbortController();
  const { signal } = controller;
  const s = state;
  const key = searchParams(s, { page: 1 }).toString();
  const url = append
    ? '/api/search?' + searchParams(s, { api: true })
    : '/api/search?' + searchParams(s, { api: true, page: 1, perPage: PER_PAGE * s.page });
  $('results').setAttribute('aria-busy', 'true');
  if (!append) updateTimeline(s, signal);
  try {
    const data = await request(url, { signal });
    if (signal.aborted) return;
    showError(null);
    renderSearch(s, data, append && shown.key === key);
    shown.key = key;
  } catch (err) {
    if (signal.aborted) return;
    renderSearch(s, null, false);
    shown.key = null;
    showError(err.message || 'The search failed.');
    $('result-count').textContent = 'Search failed.';
  } finally {
    if (!signal.aborted) $('results').removeAttribute('aria-busy');
  }
}

let lastFacets = {};

function renderSearch(s, data, append) {
  const results = data && data.results || [];
  const list = $('results');
  const items = results.map((r) => renderResult(s, r));
  if (append) list.append(...items);
  else list.replaceChildren(...items);
  const total = data ? Number(data.total) || 0 : 0;
  shown.results = list.children.length;
  shown.total = total;

  const [one, many] = noun(s);
  let count = data ? (total ? plural(total, one, many) : `No ${many} found`) : '';
  if (data && shown.results < total) count += ` (showing ${shown.results})`;
  if (data && data.matching === 'any' && total) count += ` containing any of the words`;
  $('result-count').textContent = count;
  $('more').hidden = !data || shown.results >= total;
  renderSuggestion(data && typeof data.suggestion === 'string' ? data.suggestion : '');
  if (!append) {
    lastFacets = data && data.facets || {};
    renderFacets(lastFacets);
    renderChips();
  }
  if (append && items.length) items[0].querySelector('a').focus();
}

function renderResult(s, r) {
  const hasP = r.paragraph != null;
  const href = (r.url || '/statements/' + encodeURIComponent(r.statement_id)) + (hasP ? '#p' + r.paragraph : '');
  const title = el('h3', { className: 'result-title' }, [el('a', { href, className: 'result-link', text: r.title || r.statement_id })]);
  if (hasP && s.mode === 'passages') title.append(' ', el('span', { className: 'pref', text: '¶ ' + r.paragraph }));
  const li = el('li', { className: 'result', dataset: { statementId: r.statement_id || '' } }, [title, metaLine(r), tags(r.themes)]);
  if (r.snippet) li.append(el('p', { className: 'snippet' }, snippetNodes(r.snippet)));
  return li;
}

function renderSuggestion(sug) {
  const box = $('suggestion');
  box.replaceChildren();
  box.hidden = !sug;
  if (!sug) return;
  const a = el('a', { href: '/?' + new URLSearchParams({ q: sug }), id: 'suggestion-link', text: sug });
  a.addEventListener('click', (e) => {
    e.preventDefault();
    change((st) => { st.q = sug; });
  });
  box.append('Did you mean ', a, '?');
}

function renderFacets(facets) {
  const a = document.activeElement;
  const focus = a && a.dataset && a.dataset.field ? [a.dataset.field, a.value] : null;
  FACETS.forEach((field) => {
    const box = $('facet-' + field);
    const values = [];
    const seen = new Set();
    for (const f of Array.isArray(facets[field]) ? facets[field] : []) {
      labels[field].set(f.id, f.label || f.id);
      seen.add(f.id);
      values.push([f.id, f.count]);
    }
    // Active values stay visible (and removable) even if the server omits them.
    state.filters[field].forEach((v) => { if (!seen.has(v)) values.push([v, 0]); });
    const all = expanded.has(field);
    const items = values
      .filter(([v], i) => all || i < FACET_SHOWN || state.filters[field].includes(v))
      .map(([v, n]) => facetItem(field, v, n));
    box.querySelector('ul').replaceChildren(...items);
    box.hidden = !values.length;
    const more = box.querySelector('.facet-more');
    more.hidden = values.length <= FACET_SHOWN;
    more.textContent = all ? 'Show fewer' : `Show all ${values.length}`;
    more.setAttribute('aria-expanded', String(all));
  });
  if (focus) {
    const b = [...document.querySelectorAll('#facet-groups input[data-field]')]
      .find((x) => x.dataset.field === focus[0] && x.value === focus[1]);
    if (b) b.focus();
  }
}

let facetSeq = 0;
function facetItem(field, value, count) {
  const id = 'f' + (++facetSeq);
  return el('li', {}, [
    el('input', { type: 'checkbox', id, value, checked: state.filters[field].includes(value), dataset: { field } }),
    el('label', { for: id }, [el('span', { className: 'facet-label', text: labels[field].get(value) || value }), ' ',
      el('span', { className: 'count', text: String(count || 0) })])
  ]);
}

function renderChips() {
  const chips = [];
  FILTERS.forEach((field) => state.filters[field].forEach((value) => {
    const label = labels[field].get(value) || value;
    chips.push(el('li', {}, [el('button', {
      type: 'button', className: 'chip',
      'aria-label': `Remove filter ${NAMES[field]}: ${label}`,
      dataset: { chipField: field, chipValue: value }
    }, [el('span', { className: 'chip-field', text: NAMES[field] + ': ' }), label,
      el('span', { 'aria-hidden': 'true', className: 'chip-x', text: '×' })])]));
  }));
  if (chips.length > 1) chips.push(el('li', {}, [el('button', { type: 'button', className: 'chip chip-clear', id: 'clear-filters', text: 'Clear all filters' })]));
  $('chips').replaceChildren(...chips);
  $('chips-wrap').hidden = !chips.length;
}

