// Intelligence dashboard: news with sentiment, sentiment over time, trending entities, stories, co-mentions.
import { get, settle } from './api.js';
import { multiLine } from './charts.js';
import { ago, bars, empty, fill, h } from './format.js';
import { layout } from './layout.js';
import { every } from './live.js';
import { signalFeed } from './signals.js';

layout('intelligence');
let sentimentChart;
let entity = new URLSearchParams(location.search).get('entity');

const sentimentTag = (n) => {
  if (n.sentiment == null) return h('span', { class: 'tag' }, 'unscored');
  const c = n.sentiment > 0.15 ? 'up' : n.sentiment < -0.15 ? 'down' : '';
  return h('span', { class: 'tag ' + c }, `${n.sentimentLabel ?? (c === 'up' ? 'positive' : c === 'down' ? 'negative' : 'neutral')} ${n.sentiment >= 0 ? '+' : ''}${n.sentiment.toFixed(2)}`);
};

async function loadNews() {
  const page = await get('/api/news', { limit: 40 });
  const items = page?.items ?? [];
  fill('news', items.length ? items.map((n) => h('li', { dataset: { newsId: n.id } },
    h('div', {}, sentimentTag(n), n.url ? h('a', { href: n.url, rel: 'noopener', target: '_blank' }, n.title) : h('span', {}, n.title)),
    h('div', { class: 'meta' }, [n.outlet ?? n.source, ago(n.publishedAt), (n.assets ?? []).join(', ')].filter(Boolean).join(' · ')))) : h('li', { class: 'empty' }, 'No news yet.'));

  // Sentiment over time: hourly average per source, from the latest page of news.
  const buckets = new Map();
  for (const n of items) {
    if (n.sentiment == null) continue;
    const hour = Math.floor(new Date(n.publishedAt).getTime() / 3600e3) * 3600e3;
    const key = `${n.source}|${hour}`;
    const b = buckets.get(key) ?? { source: n.source, t: hour, sum: 0, n: 0 };
    b.sum += n.sentiment; b.n += 1;
    buckets.set(key, b);
  }
  const el = document.getElementById('sentiment-chart');
  sentimentChart ??= multiLine(el, { height: 180 });
  const bySource = new Map();
  for (const b of buckets.values()) bySource.set(b.source, [...(bySource.get(b.source) ?? []), { t: b.t, v: b.sum / b.n }]);
  for (const [source, points] of bySource) sentimentChart?.set(source, points);
  el.dataset.series = String(bySource.size);
}

async function loadTrending() {
  const t = await get('/api/entities/trending', { window: '24h', limit: 12 });
  const items = t?.items ?? [];
  fill('trending', items.length ? bars(items.map((e) => ({ label: e.name, value: e.mentions, dataset: { entity: e.id }, fillClass: e.mentions >= e.previousMentions ? 'up' : 'down' })),
    { format: (v, r) => `${v} (${items.find((e) => e.name === r.label)?.previousMentions ?? 0} before)` }) : empty('No entities yet.'));
  const select = document.getElementById('entity');
  if (items.length && select.options.length === 0) {
    entity ??= items[0].id;
    fill(select, items.map((e) => h('option', { value: e.id, selected: e.id === entity }, e.name)));
    select.addEventListener('change', () => { entity = select.value; loadCoMentions(); });
  }
}

async function loadStories() {
  const page = await get('/api/news/stories', { limit: 15 });
  const items = page?.items ?? [];
  fill('stories', items.length ? items.map((s) => h('li', { dataset: { storyId: s.id } },
    h('strong', {}, s.title),
    h('div', { class: 'meta' }, `${s.items} item(s) · ${(s.sources ?? []).join(', ')} · ${ago(s.lastSeen)}`, s.sentiment != null ? ` · sentiment ${s.sentiment.toFixed(2)}` : ''))) : h('li', { class: 'empty' }, 'No stories yet.'));
}

async function loadCoMentions() {
  if (!entity) return;
  const c = await get(`/api/entities/${encodeURIComponent(entity)}/co-mentions`, { window: '7d', limit: 12 });
  const items = c?.items ?? [];
  fill('co-mentions', items.length
    ? [h('p', { class: 'meta' }, `Mentioned together with ${c.entity?.name ?? entity} in the last 7 days`), bars(items.map((m) => ({ label: m.name, value: m.count, dataset: { entity: m.id } })), { format: (v) => `${v}×` })]
    : empty('No co-mentions yet.'));
}

await settle([loadNews, loadTrending, loadStories, () => signalFeed('signals', { limit: 15 })]);
await settle([loadCoMentions]);
every(8000, () => settle([loadNews, loadTrending, loadStories, loadCoMentions]));
