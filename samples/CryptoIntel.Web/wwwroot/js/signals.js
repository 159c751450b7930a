// The latest-signals feed, on every page: loaded from the API, then kept current by live.js.
import { get } from './api.js';
import { known, subscribe } from './live.js';
import { ago, empty, fill, h, label } from './format.js';

const arrow = (d) => (d === 'Up' ? '▲' : d === 'Down' ? '▼' : '●');
const dirClass = (d) => (d === 'Up' ? 'up' : d === 'Down' ? 'down' : '');

export function signalItem(s, fresh = false) {
  return h('li', { class: fresh ? 'fresh' : null, dataset: { signalId: s.id, kind: s.kind } },
    h('div', {},
      h('span', { class: 'tag ' + dirClass(s.direction) }, arrow(s.direction), ' ', label(s.kind)),
      h('strong', {}, s.asset ?? s.subject)),
    s.summary ? h('div', {}, s.summary) : null,
    h('div', { class: 'meta' },
      `confidence ${Math.round((s.confidence ?? 0) * 100)}%`,
      s.magnitude != null ? ` · magnitude ${Number(s.magnitude).toFixed(2)}` : '',
      ` · ${ago(s.detectedAt)}`,
      s.detector ? ` · ${s.detector}` : ''));
}

/** Fills the list #id with the latest signals (optionally filtered) and prepends new ones as they arrive. */
export async function signalFeed(id, { limit = 20, filter = () => true, onNew } = {}) {
  const list = document.getElementById(id);
  if (!list) return;
  const page = await get('/api/signals', { limit }).catch(() => null);
  const items = (page?.items ?? []).filter(filter);
  known(page?.items);
  if (items.length) fill(list, items.map((s) => signalItem(s)));
  else fill(list, h('li', { class: 'empty placeholder' }, 'No signals yet: they appear here as detectors fire.'));
  subscribe((s) => {
    if (!filter(s)) return;
    list.querySelector('.placeholder')?.remove();
    list.prepend(signalItem(s, true));
    while (list.children.length > limit * 2) list.lastElementChild.remove();
    onNew?.(s);
  });
}

export { empty };
