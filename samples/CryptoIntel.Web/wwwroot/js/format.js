// Formatting and small DOM helpers shared by the three dashboards.
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 2 });

export function usd(value) {
  if (value == null || Number.isNaN(Number(value))) return '–';
  const v = Number(value);
  if (Math.abs(v) >= 1e5) return '$' + compact.format(v);
  if (Math.abs(v) >= 1) return '$' + v.toLocaleString('en-US', { maximumFractionDigits: 2 });
  return '$' + v.toPrecision(4);
}

export function pct(value, digits = 2) {
  if (value == null || Number.isNaN(Number(value))) return '–';
  const v = Number(value);
  return (v > 0 ? '+' : '') + v.toFixed(digits) + '%';
}

export const cls = (value) => (value == null ? 'muted' : Number(value) >= 0 ? 'up' : 'down');

export function ago(iso) {
  if (!iso) return '';
  const s = Math.max(0, (Date.now() - new Date(iso).getTime()) / 1000);
  if (s < 60) return `${Math.round(s)}s ago`;
  if (s < 3600) return `${Math.round(s / 60)}m ago`;
  if (s < 86400) return `${Math.round(s / 3600)}h ago`;
  return `${Math.round(s / 86400)}d ago`;
}

/** Creates an element: h('td', { class: 'up' }, 'text', child...). Text is always set as text, never as HTML. */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v == null || v === false) continue;
    if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c == null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

export function fill(id, ...children) {
  const el = typeof id === 'string' ? document.getElementById(id) : id;
  if (!el) return null;
  el.replaceChildren(...children.flat().filter((c) => c != null));
  return el;
}

export function empty(text) { return h('p', { class: 'empty' }, text); }

export function bars(rows, { format = (v) => v, max, fillClass } = {}) {
  const top = max ?? Math.max(1e-9, ...rows.map((r) => Math.abs(r.value)));
  return h('div', { class: 'bars' }, rows.map((r) =>
    h('div', { class: 'bar', dataset: r.dataset ?? {} },
      h('span', {}, r.label),
      h('span', { class: 'track' }, h('span', { class: 'fill ' + (r.fillClass ?? fillClass?.(r) ?? ''), style: `display:block;width:${Math.min(100, (100 * Math.abs(r.value)) / top).toFixed(1)}%` })),
      h('span', { class: 'meta' }, format(r.value, r)))));
}

export function table(columns, rows, rowAttrs) {
  return h('div', { class: 'scroll' }, h('table', {},
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { class: c.class }, c.title)))),
    h('tbody', {}, rows.map((r) => h('tr', rowAttrs?.(r) ?? {}, columns.map((c) => {
      const v = c.value(r);
      return h('td', { class: [c.class, c.cls?.(r)].filter(Boolean).join(' ') || null }, v);
    }))))));
}

export const label = (kind) => String(kind ?? '').replaceAll('-', ' ');
