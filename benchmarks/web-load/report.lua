-- wrk script for benchmarks/web-load.sh: sends the API key header and prints one machine-readable line at the end:
-- RESULT <requests/s> <p50 ms> <p95 ms> <p99 ms> <requests> <non-2xx/3xx> <socket errors>
local key = os.getenv("LOAD_API_KEY")
if key ~= nil and key ~= "" then
  wrk.headers["X-Api-Key"] = key
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT %.0f %.3f %.3f %.3f %d %d %d\n",
    summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests, summary.errors.status, errors))
end
