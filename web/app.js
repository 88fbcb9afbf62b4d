'use strict';
(() => {
  const FACETS = ['session', 'chapter', 'theme', 'organization'];
  const FILTERS = [...FACETS, 'language', 'status'];
  const NAMES = { session: 'Session', chapter: 'Chapter', theme: 'Theme', organization: 'Organization', language: 'Language', status: 'Status' };
  const SORTS = ['relevance', '-date', 'date'];
  const PER_PAGE = 10;
  const $ = (id) => document.getElementById(id);
  const labels = {}; // field -> Map(id -> label), so chips show labels
  FILTERS.forEach((f) => { labels[f] = new Map(); });

  let state, controller, timer = 0, shownId = null, lastSearchUrl = null;

  function el(tag, props, kids) {
    const n = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (v == null || v === false) continue;
      if (k === 'text') n.textContent = v;
      else if (k === 'className') n.className = v;
      else if (k === 'dataset') Object.assign(n.dataset, v);
      else n.setAttribute(k, v);
    }
    for (const c of kids || []) if (c != null && c !== false) n.append(c);
    return n;
  }

  function showError(msg) {
    const box = $('error');
    box.textContent = msg || '';
    box.hidden = !msg;
  }

  async function getJSON(url, signal) {
    const res = await fetch(url, { signal, headers: { Accept: 'application/json' } });
    let body = null;
    try { body = await res.json(); } catch (_) { /* not JSON */ }
    if (!res.ok || !body) {
      const err = new Error(body && body.error && body.error.message || `Request failed (HTTP ${res.status})`);
      err.status = res.status;
      throw err;
    }
    return body;
  }

  function metaLine(it, extra) {
    const p = el('p', { className: 'meta' });
    for (const k of ['organization', 'session', 'chapter']) if (it[k] && it[k].label) p.append(el('span', { text: it[k].label }));
    if (it.date) p.append(el('span', {}, [el('time', { datetime: it.date, text: it.date })]));
    if (it.status) p.append(el('span', { className: 'status', text: it.status }));
    if (extra) p.append(el('span', { text: extra }));
    return p;
  }

  function tags(themes) {
    if (!themes || !themes.length) return null;
    return el('ul', { className: 'tags', 'aria-label': 'Themes' }, themes.map((t) => el('li', { className: 'tag', text: t.label || t.id })));
  }

  function lines(cls, arr) {
    return arr && arr.length ? el('div', { className: cls }, arr.map((t) => el('p', { text: t }))) : null;
  }

  // ---- state <-> address bar ----
  function readState() {
    const p = new URLSearchParams(location.search);
    const filters = {};
    FILTERS.forEach((f) => { filters[f] = [...new Set(p.getAll(f).filter(Boolean))]; });
    const page = parseInt(p.get('page'), 10);
    const per = parseInt(p.get('per_page'), 10);
    return {
      q: p.get('q') || '',
      filters,
      view: p.get('view') === 'passages' ? 'passages' : 'statements',
      sort: SORTS.includes(p.get('sort')) ? p.get('sort') : 'relevance',
      page: page > 0 ? page : 1,
      per: per > 0 && per <= 100 ? per : PER_PAGE
    };
  }

  function toParams(s, api) {
    const p = new URLSearchParams();
    if (s.q) p.set('q', s.q);
    FILTERS.forEach((f) => s.filters[f].forEach((v) => p.append(f, v)));
    if (api || s.view !== 'statements') p.set('view', s.view);
    if (api || s.sort !== 'relevance') p.set('sort', s.sort);
    if (api || s.page !== 1) p.set('page', s.page);
    if (api || s.per !== PER_PAGE) p.set('per_page', s.per);
    return p;
  }

  // Put state in the address bar and search. Successive type-ahead updates share one history entry.
  function commit(typing, keepPage) {
    if (!keepPage) state.page = 1;
    const qs = toParams(state).toString();
    const url = '/' + (qs ? '?' + qs : '');
    if (url !== location.pathname + location.search) {
      const entry = { search: true, typing: !!typing };
      if (typing && history.state && history.state.typing) history.replaceState(entry, '', url);
      else history.pushState(entry, '', url);
    }
    runSearch();
  }

  function syncForm() {
    if ($('q').value.trim() !== state.q) $('q').value = state.q;
    $('view-' + state.view).checked = true;
    $('sort').value = state.sort;
  }

  function newRequest() {
    clearTimeout(timer);
    if (controller) controller.abort();
    controller = new AbortController();
    return controller.signal;
  }

  // ---- search ----
  async function runSearch() {
    const signal = newRequest();
    const list = $('results');
    list.setAttribute('aria-busy', 'true');
    try {
      const data = await getJSON('/api/search?' + toParams(state, true), signal);
      if (signal.aborted) return;
      showError(null);
      renderSearch(data);
    } catch (err) {
      if (signal.aborted) return;
      renderSearch(null);
      if (!state.q && !FILTERS.some((f) => state.filters[f].length) && err.status >= 400 && err.status < 500) {
        $('result-count').textContent = 'Type a query to search statements.';
      } else {
        showError(err.message || 'The search failed.');
        $('result-count').textContent = 'Search failed.';
      }
    } finally {
      if (!signal.aborted) list.removeAttribute('aria-busy');
    }
  }

  function renderSearch(data) {
    const a = document.activeElement;
    const focusKey = a && a.dataset && a.dataset.facetField ? [a.dataset.facetField, a.dataset.facetValue] : null;
    $('results').replaceChildren(...(data && data.results || []).map(renderResult));
    const total = data ? Number(data.total) || 0 : 0;
    const noun = state.view === 'passages' ? 'passage' : 'statement';
    $('result-count').textContent = data ? `${total} ${noun}${total === 1 ? '' : 's'}` : '';
    renderSuggestion(data && typeof data.suggestion === 'string' ? data.suggestion : '');
    renderFacets(data && data.facets || {});
    renderChips();
    const page = data && Number(data.page) || state.page;
    const per = data && Number(data.per_page) || state.per;
    $('prev').disabled = !data || page <= 1;
    $('next').disabled = !data || page * per >= total;
    $('page-info').textContent = total ? `Page ${page} of ${Math.ceil(total / per)}` : '';
    if (focusKey) {
      const b = [...document.querySelectorAll('[data-facet-field]')]
        .find((x) => x.dataset.facetField === focusKey[0] && x.dataset.facetValue === focusKey[1]);
      if (b) b.focus();
    }
  }

  function renderResult(r) {
    const hasP = r.paragraph != null;
    const href = (r.url || '/statements/' + encodeURIComponent(r.statement_id)) + (hasP ? '#p' + r.paragraph : '');
    const h = el('h3', { className: 'result-title' }, [el('a', { href, className: 'result-link', text: r.title || r.statement_id })]);
    if (hasP && state.view === 'passages') h.append(' ', el('span', { className: 'pref', text: '¶ ' + r.paragraph }));
    const li = el('li', { className: 'result', dataset: { statementId: r.statement_id || '' } }, [h, metaLine(r), tags(r.themes)]);
    if (r.snippet) {
      const s = el('p', { className: 'snippet' });
      s.innerHTML = r.snippet; // server-escaped HTML with <mark> highlights
      li.append(s);
    }
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
      state.q = sug;
      syncForm();
      commit();
    });
    box.append('Did you mean ', a, '?');
  }

  function renderFacets(facets) {
    FACETS.forEach((field) => {
      const box = $('facet-' + field);
      const items = [];
      const seen = new Set();
      for (const f of Array.isArray(facets[field]) ? facets[field] : []) {
        labels[field].set(f.id, f.label || f.id);
        seen.add(f.id);
        items.push(facetItem(field, f.id, f.count));
      }
      // Active values stay visible (and removable) even if the server omits them.
      state.filters[field].forEach((v) => { if (!seen.has(v)) items.push(facetItem(field, v, 0)); });
      box.querySelector('ul').replaceChildren(...items);
      box.hidden = !items.length;
    });
  }

  function facetItem(field, value, count) {
    return el('li', {}, [el('button', {
      type: 'button', className: 'facet-btn',
      'aria-pressed': String(state.filters[field].includes(value)),
      dataset: { facetField: field, facetValue: value }
    }, [el('span', { className: 'facet-label', text: labels[field].get(value) || value }), ' ',
      el('span', { className: 'count', text: `(${count || 0})` })])]);
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
        el('span', { 'aria-hidden': 'true', text: ' ×' })])]));
    }));
    if (chips.length > 1) chips.push(el('li', {}, [el('button', { type: 'button', className: 'chip chip-clear', id: 'clear-filters', text: 'Clear all' })]));
    $('chips').replaceChildren(...chips);
    $('chips-wrap').hidden = !chips.length;
  }

  // ---- statement view ----
  async function showStatement(id) {
    if (shownId === id) { highlight(); return; }
    const signal = newRequest();
    const box = $('statement');
    shownId = null;
    box.replaceChildren(el('p', { className: 'loading', text: 'Loading…' }));
    box.setAttribute('aria-busy', 'true');
    try {
      const s = await getJSON('/api/statements/' + encodeURIComponent(id), signal);
      if (signal.aborted) return;
      showError(null);
      renderStatement(s);
      shownId = id;
      if (!highlight()) {
        window.scrollTo(0, 0);
        box.querySelector('h1').focus({ preventScroll: true });
      }
    } catch (err) {
      if (signal.aborted) return;
      box.replaceChildren(el('h1', { text: 'Statement unavailable' }));
      document.title = 'Statement unavailable – Statement Library';
      showError(err.message || 'The statement could not be loaded.');
    } finally {
      if (!signal.aborted) box.removeAttribute('aria-busy');
    }
  }

  function renderStatement(s) {
    const title = s.title || s.id;
    document.title = title + ' – Statement Library';
    const ol = el('ol', { className: 'paragraphs' }, (s.paragraphs || []).map((p) => el('li', { id: 'p' + p.n, value: p.n, tabindex: '-1' }, [
      el('a', { className: 'pnum', href: '#p' + p.n, 'aria-label': 'Paragraph ' + p.n, text: '¶ ' + p.n }),
      el('p', { className: 'ptext', text: p.text }),
      tags(p.themes)
    ])));
    $('statement').replaceChildren(
      el('h1', { tabindex: '-1', text: title }),
      metaLine(s, s.language ? 'Language: ' + s.language : ''),
      tags(s.themes) || '',
      lines('header-lines', s.header) || '',
      lines('formula opening', s.opening) || '',
      ol,
      lines('formula closing', s.closing) || '');
  }

  function highlight() {
    document.querySelectorAll('.paragraphs .highlight').forEach((n) => n.classList.remove('highlight'));
    const m = /^#p(\d+)$/.exec(location.hash);
    const li = m && document.getElementById('p' + m[1]);
    if (!li) return false;
    li.classList.add('highlight');
    li.scrollIntoView({ block: 'center' });
    li.focus({ preventScroll: true });
    return true;
  }

  // ---- routing ----
  function route() {
    const m = /^\/statements\/([^/]+)\/?$/.exec(location.pathname);
    $('search-view').hidden = !!m;
    $('statement-view').hidden = !m;
    if (m) {
      let id = m[1];
      try { id = decodeURIComponent(id); } catch (_) { /* keep raw */ }
      showStatement(id);
    } else {
      shownId = null;
      document.title = 'Statement Library';
      state = readState();
      syncForm();
      runSearch();
    }
  }

  const plain = (e) => e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey;

  function init() {
    state = readState();
    if (matchMedia('(max-width: 46rem)').matches) $('filters').open = false; // keep results in view on phones
    $('search-form').addEventListener('submit', (e) => {
      e.preventDefault();
      state.q = $('q').value.trim();
      commit();
    });
    $('q').addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const q = $('q').value.trim();
        if (q !== state.q) { state.q = q; commit(true); }
      }, 300);
    });
    document.querySelectorAll('input[name="view"]').forEach((r) => r.addEventListener('change', () => {
      if (r.checked) { state.view = r.value; commit(); }
    }));
    $('sort').addEventListener('change', () => { state.sort = $('sort').value; commit(); });
    document.querySelector('.facets').addEventListener('click', (e) => {
      const b = e.target.closest('[data-facet-field]');
      if (!b) return;
      const list = state.filters[b.dataset.facetField];
      const i = list.indexOf(b.dataset.facetValue);
      if (i >= 0) list.splice(i, 1); else list.push(b.dataset.facetValue);
      commit();
    });
    $('chips').addEventListener('click', (e) => {
      const b = e.target.closest('button');
      if (!b) return;
      if (b.id === 'clear-filters') FILTERS.forEach((f) => { state.filters[f] = []; });
      else {
        const list = state.filters[b.dataset.chipField] || [];
        const i = list.indexOf(b.dataset.chipValue);
        if (i >= 0) list.splice(i, 1);
      }
      commit();
      $('q').focus();
    });
    $('prev').addEventListener('click', () => { state.page = Math.max(1, state.page - 1); commit(false, true); });
    $('next').addEventListener('click', () => { state.page += 1; commit(false, true); });

    // Open statements in-page, so "Back to search" returns to the same search.
    $('results').addEventListener('click', (e) => {
      const a = e.target.closest('a.result-link');
      if (!a || !plain(e) || a.origin !== location.origin) return;
      e.preventDefault();
      lastSearchUrl = location.pathname + location.search;
      history.pushState({ fromSearch: true }, '', a.pathname + a.search + a.hash);
      route();
    });
    // Paragraph links: change the hash without adding history entries.
    $('statement').addEventListener('click', (e) => {
      const a = e.target.closest('a.pnum');
      if (!a || !plain(e)) return;
      e.preventDefault();
      history.replaceState(history.state, '', a.getAttribute('href'));
      highlight();
    });
    $('back').addEventListener('click', (e) => {
      if (!plain(e)) return;
      e.preventDefault();
      let sameOrigin = false;
      try { sameOrigin = new URL(document.referrer).origin === location.origin; } catch (_) { /* none */ }
      if ((history.state && history.state.fromSearch) || (!lastSearchUrl && sameOrigin && history.length > 1)) {
        history.back();
      } else {
        history.pushState({ search: true }, '', lastSearchUrl || '/');
        route();
      }
    });
    window.addEventListener('popstate', route);
    window.addEventListener('hashchange', () => { if (shownId) highlight(); });
    route();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
