using System.Text.Json;

namespace CryptoIntel.Demo.Wire;

/// <summary>CoinGecko's v3 API (<c>/coins/markets</c>, <c>/simple/price</c>, <c>/coins/{id}</c>, charts, trending, global, categories).</summary>
internal static class CoinGeckoWire
{
    private static readonly Dictionary<string, double> UsdPer = new(StringComparer.OrdinalIgnoreCase) { ["usd"] = 1, ["eur"] = 1.08, ["gbp"] = 1.27, ["jpy"] = 0.0066 };

    public static WireResponse Answer(MarketSimulator sim, WireRequest request)
    {
        var after = request.After("v3");
        return after switch
        {
            ["ping"] => WireResponse.Json(w => { w.WriteStartObject(); w.WriteString("gecko_says", "(V3) demo market is up"); w.WriteEndObject(); }),
            ["coins", "markets"] => Markets(sim, request),
            ["coins", "categories"] => Categories(sim),
            ["coins", var id] => Detail(sim, id),
            ["coins", var id, "market_chart"] => Chart(sim, id, request),
            ["coins", var id, "ohlc"] => Ohlc(sim, id, request),
            ["simple", "price"] => SimplePrice(sim, request),
            ["simple", "supported_vs_currencies"] => WireResponse.Json(w => { w.WriteStartArray(); foreach (var c in UsdPer.Keys) { w.WriteStringValue(c); } w.WriteEndArray(); }),
            ["search", "trending"] => Trending(sim),
            ["global"] => Global(sim),
            _ => WireResponse.NotFound("The demo market does not simulate " + request.Path),
        };
    }

    private static double Rate(string? currency) => UsdPer.GetValueOrDefault(currency ?? "usd", 1);

