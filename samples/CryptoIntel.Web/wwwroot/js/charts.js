// Thin wrappers over TradingView's lightweight-charts (loaded as the global LightweightCharts from /lib/).
const C = () => globalThis.LightweightCharts;

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 2 });
const priceFormatter = (v) => (Math.abs(v) >= 1e5 ? compact.format(v) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toPrecision(4));

const base = (el, height) => ({
  autoSize: true,
  localization: { priceFormatter },
  height,
  layout: { background: { color: 'transparent' }, textColor: '#8b98a5', attributionLogo: false },
  grid: { vertLines: { color: '#1f2832' }, horzLines: { color: '#1f2832' } },
  rightPriceScale: { borderColor: '#2a3441' },
  timeScale: { borderColor: '#2a3441', timeVisible: true, secondsVisible: false },
  crosshair: { mode: 0 },
});

/** Points [{ t: ISO string | Date, v: number }] to the library's sorted, de-duplicated { time, value }. */
export function toSeries(points) {
  const byTime = new Map();
  for (const p of points ?? []) {
    if (p?.v == null || Number.isNaN(Number(p.v))) continue;
    byTime.set(Math.floor(new Date(p.t).getTime() / 1000), Number(p.v));
  }
  return [...byTime.entries()].sort((a, b) => a[0] - b[0]).map(([time, value]) => ({ time, value }));
}

function missing(el) {
  el.textContent = 'Chart library not loaded (run the build: npm ci in samples/CryptoIntel.Web/dashboards).';
  el.classList.add('empty');
  return null;
}

/** A line (or area) chart, with an optional volume histogram on its own scale at the bottom. */
export function lineChart(el, { height = el.clientHeight || 280, area = true, volume = false, color = '#4f9cf9', format } = {}) {
  if (!C()) return missing(el);
  const chart = C().createChart(el, base(el, height));
  const main = chart.addSeries(area ? C().AreaSeries : C().LineSeries, area
    ? { lineColor: color, topColor: color + '55', bottomColor: color + '05', lineWidth: 2, priceFormat: format }
    : { color, lineWidth: 2, priceFormat: format });
  let bars = null;
  if (volume) {
    bars = chart.addSeries(C().HistogramSeries, { priceScaleId: 'volume', priceFormat: { type: 'volume' }, color: '#2a3f55' });
    chart.priceScale('volume').applyOptions({ scaleMargins: { top: 0.8, bottom: 0 } });
    main.priceScale().applyOptions({ scaleMargins: { top: 0.08, bottom: 0.25 } });
  }

  return {
    chart,
    set(points, volumes) {
      main.setData(toSeries(points));
      if (bars && volumes) bars.setData(toSeries(volumes));
      chart.timeScale().fitContent();
    },
    count: () => main.data().length,
  };
}

/** Several named lines on one chart (e.g. sentiment per source). */
export function multiLine(el, { height = el.clientHeight || 220, colors = ['#4f9cf9', '#26a69a', '#f5a623', '#ef5350', '#b388ff'] } = {}) {
  if (!C()) return missing(el);
  const chart = C().createChart(el, base(el, height));
  const series = new Map();
  return {
    chart,
    set(name, points) {
      if (!series.has(name)) series.set(name, chart.addSeries(C().LineSeries, { color: colors[series.size % colors.length], lineWidth: 2, title: name }));
      series.get(name).setData(toSeries(points));
      chart.timeScale().fitContent();
    },
  };
}
