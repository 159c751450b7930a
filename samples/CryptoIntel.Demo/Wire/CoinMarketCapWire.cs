using System.Text.Json;

namespace CryptoIntel.Demo.Wire;

/// <summary>CoinMarketCap's pro API: listings (latest, new), quotes (v2, by id, slug or symbol) and global metrics, in its <c>status</c>/<c>data</c> envelope.</summary>
internal static class CoinMarketCapWire
{
    public static WireResponse Answer(MarketSimulator sim, WireRequest request)
    {
        var converts = request.List("convert") is { Length: > 0 } list ? list : ["USD"];
        if (request.EndsWith("/cryptocurrency/listings/latest"))
        {
            var start = request.Int("start", 1);
            var limit = request.Int("limit", 100, 1, 5000);
            var rows = sim.Assets.Select((a, i) => (a, i + 1)).OrderByDescending(x => x.a.MarketCap).Skip(start - 1).Take(limit).ToList();
            return Envelope(sim, w =>
            {
                w.WriteStartArray("data");
                foreach (var (a, rank) in rows)
                {
                    Coin(sim, w, a, rank, converts);
                }

                w.WriteEndArray();
            }, sim.Assets.Count);
        }

        if (request.EndsWith("/cryptocurrency/listings/new"))
        {
            var limit = request.Int("limit", 100, 1, 5000);
            var rows = sim.Assets.Select((a, i) => (a, i + 1)).OrderByDescending(x => x.a.Listed).Take(limit).ToList();
            return Envelope(sim, w =>
            {
                w.WriteStartArray("data");
                foreach (var (a, rank) in rows)
                {
                    Coin(sim, w, a, rank, converts);
                }

                w.WriteEndArray();
            }, sim.Assets.Count);
        }

        if (request.EndsWith("/cryptocurrency/quotes/latest"))
        {
            var ranked = sim.Assets.Select((a, i) => (a, Rank: i + 1)).ToList();
            var bySymbol = request.List("symbol");
            return Envelope(sim, w =>
            {
                w.WriteStartObject("data");
                if (bySymbol.Length > 0)
                {
                    foreach (var symbol in bySymbol)
                    {
                        w.WriteStartArray(symbol.ToUpperInvariant());
                        foreach (var (a, rank) in ranked.Where(x => string.Equals(x.a.Symbol, symbol, StringComparison.OrdinalIgnoreCase)))
                        {
                            Coin(sim, w, a, rank, converts);
                        }

                        w.WriteEndArray();
                    }
                }
                else
                {
                    var ids = request.List("id");
                    var slugs = request.List("slug");
                    foreach (var (a, rank) in ranked.Where(x => ids.Contains(x.a.CmcId.ToString(System.Globalization.CultureInfo.InvariantCulture)) || slugs.Contains(x.a.Id)))
                    {
                        w.WritePropertyName(a.CmcId.ToString(System.Globalization.CultureInfo.InvariantCulture));
                        Coin(sim, w, a, rank, converts);
                    }
                }

                w.WriteEndObject();
            });
        }

        if (request.EndsWith("/global-metrics/quotes/latest"))
        {
            var total = sim.TotalMarketCap.Back(0);
            var volume = sim.TotalVolume.SumBack(sim.StepsPerDay);
            var stable = sim.Assets.Where(a => a.IsStable).ToList();
            return Envelope(sim, w =>
            {
                w.WriteStartObject("data");
                w.WriteNumber("active_cryptocurrencies", sim.Assets.Count);
                w.WriteNumber("total_cryptocurrencies", sim.Assets.Count);
                w.WriteNumber("active_market_pairs", sim.Assets.Count * 12);
                w.WriteNumber("active_exchanges", 9);
                w.Number("eth_dominance", 100 * sim.Assets[1].MarketCap / total);
                w.Number("btc_dominance", 100 * sim.Assets[0].MarketCap / total);
                w.Number("defi_volume_24h", volume * 0.08);
                w.Number("defi_market_cap", sim.Protocols.Sum(p => p.Tvl) * 0.6);
                w.Number("stablecoin_volume_24h", stable.Sum(a => a.Volumes.SumBack(sim.StepsPerDay)));
                w.Number("stablecoin_market_cap", stable.Sum(a => a.MarketCap));
                w.WriteString("last_updated", WireFormat.Iso(sim.Now));
                w.WriteStartObject("quote");
                foreach (var convert in converts)
                {
                    w.WriteStartObject(convert.ToUpperInvariant());
                    w.Number("total_market_cap", total);
                    w.Number("total_volume_24h", volume);
                    w.Number("altcoin_market_cap", total - sim.Assets[0].MarketCap);
                    w.Number("total_market_cap_yesterday_percentage_change", WireFormat.Change(sim.TotalMarketCap, sim.StepsPerDay));
                    w.Number("total_volume_24h_yesterday_percentage_change", 100 * ((volume / Math.Max(1, sim.TotalVolume.SumBack(sim.StepsPerDay * 2) - volume)) - 1));
                    w.WriteString("last_updated", WireFormat.Iso(sim.Now));
                    w.WriteEndObject();
                }

                w.WriteEndObject();
                w.WriteEndObject();
            });
        }

        return WireResponse.Json(w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("status");
            w.WriteString("timestamp", WireFormat.Iso(sim.Now));
            w.WriteNumber("error_code", 400);
            w.WriteString("error_message", "The demo market does not simulate " + request.Path);
            w.WriteNumber("elapsed", 0);
            w.WriteNumber("credit_count", 0);
            w.WriteEndObject();
            w.WriteEndObject();
        }, 400);
    }

    private static WireResponse Envelope(MarketSimulator sim, Action<Utf8JsonWriter> data, int? totalCount = null) => WireResponse.Json(w =>
    {
        w.WriteStartObject();
        data(w);
        w.WriteStartObject("status");
        w.WriteString("timestamp", WireFormat.Iso(sim.Now));
        w.WriteNumber("error_code", 0);
        w.WriteNull("error_message");
        w.WriteNumber("elapsed", 3);
        w.WriteNumber("credit_count", 1);
        w.WriteNull("notice");
        if (totalCount is { } total)
        {
            w.WriteNumber("total_count", total);
        }

        w.WriteEndObject();
        w.WriteEndObject();
    });

    private static void Coin(MarketSimulator sim, Utf8JsonWriter w, SimAsset a, int rank, string[] converts)
    {
        var day = sim.StepsPerDay;
        w.WriteStartObject();
        w.WriteNumber("id", a.CmcId);
        w.WriteString("name", a.Name);
        w.WriteString("symbol", a.Symbol.ToUpperInvariant());
        w.WriteString("slug", a.Id);
        w.WriteNumber("num_market_pairs", 50 + (a.CmcId % 400));
        w.WriteString("date_added", WireFormat.Iso(a.Listed));
        w.WriteStartArray("tags");
        w.WriteStringValue(CoinGeckoWire.Slug(a.Category));
        w.WriteEndArray();
        w.WriteNull("max_supply");
        w.Number("circulating_supply", Math.Round(a.Supply));
        w.Number("total_supply", Math.Round(a.Supply * 1.05));
        w.WriteBoolean("infinite_supply", false);
        w.WriteNull("platform");
        w.WriteNumber("cmc_rank", rank);
        w.WriteString("last_updated", WireFormat.Iso(sim.Now));
        w.WriteStartObject("quote");
        foreach (var convert in converts)
        {
            var rate = convert.Equals("EUR", StringComparison.OrdinalIgnoreCase) ? 1.08 : 1;
            var volume = a.Volumes.SumBack(day);
            w.WriteStartObject(convert.ToUpperInvariant());
            w.Number("price", a.Price / rate);
            w.Number("volume_24h", volume / rate);
            w.Number("volume_change_24h", 100 * ((volume / Math.Max(1e-9, a.Volumes.SumBack(day * 2) - volume)) - 1));
            w.Number("percent_change_1h", WireFormat.Change(a.Prices, Math.Max(1, day / 24)));
            w.Number("percent_change_24h", WireFormat.Change(a.Prices, day));
            w.Number("percent_change_7d", WireFormat.Change(a.Prices, day * 7));
            w.Number("market_cap", a.MarketCap / rate);
            w.Number("market_cap_dominance", 100 * a.MarketCap / sim.TotalMarketCap.Back(0));
            w.Number("fully_diluted_market_cap", a.MarketCap * 1.05 / rate);
            w.WriteString("last_updated", WireFormat.Iso(sim.Now));
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }
}
