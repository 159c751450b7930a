// Enhanced dashboard: signal track record and confidence, source health and quota use, TVL flows.
import { get, settle } from './api.js';
import { lineChart } from './charts.js';
import { ago, bars, cls, empty, fill, h, label, pct, table, usd } from './format.js';
import { layout } from './layout.js';
import { every } from './live.js';
import { signalFeed } from './signals.js';

layout('enhanced');
let tvlChart;
let protocol = new URLSearchParams(location.search).get('protocol');

async function loadTrackRecord() {
  const t = await get('/api/signals/track-record');
  const items = (t?.items ?? []).filter((i) => i.evaluated > 0);
  fill('track-record', items.length
    ? bars(items.map((i) => ({ label: `${label(i.kind)} (${i.horizon})`, value: i.hitRate * 100, dataset: { kind: i.kind }, fillClass: i.hitRate >= 0.5 ? 'up' : 'down' })),
      { max: 100, format: (v, r) => { const i = items.find((x) => `${label(x.kind)} (${x.horizon})` === r.label); return `${v.toFixed(0)}% of ${i.evaluated} · avg ${pct(i.averageReturnPercent, 1)}`; } })
    : empty('No evaluated signals yet: outcomes are scored after each horizon passes.'));
}

async function loadStats() {
  const s = await get('/api/signals/stats', { window: '24h' });
  const kinds = s?.byKind ?? [];
  fill('signal-stats', kinds.length
    ? [h('p', { class: 'meta' }, `${s.total} signal(s) since ${new Date(s.since).toLocaleString()}`),
      bars(kinds.map((k) => ({ label: label(k.kind), value: k.count, dataset: { kind: k.kind } })),
        { format: (v, r) => { const k = kinds.find((x) => label(x.kind) === r.label); return `${v} · ▲${k.up} ▼${k.down} · conf ${Math.round(k.averageConfidence * 100)}%`; } })]
    : empty('No signals in the last 24 hours.'));
}

async function loadConfidence() {
  const page = await get('/api/signals', { limit: 200 });
  const items = page?.items ?? [];
  const buckets = [0, 0, 0, 0, 0];
  for (const s of items) buckets[Math.min(4, Math.floor((s.confidence ?? 0) * 5))] += 1;
  fill('confidence', items.length
    ? bars(buckets.map((n, i) => ({ label: `${i * 20}–${i * 20 + 20}%`, value: n, fillClass: i >= 3 ? 'up' : i >= 2 ? 'warn' : 'down' })), { format: (v) => `${v}` })
    : null);
}

async function loadSources() {
  const s = await get('/api/sources');
  const items = s?.items ?? [];
  fill('sources', items.length ? table([
    { title: 'Source', value: (r) => h('span', {}, h('span', { class: 'tag ' + (r.healthy ? 'up' : 'down') }, r.healthy ? 'ok' : 'failing'), r.source) },
    { title: 'Last run', value: (r) => ago(r.lastRunAt) },
    { title: 'Runs 24h', class: 'hide-phone', value: (r) => r.runs24h },
    { title: 'Failures', value: (r) => r.failures24h, cls: (r) => (r.failures24h ? 'down' : 'muted') },
    { title: 'Avg ms', class: 'hide-phone', value: (r) => Math.round(r.averageDurationMs24h) },
  ], items, (r) => ({ dataset: { source: r.source }, title: r.lastError ?? '' })) : empty('No collection cycle yet.'));
}

async function loadQuota() {
  const q = await get('/api/sources/quota');
  const items = q?.items ?? [];
  fill('quota', items.length
    ? bars(items.map((i) => ({ label: `${i.source} (${i.period})`, value: i.limit ? (100 * i.used) / i.limit : 0, dataset: { source: i.source }, fillClass: i.limit && i.used / i.limit > 0.8 ? 'down' : i.limit && i.used / i.limit > 0.5 ? 'warn' : 'up' })),
      { max: 100, format: (v, r) => { const i = items.find((x) => `${x.source} (${x.period})` === r.label); return i.limit ? `${i.used.toLocaleString()} / ${i.limit.toLocaleString()}` : `${i.used.toLocaleString()} (no limit)`; } })
    : empty('No quota use recorded yet.'));
}

async function loadChains() {
  const c = await get('/api/defi/chains');
  const items = c?.items ?? [];
  fill('chains', items.length
    ? bars(items.map((x) => ({ label: x.name, value: x.change1d ?? 0, dataset: { chain: x.name }, fillClass: (x.change1d ?? 0) >= 0 ? 'up' : 'down' })),
      { format: (v, r) => `${pct(v)} · ${usd(items.find((x) => x.name === r.label)?.tvl)}` })
    : empty('No TVL data yet.'));
}

async function loadProtocols() {
  const p = await get('/api/defi/protocols', { limit: 30, sort: 'tvl' });
  const items = p?.items ?? [];
  const select = document.getElementById('protocol');
  if (items.length && select.options.length === 0) {
    // Start on the protocol with the largest 1-day move: that is where the flows are.
    protocol ??= [...items].sort((a, b) => Math.abs(b.change1d ?? 0) - Math.abs(a.change1d ?? 0))[0].slug;
    fill(select, items.map((x) => h('option', { value: x.slug, selected: x.slug === protocol }, x.name)));
    select.addEventListener('change', () => { protocol = select.value; loadTvl(); });
  }
  const movers = [...items].sort((a, b) => (a.change1d ?? 0) - (b.change1d ?? 0)).slice(0, 8);
  fill('protocols', movers.length ? [h('h3', { class: 'meta' }, 'Largest outflows (1 day)'), table([
    { title: 'Protocol', value: (x) => x.name },
    { title: 'Category', class: 'hide-phone', value: (x) => x.category ?? '' },
    { title: 'TVL', value: (x) => usd(x.tvl) },
    { title: '1d', value: (x) => pct(x.change1d), cls: (x) => cls(x.change1d) },
    { title: '7d', class: 'hide-phone', value: (x) => pct(x.change7d), cls: (x) => cls(x.change7d) },
  ], movers, (x) => ({ dataset: { protocol: x.slug } }))] : null);
}

async function loadTvl() {
  if (!protocol) return;
  const to = new Date();
  const from = new Date(to.getTime() - 30 * 86400e3);
  const t = await get(`/api/defi/protocols/${encodeURIComponent(protocol)}/tvl`, { from: from.toISOString(), to: to.toISOString() });
  const el = document.getElementById('tvl-chart');
  tvlChart ??= lineChart(el, { color: '#26a69a' });
  tvlChart?.set((t?.points ?? []).map((p) => ({ t: p.t, v: p.tvl })));
  el.dataset.points = String(t?.points?.length ?? 0);
}

await settle([loadTrackRecord, loadStats, loadSources, loadQuota, loadChains, loadProtocols,
  loadConfidence, () => signalFeed('signals', { limit: 15, onNew: () => settle([loadStats, loadConfidence]) })]);
await settle([loadTvl]);
every(8000, () => settle([loadTrackRecord, loadStats, loadConfidence, loadSources, loadQuota, loadChains, loadProtocols, loadTvl]));