    private static WireResponse Markets(MarketSimulator sim, WireRequest request)
    {
        var currency = request["vs_currency"] ?? "usd";
        var rate = Rate(currency);
        var ids = request.List("ids").ToHashSet(StringComparer.Ordinal);
        var category = request["category"];
        var perPage = request.Int("per_page", 100, 1, 250);
        var page = request.Int("page", 1);
        var withChanges = request["price_change_percentage"] ?? string.Empty;
        var rows = sim.Assets.Select((a, i) => (Asset: a, Rank: i + 1))
            .Where(x => ids.Count == 0 || ids.Contains(x.Asset.Id))
            .Where(x => category is null || Slug(x.Asset.Category) == category)
            .OrderByDescending(x => x.Asset.MarketCap)
            .Skip((page - 1) * perPage).Take(perPage).ToList();
        var day = sim.StepsPerDay;
        return WireResponse.Json(w =>
        {
            w.WriteStartArray();
            foreach (var (a, rank) in rows)
            {
                var (low, high) = a.Prices.RangeBack(day);
                var change = WireFormat.Change(a.Prices, day);
                var cap = a.MarketCap / rate;
                w.WriteStartObject();
                w.WriteString("id", a.Id);
                w.WriteString("symbol", a.Symbol);
                w.WriteString("name", a.Name);
                w.WriteString("image", $"https://assets.demo.example/coins/{a.Id}.png");
                w.Number("current_price", a.Price / rate);
                w.Number("market_cap", Math.Round(cap));
                w.WriteNumber("market_cap_rank", rank);
                w.Number("fully_diluted_valuation", Math.Round(cap * 1.1));
                w.Number("total_volume", Math.Round(a.Volumes.SumBack(day) / rate));
                w.Number("high_24h", high / rate);
                w.Number("low_24h", low / rate);
                w.Number("price_change_24h", (a.Price - a.Prices.Back(day)) / rate);
                w.Number("price_change_percentage_24h", change);
                w.Number("market_cap_change_24h", cap * change / 100);
                w.Number("market_cap_change_percentage_24h", change);
                w.Number("circulating_supply", Math.Round(a.Supply));
                w.Number("total_supply", Math.Round(a.Supply * 1.05));
                w.WriteNull("max_supply");
                w.Number("ath", a.Ath / rate);
                w.Number("ath_change_percentage", 100 * ((a.Price / a.Ath) - 1));
                w.WriteString("ath_date", WireFormat.Iso(sim.Started.AddDays(-200)));
                w.Number("atl", a.Atl / rate);
                w.Number("atl_change_percentage", 100 * ((a.Price / a.Atl) - 1));
                w.WriteString("atl_date", WireFormat.Iso(sim.Started.AddDays(-900)));
                w.WriteNull("roi");
                w.WriteString("last_updated", WireFormat.Iso(sim.Now));
                if (withChanges.Contains("1h", StringComparison.Ordinal))
                {
                    w.Number("price_change_percentage_1h_in_currency", WireFormat.Change(a.Prices, Math.Max(1, day / 24)));
                }

                if (withChanges.Contains("7d", StringComparison.Ordinal))
                {
                    w.Number("price_change_percentage_7d_in_currency", WireFormat.Change(a.Prices, day * 7));
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        });
    }

    private static WireResponse SimplePrice(MarketSimulator sim, WireRequest request)
    {
        var currencies = request.List("vs_currencies");
        var full = request["include_market_cap"] == "true";
        return WireResponse.Json(w =>
        {
            w.WriteStartObject();
            foreach (var id in request.List("ids"))
            {
                if (sim.Asset(id) is not { } a)
                {
                    continue;
                }

                w.WriteStartObject(id);
                foreach (var c in currencies)
                {
                    var rate = Rate(c);
                    w.Number(c, a.Price / rate);
                    if (full)
                    {
                        w.Number(c + "_market_cap", a.MarketCap / rate);
                        w.Number(c + "_24h_vol", a.Volumes.SumBack(sim.StepsPerDay) / rate);
                        w.Number(c + "_24h_change", WireFormat.Change(a.Prices, sim.StepsPerDay));
                    }
                }

                w.WriteNumber("last_updated_at", sim.Now.ToUnixTimeSeconds());
                w.WriteEndObject();
            }

            w.WriteEndObject();
        });
    }

    private static WireResponse Detail(MarketSimulator sim, string id)
    {
        if (sim.Asset(id) is not { } a)
        {
            return WireResponse.NotFound("coin not found");
        }

        var rank = sim.Assets.IndexOf(a) + 1;
        return WireResponse.Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("id", a.Id);
            w.WriteString("symbol", a.Symbol);
            w.WriteString("name", a.Name);
            w.WriteStartArray("categories");
            w.WriteStringValue(a.Category);
            w.WriteEndArray();
            w.WriteStartObject("description");
            w.WriteString("en", $"{a.Name} is an asset of the CryptoIntel demo market; its prices are simulated.");
            w.WriteEndObject();
            w.WriteStartObject("links");
            w.WriteStartArray("homepage");
            w.WriteStringValue($"https://{a.Id}.demo.example/");
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteString("genesis_date", a.Listed.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteNumber("market_cap_rank", rank);
            w.WriteStartObject("market_data");
            void PerCurrency(string name, double usd)
            {
                w.WriteStartObject(name);
                foreach (var (c, rate) in UsdPer)
                {
                    w.Number(c, usd / rate);
                }

                w.WriteEndObject();
            }

            PerCurrency("current_price", a.Price);
            PerCurrency("market_cap", a.MarketCap);
            PerCurrency("total_volume", a.Volumes.SumBack(sim.StepsPerDay));
            w.Number("price_change_percentage_24h", WireFormat.Change(a.Prices, sim.StepsPerDay));
            w.Number("price_change_percentage_7d", WireFormat.Change(a.Prices, sim.StepsPerDay * 7));
            w.Number("circulating_supply", Math.Round(a.Supply));
            w.Number("total_supply", Math.Round(a.Supply * 1.05));
            w.WriteNull("max_supply");
            w.WriteEndObject();
            w.WriteString("last_updated", WireFormat.Iso(sim.Now));
            w.WriteEndObject();
        });
    }

    /// <summary>The steps of the last <paramref name="days"/> days of clock time, oldest first.</summary>
    internal static IEnumerable<(DateTimeOffset Time, int Back)> Window(MarketSimulator sim, RingSeries series, double days)
    {
        var from = sim.Now - TimeSpan.FromDays(days);
        var kept = series.Kept;
        for (var back = kept - 1; back >= 0; back--)
        {
            var time = sim.TimeOf(sim.StepNow - back);
            if (time >= from)
            {
                yield return (time, back);
            }
        }
    }

    private static double Days(WireRequest request) =>
        request["days"] is "max" ? 3650 : double.TryParse(request["days"], System.Globalization.CultureInfo.InvariantCulture, out var d) && d > 0 ? d : 1;

    private static WireResponse Chart(MarketSimulator sim, string id, WireRequest request)
    {
        if (sim.Asset(id) is not { } a)
        {
            return WireResponse.NotFound("coin not found");
        }

        var rate = Rate(request["vs_currency"]);
        var points = Window(sim, a.Prices, Days(request)).ToList();
        return WireResponse.Json(w =>
        {
            w.WriteStartObject();
            void Series(string name, Func<int, double> value)
            {
                w.WriteStartArray(name);
                foreach (var (time, back) in points)
                {
                    w.WriteStartArray();
                    w.WriteNumberValue(time.ToUnixTimeMilliseconds());
                    w.Number(value(back) / rate);
                    w.WriteEndArray();
                }

                w.WriteEndArray();
            }

            Series("prices", back => a.Prices.Back(back));
            Series("market_caps", back => a.Prices.Back(back) * a.Supply);
            Series("total_volumes", back => a.Volumes.Back(back) * sim.StepsPerDay);
            w.WriteEndObject();
        });
    }

    private static WireResponse Ohlc(MarketSimulator sim, string id, WireRequest request)
    {
        if (sim.Asset(id) is not { } a)
        {
            return WireResponse.NotFound("coin not found");
        }

        var rate = Rate(request["vs_currency"]);
        var days = Days(request);
        var width = days <= 2 ? 6 : days <= 30 ? 48 : 1152; // steps per candle
        var points = Window(sim, a.Prices, days).ToList();
        return WireResponse.Json(w =>
        {
            w.WriteStartArray();
            foreach (var chunk in points.Chunk(width))
            {
                var values = chunk.Select(p => a.Prices.Back(p.Back) / rate).ToList();
                w.WriteStartArray();
                w.WriteNumberValue(chunk[^1].Time.ToUnixTimeMilliseconds());
                w.Number(values[0]);
                w.Number(values.Max());
                w.Number(values.Min());
                w.Number(values[^1]);
                w.WriteEndArray();
            }

            w.WriteEndArray();
        });
    }

    private static WireResponse Trending(MarketSimulator sim)
    {
        var day = sim.StepsPerDay;
        var btc = sim.Assets[0].Price;
        var top = sim.Assets.Select((a, i) => (Asset: a, Rank: i + 1))
            .Where(x => !x.Asset.IsStable)
            .OrderByDescending(x => (x.Asset.SpikeMultiple * 3) + Math.Abs(WireFormat.Change(x.Asset.Prices, day)))
            .Take(7).ToList();
        return WireResponse.Json(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("coins");
            foreach (var ((a, rank), score) in top.Select((x, i) => (x, i)))
            {
                w.WriteStartObject();
                w.WriteStartObject("item");
                w.WriteString("id", a.Id);
                w.WriteNumber("coin_id", a.CmcId);
                w.WriteString("name", a.Name);
                w.WriteString("symbol", a.Symbol.ToUpperInvariant());
                w.WriteNumber("market_cap_rank", rank);
                w.Number("price_btc", a.Price / btc);
                w.WriteNumber("score", score);
                w.WriteStartObject("data");
                w.Number("price", a.Price);
                w.WriteStartObject("price_change_percentage_24h");
                w.Number("usd", WireFormat.Change(a.Prices, day));
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("nfts");
            w.WriteEndArray();
            w.WriteStartArray("categories");
            foreach (var (group, i) in CategoryGroups(sim).OrderByDescending(g => g.Change1h).Take(3).Select((g, i) => (g, i)))
            {
                w.WriteStartObject();
                w.WriteNumber("id", 100 + i);
                w.WriteString("name", group.Name);
                w.Number("market_cap_1h_change", group.Change1h);
                w.WriteString("slug", Slug(group.Name));
                w.WriteString("coins_count", group.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static List<(string Name, int Count, double Cap, double Volume, double Change24h, double Change1h, SimAsset[] Top)> CategoryGroups(MarketSimulator sim)
    {
        var day = sim.StepsPerDay;
        return [.. sim.Assets.GroupBy(a => a.Category).Select(g =>
        {
            var cap = g.Sum(a => a.MarketCap);
            var capDayAgo = g.Sum(a => a.Prices.Back(day) * a.Supply);
            var capHourAgo = g.Sum(a => a.Prices.Back(day / 24) * a.Supply);
            return (g.Key, g.Count(), cap, g.Sum(a => a.Volumes.SumBack(day)), 100 * ((cap / capDayAgo) - 1), 100 * ((cap / capHourAgo) - 1), g.OrderByDescending(a => a.MarketCap).Take(3).ToArray());
        })];
    }

    private static WireResponse Categories(MarketSimulator sim) => WireResponse.Json(w =>
    {
        w.WriteStartArray();
        foreach (var g in CategoryGroups(sim).OrderByDescending(g => g.Cap))
        {
            w.WriteStartObject();
            w.WriteString("id", Slug(g.Name));
            w.WriteString("name", g.Name);
            w.Number("market_cap", g.Cap);
            w.Number("market_cap_change_24h", g.Change24h);
            w.WriteString("content", string.Empty);
            w.WriteStartArray("top_3_coins_id");
            foreach (var a in g.Top)
            {
                w.WriteStringValue(a.Id);
            }

            w.WriteEndArray();
            w.Number("volume_24h", g.Volume);
            w.WriteString("updated_at", WireFormat.Iso(sim.Now));
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    private static WireResponse Global(MarketSimulator sim)
    {
        var day = sim.StepsPerDay;
        var total = sim.TotalMarketCap.Back(0);
        var volume = sim.TotalVolume.SumBack(day);
        var btc = sim.Assets[0];
        var eth = sim.Assets[1];
        return WireResponse.Json(w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("data");
            w.WriteNumber("active_cryptocurrencies", sim.Assets.Count);
            w.WriteNumber("upcoming_icos", 0);
            w.WriteNumber("ongoing_icos", 0);
            w.WriteNumber("ended_icos", 0);
            w.WriteNumber("markets", sim.Pools.Count + (sim.Assets.Count * 3));
            w.WriteStartObject("total_market_cap");
            w.Number("usd", total);
            w.Number("btc", total / btc.Price);
            w.WriteEndObject();
            w.WriteStartObject("total_volume");
            w.Number("usd", volume);
            w.Number("btc", volume / btc.Price);
            w.WriteEndObject();
            w.WriteStartObject("market_cap_percentage");
            w.Number("btc", 100 * btc.MarketCap / total);
            w.Number("eth", 100 * eth.MarketCap / total);
            w.WriteEndObject();
            w.Number("market_cap_change_percentage_24h_usd", WireFormat.Change(sim.TotalMarketCap, day));
            w.WriteNumber("updated_at", sim.Now.ToUnixTimeSeconds());
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }

    internal static string Slug(string text) =>
        string.Join('-', new string([.. text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ')]).Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
