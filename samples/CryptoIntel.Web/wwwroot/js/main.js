// Market dashboard: overview, price/volume chart, latest signals, Fear & Greed, top movers, top coins.
import { get, settle } from './api.js';
import { lineChart } from './charts.js';
import { cls, empty, fill, h, pct, table, usd, ago } from './format.js';
import { layout } from './layout.js';
import { every } from './live.js';
import { signalFeed } from './signals.js';

layout('main');
let priceChart;
let fearChart;
let selected = new URLSearchParams(location.search).get('asset') ?? 'bitcoin';

function kpi(labelText, value, sub, subClass) {
  return h('div', { class: 'kpi' }, h('div', { class: 'label' }, labelText), h('div', { class: 'value' }, value),
    sub != null ? h('div', { class: 'sub ' + (subClass ?? '') }, sub) : null);
}

async function loadOverview() {
  const o = await get('/api/market/overview');
  if (!o) return;
  fill('as-of', o.asOf ? `as of ${new Date(o.asOf).toLocaleTimeString()}` : '');
  const g = o.global;
  fill('kpis',
    kpi('Total market cap', usd(g?.totalMarketCap), pct(g?.marketCapChange24h), cls(g?.marketCapChange24h)),
    kpi('24h volume', usd(g?.totalVolume24h)),
    kpi('BTC dominance', g?.btcDominance != null ? g.btcDominance.toFixed(1) + '%' : '–', g?.ethDominance != null ? `ETH ${g.ethDominance.toFixed(1)}%` : null, 'muted'),
    kpi('Fear & Greed', o.fearGreed?.value ?? '–', o.fearGreed?.classification, 'muted'),
    kpi('Coins tracked', o.counts?.coins ?? 0),
    kpi('Signals (24h)', o.counts?.signals24h ?? 0));

  const coins = o.top ?? [];
  const select = document.getElementById('asset');
  if (coins.length && select.options.length === 0) {
    if (!coins.some((c) => c.id === selected)) selected = coins[0].id;
    fill(select, coins.map((c) => h('option', { value: c.id, selected: c.id === selected }, `${c.name ?? c.id} (${(c.symbol ?? '').toUpperCase()})`)));
    select.addEventListener('change', () => { selected = select.value; loadChart(); });
  }

  fill('coins', coins.length ? table([
    { title: '#', value: (c) => c.rank ?? '' },
    { title: 'Coin', class: 'name', value: (c) => h('span', {}, h('strong', {}, (c.symbol ?? '').toUpperCase()), ' ', h('span', { class: 'muted' }, c.name ?? '')) },
    { title: 'Price', value: (c) => usd(c.price) },
    { title: '24h', value: (c) => pct(c.change24h), cls: (c) => cls(c.change24h) },
    { title: 'Volume', class: 'hide-phone', value: (c) => usd(c.volume24h) },
    { title: 'Market cap', class: 'hide-phone', value: (c) => usd(c.marketCap) },
  ], coins, (c) => ({ dataset: { coin: c.id } })) : empty('No market data yet.'));
}

async function loadMovers() {
  const m = await get('/api/market/movers', { limit: 6 });
  const row = (c) => h('tr', { dataset: { coin: c.id } }, h('td', { class: 'name' }, h('strong', {}, (c.symbol ?? c.id).toUpperCase())), h('td', {}, usd(c.price)), h('td', { class: cls(c.change24h) }, pct(c.change24h)));
  const block = (title, coins) => h('div', {}, h('h3', { class: 'meta' }, title), h('table', {}, h('tbody', {}, coins.map(row))));
  fill('movers', m && (m.gainers?.length || m.losers?.length)
    ? h('div', { class: 'movers' }, block('Gainers', m.gainers ?? []), block('Losers', m.losers ?? []))
    : empty('No movers yet.'));
}

async function loadFearGreed() {
  const f = await get('/api/fear-greed', { days: 30 });
  const latest = f?.latest;
  fill('fear-greed', latest
    ? h('div', { class: 'gauge' }, h('span', { class: 'big ' + (latest.value >= 50 ? 'up' : 'down') }, latest.value), h('span', {}, latest.classification), h('span', { class: 'meta' }, ago(latest.timestamp)))
    : empty('No reading yet.'));
  const el = document.getElementById('fear-greed-chart');
  fearChart ??= lineChart(el, { height: 160, color: '#f5a623' });
  fearChart?.set((f?.history ?? []).map((p) => ({ t: p.timestamp, v: p.value })));
}

async function loadChart() {
  const to = new Date();
  const from = new Date(to.getTime() - 2 * 86400e3);
  const history = await get(`/api/coins/${encodeURIComponent(selected)}/history`, { from: from.toISOString(), to: to.toISOString(), interval: 'raw' });
  const el = document.getElementById('price-chart');
  priceChart ??= lineChart(el, { volume: true });
  const points = history?.points ?? [];
  priceChart?.set(points.map((p) => ({ t: p.t, v: p.close })), points.map((p) => ({ t: p.t, v: p.volume24h })));
  el.dataset.points = String(points.length);
}

await settle([loadOverview, loadMovers, loadFearGreed, () => signalFeed('signals', { limit: 15 })]);
await settle([loadChart]);
every(5000, () => settle([loadOverview, loadMovers, loadChart]));
every(30000, () => settle([loadFearGreed]));
