using CryptoIntel.Storage;

namespace CryptoIntel.Web.Tests;

/// <summary>A small, deterministic data set written through the store, relative to <see cref="Now"/>.</summary>
internal static class TestData
{
    public static readonly DateTimeOffset Now = new(2025, 1, 31, 12, 0, 0, TimeSpan.Zero);

    public const int Coins = 12;
    public const int SignalCount = 30;
    public const int NewsCount = 40;

    public static readonly string[] CoinIds =
        ["bitcoin", "ethereum", "solana", "cardano", "ripple", "dogecoin", "polkadot", "chainlink", "litecoin", "uniswap", "aave", "tether"];

    public static readonly string[] Kinds = ["volume-spike", "price-move", "tvl-change", "depeg", "news-velocity"];

    public static Signal SignalAt(int i)
    {
        var kind = new SignalKind(Kinds[i % Kinds.Length]);
        var asset = CoinIds[i % Coins];
        var at = Now.AddMinutes(-15 * (i + 1));
        return new Signal(Signal.CreateId(kind, asset, "test-detector", "1", at), kind, asset,
            i % 3 == 0 ? SignalDirection.Down : SignalDirection.Up, 1 + (i % 4), 0.3 + ((i % 7) / 10.0), at, "test-detector", "1")
        {
            Asset = new AssetId(asset),
            Evidence = [new SignalEvidence("zscore", 3.5 + i, 3.0)],
            Summary = $"{kind} on {asset}",
        };
    }

    public static async Task SeedAsync(ICryptoIntelStore store, CancellationToken cancellationToken)
    {
        var batch = new StorageBatch();
        // 12 coins, 3 days of 15-minute snapshots.
        for (var c = 0; c < Coins; c++)
        {
            var basePrice = 10m * (Coins - c) * (Coins - c);
            for (var step = 0; step < 3 * 96; step++)
            {
                var at = Now.AddMinutes(-15 * step);
                var price = basePrice * (1 + (0.001m * ((step * (c + 3)) % 17)));
                batch.Snapshots.Add(new MarketSnapshot(new AssetId(CoinIds[c]), "coingecko", at, price)
                {
                    Symbol = CoinIds[c][..3],
                    Name = char.ToUpperInvariant(CoinIds[c][0]) + CoinIds[c][1..],
                    MarketCapUsd = price * 1_000_000m,
                    Volume24hUsd = price * 10_000m * (c + 1),
                    Change24hPercent = (c - 5.5) * 1.5,
                    Rank = c + 1,
                });
            }
        }

        for (var h = 0; h < 48; h++)
        {
            batch.GlobalMetrics.Add(new GlobalMetrics("coingecko", Now.AddHours(-h))
            {
                TotalMarketCapUsd = 2_400_000_000_000m + h,
                TotalVolume24hUsd = 90_000_000_000m,
                BtcDominancePercent = 52.1,
                EthDominancePercent = 17.0,
                MarketCapChange24hPercent = -0.8,
                ActiveCryptocurrencies = 12000,
            });
        }

        for (var d = 0; d < 40; d++)
        {
            batch.FearGreed.Add(new FearGreedReading(Now.AddDays(-d).Date, 30 + d, d < 10 ? "Fear" : "Neutral"));
        }

        string[] protocols = ["aave", "lido", "uniswap", "makerdao", "curve"];
        for (var p = 0; p < protocols.Length; p++)
        {
            batch.Protocols.Add(new DefiProtocol(protocols[p], char.ToUpperInvariant(protocols[p][0]) + protocols[p][1..], Now)
            {
                Category = p % 2 == 0 ? "Lending" : "Dexes",
                Chains = p % 2 == 0 ? ["Ethereum", "Arbitrum"] : ["Ethereum"],
                TvlUsd = 1_000_000_000m * (protocols.Length - p),
                Change1dPercent = p - 2,
                Change7dPercent = 2 - p,
            });
            for (var d = 0; d < 30; d++)
            {
                batch.Tvl.Add(new TvlPoint(TvlSeriesKind.Protocol, protocols[p], Now.AddDays(-d), 1_000_000_000m * (protocols.Length - p) + d));
            }
        }

        foreach (var chain in new[] { "Ethereum", "Arbitrum", "Solana" })
        {
            for (var d = 0; d < 30; d++)
            {
                batch.Tvl.Add(new TvlPoint(TvlSeriesKind.Chain, chain, Now.AddDays(-d), 5_000_000_000m + d));
            }
        }

        for (var i = 0; i < 8; i++)
        {
            batch.DexPools.Add(new DexPool(i % 2 == 0 ? "eth" : "solana", $"0xpool{i:D2}", Now)
            {
                Name = $"TOKEN{i} / USDC",
                Dex = "uniswap_v3",
                BaseTokenPriceUsd = 1 + i,
                ReserveUsd = 1_000_000m * (i + 1),
                Volume24hUsd = 500_000m * (8 - i),
                PriceChange24hPercent = i - 4,
                Transactions24h = 100 * i,
            });
        }

        for (var i = 0; i < NewsCount; i++)
        {
            var asset = CoinIds[i % 4];
            var item = new NewsItem($"news-{i:D3}", "cryptopanic", $"Headline {i} about {asset}", new Uri($"https://news.example/{i}"), Now.AddMinutes(-30 * i))
            {
                Outlet = "example.com",
            };
            batch.News.Add(new StoredNewsItem(item)
            {
                Sentiment = (i % 5 - 2) / 2.0,
                SentimentLabel = i % 5 < 2 ? "negative" : i % 5 == 2 ? "neutral" : "positive",
                StoryId = $"story-{i / 4:D2}",
                Assets = [new AssetId(asset)],
            });
            batch.Mentions.Add(new EntityMention(item.Id, asset, char.ToUpperInvariant(asset[0]) + asset[1..], "coin", item.PublishedAt) { Asset = new AssetId(asset) });
            batch.Mentions.Add(new EntityMention(item.Id, "sec", "SEC", "organization", item.PublishedAt));
        }

        for (var i = 0; i < SignalCount; i++)
        {
            var signal = SignalAt(i);
            batch.Signals.Add(signal);
            if (i % 2 == 0)
            {
                batch.Outcomes.Add(new SignalOutcome(signal.Id, "24h", Now, i % 4 == 0 ? 1.5 : -0.5, i % 4 == 0));
            }
        }

        foreach (var source in new[] { "coingecko", "defillama", "cryptopanic" })
        {
            batch.SourceStatuses.Add(new SourceStatus(source, Now.AddMinutes(-15), source != "cryptopanic")
            {
                CycleId = "cycle-1",
                Calls = 2,
                DurationMs = 120,
                Items = 250,
                Error = source == "cryptopanic" ? "HTTP 429" : null,
                ErrorKind = source == "cryptopanic" ? "RateLimited" : null,
            });
            batch.QuotaUsage.Add(new QuotaUsage(source, "month", Now.AddMinutes(-15), 1200, 10000));
        }

        batch.Cycle = new CycleRecord("cycle-1", Now.AddMinutes(-15), 2100, 2, 3) { NewSignals = 3 };
        await store.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
    }
}
