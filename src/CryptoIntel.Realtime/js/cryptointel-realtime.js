// CryptoIntel realtime client (ES module) on @microsoft/signalr. Protocol: docs/realtime-protocol.md.
//
//   import { connectSignals } from "./cryptointel-realtime.js";
//   const feed = connectSignals({
//     url: "/hubs/signals", apiKey: "...",
//     topics: ["all", { topic: "asset:bitcoin", minConfidence: 0.7 }],
//     onSignal: (signal, envelope) => render(signal),
//     onGap: gap => reloadFromApi(gap.topic, gap.fromOffset, gap.toOffset),
//     onStatus: (status, error) => showStatus(status, error),
//   });
//   ... feed.stop();
//
// It reconnects by itself (0, 1, 2, 4 ... 30 s with jitter) and resumes every topic from the last offset it received,
// so nothing published while it was away is missed as long as the hub's history still holds it; otherwise onGap says
// which offsets to reload from the API. A signal delivered on several topics is passed to onSignal once.
import * as signalR from "@microsoft/signalr";

const MAX_RECENT_IDS = 4096;

/**
 * Connects to the hub, subscribes to the topics and keeps them flowing.
 * @param {object} options
 * @param {string} options.url The hub URL, e.g. "https://host/hubs/signals".
 * @param {string} [options.apiKey] An API key (sent as the access token).
 * @param {() => string | Promise<string>} [options.accessTokenFactory] A bearer-token provider, used instead of apiKey.
 * @param {Array<string | {topic: string, kinds?: string[], minConfidence?: number, assets?: string[]}>} [options.topics]
 *   Topics ("all", "kind:<kind>", "asset:<id>", "entity:<id>", "watchlist:<name>"), optionally with filters. Default ["all"].
 * @param {(signal: object, envelope: {topic: string, epoch: string, offset: number, publishedAt: string}) => void} [options.onSignal]
 * @param {(gap: {topic: string, epoch?: string, fromOffset: number, toOffset: number, recovered: false, reason: string}) => void} [options.onGap]
 * @param {(status: "connecting" | "connected" | "reconnecting" | "stopped", error?: Error) => void} [options.onStatus]
 * @param {{getItem(key: string): string | null, setItem(key: string, value: string): void}} [options.storage]
 *   Where positions survive a page reload (e.g. window.localStorage); none by default.
 * @param {number} [options.maxRetryDelayMs] The longest wait between reconnect attempts (default 30000).
 * @param {signalR.LogLevel} [options.logLevel] SignalR's log level (default Warning).
 * @returns {{ stop: () => Promise<void>, positions: () => Record<string, {epoch: string, offset: number}>, connection: signalR.HubConnection, started: Promise<void> }}
 */
export function connectSignals(options) {
  const {
    url, apiKey, accessTokenFactory, topics = ["all"], onSignal = () => {}, onGap = () => {}, onStatus = () => {},
    storage, maxRetryDelayMs = 30000, logLevel = signalR.LogLevel.Warning,
  } = options ?? {};
  if (!url) throw new Error("connectSignals: url is required");

  const subscriptions = topics.map(t => (typeof t === "string" ? { topic: t } : { ...t }));
  const storageKey = `cryptointel.realtime.positions:${url}`;
  const positions = new Map(Object.entries(load()));
  const recentIds = new Set();
  let stopped = false;
  let restartTimer;

  const delay = attempt => attempt === 0 ? 0
    : Math.min(maxRetryDelayMs, 1000 * 2 ** Math.min(attempt - 1, 16)) * (0.8 + Math.random() * 0.4);

  const connection = new signalR.HubConnectionBuilder()
    .withUrl(url, { accessTokenFactory: accessTokenFactory ?? (() => apiKey ?? "") })
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ctx => delay(ctx.previousRetryCount) })
    .withStatefulReconnect()
    .configureLogging(logLevel)
    .build();

  connection.on("signal", envelope => {
    const { topic, epoch, offset, signal } = envelope;
    const last = positions.get(topic);
    if (last && last.epoch === epoch && offset <= last.offset) return; // already seen (replay overlap)
    positions.set(topic, { epoch, offset });
    save();
    if (signal?.id) {
      if (recentIds.has(signal.id)) return; // same signal on another topic
      recentIds.add(signal.id);
      if (recentIds.size > MAX_RECENT_IDS) recentIds.delete(recentIds.values().next().value);
    }
    safe(onSignal, signal, envelope);
  });

  // The topic went this far without a signal that passed the filters: resume from here, not from the last signal.
  connection.on("position", ({ topic, epoch, offset }) => {
    const last = positions.get(topic);
    if (last && last.epoch === epoch && offset > last.offset) {
      positions.set(topic, { epoch, offset });
      save();
    }
  });

  connection.on("gap", gap => {
    const last = positions.get(gap.topic);
    if (last) {
      positions.set(gap.topic, { epoch: gap.epoch ?? last.epoch, offset: gap.reason === "epoch" ? 0 : Math.max(last.offset, gap.toOffset) });
      save();
    }
    safe(onGap, gap);
  });

  connection.onreconnecting(error => safe(onStatus, "reconnecting", error));
  connection.onreconnected(() => subscribeAll().catch(error => safe(onStatus, "reconnecting", error)));
  connection.onclose(error => {
    if (!stopped) {
      safe(onStatus, "reconnecting", error);
      startLoop(0);
    }
  });

  async function subscribeAll() {
    for (const sub of subscriptions) {
      const key = sub.topic.trim().toLowerCase();
      const last = positions.get(key);
      const request = { ...sub, epoch: last?.epoch ?? null, offset: last ? last.offset : null };
      const result = await connection.invoke("Subscribe", request);
      if (!last || !result.recovered) positions.set(result.topic, { epoch: result.epoch, offset: result.offset });
      if (last && !result.recovered) {
        safe(onGap, { topic: result.topic, epoch: result.epoch, fromOffset: last.offset + 1, toOffset: result.offset, recovered: false, reason: "resume" });
      }
    }
    save();
    safe(onStatus, "connected");
  }

  function startLoop(attempt) {
    return new Promise(resolve => {
      const tryOnce = async () => {
        if (stopped) return resolve();
        try {
          if (connection.state === signalR.HubConnectionState.Disconnected) await connection.start();
          await subscribeAll();
          resolve();
        } catch (error) {
          const status = error?.statusCode;
          if (status === 401 || status === 403) {
            // A refused key or an expired token: retrying will not help until the caller fixes it.
            safe(onStatus, "stopped", error);
            stopped = true;
            return resolve();
          }
          safe(onStatus, "reconnecting", error);
          restartTimer = setTimeout(tryOnce, delay(++attempt));
        }
      };
      tryOnce();
    });
  }

  function load() {
    try { return JSON.parse(storage?.getItem(storageKey) ?? "{}") ?? {}; } catch { return {}; }
  }

  function save() {
    if (storage) {
      try { storage.setItem(storageKey, JSON.stringify(Object.fromEntries(positions))); } catch { /* quota: positions stay in memory */ }
    }
  }

  function safe(callback, ...args) {
    try { callback(...args); } catch (error) { console.error("cryptointel-realtime callback failed", error); }
  }

  safe(onStatus, "connecting");
  const started = startLoop(0);
  return {
    started,
    connection,
    positions: () => Object.fromEntries(positions),
    async stop() {
      stopped = true;
      clearTimeout(restartTimer);
      await connection.stop();
      safe(onStatus, "stopped");
    },
  };
}
