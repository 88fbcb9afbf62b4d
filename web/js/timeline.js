// The timeline: statements per session for the current query and filters,
// as a small inline SVG bar chart; a bar is a link that filters to its session.

import { $, svg, request, markMissing, plainClick, plural } from './dom.js';
import { searchParams, searchUrl } from './state.js';

const SLOT = 44;        // width per session
const BAR = 28;
const PLOT = 64;        // tallest bar
const TOP = 18;         // room for the count above a bar
const CHAR = 6.2;       // average width of a label character at 11px
const MAX_LABEL = 16;   // characters; longer labels end with "…"
let pick = () => {};
let missing = false;    // no /api/timeline on this server: counts come from the session facet

export function initTimeline(onPick) {
  pick = onPick;
  $('timeline-chart').addEventListener('click', (e) => {
    const a = e.target.closest('a[data-session]');
    if (!a || !plainClick(e)) return;
    e.preventDefault();
    pick(a.dataset.session);
  });
}

export async function updateTimeline(s, signal) {
  const filters = searchParams(s, { only: 'filters' });
  try {
    const sessions = await load(filters, signal);
    if (!signal.aborted) render(s, sessions);
  } catch (_) {
    if (!signal.aborted) $('timeline').hidden = true;
  }
}

async function load(filters, signal) {
  if (!missing) {
    try {
      const data = await request('/api/timeline?' + filters, { signal });
      return (data.sessions || []).map((x) => ({ id: x.id, label: x.label || x.id, short: x.short || x.label || x.id, count: Number(x.statements) || 0, best: x.best }));
    } catch (err) {
      if (!err.missingEndpoint) throw err;
      missing = true;
      markMissing('timeline');
    }
  }
  filters.set('per_page', '1');
  const data = await request('/api/search?' + filters, { signal });
  return ((data.facets || {}).session || []).map((x) => ({ id: x.id, label: x.label || x.id, short: shortName(x.id, x.label), count: Number(x.count) || 0 }));
}

const shortName = (id, label) => (/^ahc-\d+$/.test(id) ? id.replace('ahc-', 'AHC ') : label || id);

const clip = (t) => (t.length > MAX_LABEL ? t.slice(0, MAX_LABEL - 1) + '…' : t);

function render(s, sessions) {
  const box = $('timeline');
  box.hidden = !sessions.length;
  if (!sessions.length) return;
  const max = Math.max(1, ...sessions.map((x) => x.count));
  // Labels are turned 45°: room below for the longest, and left of the first.
  const diagonal = Math.ceil(Math.max(...sessions.map((x) => clip(x.short).length)) * CHAR * Math.SQRT1_2);
  const left = Math.max(0, diagonal - SLOT / 2 + 4);
  const width = left + sessions.length * SLOT;
  const base = TOP + PLOT;
  const height = base + diagonal + 16;
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, width, height, 'aria-labelledby': 'timeline-caption', role: 'group' });
  chart.style.maxWidth = width + 'px'; // shrinks to fit, never grows (CSSOM: allowed by the CSP)
  chart.append(svg('line', { x1: left, x2: width, y1: base + 0.5, y2: base + 0.5, className: 'axis' }));
  sessions.forEach((x, i) => {
    const h = x.count ? Math.max(3, Math.round((x.count / max) * PLOT)) : 0;
    const cx = left + i * SLOT + SLOT / 2;
    const active = s.filters.session.includes(x.id);
    const ly = base + 12;
    const texts = [
      x.count ? svg('text', { x: cx, y: base - h - 5, className: 'bar-count', 'text-anchor': 'middle', text: String(x.count) }) : null,
      svg('text', { x: cx + 4, y: ly, className: 'bar-label', 'text-anchor': 'end', transform: `rotate(-45 ${cx + 4} ${ly})`, text: clip(x.short) })
    ];
    const bar = svg('rect', { x: cx - BAR / 2, y: base - h, width: BAR, height: h, rx: 3, className: 'bar' });
    const full = `${x.label}${x.short !== x.label ? ' (' + x.short + ')' : ''}: ${plural(x.count, 'statement', 'statements')}`;
    // Texts stay outside the link (its name is its aria-label); a clear
    // rectangle over the whole column makes short bars easy to hit.
    const g = svg('g', { className: x.count ? (active ? 'bar-col active' : 'bar-col') : 'bar-col empty', 'aria-hidden': x.count ? null : 'true' });
    if (x.count) {
      const target = { ...s, filters: { ...s.filters, session: [x.id] }, page: 1 };
      g.append(svg('a', {
        href: searchUrl(target), className: 'bar-link', dataset: { session: x.id },
        'aria-label': `${full}. Show only this session.`, 'aria-current': active ? 'true' : null
      }, [svg('title', { text: full + (x.best && x.best.title ? `; best match: ${x.best.title}` : '') }),
        svg('rect', { x: cx - SLOT / 2, y: 0, width: SLOT, height: base, className: 'hit' }), bar]));
    } else {
      g.append(bar);
    }
    texts.forEach((t) => { if (t) { t.setAttribute('aria-hidden', 'true'); g.append(t); } });
    chart.append(g);
  });
  $('timeline-chart').replaceChildren(chart);
}
