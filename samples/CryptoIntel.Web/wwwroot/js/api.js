// The JSON API (samples/CryptoIntel.Web/API.md): one fetch helper; every dashboard reads through it.
export async function get(path, params) {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(params ?? {})) if (v != null) url.searchParams.set(k, v);
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
  return response.json();
}

/** Runs loaders in parallel; one failing (e.g. no data yet) never blanks the others. */
export async function settle(loaders) {
  const results = await Promise.allSettled(loaders.map((f) => f()));
  for (const r of results) if (r.status === 'rejected') console.warn(r.reason);
}
