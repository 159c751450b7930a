// Smoke test of connectSignals against a running hub (the load-test server):
//   dotnet benchmarks/CryptoIntel.Realtime.LoadTest/bin/Release/net10.0/CryptoIntel.Realtime.LoadTest.dll server --port 5190 &
//   node src/CryptoIntel.Realtime/js/smoke.mjs http://127.0.0.1:5190 loadtest-key-0123456789abcdef
// Receives 3 signals, stops, lets 3 more be published, reconnects with the saved positions and expects exactly those 3.
import { connectSignals } from "./cryptointel-realtime.js";

const [base, apiKey] = process.argv.slice(2);
const memory = new Map();
const storage = { getItem: k => memory.get(k) ?? null, setItem: (k, v) => memory.set(k, v) };
const publish = n => fetch(`${base}/loadtest/publish?count=${n}&intervalMs=0`, { method: "POST" });
const receive = (count, offsets) => new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error(`timed out with offsets ${offsets}`)), 15000);
  const feed = connectSignals({
    url: `${base}/hubs/signals`, apiKey, topics: ["all"], storage,
    onSignal: (signal, envelope) => { offsets.push(envelope.offset); if (offsets.length === count) { clearTimeout(timer); resolve(feed); } },
    onGap: gap => reject(new Error(`unexpected gap ${JSON.stringify(gap)}`)),
  });
  feed.started.then(() => publish(3));
});

const first = [];
await (await receive(3, first)).stop();
await publish(3);
const second = [];
await new Promise(r => setTimeout(r, 300));
const feed = await receive(3, second).catch(e => { throw e; });
await feed.stop();
const contiguous = [...first, ...second].every((o, i, a) => i === 0 || o === a[i - 1] + 1);
console.log(`first ${first}, after resume ${second.slice(0, 3)}: ${contiguous ? "ok" : "NOT contiguous"}`);
process.exit(contiguous ? 0 : 1);
