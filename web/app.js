// The Statement Library page: one document with three views (search,
// statement, similar language), chosen by the address bar.

import { $, plainClick, hasEndpoint } from './js/dom.js';
import { readLocation, go, markShown, onlyHashMoved } from './js/state.js';
import { initSearch, showSearch, abortSearch } from './js/search.js';
import { initStatement, showStatement, abortStatement, leaveStatement, rememberSearch, backTarget, highlight } from './js/statement.js';
import { initSimilar, showSimilar, abortSimilar } from './js/similar.js';

const VIEWS = ['search', 'statement', 'similar'];
const PAGE_PATH = /^\/(statements\/[^/]+\/?|similar\/?)?$/;

function route({ focus = false } = {}) {
  const r = readLocation();
  markShown();
  VIEWS.forEach((v) => { $(v + '-view').hidden = v !== r.view; });
  for (const [id, view] of [['nav-search', 'search'], ['nav-similar', 'similar']]) {
    if (r.view === view) $(id).setAttribute('aria-current', 'page');
    else $(id).removeAttribute('aria-current');
  }
  if (r.view !== 'search') abortSearch();
  if (r.view !== 'statement') { abortStatement(); leaveStatement(); }
  if (r.view !== 'similar') abortSimilar();
  if (r.view === 'search') {
    showSearch(r);
    if (focus) $('q').focus();
  } else if (r.view === 'statement') {
    showStatement(r);
  } else {
    showSimilar(r);
    if (focus) $('similar-heading').focus();
  }
}

/** Links to the page's own views are followed in place, without a reload. */
function onLinkClick(e) {
  if (e.defaultPrevented || !plainClick(e)) return;
  const a = e.target.closest('a[href]');
  if (!a || a.target || a.origin !== location.origin || !PAGE_PATH.test(a.pathname)) return;
  const samePage = a.pathname === location.pathname && a.search === location.search;
  if (samePage && a.hash && !/^#p\d+$/.test(a.hash)) return; // the skip link and other in-page anchors
  e.preventDefault();
  if (samePage && a.hash) {
    // A paragraph anchor: move there without adding history entries.
    history.replaceState(history.state, '', a.hash);
    highlight(Number(a.hash.slice(2)));
    return;
  }
  if (a.id === 'back') return goBack();
  const fromSearch = !$('search-view').hidden;
  if (fromSearch) rememberSearch(location.pathname + location.search);
  go(a.pathname + a.search + a.hash, { state: { fromSearch } });
  route({ focus: true });
  if (!a.hash && !a.pathname.startsWith('/statements/')) window.scrollTo(0, 0);
}

/** "Back to search": the search this statement was opened from, else a new one. */
function goBack() {
  if (history.state && history.state.fromSearch) {
    history.back();
  } else {
    go(backTarget() || '/');
    route({ focus: true });
  }
}

function init() {
  initSearch();
  initStatement();
  initSimilar();
  document.addEventListener('click', onLinkClick);
  window.addEventListener('popstate', () => {
    if (onlyHashMoved()) return; // only the #fragment moved: hashchange handles it
    route();
    // Focus left in a view that is now hidden goes to the shown view.
    const a = document.activeElement;
    if (!a || a === document.body || a.closest('[hidden]')) {
      if (!$('search-view').hidden) $('q').focus();
      else if (!$('similar-view').hidden) $('similar-heading').focus();
    }
  });
  window.addEventListener('hashchange', () => {
    const r = readLocation();
    if (r.view === 'statement') highlight(r.paragraph);
  });
  hasEndpoint('similar', '/api/similar').then((ok) => { $('nav-similar').hidden = !ok; });
  route();
}

init();
