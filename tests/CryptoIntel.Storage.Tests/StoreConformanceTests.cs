using CryptoIntel.Storage.Internal;
using Microsoft.Extensions.Time.Testing;
using static CryptoIntel.Storage.Tests.TestData;

namespace CryptoIntel.Storage.Tests;

/// <summary>
/// The one suite every database behind <see cref="ICryptoIntelStore"/> must pass. Subclasses supply a fresh, empty
/// database per test (SQLite: a temp file; PostgreSQL: a schema of its own on the CI server).
/// </summary>
public abstract class StoreConformanceTests : IAsyncLifetime
{
    private SqlStore? _store;

    protected FakeTimeProvider Time { get; } = new(T0.AddDays(-1));

    internal SqlStore Store => _store ?? throw new InvalidOperationException("Not initialised.");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal abstract Task<StorageProvider> CreateProviderAsync();

    protected virtual Task CleanupAsync() => Task.CompletedTask;

    public async ValueTask InitializeAsync()
    {
        _store = new SqlStore(await CreateProviderAsync(), new StorageOptions(), Time);
    }

    public async ValueTask DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        await CleanupAsync();
        GC.SuppressFinalize(this);
    }

    private async Task<Dictionary<string, long>> CountAllAsync()
    {
        var counts = new Dictionary<string, long>();
        foreach (var table in SqlStore.TableNames)
        {
            counts[table] = await Store.CountRowsAsync(table, Ct);
        }

        return counts;
    }

    private static StorageBatch FullBatch(DateTimeOffset at)
    {
        var batch = Cycle(at);
        batch.News.Add(News("n1", at.AddMinutes(-30), "Bitcoin ETF sees record inflows", "s1", 0.6, "bitcoin"));
        batch.News.Add(News("n2", at.AddMinutes(-20), "Record inflows into bitcoin ETFs", "s1", 0.2, "bitcoin"));
        batch.News.Add(News("n3", at.AddMinutes(-10), "Ethereum upgrade scheduled", null, -0.4, "ethereum"));
        batch.Mentions.Add(new EntityMention("n1", "coin:bitcoin", "Bitcoin", "coin", at.AddMinutes(-30)) { Asset = AssetId.Bitcoin });
        batch.Mentions.Add(new EntityMention("n1", "etf:ibit", "iShares Bitcoin Trust", "etf", at.AddMinutes(-30)));
        batch.Mentions.Add(new EntityMention("n2", "coin:bitcoin", "Bitcoin", "coin", at.AddMinutes(-20)) { Asset = AssetId.Bitcoin, Count = 2 });
        batch.Mentions.Add(new EntityMention("n3", "coin:ethereum", "Ethereum", "coin", at.AddMinutes(-10)) { Asset = AssetId.Ethereum });
        batch.Signals.Add(Signal(SignalKind.VolumeSpike, "coin-001", at, asset: "coin-001"));
        batch.Signals.Add(Signal(SignalKind.PriceMove, "coin-002", at, SignalDirection.Down, 0.9, "coin-002"));
        return batch;
    }

    [Fact]
    public async Task MigrateAsync_Twice_ReturnsLatestVersionAndKeepsData()
    {
        Assert.Equal(Schema.LatestVersion, await Store.MigrateAsync(Ct));
        await Store.WriteAsync(Cycle(T0), Ct);
        Assert.Equal(Schema.LatestVersion, await Store.MigrateAsync(Ct));
        Assert.Equal(21, await Store.CountRowsAsync("snapshots", Ct));
    }

    [Fact]
    public async Task WriteAsync_SameBatchTwice_LeavesTheSameRows()
    {
        var first = await Store.WriteAsync(FullBatch(T0), Ct);
        var after1 = await CountAllAsync();
        var second = await Store.WriteAsync(FullBatch(T0), Ct);
        var after2 = await CountAllAsync();

        Assert.Equal(after1, after2);
        Assert.Equal(21, after1["snapshots"]);
        Assert.Equal(21, after1["latest_snapshots"]);
        Assert.Equal(21, after1["hourly_bars"]);
        Assert.Equal(3, after1["news"]);
        Assert.Equal(2, after1["stories"]);
        Assert.Equal(2, first.NewSignalIds.Count);
        Assert.Empty(second.NewSignalIds);
        Assert.True(first.Rows > 0);
    }

    [Fact]
    public async Task WriteAsync_FailureInTheMiddle_LeavesNoRows_ThenTheRetryWritesAll()
    {
        Store.FailAfterRows = 30;
        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.WriteAsync(FullBatch(T0), Ct));
        Assert.All(await CountAllAsync(), kv => Assert.Equal(0, kv.Value));

        Store.FailAfterRows = null;
        var result = await Store.WriteAsync(FullBatch(T0), Ct);
        Assert.Equal(2, result.NewSignalIds.Count);
        Assert.Equal(21, await Store.CountRowsAsync("snapshots", Ct));
    }

    [Fact]
    public async Task WriteAsync_Cancelled_LeavesNoRows()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.WriteAsync(FullBatch(T0), cts.Token));
        Assert.Equal(0, await Store.CountRowsAsync("snapshots", Ct));
    }

    [Fact]
    public async Task WriteAsync_InvalidRow_ThrowsBeforeWritingAnything()
    {
        var batch = FullBatch(T0);
        batch.DexPools.Add(new DexPool("eth", " ", T0));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.WriteAsync(batch, Ct));
        await Assert.ThrowsAsync<ArgumentNullException>(() => Store.WriteAsync(null!, Ct));
        Assert.Equal(0, await Store.CountRowsAsync("snapshots", Ct));
    }

    [Fact]
    public async Task GetCoinsAsync_PagesThroughEveryAssetOnce_InOrder_ForEverySort()
    {
        await Store.WriteAsync(Cycle(T0, assets: 23), Ct);
        await Store.WriteAsync(Cycle(T0.AddMinutes(15), assets: 23, seed: 2), Ct);
        foreach (var sort in Enum.GetValues<CoinSort>())
        {
            foreach (var descending in new[] { true, false })
            {
                var seen = new List<MarketSnapshot>();
                string? cursor = null;
                var pages = 0;
                do
                {
                    var page = await Store.GetCoinsAsync(new CoinQuery { Sort = sort, Descending = descending, Limit = 5, Cursor = cursor }, Ct);
                    seen.AddRange(page.Items);
                    cursor = page.NextCursor;
                    pages++;
                }
                while (cursor is not null);

                Assert.Equal(23, seen.Count);
                Assert.Equal(23, seen.Select(s => s.Asset).Distinct().Count());
                Assert.Equal(5, pages);
                Assert.All(seen, s => Assert.Equal(T0.AddMinutes(15), s.Timestamp));
                var whole = await Store.GetCoinsAsync(new CoinQuery { Sort = sort, Descending = descending, Limit = 100 }, Ct);
                Assert.Equal(whole.Items.Select(s => s.Asset), seen.Select(s => s.Asset));
            }
        }

        var byCap = await Store.GetCoinsAsync(new CoinQuery { Limit = 3 }, Ct);
        Assert.Equal(["coin-000", "coin-001", "coin-002"], byCap.Items.Select(s => s.Asset.Value));
        Assert.Equal(1_000_000m * 23 + 0.123456789m, byCap.Items[0].MarketCapUsd!.Value, 6);
        Assert.Equal("coingecko", byCap.Items[0].Source);
    }

    [Fact]
    public async Task GetCoinsAsync_Filters()
    {
        await Store.WriteAsync(Cycle(T0, assets: 30), Ct);
        var search = await Store.GetCoinsAsync(new CoinQuery { Search = "COIN 1", Limit = 100 }, Ct);
        Assert.Equal(11, search.Items.Count); // Coin 1, Coin 10..19
        var bySymbol = await Store.GetCoinsAsync(new CoinQuery { Search = "c29" }, Ct);
        Assert.Equal("coin-029", Assert.Single(bySymbol.Items).Asset.Value);
        var cmc = await Store.GetCoinsAsync(new CoinQuery { Source = "coinmarketcap" }, Ct);
        Assert.Equal(99m, Assert.Single(cmc.Items).PriceUsd);
        var big = await Store.GetCoinsAsync(new CoinQuery { MinMarketCapUsd = 25_000_000m, Limit = 100 }, Ct);
        Assert.All(big.Items, s => Assert.True(s.MarketCapUsd >= 25_000_000m));
        Assert.Equal(5, big.Items.Count);
        var watch = await Store.GetCoinsAsync(new CoinQuery { Assets = ["coin-004", "coin-002", "nope"] }, Ct);
        Assert.Equal(["coin-002", "coin-004"], watch.Items.Select(s => s.Asset.Value).Order());
    }

    public static TheoryData<string> Hostile => new()
    {
        "'; DROP TABLE snapshots; --",
        "\" OR 1=1 --",
        "%",
        "_",
        "\\",
        "coin' OR '1'='1",
        "1); DELETE FROM news; --",
        "\n\r\t x",
        "ünïcödé 💥",
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task Queries_HostileStrings_AreParameters_NeverSql(string hostile)
    {
        await Store.WriteAsync(FullBatch(T0), Ct);
        var before = await CountAllAsync();

        Assert.Empty((await Store.GetCoinsAsync(new CoinQuery { Search = hostile, Source = hostile }, Ct)).Items);
        Assert.Empty((await Store.GetCoinsAsync(new CoinQuery { Search = hostile }, Ct)).Items);
        Assert.Empty((await Store.GetProtocolsAsync(new ProtocolQuery { Search = hostile, Category = hostile, Chain = hostile }, Ct)).Items);
        Assert.Empty((await Store.GetProtocolsAsync(new ProtocolQuery { Chain = hostile }, Ct)).Items);
        Assert.Empty((await Store.GetDexPoolsAsync(new DexPoolQuery { Search = hostile, Network = hostile }, Ct)).Items);
        Assert.Empty((await Store.GetNewsAsync(new NewsQuery { Search = hostile, Source = hostile, StoryId = hostile, EntityId = hostile }, Ct)).Items);
        Assert.Empty((await Store.GetNewsAsync(new NewsQuery { Search = hostile }, Ct)).Items);
        Assert.Empty((await Store.GetEntitiesAsync(new EntityQuery { Search = hostile, Kind = hostile }, Ct)).Items);
        Assert.Empty((await Store.GetSignalsAsync(new SignalQuery { Subject = hostile }, Ct)).Items);
        Assert.Null(await Store.GetSignalAsync(hostile.Trim().Length == 0 ? "x" : hostile, Ct));
        Assert.Null(await Store.GetProtocolAsync(hostile.Trim().Length == 0 ? "x" : hostile, Ct));
        Assert.Empty(await Store.GetCoMentionsAsync(hostile.Trim().Length == 0 ? "x" : hostile, cancellationToken: Ct));
        if (hostile.Trim().Length > 0)
        {
            Assert.Empty(await Store.GetPriceHistoryAsync(new AssetId(hostile), T0.AddDays(-1), T0.AddDays(1), HistoryInterval.Hour, hostile, Ct));
            Assert.False(await Store.DeleteWatchlistAsync(hostile, Ct));
            await Store.SaveWatchlistAsync(new Watchlist(hostile, hostile, [new AssetId(hostile)], T0) { Owner = hostile }, Ct);
            var saved = await Store.GetWatchlistAsync(hostile, Ct);
            Assert.Equal(hostile, saved!.Name);
            Assert.Equal(hostile, saved.Owner);
            Assert.True(await Store.DeleteWatchlistAsync(hostile, Ct));
        }

        Assert.Equal(before, await CountAllAsync());
    }

    [Fact]
    public async Task Search_WildcardCharacters_MatchLiterally()
    {
        var batch = new StorageBatch();
        batch.Snapshots.Add(new MarketSnapshot("a-coin", "x", T0, 1m) { Name = "100% real" });
        batch.Snapshots.Add(new MarketSnapshot("b-coin", "x", T0, 1m) { Name = "1000 real" });
        batch.Snapshots.Add(new MarketSnapshot("c-coin", "x", T0, 1m) { Name = "snake_case" });
        batch.Snapshots.Add(new MarketSnapshot("d-coin", "x", T0, 1m) { Name = "snakeXcase" });
        await Store.WriteAsync(batch, Ct);
        Assert.Equal("a-coin", Assert.Single((await Store.GetCoinsAsync(new CoinQuery { Search = "0%" }, Ct)).Items).Asset.Value);
        Assert.Equal("c-coin", Assert.Single((await Store.GetCoinsAsync(new CoinQuery { Search = "e_c" }, Ct)).Items).Asset.Value);
    }

    [Fact]
    public async Task Queries_NulCharacters_AreRefused_AndStrippedFromWrites()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.GetCoinsAsync(new CoinQuery { Search = "a\0b" }, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.GetSignalAsync("a\0", Ct));
        var batch = new StorageBatch();
        batch.News.Add(News("nul", T0, "Title with a \0 NUL"));
        await Store.WriteAsync(batch, Ct);
        Assert.Equal("Title with a  NUL", Assert.Single((await Store.GetNewsAsync(new NewsQuery(), Ct)).Items).Item.Title);
    }

    [Fact]
    public async Task Cursors_Malformed_OrFromAnotherSort_AreRefused()
    {
        await Store.WriteAsync(Cycle(T0), Ct);
        var page = await Store.GetCoinsAsync(new CoinQuery { Limit = 2 }, Ct);
        Assert.NotNull(page.NextCursor);
        await Assert.ThrowsAsync<InvalidCursorException>(() => Store.GetCoinsAsync(new CoinQuery { Cursor = "not a cursor!" }, Ct));
        await Assert.ThrowsAsync<InvalidCursorException>(() => Store.GetCoinsAsync(new CoinQuery { Cursor = "Zm9v" }, Ct));
        await Assert.ThrowsAsync<InvalidCursorException>(() => Store.GetCoinsAsync(new CoinQuery { Cursor = page.NextCursor, Sort = CoinSort.Volume }, Ct));
        await Assert.ThrowsAsync<InvalidCursorException>(() => Store.GetCoinsAsync(new CoinQuery { Cursor = page.NextCursor, Descending = false }, Ct));
        await Assert.ThrowsAsync<InvalidCursorException>(() => Store.GetNewsAsync(new NewsQuery { Cursor = page.NextCursor }, Ct));
        await Assert.ThrowsAsync<InvalidCursorException>(() => Store.GetSignalsAsync(new SignalQuery { Cursor = Cursor.Encode("signals", "x", "y") }, Ct));
        await Assert.ThrowsAsync<InvalidCursorException>(() => Store.GetCoinsAsync(new CoinQuery { Cursor = new string('A', 5000) }, Ct));
    }

    [Fact]
    public async Task Queries_BadArguments_ThrowTypedErrors()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.GetCoinsAsync(new CoinQuery { Limit = 0 }, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.GetCoinsAsync(new CoinQuery { Limit = PageQuery.MaxLimit + 1 }, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.GetCoinsAsync(new CoinQuery { Search = new string('x', 201) }, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.GetCoinsAsync(new CoinQuery { Sort = (CoinSort)42 }, Ct));
        await Assert.ThrowsAsync<ArgumentNullException>(() => Store.GetNewsAsync(null!, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.GetPriceHistoryAsync(AssetId.Bitcoin, T0, T0.AddDays(-1), HistoryInterval.Hour, cancellationToken: Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.GetTrendingEntitiesAsync(TimeSpan.FromMinutes(5), cancellationToken: Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.GetSignalsAsync(new SignalQuery { MinConfidence = 2 }, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.GetMarketOverviewAsync(0, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.SaveWatchlistAsync(new Watchlist(new string('x', 101), "n", [], T0), Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.SaveAlertRuleAsync(new AlertRule("r", "n", T0) { MinConfidence = -1 }, Ct));
    }

    [Fact]
    public async Task GetMarketOverviewAsync_LatestGlobalFearGreedTopAndMovers()
    {
        var empty = await Store.GetMarketOverviewAsync(5, Ct);
        Assert.Null(empty.AsOf);
        Assert.Empty(empty.TopByMarketCap);

        await Store.WriteAsync(Cycle(T0, assets: 20), Ct);
        await Store.WriteAsync(Cycle(T0.AddMinutes(15), assets: 20, seed: 3), Ct);
        var overview = await Store.GetMarketOverviewAsync(3, Ct);
        Assert.Equal(T0.AddMinutes(15), overview.AsOf);
        Assert.Equal(20, overview.AssetCount);
        Assert.Equal(43, overview.FearGreed!.Value);
        Assert.Equal(55.5, overview.Global!.BtcDominancePercent);
        Assert.Equal(["coin-000", "coin-001", "coin-002"], overview.TopByMarketCap.Select(s => s.Asset.Value));
        Assert.Equal(3, overview.TopGainers.Count);
        Assert.True(overview.TopGainers[0].Change24hPercent >= overview.TopGainers[1].Change24hPercent);
        Assert.All(overview.TopGainers, s => Assert.True(s.Change24hPercent > 0));
        Assert.All(overview.TopLosers, s => Assert.True(s.Change24hPercent < 0));
        Assert.Equal(-13.5, overview.TopLosers[0].Change24hPercent);
    }

    [Fact]
    public async Task GetCoinAsync_NewestOverallAndPerSource()
    {
        await Store.WriteAsync(Cycle(T0), Ct);
        var coin = await Store.GetCoinAsync("coin-000", Ct);
        Assert.NotNull(coin);
        Assert.Equal("coingecko", coin.Latest.Source);
        Assert.Equal(2, coin.BySource.Count);
        Assert.Null(await Store.GetCoinAsync("nope", Ct));
    }

    [Fact]
    public async Task GetPriceHistoryAsync_RawHourAndDayBars()
    {
        var batch = new StorageBatch();
        decimal[] prices = [10, 14, 8, 11, 20, 21, 19, 22];
        for (var i = 0; i < prices.Length; i++)
        {
            batch.Snapshots.Add(new MarketSnapshot(AssetId.Bitcoin, "coingecko", T0.AddMinutes(15 * i), prices[i]) { Volume24hUsd = i });
        }

        batch.Snapshots.Add(new MarketSnapshot(AssetId.Bitcoin, "kraken", T0, 1m));
        await Store.WriteAsync(batch, Ct);

        // Written again in another order: the bars do not change.
        var reversed = new StorageBatch();
        foreach (var s in batch.Snapshots.Reverse())
        {
            reversed.Snapshots.Add(s);
        }

        await Store.WriteAsync(reversed, Ct);

        var raw = await Store.GetPriceHistoryAsync(AssetId.Bitcoin, T0, T0.AddHours(2), HistoryInterval.Raw, cancellationToken: Ct);
        Assert.Equal(prices, raw.Select(b => b.Close));
        var hours = await Store.GetPriceHistoryAsync(AssetId.Bitcoin, T0, T0.AddHours(2), HistoryInterval.Hour, "coingecko", Ct);
        Assert.Equal(2, hours.Count);
        Assert.Equal(new PriceBar(T0, 10, 14, 8, 11, 3, null), hours[0]);
        Assert.Equal(new PriceBar(T0.AddHours(1), 20, 22, 19, 22, 7, null), hours[1]);
        var days = await Store.GetPriceHistoryAsync(AssetId.Bitcoin, T0, T0.AddDays(1), HistoryInterval.Day, cancellationToken: Ct);
        Assert.Equal(new PriceBar(T0, 10, 22, 8, 22, 7, null), Assert.Single(days));
        var kraken = await Store.GetPriceHistoryAsync(AssetId.Bitcoin, T0, T0.AddHours(2), HistoryInterval.Raw, "kraken", Ct);
        Assert.Equal(1m, Assert.Single(kraken).Close);
        Assert.Empty(await Store.GetPriceHistoryAsync(AssetId.Ethereum, T0, T0.AddHours(2), HistoryInterval.Raw, cancellationToken: Ct));
    }

    [Fact]
    public async Task GlobalMetricsAndFearGreed_InRange()
    {
        await Store.WriteAsync(Cycle(T0), Ct);
        await Store.WriteAsync(Cycle(T0.AddHours(1), seed: 2), Ct);
        Assert.Equal(2, (await Store.GetGlobalMetricsAsync(T0, T0.AddHours(2), Ct)).Count);
        Assert.Equal([41, 42], (await Store.GetFearGreedAsync(T0, T0.AddHours(2), Ct)).Select(f => f.Value));
        Assert.Single(await Store.GetFearGreedAsync(T0, T0.AddHours(1), Ct));
    }

    [Fact]
    public async Task Defi_ProtocolsTvlHistoryAndChains()
    {
        await Store.WriteAsync(Cycle(T0), Ct);
        await Store.WriteAsync(Cycle(T0.AddDays(1), seed: 2), Ct);
        var all = await Store.GetProtocolsAsync(new ProtocolQuery(), Ct);
        Assert.Equal(["lido", "aave", "raydium"], all.Items.Select(p => p.Slug));
        Assert.Equal(["Ethereum", "Arbitrum"], all.Items[1].Chains);
        var eth = await Store.GetProtocolsAsync(new ProtocolQuery { Chain = "ethereum", Sort = ProtocolSort.Slug, Descending = false }, Ct);
        Assert.Equal(["aave", "lido"], eth.Items.Select(p => p.Slug));
        Assert.Equal("raydium", Assert.Single((await Store.GetProtocolsAsync(new ProtocolQuery { Category = "DEXS" }, Ct)).Items).Slug);
        var page1 = await Store.GetProtocolsAsync(new ProtocolQuery { Sort = ProtocolSort.Change1d, Limit = 2 }, Ct);
        var page2 = await Store.GetProtocolsAsync(new ProtocolQuery { Sort = ProtocolSort.Change1d, Limit = 2, Cursor = page1.NextCursor }, Ct);
        Assert.Equal(["raydium", "aave", "lido"], page1.Items.Concat(page2.Items).Select(p => p.Slug));
        Assert.Null(page2.NextCursor);
        Assert.Equal(30e9m, (await Store.GetProtocolAsync("LIDO", Ct))!.TvlUsd);
        var tvl = await Store.GetTvlHistoryAsync(TvlSeriesKind.Protocol, "Aave", T0, T0.AddDays(2), Ct);
        Assert.Equal([20e9m + 1, 20e9m + 2], tvl.Select(p => p.TvlUsd));
        var chains = await Store.GetChainsAsync(Ct);
        Assert.Equal(["ethereum", "solana"], chains.Select(c => c.Chain));
        Assert.Equal(T0.AddDays(1), chains[0].Timestamp);
        Assert.NotNull(chains[0].Change1dPercent);
        Assert.Equal(((60e9 + 2) / (60e9 + 1) - 1) * 100, chains[0].Change1dPercent!.Value, 9);
    }

    [Fact]
    public async Task GetDexPoolsAsync_NewestPerPool_FilteredAndPaged()
    {
        await Store.WriteAsync(Cycle(T0), Ct);
        await Store.WriteAsync(Cycle(T0.AddMinutes(15), seed: 5_000_000), Ct);
        var pools = await Store.GetDexPoolsAsync(new DexPoolQuery(), Ct);
        Assert.Equal(["eth", "solana"], pools.Items.Select(p => p.Network));
        Assert.Equal(T0.AddMinutes(15), pools.Items[0].Timestamp);
        Assert.Equal("So1", Assert.Single((await Store.GetDexPoolsAsync(new DexPoolQuery { Network = "solana" }, Ct)).Items).Address);
        Assert.Equal("eth", Assert.Single((await Store.GetDexPoolsAsync(new DexPoolQuery { Search = "UNISWAP" }, Ct)).Items).Network);
        var first = await Store.GetDexPoolsAsync(new DexPoolQuery { Sort = DexPoolSort.Liquidity, Limit = 1 }, Ct);
        var second = await Store.GetDexPoolsAsync(new DexPoolQuery { Sort = DexPoolSort.Liquidity, Limit = 1, Cursor = first.NextCursor }, Ct);
        Assert.Equal(["eth", "solana"], first.Items.Concat(second.Items).Select(p => p.Network));
    }

    [Fact]
    public async Task News_FiltersPagesAndStories()
    {
        await Store.WriteAsync(FullBatch(T0), Ct);
        var all = await Store.GetNewsAsync(new NewsQuery(), Ct);
        Assert.Equal(["n3", "n2", "n1"], all.Items.Select(n => n.Item.Id));
        var first = all.Items[2];
        Assert.Equal("s1", first.StoryId);
        Assert.Equal(0.6, first.Sentiment);
        Assert.Equal([AssetId.Bitcoin], first.Assets);
        Assert.Equal(new Uri("https://example.com/n1"), first.Item.Url);
        Assert.Equal(2, first.Item.Votes["positive"]);
        Assert.Equal(["BTC"], first.Item.Currencies);

        Assert.Equal(["n2", "n1"], (await Store.GetNewsAsync(new NewsQuery { Asset = AssetId.Bitcoin }, Ct)).Items.Select(n => n.Item.Id));
        Assert.Equal(["n1"], (await Store.GetNewsAsync(new NewsQuery { EntityId = "etf:ibit" }, Ct)).Items.Select(n => n.Item.Id));
        Assert.Equal(["n2", "n1"], (await Store.GetNewsAsync(new NewsQuery { Search = "INFLOWS" }, Ct)).Items.Select(n => n.Item.Id));
        Assert.Equal(["n3"], (await Store.GetNewsAsync(new NewsQuery { Since = T0.AddMinutes(-15) }, Ct)).Items.Select(n => n.Item.Id));
        var p1 = await Store.GetNewsAsync(new NewsQuery { Limit = 2 }, Ct);
        var p2 = await Store.GetNewsAsync(new NewsQuery { Limit = 2, Cursor = p1.NextCursor }, Ct);
        Assert.Equal(["n3", "n2", "n1"], p1.Items.Concat(p2.Items).Select(n => n.Item.Id));
        Assert.Null(p2.NextCursor);

        var stories = await Store.GetStoriesAsync(new StoryQuery(), Ct);
        Assert.Equal(["n3", "s1"], stories.Items.Select(s => s.Id));
        var s1 = stories.Items[1];
        Assert.Equal("Bitcoin ETF sees record inflows", s1.Title);
        Assert.Equal(2, s1.ItemCount);
        Assert.Equal(0.4, s1.AverageSentiment!.Value, 9);
        Assert.Equal(["outlet-1", "outlet-2"], s1.Sources);
        Assert.Equal(T0.AddMinutes(-30), s1.FirstSeen);
        Assert.Equal(T0.AddMinutes(-20), s1.LastSeen);
        Assert.Equal(["s1"], (await Store.GetStoriesAsync(new StoryQuery { MinItems = 2 }, Ct)).Items.Select(s => s.Id));
        Assert.Equal(["n3"], (await Store.GetStoriesAsync(new StoryQuery { Asset = AssetId.Ethereum }, Ct)).Items.Select(s => s.Id));

        // n2 moves to a story of its own: s1 shrinks.
        var move = new StorageBatch();
        move.News.Add(News("n2", T0.AddMinutes(-20), "Record inflows into bitcoin ETFs", "s2", 0.2, "bitcoin"));
        await Store.WriteAsync(move, Ct);
        var after = await Store.GetStoriesAsync(new StoryQuery(), Ct);
        Assert.Equal(["n3", "s2", "s1"], after.Items.Select(s => s.Id));
        Assert.Equal(1, after.Items[2].ItemCount);
    }

    [Fact]
    public async Task Entities_ListDetailTrendingCoMentions()
    {
        await Store.WriteAsync(FullBatch(T0), Ct);
        var all = await Store.GetEntitiesAsync(new EntityQuery(), Ct);
        Assert.Equal("coin:bitcoin", all.Items[0].EntityId);
        Assert.Equal(2, all.Items[0].Mentions);
        Assert.Equal(3, all.Items.Count);
        Assert.Equal(["etf:ibit"], (await Store.GetEntitiesAsync(new EntityQuery { Kind = "ETF" }, Ct)).Items.Select(e => e.EntityId));
        Assert.Equal(["etf:ibit"], (await Store.GetEntitiesAsync(new EntityQuery { Search = "ishares" }, Ct)).Items.Select(e => e.EntityId));
        var window = await Store.GetEntitiesAsync(new EntityQuery { Since = T0.AddMinutes(-25) }, Ct);
        Assert.Equal(["coin:ethereum", "coin:bitcoin"], window.Items.Select(e => e.EntityId)); // one each: ties go by id, descending
        Assert.Equal(1, window.Items[0].Mentions);
        var p1 = await Store.GetEntitiesAsync(new EntityQuery { Sort = EntitySort.EntityId, Descending = false, Limit = 2 }, Ct);
        var p2 = await Store.GetEntitiesAsync(new EntityQuery { Sort = EntitySort.EntityId, Descending = false, Limit = 2, Cursor = p1.NextCursor }, Ct);
        Assert.Equal(["coin:bitcoin", "coin:ethereum", "etf:ibit"], p1.Items.Concat(p2.Items).Select(e => e.EntityId));

        var btc = await Store.GetEntityAsync("coin:bitcoin", Ct);
        Assert.Equal(AssetId.Bitcoin, btc!.Asset);
        Assert.Equal(T0.AddMinutes(-30), btc.FirstSeen);
        Assert.Null(await Store.GetEntityAsync("nope", Ct));

        Time.SetUtcNow(T0.AddMinutes(5));
        var trending = await Store.GetTrendingEntitiesAsync(TimeSpan.FromHours(1), 10, Ct);
        Assert.Equal("coin:bitcoin", trending[0].Entity.EntityId);
        Assert.Equal(2, trending[0].RecentMentions);
        Assert.Equal(3.0, trending[0].Score);
        Time.SetUtcNow(T0.AddDays(10));
        Assert.Empty(await Store.GetTrendingEntitiesAsync(TimeSpan.FromHours(1), 10, Ct));

        var co = await Store.GetCoMentionsAsync("coin:bitcoin", cancellationToken: Ct);
        Assert.Equal("etf:ibit", Assert.Single(co).EntityId);
        Assert.Equal(1, co[0].Count);
    }

    [Fact]
    public async Task Signals_NewIdsFiltersEvidenceOutcomesStatisticsTrackRecord()
    {
        var batch = FullBatch(T0);
        batch.Signals.Add(Signal(SignalKind.VolumeSpike, "coin-003", T0.AddMinutes(15), SignalDirection.Down, 0.5, "coin-003"));
        var written = await Store.WriteAsync(batch, Ct);
        Assert.Equal(3, written.NewSignalIds.Count);

        var all = await Store.GetSignalsAsync(new SignalQuery(), Ct);
        Assert.Equal(3, all.Items.Count);
        Assert.Equal("coin-003", all.Items[0].Subject);
        Assert.Equal(2, (await Store.GetSignalsAsync(new SignalQuery { Kind = SignalKind.VolumeSpike }, Ct)).Items.Count);
        Assert.Single((await Store.GetSignalsAsync(new SignalQuery { Asset = "coin-002" }, Ct)).Items);
        Assert.Single((await Store.GetSignalsAsync(new SignalQuery { MinConfidence = 0.8 }, Ct)).Items);
        Assert.Equal(2, (await Store.GetSignalsAsync(new SignalQuery { Direction = SignalDirection.Down }, Ct)).Items.Count);
        var p1 = await Store.GetSignalsAsync(new SignalQuery { Limit = 2 }, Ct);
        var p2 = await Store.GetSignalsAsync(new SignalQuery { Limit = 2, Cursor = p1.NextCursor }, Ct);
        Assert.Equal(all.Items.Select(s => s.Id), p1.Items.Concat(p2.Items).Select(s => s.Id));

        var original = batch.Signals[0];
        var outcomes = new StorageBatch();
        outcomes.Outcomes.Add(new SignalOutcome(original.Id, "1h", T0.AddHours(1), 2.5, true));
        outcomes.Outcomes.Add(new SignalOutcome(original.Id, "24h", T0.AddDays(1), -1, false));
        outcomes.Outcomes.Add(new SignalOutcome(batch.Signals[1].Id, "24h", T0.AddDays(1), -3, true));
        await Store.WriteAsync(outcomes, Ct);

        var stored = await Store.GetSignalAsync(original.Id, Ct);
        Assert.NotNull(stored);
        Assert.Equal(original.Evidence, stored.Signal.Evidence);
        Assert.Equal(original.Entities, stored.Signal.Entities);
        Assert.Equal(original with { Evidence = stored.Signal.Evidence, Entities = stored.Signal.Entities }, stored.Signal);
        Assert.Equal(["1h", "24h"], stored.Outcomes.Select(o => o.Horizon));

        var stats = await Store.GetSignalStatisticsAsync(T0.AddDays(-1), Ct);
        Assert.Equal(3, stats.Total);
        var spikes = stats.ByKind.Single(k => k.Kind == SignalKind.VolumeSpike);
        Assert.Equal((2, 1, 1), (spikes.Count, spikes.Up, spikes.Down));
        Assert.Equal(0.6, spikes.AverageConfidence, 9);

        var record = await Store.GetTrackRecordAsync(cancellationToken: Ct);
        var day = record.Single(r => r.Kind == SignalKind.PriceMove && r.Horizon == "24h");
        Assert.Equal((1, 1, 1.0), (day.Evaluated, day.Hits, day.HitRate));
        Assert.Equal(2, (await Store.GetTrackRecordAsync(SignalKind.VolumeSpike, cancellationToken: Ct)).Count);

        var awaiting = await Store.GetSignalsAwaitingOutcomeAsync("24h", T0.AddDays(1), cancellationToken: Ct);
        Assert.Equal(["coin-003"], awaiting.Select(s => s.Subject));
        Assert.Empty(await Store.GetSignalsAwaitingOutcomeAsync("24h", T0.AddDays(1), detectedFrom: T0.AddDays(1), cancellationToken: Ct));
        Assert.Equal(3, (await Store.GetSignalsAwaitingOutcomeAsync("7d", T0.AddDays(1), detectedFrom: T0.AddDays(-1), cancellationToken: Ct)).Count);
        Assert.Equal(["coin-003"], (await Store.GetSignalsAwaitingOutcomeAsync("7d", T0.AddDays(1), detectedFrom: T0.AddMinutes(15), cancellationToken: Ct)).Select(s => s.Subject));
    }

    [Fact]
    public async Task SourcesQuotaAndCycles()
    {
        await Store.WriteAsync(Cycle(T0), Ct);
        await Store.WriteAsync(Cycle(T0.AddMinutes(15), seed: 2), Ct);
        var later = new StorageBatch();
        later.SourceStatuses.Add(new SourceStatus("kraken", T0.AddMinutes(30), true) { DurationMs = 10 });
        await Store.WriteAsync(later, Ct);

        var health = await Store.GetSourceHealthAsync(Ct);
        Assert.Equal(["coingecko", "kraken"], health.Select(h => h.Latest.Source));
        Assert.Equal(2, health[0].Runs24h);
        Assert.Equal(0, health[0].Failures24h);
        Assert.Equal(3, health[1].Runs24h);
        Assert.Equal(2, health[1].Failures24h);
        Assert.True(health[1].Latest.Succeeded);
        Assert.Equal(T0.AddMinutes(30), health[1].LastSuccessAt);
        Assert.Equal(T0.AddMinutes(15), health[0].LastSuccessAt);

        var quota = Assert.Single(await Store.GetQuotaUsageAsync(Ct));
        Assert.Equal((102L, (long?)10_000), (quota.Used, quota.Limit));

        var cycles = await Store.GetCyclesAsync(1, cancellationToken: Ct);
        Assert.Equal(T0.AddMinutes(15), Assert.Single(cycles.Items).StartedAt);
        Assert.Equal(20, cycles.Items[0].Counts["snapshots"]);
        var next = await Store.GetCyclesAsync(1, cycles.NextCursor, Ct);
        Assert.Equal(T0, Assert.Single(next.Items).StartedAt);
        Assert.Null(next.NextCursor);
    }

    [Fact]
    public async Task WatchlistsAndAlertRules_CreateListReplaceDelete()
    {
        await Store.SaveWatchlistAsync(new Watchlist("w1", "Majors", [AssetId.Bitcoin, AssetId.Ethereum], T0) { Owner = "alice" }, Ct);
        await Store.SaveWatchlistAsync(new Watchlist("w2", "Alts", ["solana"], T0.AddMinutes(1)), Ct);
        Assert.Equal(["w1", "w2"], (await Store.GetWatchlistsAsync(cancellationToken: Ct)).Select(w => w.Id));
        Assert.Equal(["w1"], (await Store.GetWatchlistsAsync("alice", Ct)).Select(w => w.Id));
        await Store.SaveWatchlistAsync(new Watchlist("w1", "Majors+", [AssetId.Bitcoin], T0) { Owner = "alice" }, Ct);
        var w1 = await Store.GetWatchlistAsync("w1", Ct);
        Assert.Equal("Majors+", w1!.Name);
        Assert.Equal([AssetId.Bitcoin], w1.Assets);
        Assert.True(await Store.DeleteWatchlistAsync("w1", Ct));
        Assert.False(await Store.DeleteWatchlistAsync("w1", Ct));
        Assert.Null(await Store.GetWatchlistAsync("w1", Ct));

        var rule = new AlertRule("r1", "Big BTC moves", T0) { Kind = SignalKind.PriceMove, Asset = AssetId.Bitcoin, Direction = SignalDirection.Down, MinConfidence = 0.8, WatchlistId = "w2", Owner = "bob" };
        await Store.SaveAlertRuleAsync(rule, Ct);
        await Store.SaveAlertRuleAsync(new AlertRule("r2", "Anything", T0.AddMinutes(1)) { Enabled = false }, Ct);
        Assert.Equal(rule, await Store.GetAlertRuleAsync("r1", Ct));
        Assert.Equal(["r1", "r2"], (await Store.GetAlertRulesAsync(cancellationToken: Ct)).Select(r => r.Id));
        Assert.Equal(["r1"], (await Store.GetAlertRulesAsync("bob", Ct)).Select(r => r.Id));
        Assert.False((await Store.GetAlertRuleAsync("r2", Ct))!.Enabled);
        Assert.True(await Store.DeleteAlertRuleAsync("r1", Ct));
        Assert.Null(await Store.GetAlertRuleAsync("r1", Ct));
    }

    [Fact]
    public async Task CompactAsync_DeletesRawBeyondRetention_KeepsHourlyBars()
    {
        await Store.WriteAsync(Cycle(T0, assets: 5), Ct);
        await Store.WriteAsync(Cycle(T0.AddDays(20), assets: 5), Ct);
        Time.SetUtcNow(T0.AddDays(31));
        var deleted = await Store.CompactAsync(Ct);
        Assert.Equal(6 + 2 + 2, deleted); // the first cycle's 6 snapshots, 2 source statuses, 2 DEX pool figures
        Assert.Equal(6, await Store.CountRowsAsync("snapshots", Ct));
        Assert.Equal(12, await Store.CountRowsAsync("hourly_bars", Ct));
        var hours = await Store.GetPriceHistoryAsync("coin-001", T0, T0.AddDays(30), HistoryInterval.Hour, cancellationToken: Ct);
        Assert.Equal(2, hours.Count);
        Assert.Empty(await Store.GetPriceHistoryAsync("coin-001", T0, T0.AddDays(1), HistoryInterval.Raw, cancellationToken: Ct));
        Assert.Equal(0, await Store.CompactAsync(Ct));
    }
}
