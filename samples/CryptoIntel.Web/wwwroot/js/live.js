// Live updates for the dashboards. subscribe(onSignal) delivers each new signal once:
//  - through the realtime hub at /hubs/signals (SignalR, @microsoft/signalr) when the host has one: it invokes
//    Subscribe({ topic: 'all' }) and receives 'signal' messages ({ topic, epoch, offset, publishedAt, signal });
//  - otherwise by polling GET /api/signals (newest first) every few seconds.
// The mode is shown in the header's .live badge (data-mode="hub" | "polling").
import { get } from './api.js';

const seen = new Set();
const listeners = new Set();
let started = false;

/** Marks signals already on the page, so that they are not delivered again. */
export function known(signals) {
  for (const s of signals ?? []) if (s?.id) seen.add(s.id);
}

/** Calls onSignal(signal) for every signal that arrives after the page loaded; returns an unsubscribe function. */
export function subscribe(onSignal, options = {}) {
  listeners.add(onSignal);
  if (!started) {
    started = true;
    start(options).catch((e) => console.warn('live updates', e));
  }
  return () => listeners.delete(onSignal);
}

/** Runs refresh() every `ms` (data other than signals: prices, news, TVL) while the page is visible. */
export function every(ms, refresh) {
  const timer = setInterval(() => { if (!document.hidden) refresh(); }, ms);
  return () => clearInterval(timer);
}

function deliver(signal) {
  if (!signal?.id || seen.has(signal.id)) return;
  seen.add(signal.id);
  for (const listener of listeners) {
    try { listener(signal); } catch (e) { console.error(e); }
  }
}

function setMode(mode) {
  document.querySelectorAll('.live').forEach((el) => {
    el.dataset.mode = mode;
    el.textContent = mode === 'hub' ? 'live' : mode === 'polling' ? 'live (polling)' : 'offline';
  });
}

async function start({ pollMs = Number(new URLSearchParams(location.search).get('poll')) || 2000 } = {}) {
  if (await tryHub()) return;
  setMode('polling');
  const poll = async () => {
    try {
      const page = await get('/api/signals', { limit: 25 });
      const items = [...(page?.items ?? [])].reverse(); // oldest first, so the newest ends on top
      for (const s of items) deliver(s);
      setMode('polling');
    } catch (e) {
      setMode('offline');
    }
  };
  await poll();
  setInterval(poll, pollMs);
}

async function tryHub() {
  if (typeof signalR === 'undefined') return false;
  try {
    const probe = await fetch('/hubs/signals/negotiate?negotiateVersion=1', { method: 'POST' });
    if (!probe.ok) return false;
  } catch {
    return false;
  }

  const connection = new signalR.HubConnectionBuilder()
    .withUrl('/hubs/signals')
    .withAutomaticReconnect()
    .configureLogging(signalR.LogLevel.Warning)
    .build();
  connection.on('signal', (envelope) => deliver(envelope?.signal ?? envelope));
  connection.onreconnecting(() => setMode('polling'));
  connection.onreconnected(() => { setMode('hub'); subscribeAll(connection); });
  try {
    await connection.start();
    await subscribeAll(connection);
    setMode('hub');
    return true;
  } catch (e) {
    console.warn('hub unavailable, polling instead', e);
    return false;
  }
}

const subscribeAll = (connection) => connection.invoke('Subscribe', { topic: 'all' });
