using System.Globalization;
using System.Text.Json;

namespace CryptoIntel.Demo.Wire;

/// <summary>Binance spot, Kraken, GeckoTerminal and alternative.me's Fear &amp; Greed, in their own formats.</summary>
internal static class ExchangeWire
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    // ---- Binance -------------------------------------------------------------------------------------------

    public static WireResponse Binance(MarketSimulator sim, WireRequest request)
    {
        var markets = sim.Assets.Where(a => a.Symbol != "usdt").ToDictionary(a => a.Symbol.ToUpperInvariant() + "USDT", StringComparer.Ordinal);
        if (request.EndsWith("/api/v3/time"))
        {
            return WireResponse.Json(w => { w.WriteStartObject(); w.WriteNumber("serverTime", sim.Now.ToUnixTimeMilliseconds()); w.WriteEndObject(); });
        }

        var single = request["symbol"]?.ToUpperInvariant();
        var many = request["symbols"] is { } list ? list.Trim('[', ']').Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim().Trim('"').ToUpperInvariant()).ToArray() : null;
        var unknown = (single is null ? [] : new[] { single }).Concat(many ?? []).FirstOrDefault(s => !markets.ContainsKey(s));
        if (unknown is not null)
        {
            return WireResponse.Json(w => { w.WriteStartObject(); w.WriteNumber("code", -1121); w.WriteString("msg", "Invalid symbol."); w.WriteEndObject(); }, 400);
        }

        var chosen = single is not null ? [single] : many ?? [.. markets.Keys];
        if (request.EndsWith("/ticker/24hr"))
        {
            return WireResponse.Json(w =>
            {
                if (single is null)
                {
                    w.WriteStartArray();
                }

                foreach (var symbol in chosen)
                {
                    Ticker(sim, w, symbol, markets[symbol]);
                }

                if (single is null)
                {
                    w.WriteEndArray();
                }
            });
        }

        if (request.EndsWith("/ticker/price"))
        {
            return WireResponse.Json(w =>
            {
                if (single is null)
                {
                    w.WriteStartArray();
                }

                foreach (var symbol in chosen)
                {
                    w.WriteStartObject();
                    w.WriteString("symbol", symbol);
                    w.WriteString("price", WireFormat.S(markets[symbol].Price));
                    w.WriteEndObject();
                }

                if (single is null)
                {
                    w.WriteEndArray();
                }
            });
        }

        if (request.EndsWith("/klines") && single is not null)
        {
            var a = markets[single];
            var width = Math.Max(1, (int)Math.Round(Interval(request["interval"]) / sim.Options.StepDuration));
            var limit = request.Int("limit", 500, 1, 1000);
            var candles = Candles(sim, a.Prices, a.Volumes, width).TakeLast(limit).ToList();
            return WireResponse.Json(w =>
            {
                w.WriteStartArray();
                foreach (var c in candles)
                {
                    w.WriteStartArray();
                    w.WriteNumberValue(c.Open.ToUnixTimeMilliseconds());
                    w.WriteStringValue(WireFormat.S(c.O));
                    w.WriteStringValue(WireFormat.S(c.H));
                    w.WriteStringValue(WireFormat.S(c.L));
                    w.WriteStringValue(WireFormat.S(c.C));
                    w.WriteStringValue(WireFormat.S(c.V / c.C));
                    w.WriteNumberValue(c.Close.ToUnixTimeMilliseconds() - 1);
                    w.WriteStringValue(WireFormat.S(c.V));
                    w.WriteNumberValue(c.Count);
                    w.WriteStringValue(WireFormat.S(c.V / c.C / 2));
                    w.WriteStringValue(WireFormat.S(c.V / 2));
                    w.WriteStringValue("0");
                    w.WriteEndArray();
                }

                w.WriteEndArray();
            });
        }

        return WireResponse.Json(w => { w.WriteStartObject(); w.WriteNumber("code", -1100); w.WriteString("msg", "The demo market does not simulate " + request.Path); w.WriteEndObject(); }, 400);
    }

    private static TimeSpan Interval(string? text) => text switch
    {
        null => TimeSpan.FromMinutes(5),
        _ when text.EndsWith('m') && int.TryParse(text[..^1], Invariant, out var m) => TimeSpan.FromMinutes(m),
        _ when text.EndsWith('h') && int.TryParse(text[..^1], Invariant, out var h) => TimeSpan.FromHours(h),
        _ when text.EndsWith('d') && int.TryParse(text[..^1], Invariant, out var d) => TimeSpan.FromDays(d),
        _ => TimeSpan.FromMinutes(5),
    };

    private static void Ticker(MarketSimulator sim, Utf8JsonWriter w, string symbol, SimAsset a)
    {
        var day = sim.StepsPerDay;
        var open = a.Prices.Back(day);
        var (low, high) = a.Prices.RangeBack(day);
        var quoteVolume = a.Volumes.SumBack(day) * 0.2; // this venue's share
        w.WriteStartObject();
        w.WriteString("symbol", symbol);
        w.WriteString("priceChange", WireFormat.S(a.Price - open));
        w.WriteString("priceChangePercent", (100 * ((a.Price / open) - 1)).ToString("0.000", Invariant));
        w.WriteString("weightedAvgPrice", WireFormat.S((open + a.Price) / 2));
        w.WriteString("prevClosePrice", WireFormat.S(open));
        w.WriteString("lastPrice", WireFormat.S(a.Price));
        w.WriteString("lastQty", "1.00000000");
        w.WriteString("bidPrice", WireFormat.S(a.Price * 0.9999));
        w.WriteString("bidQty", "10.00000000");
        w.WriteString("askPrice", WireFormat.S(a.Price * 1.0001));
        w.WriteString("askQty", "10.00000000");
        w.WriteString("openPrice", WireFormat.S(open));
        w.WriteString("highPrice", WireFormat.S(high));
        w.WriteString("lowPrice", WireFormat.S(low));
        w.WriteString("volume", WireFormat.S(quoteVolume / a.Price));
        w.WriteString("quoteVolume", WireFormat.S(quoteVolume));
        w.WriteNumber("openTime", sim.Now.AddDays(-1).ToUnixTimeMilliseconds());
        w.WriteNumber("closeTime", sim.Now.ToUnixTimeMilliseconds());
        w.WriteNumber("firstId", 1);
        w.WriteNumber("lastId", 1 + (long)(quoteVolume / Math.Max(1, a.Price * 3)));
        w.WriteNumber("count", (long)(quoteVolume / Math.Max(1, a.Price * 3)));
        w.WriteEndObject();
    }

    private sealed record Candle(DateTimeOffset Open, DateTimeOffset Close, double O, double H, double L, double C, double V, int Count);

    private static IEnumerable<Candle> Candles(MarketSimulator sim, RingSeries prices, RingSeries volumes, int width)
    {
        var kept = prices.Kept;
        // Align candles to the newest step so the last one is complete.
        for (var end = (kept - 1) % width; end < kept; end += width)
        {
            var from = end; // 'back' of the oldest step in the candle
            var to = Math.Max(0, end - width + 1);
            var values = Enumerable.Range(to, from - to + 1).Select(b => prices.Back(b)).Reverse().ToList();
            var volume = Enumerable.Range(to, from - to + 1).Sum(b => volumes.Back(b));
            yield return new Candle(sim.TimeOf(sim.StepNow - from), sim.TimeOf(sim.StepNow - to) + sim.Options.StepInterval, values[0], values.Max(), values.Min(), values[^1], volume, width * 40);
        }
    }

    // ---- Kraken --------------------------------------------------------------------------------------------

    private static readonly Dictionary<string, string> KrakenNames = new(StringComparer.Ordinal)
    {
        ["XBTUSD"] = "XXBTZUSD", ["ETHUSD"] = "XETHZUSD", ["XRPUSD"] = "XXRPZUSD", ["LTCUSD"] = "XLTCZUSD", ["XBTEUR"] = "XXBTZEUR", ["ETHEUR"] = "XETHZEUR",
    };

    private static SimAsset? KrakenAsset(MarketSimulator sim, string pair, out double rate)
    {
        rate = pair.EndsWith("EUR", StringComparison.Ordinal) ? 1.08 : 1;
        var quoteless = pair.EndsWith("USD", StringComparison.Ordinal) || pair.EndsWith("EUR", StringComparison.Ordinal) ? pair[..^3] : pair;
        var symbol = quoteless == "XBT" ? "btc" : quoteless.ToLowerInvariant();
        return sim.Assets.FirstOrDefault(a => a.Symbol == symbol);
    }

    public static WireResponse Kraken(MarketSimulator sim, WireRequest request)
    {
        static WireResponse Error(string message) => WireResponse.Json(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("error");
            w.WriteStringValue(message);
            w.WriteEndArray();
            w.WriteEndObject();
        });

        if (request.EndsWith("/SystemStatus"))
        {
            return WireResponse.Json(w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("error");
                w.WriteEndArray();
                w.WriteStartObject("result");
                w.WriteString("status", "online");
                w.WriteString("timestamp", sim.Now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", Invariant));
                w.WriteEndObject();
                w.WriteEndObject();
            });
        }

        var pairs = request.List("pair");
        var resolved = pairs.Select(p => (Pair: p, Asset: KrakenAsset(sim, p, out var rate), Rate: rate)).ToList();
        if (resolved.Count == 0 || resolved.Any(r => r.Asset is null))
        {
            return Error("EQuery:Unknown asset pair");
        }

        var day = sim.StepsPerDay;
        if (request.EndsWith("/Ticker"))
        {
            return WireResponse.Json(w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("error");
                w.WriteEndArray();
                w.WriteStartObject("result");
                foreach (var (pair, asset, rate) in resolved)
                {
                    var a = asset!;
                    var price = a.Price / rate;
                    var (low, high) = a.Prices.RangeBack(day);
                    var volume = a.Volumes.SumBack(day) * 0.05 / a.Price;
                    void Pair(string name, string first, string second)
                    {
                        w.WriteStartArray(name);
                        w.WriteStringValue(first);
                        w.WriteStringValue(second);
                        w.WriteEndArray();
                    }

                    w.WriteStartObject(KrakenNames.GetValueOrDefault(pair, pair));
                    w.WriteStartArray("a");
                    w.WriteStringValue(WireFormat.S(price * 1.0001));
                    w.WriteStringValue("1");
                    w.WriteStringValue("1.000");
                    w.WriteEndArray();
                    w.WriteStartArray("b");
                    w.WriteStringValue(WireFormat.S(price * 0.9999));
                    w.WriteStringValue("1");
                    w.WriteStringValue("1.000");
                    w.WriteEndArray();
                    Pair("c", WireFormat.S(price), "0.10000000");
                    Pair("v", WireFormat.S(volume / 2), WireFormat.S(volume));
                    Pair("p", WireFormat.S(price), WireFormat.S((price + (a.Prices.Back(day) / rate)) / 2));
                    w.WriteStartArray("t");
                    w.WriteNumberValue(2000);
                    w.WriteNumberValue(4000);
                    w.WriteEndArray();
                    Pair("l", WireFormat.S(low / rate), WireFormat.S(low / rate));
                    Pair("h", WireFormat.S(high / rate), WireFormat.S(high / rate));
                    w.WriteString("o", WireFormat.S(a.Prices.Back(day) / rate));
                    w.WriteEndObject();
                }

                w.WriteEndObject();
                w.WriteEndObject();
            });
        }

        if (request.EndsWith("/OHLC"))
        {
            var (pair, asset, rate) = resolved[0];
            var minutes = request.Int("interval", 1);
            var width = Math.Max(1, (int)Math.Round(TimeSpan.FromMinutes(minutes) / sim.Options.StepDuration));
            var candles = Candles(sim, asset!.Prices, asset.Volumes, width).TakeLast(720).ToList();
            return WireResponse.Json(w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("error");
                w.WriteEndArray();
                w.WriteStartObject("result");
                w.WriteStartArray(KrakenNames.GetValueOrDefault(pair, pair));
                foreach (var c in candles)
                {
                    w.WriteStartArray();
                    w.WriteNumberValue(c.Open.ToUnixTimeSeconds());
                    w.WriteStringValue(WireFormat.S(c.O / rate));
                    w.WriteStringValue(WireFormat.S(c.H / rate));
                    w.WriteStringValue(WireFormat.S(c.L / rate));
                    w.WriteStringValue(WireFormat.S(c.C / rate));
                    w.WriteStringValue(WireFormat.S((c.O + c.C) / 2 / rate));
                    w.WriteStringValue(WireFormat.S(c.V * 0.05 / c.C));
                    w.WriteNumberValue(c.Count);
                    w.WriteEndArray();
                }

                w.WriteEndArray();
                w.WriteNumber("last", candles.Count > 0 ? candles[^1].Open.ToUnixTimeSeconds() : 0);
                w.WriteEndObject();
                w.WriteEndObject();
            });
        }

        return Error("EGeneral:Unknown method");
    }

    // ---- GeckoTerminal -------------------------------------------------------------------------------------

    private static readonly (string Id, string Name, string? Platform)[] Networks =
        [("eth", "Ethereum", "ethereum"), ("solana", "Solana", "solana"), ("base", "Base", "base"), ("bsc", "BNB Chain", "binance-smart-chain"), ("arbitrum", "Arbitrum", "arbitrum-one")];

    public static WireResponse GeckoTerminal(MarketSimulator sim, WireRequest request)
    {
        var segments = request.After("v2");
        return segments switch
        {
            ["networks"] => WireResponse.Json(w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("data");
                foreach (var (id, name, platform) in Networks)
                {
                    w.WriteStartObject();
                    w.WriteString("id", id);
                    w.WriteString("type", "network");
                    w.WriteStartObject("attributes");
                    w.WriteString("name", name);
                    w.WriteString("coingecko_asset_platform_id", platform);
                    w.WriteEndObject();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }),
            ["networks", "trending_pools"] => Trending(sim, null, request),
            ["networks", var network, "trending_pools"] => Trending(sim, network, request),
            ["networks", var network, "pools", var address, "ohlcv", var timeframe] => Ohlcv(sim, network, address, timeframe, request),
            _ => WireResponse.Json(w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("errors");
                w.WriteStartObject();
                w.WriteString("status", "404");
                w.WriteString("title", "Not Found");
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteEndObject();
            }, 404),
        };
    }

    private static WireResponse Trending(MarketSimulator sim, string? network, WireRequest request)
    {
        var day = sim.StepsPerDay;
        var page = request.Int("page", 1, 1, 10);
        var include = request.List("include");
        var pools = sim.Pools.Where(p => network is null || p.Network == network)
            .OrderByDescending(p => p.Volumes.SumBack(Math.Max(1, day / 24)) * p.VolumeMultiple)
            .Skip((page - 1) * 20).Take(20).ToList();
        return WireResponse.Json(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("data");
            foreach (var p in pools)
            {
                var price = p.Prices.Back(0);
                void Change(string name, int back) => w.WriteString(name, WireFormat.Change(p.Prices, back).ToString("0.00", Invariant));
                void Volume(string name, int steps) => w.WriteString(name, WireFormat.S(p.Volumes.SumBack(Math.Max(1, steps))));
                w.WriteStartObject();
                w.WriteString("id", p.Network + "_" + p.Address);
                w.WriteString("type", "pool");
                w.WriteStartObject("attributes");
                w.WriteString("address", p.Address);
                w.WriteString("name", p.Base.Symbol.ToUpperInvariant() + " / " + p.QuoteSymbol);
                w.WriteString("base_token_price_usd", WireFormat.S(price));
                w.WriteString("quote_token_price_usd", p.QuoteSymbol.StartsWith("USD", StringComparison.Ordinal) ? "1.0" : WireFormat.S(sim.Assets.First(a => a.Symbol == (p.QuoteSymbol == "WETH" ? "eth" : p.QuoteSymbol.ToLowerInvariant())).Price));
                w.WriteString("pool_created_at", p.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", Invariant));
                w.WriteString("fdv_usd", WireFormat.S(p.Base.MarketCap * 1.1));
                w.WriteString("market_cap_usd", WireFormat.S(p.Base.MarketCap));
                w.WriteString("reserve_in_usd", WireFormat.S(p.Reserve));
                w.WriteStartObject("price_change_percentage");
                Change("m5", 1);
                Change("h1", Math.Max(1, day / 24));
                Change("h6", Math.Max(1, day / 4));
                Change("h24", day);
                w.WriteEndObject();
                w.WriteStartObject("transactions");
                foreach (var (name, steps) in new[] { ("m5", 1), ("h1", day / 24), ("h24", day) })
                {
                    var count = (int)(p.Volumes.SumBack(Math.Max(1, steps)) / 900);
                    w.WriteStartObject(name);
                    w.WriteNumber("buys", count / 2 + 1);
                    w.WriteNumber("sells", count / 2);
                    w.WriteNumber("buyers", count / 3 + 1);
                    w.WriteNumber("sellers", count / 3);
                    w.WriteEndObject();
                }

                w.WriteEndObject();
                w.WriteStartObject("volume_usd");
                Volume("m5", 1);
                Volume("h1", day / 24);
                Volume("h6", day / 4);
                Volume("h24", day);
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteStartObject("relationships");
                void Relation(string name, string id, string type)
                {
                    w.WriteStartObject(name);
                    w.WriteStartObject("data");
                    w.WriteString("id", id);
                    w.WriteString("type", type);
                    w.WriteEndObject();
                    w.WriteEndObject();
                }

                Relation("base_token", p.Network + "_" + p.BaseAddress, "token");
                Relation("quote_token", p.Network + "_" + p.QuoteAddress, "token");
                Relation("dex", p.Dex, "dex");
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (include.Length > 0)
            {
                w.WriteStartArray("included");
                foreach (var p in pools)
                {
                    void Token(string address, string name, string symbol, string? coinId)
                    {
                        w.WriteStartObject();
                        w.WriteString("id", p.Network + "_" + address);
                        w.WriteString("type", "token");
                        w.WriteStartObject("attributes");
                        w.WriteString("address", address);
                        w.WriteString("name", name);
                        w.WriteString("symbol", symbol);
                        w.WriteNumber("decimals", 18);
                        w.WriteString("coingecko_coin_id", coinId);
                        w.WriteEndObject();
                        w.WriteEndObject();
                    }

                    Token(p.BaseAddress, p.Base.Name, p.Base.Symbol.ToUpperInvariant(), p.Base.Id);
                    Token(p.QuoteAddress, p.QuoteName, p.QuoteSymbol, null);
                    w.WriteStartObject();
                    w.WriteString("id", p.Dex);
                    w.WriteString("type", "dex");
                    w.WriteStartObject("attributes");
                    w.WriteString("name", p.Dex);
                    w.WriteEndObject();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        });
    }

    private static WireResponse Ohlcv(MarketSimulator sim, string network, string address, string timeframe, WireRequest request)
    {
        if (sim.Pools.FirstOrDefault(p => p.Network == network && p.Address == address) is not { } pool)
        {
            return WireResponse.NotFound("pool not found");
        }

        var aggregate = request.Int("aggregate", 1);
        var span = timeframe switch { "day" => TimeSpan.FromDays(1), "hour" => TimeSpan.FromHours(1), _ => TimeSpan.FromMinutes(1) } * aggregate;
        var width = Math.Max(1, (int)Math.Round(span / sim.Options.StepDuration));
        var candles = Candles(sim, pool.Prices, pool.Volumes, width).TakeLast(request.Int("limit", 100, 1, 1000)).Reverse().ToList();
        return WireResponse.Json(w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("data");
            w.WriteString("id", Guid.Empty.ToString());
            w.WriteString("type", "ohlcv_request_response");
            w.WriteStartObject("attributes");
            w.WriteStartArray("ohlcv_list");
            foreach (var c in candles)
            {
                w.WriteStartArray();
                w.WriteNumberValue(c.Open.ToUnixTimeSeconds());
                w.Number(c.O);
                w.Number(c.H);
                w.Number(c.L);
                w.Number(c.C);
                w.Number(c.V);
                w.WriteEndArray();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteStartObject("meta");
            w.WriteStartObject("base");
            w.WriteString("address", pool.BaseAddress);
            w.WriteString("name", pool.Base.Name);
            w.WriteString("symbol", pool.Base.Symbol.ToUpperInvariant());
            w.WriteString("coingecko_coin_id", pool.Base.Id);
            w.WriteEndObject();
            w.WriteStartObject("quote");
            w.WriteString("address", pool.QuoteAddress);
            w.WriteString("name", pool.QuoteName);
            w.WriteString("symbol", pool.QuoteSymbol);
            w.WriteNull("coingecko_coin_id");
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }

    // ---- Fear & Greed --------------------------------------------------------------------------------------

    public static WireResponse FearGreed(MarketSimulator sim, WireRequest request)
    {
        var limit = request.Int("limit", 1, 0, 10_000);
        var day = sim.StepsPerDay;
        var available = (int)Math.Max(1, sim.FearGreedHistory.Kept / day);
        var count = limit == 0 ? available : Math.Min(limit, available);
        return WireResponse.Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("name", "Fear and Greed Index");
            w.WriteStartArray("data");
            for (var i = 0; i < count; i++)
            {
                var value = (int)Math.Round(sim.FearGreedHistory.Back((long)i * day));
                w.WriteStartObject();
                w.WriteString("value", value.ToString(Invariant));
                w.WriteString("value_classification", Classify(value));
                w.WriteString("timestamp", sim.TimeOf(sim.StepNow - ((long)i * day)).ToUnixTimeSeconds().ToString(Invariant));
                if (i == 0)
                {
                    w.WriteString("time_until_update", ((long)sim.Options.StepInterval.TotalSeconds).ToString(Invariant));
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("metadata");
            w.WriteNull("error");
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }

    internal static string Classify(int value) => value switch
    {
        < 25 => "Extreme Fear",
        < 46 => "Fear",
        < 55 => "Neutral",
        < 76 => "Greed",
        _ => "Extreme Greed",
    };
}
