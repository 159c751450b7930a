#!/usr/bin/env python3
"""Writes the worker's offline demo recordings (samples/CryptoIntel.Worker/replay/<provider>/*.json).

The values are made up (a seeded random walk around plausible levels), in the shapes of the real APIs, in the
format of SourceRecordingHandler. Rerun after changing what a collector asks for:
    python3 eng/make-demo-replay.py
"""
import json, math, os, random, sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "samples", "CryptoIntel.Worker", "replay")
rng = random.Random(20261124)
NOW = 1764000000  # 2025-11-24T16:00:00Z, the moment the demo data describes

def write(provider, name, path, query, body, status=200, headers=None, text=None):
    folder = os.path.join(ROOT, provider)
    os.makedirs(folder, exist_ok=True)
    exchange = {"method": "GET", "path": path, "query": "&".join(sorted(query.split("&"))) if query else "", "status": status,
                "headers": headers or {"Content-Type": "application/json; charset=utf-8"}}
    if text is not None:
        exchange["bodyText"] = text
    else:
        exchange["body"] = body
    with open(os.path.join(folder, name + ".json"), "w", encoding="utf-8") as f:
        json.dump(exchange, f, indent=1)
        f.write("\n")

def iso(ts):
    import datetime
    return datetime.datetime.fromtimestamp(ts, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")

# name, symbol, id, price, market cap (USD)
MAJORS = [("Bitcoin", "btc", "bitcoin", 91000, 1.81e12), ("Ethereum", "eth", "ethereum", 3100, 3.74e11),
          ("Tether", "usdt", "tether", 1.0, 1.84e11), ("XRP", "xrp", "ripple", 2.2, 1.32e11),
          ("BNB", "bnb", "binancecoin", 880, 1.21e11), ("Solana", "sol", "solana", 140, 7.8e10),
          ("USDC", "usdc", "usd-coin", 1.0, 7.5e10), ("TRON", "trx", "tron", 0.28, 2.6e10),
          ("Dogecoin", "doge", "dogecoin", 0.15, 2.3e10), ("Cardano", "ada", "cardano", 0.42, 1.5e10),
          ("Chainlink", "link", "chainlink", 13.1, 8.9e9), ("Avalanche", "avax", "avalanche-2", 14.2, 6.0e9),
          ("Stellar", "xlm", "stellar", 0.25, 8.0e9), ("Bitcoin Cash", "bch", "bitcoin-cash", 520, 1.03e10),
          ("Litecoin", "ltc", "litecoin", 88, 6.7e9), ("Polkadot", "dot", "polkadot", 2.6, 4.2e9),
          ("Uniswap", "uni", "uniswap", 6.1, 3.8e9), ("Aave", "aave", "aave", 170, 2.6e9)]

def coingecko():
    rows = []
    for rank in range(1, 251):
        if rank <= len(MAJORS):
            name, sym, cid, price, cap = MAJORS[rank - 1]
        else:
            name, sym, cid = f"Demo Asset {rank:03d}", f"dm{rank:03d}", f"demo-asset-{rank:03d}"
            cap = 2.5e9 * math.exp(-(rank - 18) / 60.0)
            price = round(10 ** rng.uniform(-6, 3), 8)
        change = rng.gauss(0, 3.5)
        supply = cap / price
        rows.append({
            "id": cid, "symbol": sym, "name": name, "image": None,
            "current_price": price, "market_cap": round(cap), "market_cap_rank": rank,
            "fully_diluted_valuation": None if rank % 7 == 0 else round(cap * 1.1),
            "total_volume": round(cap * rng.uniform(0.01, 0.2)),
            "high_24h": round(price * (1 + abs(change) / 100 + 0.01), 8), "low_24h": round(price * (1 - abs(change) / 100 - 0.01), 8),
            "price_change_24h": round(price * change / 100, 8), "price_change_percentage_24h": round(change, 5),
            "market_cap_change_24h": round(cap * change / 100, 2), "market_cap_change_percentage_24h": round(change, 5),
            "circulating_supply": round(supply, 1), "total_supply": round(supply * 1.05, 1), "max_supply": None,
            "ath": round(price * rng.uniform(1.1, 4), 8), "ath_change_percentage": round(-rng.uniform(5, 80), 4), "ath_date": iso(NOW - 86400 * rng.randint(30, 900)),
            "atl": round(price * rng.uniform(0.001, 0.5), 10), "atl_change_percentage": round(rng.uniform(100, 100000), 4), "atl_date": iso(NOW - 86400 * rng.randint(900, 3000)),
            "roi": None, "last_updated": iso(NOW - rng.randint(5, 90)),
        })
    write("coingecko", "coins_markets", "/api/v3/coins/markets", "vs_currency=usd&order=market_cap_desc&per_page=250&page=1", rows)
    total = sum(r["market_cap"] for r in rows)
    write("coingecko", "global", "/api/v3/global", "", {"data": {
        "active_cryptocurrencies": 17412, "upcoming_icos": 0, "ongoing_icos": 49, "ended_icos": 3376, "markets": 1301,
        "total_market_cap": {"usd": total, "btc": total / 91000}, "total_volume": {"usd": total * 0.04, "btc": total * 0.04 / 91000},
        "market_cap_percentage": {"btc": round(1.81e12 / total * 100, 3), "eth": round(3.74e11 / total * 100, 3)},
        "market_cap_change_percentage_24h_usd": -1.2, "updated_at": NOW}})
    coins = [{"item": {"id": rows[i]["id"], "coin_id": 1000 + i, "name": rows[i]["name"], "symbol": rows[i]["symbol"].upper(),
                       "market_cap_rank": rows[i]["market_cap_rank"], "price_btc": rows[i]["current_price"] / 91000, "score": n,
                       "data": {"price": rows[i]["current_price"], "price_btc": f"{rows[i]['current_price'] / 91000:.12f}",
                                "price_change_percentage_24h": {"usd": rows[i]["price_change_percentage_24h"]},
                                "market_cap": f"${rows[i]['market_cap']:,}", "total_volume": f"${rows[i]['total_volume']:,}"}}}
             for n, i in enumerate([5, 10, 40, 77, 120, 160, 201])]
    write("coingecko", "search_trending", "/api/v3/search/trending", "", {"coins": coins, "nfts": [], "categories": [
        {"id": 1, "name": "Layer 1 (L1)", "market_cap_1h_change": 0.3, "slug": "layer-1", "coins_count": "412", "data": {"market_cap": 2.9e12}}]})

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "CryptoIntel.Sources.Tests", "Fixtures")

