/*! Statement Library search widget.
 * <script src="https://SEARCH-HOST/widget.js" defer></script>
 * <statement-search endpoint="https://SEARCH-HOST" lang="en"></statement-search>
 * Attributes: endpoint, lang (en|fr|es), per-page (1-100), theme, session,
 * chapter, organization, language, status (preset filters; several values
 * comma-separated), view (statements|passages), query (initial query).
 * CSS custom properties: --ss-font, --ss-font-size, --ss-color, --ss-muted,
 * --ss-background, --ss-accent, --ss-accent-text, --ss-border, --ss-mark,
 * --ss-focus, --ss-radius. See docs/web.md. */
(() => {
  'use strict';
  const TAG = 'statement-search';
  if (!window.customElements || customElements.get(TAG)) return;

  const SCRIPT_ORIGIN = (() => {
    try { return new URL(document.currentScript.src).origin; } catch (_) { return ''; }
  })();
  const FILTERS = ['theme', 'session', 'chapter', 'organization', 'language', 'status'];
  const DEBOUNCE_MS = 300;
  const DEFAULT_PER_PAGE = 5;

  const TEXT = {
    en: {
      label: 'Search statements', button: 'Search', loading: 'Searching…', none: 'No statements found.',
      count: (n) => (n === 1 ? '1 statement' : `${n} statements`), more: 'More results',
      error: 'The search service could not be reached from this site.', para: 'paragraph', by: 'Statement Library search'
    },
    fr: {
      label: 'Rechercher dans les déclarations', button: 'Rechercher', loading: 'Recherche…', none: 'Aucune déclaration trouvée.',
      count: (n) => (n === 1 ? '1 déclaration' : `${n} déclarations`), more: 'Plus de résultats',
      error: 'Le service de recherche est injoignable depuis ce site.', para: 'paragraphe', by: 'Recherche dans la bibliothèque des déclarations'
    },
    es: {
      label: 'Buscar declaraciones', button: 'Buscar', loading: 'Buscando…', none: 'No se encontraron declaraciones.',
      count: (n) => (n === 1 ? '1 declaración' : `${n} declaraciones`), more: 'Más resultados',
      error: 'No se puede acceder al servicio de búsqueda desde este sitio.', para: 'párrafo', by: 'Búsqueda en la biblioteca de declaraciones'
    }
  };

  const CSS = `
:host{display:block;font:var(--ss-font-size,1rem)/1.5 var(--ss-font,system-ui,sans-serif);color:var(--ss-color,#1b1f24);background:var(--ss-background,#fff);
border:1px solid var(--ss-border,#d5dbe1);border-radius:var(--ss-radius,8px);padding:.75em 1em;contain:content}
:host([hidden]){display:none}
*{box-sizing:border-box}
form{display:flex;flex-wrap:wrap;gap:.4em;align-items:end}
label{flex:1 0 100%;font-weight:600}
input{flex:1;min-width:0;font:inherit;color:inherit;background:var(--ss-background,#fff);padding:.4em .6em;border:1px solid var(--ss-muted,#6b7785);border-radius:var(--ss-radius,8px)}
button{font:inherit;cursor:pointer;padding:.4em .9em;border-radius:var(--ss-radius,8px);border:1px solid var(--ss-accent,#0b5cad);background:var(--ss-accent,#0b5cad);color:var(--ss-accent-text,#fff);font-weight:600}
button.more{background:transparent;color:var(--ss-accent,#0b5cad)}
:focus-visible{outline:3px solid var(--ss-focus,#c2410c);outline-offset:2px}
[hidden]{display:none!important}
.status{margin:.5em 0 0;font-size:.9em;color:var(--ss-muted,#525c67)}
.error{margin:.5em 0 0;color:#8a1c12;font-weight:600}
ol{list-style:none;margin:0;padding:0}
li{padding:.6em 0;border-bottom:1px solid var(--ss-border,#d5dbe1)}
li:last-child{border-bottom:0}
a{color:var(--ss-accent,#0b5cad);font-weight:600}
.meta{margin:.1em 0;font-size:.85em;color:var(--ss-muted,#525c67)}
.snippet{margin:.2em 0 0;font-size:.95em}
mark{background:var(--ss-mark,#ffe58a);color:inherit;padding:0 .1em;border-radius:2px}
.foot{text-align:center;margin-top:.4em}`;

  let sheet = null;
  const styleFor = (root) => {
    // A constructed sheet needs no 'unsafe-inline' in the host page's CSP.
    try {
      if (!sheet) { sheet = new CSSStyleSheet(); sheet.replaceSync(CSS); }
      root.adoptedStyleSheets = [sheet];
    } catch (_) {
      const s = document.createElement('style');
      s.textContent = CSS;
      root.append(s);
    }
  };

  const make = (tag, props, kids) => {
    const n = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (v == null || v === false) continue;
      if (k === 'text') n.textContent = v; else n.setAttribute(k, v === true ? '' : v);
    }
    for (const c of kids || []) if (c != null) n.append(c);
    return n;
  };

  // Snippets are escaped text with <mark>: keep only text and <mark>.
  const snippet = (html) => {
    const doc = new DOMParser().parseFromString(`<p>${html || ''}</p>`, 'text/html');
    const p = make('p', { class: 'snippet', part: 'snippet' });
    for (const n of doc.body.firstChild.childNodes) p.append(n.nodeName === 'MARK' ? make('mark', { text: n.textContent }) : n.textContent);
    return p;
  };

  let seq = 0;

  class StatementSearch extends HTMLElement {
    static get observedAttributes() { return ['endpoint', 'lang', 'per-page', 'view', 'query', ...FILTERS]; }

    constructor() {
      super();
      this._root = this.attachShadow({ mode: 'open' });
      styleFor(this._root);
      this._page = 1;
      this._timer = 0;
      this._ctl = null;
      this._built = false;
    }

    connectedCallback() {
      if (!this._built) this._build();
      this._search(false);
    }

    disconnectedCallback() {
      clearTimeout(this._timer);
      if (this._ctl) this._ctl.abort();
    }

    attributeChangedCallback(name, old, value) {
      if (!this._built || old === value) return;
      if (name === 'lang') this._labels();
      if (name === 'query') this._input.value = value || '';
      this._search(false);
    }

    get _t() {
      const lang = (this.getAttribute('lang') || document.documentElement.lang || 'en').toLowerCase().slice(0, 2);
      return TEXT[lang] || TEXT.en;
    }

    get _endpoint() { return (this.getAttribute('endpoint') || SCRIPT_ORIGIN).replace(/\/+$/, ''); }

    get _perPage() {
      const n = parseInt(this.getAttribute('per-page'), 10);
      return n >= 1 && n <= 100 ? n : DEFAULT_PER_PAGE;
    }

    _build() {
      const id = `ss-q-${++seq}`;
      this._label = make('label', { for: id, part: 'label' });
      this._input = make('input', { id, type: 'search', autocomplete: 'off', part: 'input' });
      this._input.value = this.getAttribute('query') || '';
      this._button = make('button', { type: 'submit', part: 'button' });
      this._form = make('form', { role: 'search' }, [this._label, this._input, this._button]);
      this._status = make('p', { class: 'status', role: 'status', 'aria-live': 'polite', part: 'status' });
      this._error = make('p', { class: 'error', role: 'alert', hidden: true, part: 'error' });
      this._list = make('ol', { part: 'results' });
      this._more = make('button', { type: 'button', class: 'more', hidden: true, part: 'more' });
      this._root.append(this._form, this._status, this._error, this._list, make('div', { class: 'foot' }, [this._more]));
      this._labels();
      this._form.addEventListener('submit', (e) => { e.preventDefault(); this._search(false); });
      this._input.addEventListener('input', () => {
        clearTimeout(this._timer);
        this._timer = setTimeout(() => this._search(false), DEBOUNCE_MS);
      });
      this._more.addEventListener('click', () => this._search(true));
      this._built = true;
    }

    _labels() {
      const t = this._t;
      this._label.textContent = t.label;
      this._button.textContent = t.button;
      this._more.textContent = t.more;
      this._form.setAttribute('aria-label', t.by);
    }

    async _search(more) {
      clearTimeout(this._timer);
      if (this._ctl) this._ctl.abort();
      const ctl = this._ctl = new AbortController();
      const t = this._t;
      this._page = more ? this._page + 1 : 1;
      const p = new URLSearchParams();
      const q = this._input.value.trim();
      if (q) p.set('q', q);
      for (const f of FILTERS) {
        for (const v of (this.getAttribute(f) || '').split(',')) if (v.trim()) p.append(f, v.trim());
      }
      if (this.getAttribute('view') === 'passages') p.set('view', 'passages');
      p.set('per_page', this._perPage);
      p.set('page', this._page);
      if (!more) this._status.textContent = t.loading;
      try {
        const res = await fetch(`${this._endpoint}/api/search?${p}`, { signal: ctl.signal, headers: { Accept: 'application/json' }, credentials: 'omit' });
        const data = await res.json().catch(() => null);
        if (ctl.signal.aborted) return;
        if (!res.ok || !data) throw new Error(data && data.error && data.error.message || t.error);
        this._render(data, more);
      } catch (err) {
        if (ctl.signal.aborted) return;
        if (!more) this._list.replaceChildren();
        this._more.hidden = true;
        this._status.textContent = '';
        this._error.textContent = err instanceof TypeError ? t.error : err.message;
        this._error.hidden = false;
        this.setAttribute('data-state', 'error');
        this.dispatchEvent(new CustomEvent('statement-search:error', { bubbles: true, composed: true, detail: { message: this._error.textContent } }));
      }
    }

    _render(data, more) {
      const t = this._t;
      const base = this._endpoint;
      const items = (data.results || []).map((r) => {
        const href = base + (r.url || '/statements/' + encodeURIComponent(r.statement_id)) + (r.paragraph != null ? '#p' + r.paragraph : '');
        const meta = [r.organization && r.organization.label, r.session && r.session.label, r.date].filter(Boolean).join(' · ');
        return make('li', { part: 'result' }, [
          make('a', { href, part: 'link', text: r.title || r.statement_id }),
          meta ? make('p', { class: 'meta', part: 'meta', text: meta }) : null,
          r.snippet ? snippet(r.snippet) : null
        ]);
      });
      if (more) this._list.append(...items); else this._list.replaceChildren(...items);
      const total = Number(data.total) || 0;
      this._error.hidden = true;
      this._status.textContent = total ? t.count(total) : t.none;
      this._more.hidden = this._list.children.length >= total;
      this.setAttribute('data-state', 'ready');
      if (more && items[0]) items[0].querySelector('a').focus();
    }
  }

  customElements.define(TAG, StatementSearch);
})();
