using System.Text.Json;

namespace CryptoIntel.Demo.Wire;

/// <summary>DeFi Llama: protocols, one protocol's TVL history, chains, historical chain TVL, stablecoins and current prices.</summary>
internal static class DefiLlamaWire
{
    public static WireResponse Answer(MarketSimulator sim, WireRequest request)
    {
        var segments = request.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments switch
        {
            [.., "protocols"] => Protocols(sim),
            [.., "protocol", var slug] => Protocol(sim, slug),
            [.., "tvl", var slug] => sim.Protocols.FirstOrDefault(p => p.Slug == slug) is { } p
                ? new WireResponse(200, "application/json", System.Text.Encoding.UTF8.GetBytes(WireFormat.S(p.Tvl)))
                : WireResponse.NotFound("Protocol not found"),
            [.., "v2", "chains"] => Chains(sim),
            [.., "historicalChainTvl"] => History(sim, null),
            [.., "historicalChainTvl", var chain] => History(sim, chain),
            [.., "stablecoins"] => Stablecoins(sim),
            [.., "prices", "current", var coins] => Prices(sim, coins),
            _ => WireResponse.NotFound("The demo market does not simulate " + request.Path),
        };
    }

    private static double DayChange(RingSeries series, int back) => WireFormat.Change(series, back);

