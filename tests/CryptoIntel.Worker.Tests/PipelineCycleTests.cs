using CryptoIntel.Pipeline;
using CryptoIntel.Storage;
using CryptoIntel.Storage.Internal;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CryptoIntel.Worker.Tests;

/// <summary>The whole pipeline against the replayed recordings, stored in a SQLite file.</summary>
public sealed class PipelineCycleTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 3, 0, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ci-pipeline-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(Start);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private ServiceProvider Build(string replay, Dictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_time);
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        settings ??= [];
        settings["CryptoIntel:Storage:SqlitePath"] = Path.Combine(_dir, "store.db");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        services.AddCollectionWorker(configuration, sources => sources.ReplayDirectory = replay);
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    private static async Task<Dictionary<string, long>> CountAsync(IServiceProvider provider)
    {
        var store = (SqlStore)provider.GetRequiredService<ICryptoIntelStore>();
        var counts = new Dictionary<string, long>();
        foreach (var table in SqlStore.TableNames)
        {
            counts[table] = await store.CountRowsAsync(table, Ct);
        }

        return counts;
    }

    [Fact(Timeout = 120000)]
    public async Task RunAsync_ReplayedSources_StoresEveryKindOfRow_AndIsIdempotentOnRerun()
    {
        await using var provider = Build(WorkerPaths.DemoReplay);
        var cycle = provider.GetRequiredService<CollectionCycle>();

        var summary = await cycle.RunAsync(Ct);

        Assert.Null(summary.Error);
        Assert.All(summary.Sources, s => Assert.True(s.Succeeded, s.Source + ": " + s.Error));
        var counts = await CountAsync(provider);
        Assert.True(counts["snapshots"] >= 250, "snapshots: " + counts["snapshots"]);
        Assert.Equal(counts["snapshots"], summary.Counts["snapshots"]);
        Assert.True(counts["news"] > 0);
        Assert.True(counts["stories"] > 0);
        Assert.True(counts["mentions"] > 0, "entities were extracted from the news");
        Assert.True(counts["protocols"] > 0);
        Assert.True(counts["tvl_points"] > 0);
        Assert.True(counts["dex_pools"] > 0);
        Assert.Equal(1, counts["fear_greed"]);
        Assert.Equal(2, counts["global_metrics"]);
        Assert.Equal(summary.Sources.Count, counts["source_status"]);
        Assert.Equal(1, counts["cycles"]);

        var store = provider.GetRequiredService<ICryptoIntelStore>();
        var coins = await store.GetCoinsAsync(new CoinQuery { Limit = 3 }, Ct);
        Assert.Equal("bitcoin", coins.Items[0].Asset.Value);
        var health = await store.GetSourceHealthAsync(Ct);
        Assert.Equal(summary.Sources.Count, health.Count);
        Assert.Contains(await store.GetQuotaUsageAsync(Ct), q => q.Source == "coingecko" && q.Used == 3 && q.Limit == 10_000);
        var news = await store.GetNewsAsync(new NewsQuery { Limit = 500 }, Ct);
        Assert.All(news.Items, n => Assert.Contains(n.SentimentLabel, (string[])["negative", "neutral", "positive"])); // every headline scored

        // The same cycle again (same clock, same answers): the same rows.
        await cycle.RunAsync(Ct);
        Assert.Equal(counts.Where(kv => kv.Key != "quota_usage"), (await CountAsync(provider)).Where(kv => kv.Key != "quota_usage"));
    }

    [Fact(Timeout = 120000)]
    public async Task RunAsync_OneSourceFails_TheOthersAreStored_AndTheFailureIsRecorded()
    {
        var replay = Path.Combine(_dir, "replay");
        foreach (var provider in new[] { "coingecko", "defillama", "feargreed" })
        {
            CopyDirectory(Path.Combine(WorkerPaths.DemoReplay, provider), Path.Combine(replay, provider));
        }

        Directory.CreateDirectory(Path.Combine(replay, "coinmarketcap"));
        await using var services = Build(replay, new()
        {
            ["CryptoIntel:Sources:Kraken:Enabled"] = "false",
            ["CryptoIntel:Sources:CryptoPanic:Enabled"] = "false",
            ["CryptoIntel:Sources:News:Enabled"] = "false",
            ["CryptoIntel:Sources:Binance:Enabled"] = "false",
            ["CryptoIntel:Sources:GeckoTerminal:Enabled"] = "false",
            ["CryptoIntel:Sources:CoinMarketCap:MaxRetryAttempts"] = "0",
        });

        var summary = await services.GetRequiredService<CollectionCycle>().RunAsync(Ct);

        Assert.False(summary.Sources.Single(s => s.Source == "coinmarketcap").Succeeded);
        var store = services.GetRequiredService<ICryptoIntelStore>();
        Assert.Empty((await store.GetCoinsAsync(new CoinQuery { Source = "coinmarketcap" }, Ct)).Items);
        Assert.Equal(250, (await store.GetCoinsAsync(new CoinQuery { Source = "coingecko", Limit = 500 }, Ct)).Items.Count);
        var cmc = (await store.GetSourceHealthAsync(Ct)).Single(h => h.Latest.Source == "coinmarketcap");
        Assert.False(cmc.Latest.Succeeded);
        Assert.Equal("HttpError", cmc.Latest.ErrorKind);
        var cycleRecord = Assert.Single((await store.GetCyclesAsync(cancellationToken: Ct)).Items);
        Assert.Equal((3, 4), (cycleRecord.SourcesSucceeded, cycleRecord.SourcesTotal));
    }

    [Fact(Timeout = 120000)]
    public async Task RunAsync_Detectors_NewSignalsStoredAndPublishedOnce_AFailingDetectorDoesNotStopTheCycle()
    {
        var publisher = new RecordingPublisher();
        await using var provider = Build(WorkerPaths.DemoReplay, configure: s =>
        {
            s.AddSingleton<ICycleSignalDetector, BitcoinDetector>();
            s.AddSingleton<ICycleSignalDetector, BrokenDetector>();
            s.AddSingleton<ISignalPublisher>(publisher);
        });
        var cycle = provider.GetRequiredService<CollectionCycle>();

        var first = await cycle.RunAsync(Ct);
        var second = await cycle.RunAsync(Ct);

        Assert.Contains("detector broken", first.Error, StringComparison.Ordinal);
        var mine = Assert.Single(first.NewSignals, s => s.Detector == "test");
        // The worker registers AddSignals, so CryptoIntel.Signals' detectors run too: the recorded Kraken and
        // CoinMarketCap ether prices are ~8 % apart, a cross-source divergence.
        Assert.Contains(first.NewSignals, s => s.Kind == SignalKind.PriceDivergence && s.Subject == "ethereum");
        Assert.Empty(second.NewSignals);
        var published = Assert.Single(publisher.Batches);
        Assert.Equal(first.NewSignals.Select(s => s.Id), published.Select(s => s.Id));
        var stored = await provider.GetRequiredService<ICryptoIntelStore>().GetSignalAsync(mine.Id, Ct);
        Assert.Equal("bitcoin", stored!.Signal.Subject);
    }

    [Fact(Timeout = 120000)]
    public async Task RunAsync_WithRealtimeRedis_PublishesNewSignalsToTheHubsStreams()
    {
        var redis = CryptoIntel.Testing.TestServices.RequireRedis();
        var prefix = $"cryptointel:test:{Guid.NewGuid():N}:";
        await using var provider = Build(WorkerPaths.DemoReplay, new()
        {
            ["CryptoIntel:Realtime:Redis"] = redis,
            ["CryptoIntel:Realtime:Redis:KeyPrefix"] = prefix,
            ["CryptoIntel:Pipeline:Enabled"] = "false",
        }, s => s.AddSingleton<ICycleSignalDetector, BitcoinDetector>());
        var hosted = provider.GetServices<Microsoft.Extensions.Hosting.IHostedService>().ToList();
        foreach (var service in hosted)
        {
            await service.StartAsync(Ct);
        }

        try
        {
            var summary = await provider.GetRequiredService<CollectionCycle>().RunAsync(Ct);
            Assert.Contains(summary.NewSignals, s => s.Detector == "test");

            // Every new signal is on the 'all' topic's Redis Stream, where the web hosts' hubs read and resume from.
            await using var connection = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(redis);
            var db = connection.GetDatabase();
            Assert.Equal(summary.NewSignals.Count, await db.StreamLengthAsync(prefix + "s:all"));
            await db.KeyDeleteAsync([.. connection.GetServer(connection.GetEndPoints()[0]).Keys(pattern: prefix + "*")]);
        }
        finally
        {
            foreach (var service in hosted)
            {
                await service.StopAsync(Ct);
            }
        }
    }

    [Fact(Timeout = 120000)]
    public async Task HostedService_RunsAtStart_ThenOnTheCronSchedule()
    {
        await using var provider = Build(WorkerPaths.DemoReplay, new() { ["CryptoIntel:Pipeline:Schedule"] = "*/15 * * * *" });
        var store = (SqlStore)provider.GetRequiredService<ICryptoIntelStore>();
        var services = provider.GetServices<IHostedService>().ToList();
        foreach (var s in services)
        {
            await s.StartAsync(Ct);
        }

        await WaitForAsync(async () => await store.CountRowsAsync("cycles", Ct) == 1);
        _time.Advance(TimeSpan.FromMinutes(15));
        await WaitForAsync(async () => await store.CountRowsAsync("cycles", Ct) == 2);
        foreach (var s in services)
        {
            await s.StopAsync(Ct);
        }

        var cycles = await store.GetCyclesAsync(cancellationToken: Ct);
        Assert.Equal([Start.AddMinutes(15), Start], cycles.Items.Select(c => c.StartedAt));
    }

    [Fact]
    public void AddCollectionPipeline_BadSchedule_FailsAtStart()
    {
        using var provider = Build(WorkerPaths.DemoReplay, new() { ["CryptoIntel:Pipeline:Schedule"] = "every now and then" });
        var e = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => provider.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate());
        Assert.Contains("not a cron expression", e.Message, StringComparison.Ordinal);
    }

    // Waits for background work that the virtual clock released; the clock itself never waits.
    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 600 && !await condition(); i++)
        {
            await Task.Delay(50, Ct);
        }

        Assert.True(await condition());
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }

    private sealed class BitcoinDetector : ICycleSignalDetector
    {
        public string Name => "bitcoin";

        public ValueTask<IReadOnlyList<Signal>> DetectAsync(CollectionContext cycle, CancellationToken cancellationToken)
        {
            var btc = cycle.Batch.Snapshots.First(s => s.Asset == AssetId.Bitcoin);
            var at = new DateTimeOffset(btc.Timestamp.Date, TimeSpan.Zero);
            IReadOnlyList<Signal> signals = [new Signal(Signal.CreateId(SignalKind.PriceMove, "bitcoin", "test", "1", at), SignalKind.PriceMove, "bitcoin", SignalDirection.Up, 1, 0.8, at, "test", "1") { Asset = AssetId.Bitcoin }];
            return ValueTask.FromResult(signals);
        }
    }

    private sealed class BrokenDetector : ICycleSignalDetector
    {
        public string Name => "broken";

        public ValueTask<IReadOnlyList<Signal>> DetectAsync(CollectionContext cycle, CancellationToken cancellationToken) => throw new InvalidOperationException("bug");
    }

    private sealed class RecordingPublisher : ISignalPublisher
    {
        public List<IReadOnlyList<Signal>> Batches { get; } = [];

        public ValueTask PublishAsync(IReadOnlyList<Signal> signals, CancellationToken cancellationToken = default)
        {
            Batches.Add(signals);
            return ValueTask.CompletedTask;
        }
    }
}
