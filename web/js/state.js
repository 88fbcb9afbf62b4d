// The page's whole state lives in the address bar: this module reads it
// from there and writes it back, so links can be shared and Back works.

export const FACETS = ['session', 'chapter', 'theme', 'organization', 'language'];
export const FILTERS = [...FACETS, 'status'];
export const NAMES = { session: 'Session', chapter: 'Chapter', theme: 'Theme', organization: 'Organisation', language: 'Language', status: 'Status' };
export const SORTS = ['relevance', '-date', 'date'];
export const PER_PAGE = 10;
const MAX_RESULTS = 10000; // the API's result window (page * per_page)

/** The route: which view, and its state. */
export function readLocation() {
  const path = location.pathname;
  const m = /^\/statements\/([^/]+)\/?$/.exec(path);
  if (m) {
    let id = m[1];
    try { id = decodeURIComponent(id); } catch (_) { /* keep raw */ }
    const p = /^#p(\d+)$/.exec(location.hash);
    return { view: 'statement', id, paragraph: p ? Number(p[1]) : null };
  }
  const params = new URLSearchParams(location.search);
  if (/^\/similar\/?$/.test(path)) {
    const paragraph = parseInt(params.get('paragraph'), 10);
    return {
      view: 'similar',
      text: params.get('text') || (history.state && history.state.similarText) || '',
      statement: params.get('statement') || '',
      paragraph: paragraph > 0 ? paragraph : null
    };
  }
  return { view: 'search', ...readSearch(params) };
}

export function readSearch(p) {
  const filters = {};
  FILTERS.forEach((f) => { filters[f] = [...new Set(p.getAll(f).filter(Boolean))]; });
  const page = parseInt(p.get('page'), 10);
  return {
    q: p.get('q') || '',
    filters,
    mode: p.get('view') === 'passages' ? 'passages' : 'statements',
    sort: SORTS.includes(p.get('sort')) ? p.get('sort') : 'relevance',
    page: page > 0 ? Math.min(page, MAX_RESULTS / PER_PAGE) : 1
  };
}

/** Query parameters for the address bar (defaults left out) or for the API. */
export function searchParams(s, { api = false, page = s.page, perPage = PER_PAGE, only } = {}) {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  FILTERS.forEach((f) => s.filters[f].forEach((v) => p.append(f, v)));
  if (only === 'filters') return p;
  if (api || s.mode !== 'statements') p.set('view', s.mode);
  if (api || s.sort !== 'relevance') p.set('sort', s.sort);
  if (api || page !== 1) p.set('page', page);
  if (api) p.set('per_page', perPage);
  return p;
}

export function searchUrl(s) {
  const qs = searchParams(s).toString();
  return '/' + (qs ? '?' + qs : '');
}

export const hasFilters = (s) => FILTERS.some((f) => s.filters[f].length > 0);

let shown = null; // path and query of what the page shows

/** Moves to `url`: a new history entry, or (replace) the current one. */
export function go(url, { replace = false, state = {} } = {}) {
  if (url !== location.pathname + location.search + location.hash || replace) {
    if (replace) history.replaceState(state, '', url);
    else history.pushState(state, '', url);
  }
  markShown();
}

/** Records that the page shows the address bar's path and query. */
export function markShown() { shown = location.pathname + location.search; }

/** True when only the #fragment differs from what the page shows. */
export const onlyHashMoved = () => location.pathname + location.search === shown;