    private static WireResponse Protocols(MarketSimulator sim) => WireResponse.Json(w =>
    {
        var day = sim.StepsPerDay;
        w.WriteStartArray();
        foreach (var p in sim.Protocols.OrderByDescending(p => p.Tvl))
        {
            var token = p.TokenAssetId is { } id ? sim.Asset(id) : null;
            w.WriteStartObject();
            w.WriteString("id", p.LlamaId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("name", p.Name);
            w.WriteString("symbol", token?.Symbol.ToUpperInvariant() ?? "-");
            w.WriteString("url", $"https://{p.Slug}.demo.example");
            w.WriteString("chain", p.Chains.Length > 1 ? "Multi-Chain" : p.Chains[0]);
            w.WriteString("gecko_id", token?.Id);
            w.WriteString("category", p.Category);
            w.WriteStartArray("chains");
            foreach (var chain in p.Chains)
            {
                w.WriteStringValue(chain);
            }

            w.WriteEndArray();
            w.WriteString("slug", p.Slug);
            w.Number("tvl", p.Tvl);
            w.WriteStartObject("chainTvls");
            for (var i = 0; i < p.Chains.Length; i++)
            {
                w.Number(p.Chains[i], p.Tvl * p.ChainShares[i]);
            }

            w.WriteEndObject();
            w.Number("change_1h", DayChange(p.TvlHistory, Math.Max(1, day / 24)));
            w.Number("change_1d", DayChange(p.TvlHistory, day));
            w.Number("change_7d", DayChange(p.TvlHistory, day * 7));
            if (token is not null)
            {
                w.Number("mcap", token.MarketCap);
            }

            w.WriteNumber("listedAt", sim.Started.AddDays(-700 - p.LlamaId).ToUnixTimeSeconds());
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    private static WireResponse Protocol(MarketSimulator sim, string slug)
    {
        if (sim.Protocols.FirstOrDefault(p => p.Slug == slug) is not { } p)
        {
            return WireResponse.NotFound("Protocol not found");
        }

        var token = p.TokenAssetId is { } id ? sim.Asset(id) : null;
        var points = CoinGeckoWire.Window(sim, p.TvlHistory, 3650).ToList();
        return WireResponse.Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("id", p.LlamaId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("name", p.Name);
            w.WriteString("symbol", token?.Symbol.ToUpperInvariant() ?? "-");
            w.WriteString("category", p.Category);
            w.WriteString("gecko_id", token?.Id);
            w.WriteStartArray("chains");
            foreach (var chain in p.Chains)
            {
                w.WriteStringValue(chain);
            }

            w.WriteEndArray();
            w.WriteStartObject("currentChainTvls");
            for (var i = 0; i < p.Chains.Length; i++)
            {
                w.Number(p.Chains[i], p.Tvl * p.ChainShares[i]);
            }

            w.WriteEndObject();
            w.WriteStartArray("tvl");
            foreach (var (time, back) in points)
            {
                w.WriteStartObject();
                w.WriteNumber("date", time.ToUnixTimeSeconds());
                w.Number("totalLiquidityUSD", p.TvlHistory.Back(back));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("chainTvls");
            for (var i = 0; i < p.Chains.Length; i++)
            {
                w.WriteStartObject(p.Chains[i]);
                w.WriteStartArray("tvl");
                foreach (var (time, back) in points)
                {
                    w.WriteStartObject();
                    w.WriteNumber("date", time.ToUnixTimeSeconds());
                    w.Number("totalLiquidityUSD", p.TvlHistory.Back(back) * p.ChainShares[i]);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteEndObject();
        });
    }

    private static WireResponse Chains(MarketSimulator sim) => WireResponse.Json(w =>
    {
        w.WriteStartArray();
        foreach (var c in sim.Chains.OrderByDescending(c => c.Tvl))
        {
            w.WriteStartObject();
            w.WriteString("gecko_id", c.GeckoId);
            w.Number("tvl", c.Tvl);
            w.WriteString("tokenSymbol", c.TokenSymbol);
            if (c.CmcId is { } cmc)
            {
                w.WriteString("cmcId", cmc.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                w.WriteNull("cmcId");
            }

            w.WriteString("name", c.Name);
            if (c.ChainId is { } chainId)
            {
                w.WriteNumber("chainId", chainId);
            }
            else
            {
                w.WriteNull("chainId");
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    private static WireResponse History(MarketSimulator sim, string? chainName)
    {
        SimChain? chain = null;
        if (chainName is not null && (chain = sim.Chains.FirstOrDefault(c => string.Equals(c.Name, chainName, StringComparison.OrdinalIgnoreCase))) is null)
        {
            return WireResponse.NotFound("Chain not found");
        }

        var series = chain?.TvlHistory ?? sim.Chains[0].TvlHistory;
        var points = CoinGeckoWire.Window(sim, series, 3650).ToList();
        return WireResponse.Json(w =>
        {
            w.WriteStartArray();
            foreach (var (time, back) in points)
            {
                w.WriteStartObject();
                w.WriteNumber("date", time.ToUnixTimeSeconds());
                w.Number("tvl", chain?.TvlHistory.Back(back) ?? sim.Chains.Sum(c => c.TvlHistory.Back(back)));
                w.WriteEndObject();
            }

            w.WriteEndArray();
        });
    }

    private static WireResponse Stablecoins(MarketSimulator sim) => WireResponse.Json(w =>
    {
        var day = sim.StepsPerDay;
        w.WriteStartObject();
        w.WriteStartArray("peggedAssets");
        foreach (var (a, i) in sim.Assets.Where(a => a.IsStable).Select((a, i) => (a, i)))
        {
            void Circulating(string name, double amount)
            {
                w.WriteStartObject(name);
                w.Number("peggedUSD", amount);
                w.WriteEndObject();
            }

            w.WriteStartObject();
            w.WriteString("id", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("name", a.Name);
            w.WriteString("symbol", a.Symbol.ToUpperInvariant());
            w.WriteString("gecko_id", a.Id);
            w.WriteString("pegType", "peggedUSD");
            w.WriteString("priceSource", "defillama");
            w.WriteString("pegMechanism", a.Symbol == "dai" ? "crypto-backed" : a.Symbol == "usde" ? "algorithmic" : "fiat-backed");
            var supply = a.Supply * (1 + (0.3 * Math.Min(0, a.PegDeviation)));
            Circulating("circulating", supply);
            Circulating("circulatingPrevDay", a.Supply * (1 + (0.3 * Math.Min(0, a.Prices.Back(day) - 1))));
            Circulating("circulatingPrevWeek", a.Supply * 0.99);
            w.WriteStartArray("chains");
            w.WriteStringValue("Ethereum");
            w.WriteStringValue("Tron");
            w.WriteEndArray();
            w.Number("price", a.Price);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static WireResponse Prices(MarketSimulator sim, string coins) => WireResponse.Json(w =>
    {
        w.WriteStartObject();
        w.WriteStartObject("coins");
        foreach (var coin in Uri.UnescapeDataString(coins).Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (coin.StartsWith("coingecko:", StringComparison.Ordinal) && sim.Asset(coin["coingecko:".Length..]) is { } a)
            {
                w.WriteStartObject(coin);
                w.Number("price", a.Price);
                w.WriteString("symbol", a.Symbol.ToUpperInvariant());
                w.WriteNumber("timestamp", sim.Now.ToUnixTimeSeconds());
                w.WriteNumber("confidence", 0.99);
                w.WriteEndObject();
            }
        }

        w.WriteEndObject();
        w.WriteEndObject();
    });
}