def from_fixture(provider, name, path, query, fixture, content_type="application/json; charset=utf-8"):
    """The other sources answer with the project's own test fixtures (made-up values in the real shapes)."""
    with open(os.path.join(FIXTURES, fixture), encoding="utf-8") as f:
        text = f.read()
    if fixture.endswith(".json"):
        write(provider, name, path, query, json.loads(text), headers={"Content-Type": content_type})
    else:
        write(provider, name, path, query, None, headers={"Content-Type": content_type}, text=text)

def others():
    from_fixture("coinmarketcap", "listings_latest", "/v1/cryptocurrency/listings/latest", "convert=USD&limit=100&sort=market_cap&start=1", "coinmarketcap/listings.json")
    from_fixture("coinmarketcap", "global_metrics", "/v1/global-metrics/quotes/latest", "convert=USD", "coinmarketcap/global_metrics.json")
    from_fixture("defillama", "protocols", "/protocols", "", "defillama/protocols.json")
    from_fixture("defillama", "chains", "/v2/chains", "", "defillama/chains.json")
    from_fixture("defillama", "stablecoins", "/stablecoins", "includePrices=true", "defillama/stablecoins.json")
    from_fixture("kraken", "ticker", "/0/public/Ticker", "pair=ETHUSD%2CSOLUSD%2CXBTUSD", "kraken/ticker.json")
    from_fixture("cryptopanic", "rss", "/news/rss/", "", "cryptopanic/rss.xml", "application/rss+xml; charset=utf-8")
    from_fixture("news", "coindesk", "/arc/outboundfeeds/rss/", "", "news/coindesk.xml", "application/rss+xml; charset=utf-8")
    from_fixture("news", "cointelegraph", "/rss", "", "news/atom.xml", "application/atom+xml; charset=utf-8")
    from_fixture("feargreed", "fng", "/fng/", "limit=1", "feargreed/fng_history.json")
    from_fixture("binance", "ticker_24hr", "/api/v3/ticker/24hr", "symbols=%5B%22BNBUSDT%22%2C%22BTCUSDT%22%2C%22ETHUSDT%22%2C%22SOLUSDT%22%2C%22XRPUSDT%22%5D", "binance/tickers_24hr.json")
    from_fixture("geckoterminal", "trending_pools", "/api/v2/networks/trending_pools", "include=base_token%2Cquote_token%2Cdex&page=1", "geckoterminal/trending_pools.json")

PROVIDERS = {"coingecko": coingecko, "others": others}

if __name__ == "__main__":
    for name in sys.argv[1:] or PROVIDERS:
        PROVIDERS[name]()
    print("wrote", ROOT)
