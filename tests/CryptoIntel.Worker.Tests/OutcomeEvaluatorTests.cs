using CryptoIntel.Pipeline;
using CryptoIntel.Pipeline.Internal;
using CryptoIntel.Signals.Confidence;
using CryptoIntel.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CryptoIntel.Worker.Tests;

public sealed class OutcomeEvaluatorTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ci-outcomes-" + Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public async Task StoredSignals_PastTheirHorizon_GetOutcomesFromTheStoredHistory_Once()
    {
        await using var provider = BuildStore();
        var store = provider.GetRequiredService<ICryptoIntelStore>();
        await provider.GetRequiredService<IStorageMaintenance>().MigrateAsync(Ct);

        // Bitcoin at 100 every 15 minutes for two days, 104 from T0 + 5 h to T0 + 6 h; Aave's TVL falls 10 % on day 2.
        var history = new StorageBatch();
        for (var t = T0; t <= T0.AddDays(4); t = t.AddMinutes(15))
        {
            var price = t >= T0.AddHours(5) && t < T0.AddHours(6) ? 104m : 100m;
            history.Snapshots.Add(new MarketSnapshot(AssetId.Bitcoin, "kraken", t, price));
        }

        for (var day = 0; day <= 4; day++)
        {
            history.Tvl.Add(new TvlPoint(TvlSeriesKind.Protocol, "aave", T0.AddDays(day), day >= 2 ? 9_000_000m : 10_000_000m));
        }

        var up = MakeSignal("bitcoin", SignalDirection.Up, T0, asset: true);
        var down = MakeSignal("bitcoin", SignalDirection.Down, T0, asset: true);
        var tooRecent = MakeSignal("bitcoin", SignalDirection.Up, T0.AddDays(3).AddHours(12), asset: true);
        var market = MakeSignal("market", SignalDirection.Up, T0, asset: false);
        var tvlOut = MakeSignal("protocol:aave", SignalDirection.Down, T0.AddDays(1), asset: false);
        foreach (var s in (Signal[])[up, down, tooRecent, market, tvlOut])
        {
            history.Signals.Add(s);
        }

        await store.WriteAsync(history, Ct);

        var evaluator = new OutcomeEvaluator(store, new SignalOutcomeOptions(), TimeSpan.FromDays(7));
        var now = T0.AddDays(4).AddHours(1);
        var batch = new StorageBatch();
        Assert.Equal(3, await evaluator.EvaluateAsync(batch, now, Ct));
        await store.WriteAsync(batch, Ct);

        var upOutcome = Assert.Single((await store.GetSignalAsync(up.Id, Ct))!.Outcomes);
        Assert.Equal(("24h", true, 0.0), (upOutcome.Horizon, upOutcome.Hit, upOutcome.ReturnPercent));
        var downOutcome = Assert.Single((await store.GetSignalAsync(down.Id, Ct))!.Outcomes);
        Assert.False(downOutcome.Hit);
        var tvlOutcome = Assert.Single((await store.GetSignalAsync(tvlOut.Id, Ct))!.Outcomes);
        Assert.Equal(("72h", true), (tvlOutcome.Horizon, tvlOutcome.Hit));
        Assert.Equal(10, tvlOutcome.ReturnPercent, 6);
        Assert.Empty((await store.GetSignalAsync(tooRecent.Id, Ct))!.Outcomes);
        Assert.Empty((await store.GetSignalAsync(market.Id, Ct))!.Outcomes);

        // Decided once: the next cycle finds nothing new to judge.
        Assert.Equal(0, await evaluator.EvaluateAsync(new StorageBatch(), now.AddMinutes(15), Ct));

        // Past the look-back window a signal is no longer tried.
        var late = new OutcomeEvaluator(store, new SignalOutcomeOptions(), TimeSpan.FromHours(1));
        Assert.Equal(0, await late.EvaluateAsync(new StorageBatch(), T0.AddDays(30), Ct));
    }

    [Fact]
    public async Task TheCycle_EvaluatesOutcomes_WhenAStoreIsRegistered()
    {
        await using var provider = BuildStore();
        var cycle = provider.GetRequiredService<CollectionCycle>();
        var summary = await cycle.RunAsync(Ct);
        Assert.True(summary.Counts.ContainsKey("outcomes"));
        Assert.Null(summary.Error);
    }

    private ServiceProvider BuildStore()
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["CryptoIntel:Storage:SqlitePath"] = Path.Combine(_dir, "store.db") })
            .Build();
        services.AddCollectionWorker(configuration, sources => sources.ReplayDirectory = WorkerPaths.DemoReplay);
        return services.BuildServiceProvider();
    }

    private static Signal MakeSignal(string subject, SignalDirection direction, DateTimeOffset at, bool asset) =>
        new(Signal.CreateId(SignalKind.PriceMove, subject, "test-" + direction, "1", at), SignalKind.PriceMove, subject, direction, 1, 0.6, at, "test-" + direction, "1")
        {
            Asset = asset ? new AssetId(subject) : (AssetId?)null,
        };
}
