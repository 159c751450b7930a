using CryptoIntel.Storage;

namespace CryptoIntel.Storage.Tests;

internal static class TestData
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A cycle's worth of data: <paramref name="assets"/> coins from two sources, DeFi, news, mentions, signals.</summary>
    public static StorageBatch Cycle(DateTimeOffset at, int assets = 20, int seed = 1)
    {
        var batch = new StorageBatch();
        for (var i = 0; i < assets; i++)
        {
            var price = 100m + i + seed;
            batch.Snapshots.Add(new MarketSnapshot(new AssetId($"coin-{i:D3}"), "coingecko", at, price)
            {
                Symbol = $"C{i}",
                Name = $"Coin {i}",
                MarketCapUsd = i % 7 == 3 ? null : 1_000_000m * (assets - i) + 0.123456789m,
                Volume24hUsd = 1000m * ((i * 37) % assets),
                Change24hPercent = i % 5 == 0 ? null : (i - (assets / 2)) * 1.5,
                Rank = i + 1,
            });
        }

        batch.Snapshots.Add(new MarketSnapshot("coin-000", "coinmarketcap", at.AddMinutes(-1), 99m) { Symbol = "C0", MarketCapUsd = 5m });
        batch.GlobalMetrics.Add(new GlobalMetrics("coingecko", at) { TotalMarketCapUsd = 3.2e12m, BtcDominancePercent = 55.5, ActiveCryptocurrencies = 12000 });
        batch.FearGreed.Add(new FearGreedReading(at, 40 + seed, "Fear"));
        batch.Protocols.Add(new DefiProtocol("aave", "Aave", at) { Category = "Lending", Chains = ["Ethereum", "Arbitrum"], TvlUsd = 20e9m, Change1dPercent = 1.5, Change7dPercent = -2 });
        batch.Protocols.Add(new DefiProtocol("lido", "Lido", at) { Category = "Liquid Staking", Chains = ["Ethereum"], TvlUsd = 30e9m, Change1dPercent = -0.5 });
        batch.Protocols.Add(new DefiProtocol("raydium", "Raydium", at) { Category = "Dexs", Chains = ["Solana"], TvlUsd = 2e9m, Change1dPercent = 4 });
        batch.Tvl.Add(new TvlPoint(TvlSeriesKind.Protocol, "aave", at, 20e9m + seed));
        batch.Tvl.Add(new TvlPoint(TvlSeriesKind.Chain, "ethereum", at, 60e9m + seed));
        batch.Tvl.Add(new TvlPoint(TvlSeriesKind.Chain, "solana", at, 8e9m + seed));
        batch.DexPools.Add(new DexPool("eth", "0xabc", at) { Name = "WETH / USDC", Dex = "uniswap_v3", Volume24hUsd = 5e6m + seed, ReserveUsd = 1e8m });
        batch.DexPools.Add(new DexPool("solana", "So1", at) { Name = "SOL / USDC", Dex = "raydium", Volume24hUsd = 7e6m, ReserveUsd = 5e7m });
        batch.SourceStatuses.Add(new SourceStatus("coingecko", at, true) { Calls = 3, DurationMs = 120, Items = assets });
        batch.SourceStatuses.Add(new SourceStatus("kraken", at, false) { Calls = 1, DurationMs = 30, Error = "boom", ErrorKind = "Server" });
        batch.QuotaUsage.Add(new QuotaUsage("coingecko", at.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), at, 100 + seed, 10_000));
        batch.Cycle = new CycleRecord("cycle-" + at.UtcTicks, at, 1500, 1, 2) { Counts = new Dictionary<string, int> { ["snapshots"] = assets }, NewSignals = 1 };
        return batch;
    }

    public static StoredNewsItem News(string id, DateTimeOffset at, string title, string? story = null, double? sentiment = null, params string[] assets) =>
        new(new NewsItem(id, "cryptopanic", title, new Uri("https://example.com/" + id), at) { Outlet = "outlet-" + id[^1], Currencies = ["BTC"], Votes = new Dictionary<string, int> { ["positive"] = 2 } })
        {
            StoryId = story,
            Sentiment = sentiment,
            SentimentLabel = sentiment is null ? null : sentiment > 0 ? "positive" : "negative",
            Assets = [.. assets.Select(a => new AssetId(a))],
        };

    public static Signal Signal(SignalKind kind, string subject, DateTimeOffset at, SignalDirection direction = SignalDirection.Up, double confidence = 0.7, AssetId? asset = null) =>
        new(CryptoIntel.Signal.CreateId(kind, subject, "test", "1", at), kind, subject, direction, 5.5, confidence, at, "test", "1")
        {
            Asset = asset,
            Evidence = [new SignalEvidence("zscore", 3.2, 3), new SignalEvidence("volume", 1e6)],
            Entities = ["coin:" + subject],
            Summary = "Something happened to " + subject,
        };
}
