using CryptoIntel.Pipeline;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CryptoIntel.Worker.Tests;

public sealed class CollectionCycleTests : IDisposable
{
    private readonly string _replay = Path.Combine(Path.GetTempPath(), "ci-worker-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_replay))
        {
            Directory.Delete(_replay, recursive: true);
        }
    }

    private ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 11, 3, 0, 0, 0, TimeSpan.Zero)));
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        settings["CryptoIntel:Storage:SqlitePath"] = Path.Combine(_replay, "store.db");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        services.AddCollectionWorker(configuration, sources => sources.ReplayDirectory = _replay);
        return services.BuildServiceProvider();
    }

    [Fact(Timeout = 60000)]
    public async Task RunAsync_OneSourceFails_OthersStillCollectAndTheFailureIsReported()
    {
        // Only CoinGecko and DeFi Llama have recordings: CoinMarketCap answers 404 for everything.
        foreach (var provider in new[] { "coingecko", "defillama" })
        {
            CopyDirectory(Path.Combine(WorkerPaths.DemoReplay, provider), Path.Combine(_replay, provider));
        }

        Directory.CreateDirectory(Path.Combine(_replay, "coinmarketcap"));
        await using var provider2 = Build(new()
        {
            ["CryptoIntel:Sources:Kraken:Enabled"] = "false",
            ["CryptoIntel:Sources:CryptoPanic:Enabled"] = "false",
            ["CryptoIntel:Sources:News:Enabled"] = "false",
            ["CryptoIntel:Sources:FearGreed:Enabled"] = "false",
            ["CryptoIntel:Sources:Binance:Enabled"] = "false",
            ["CryptoIntel:Sources:GeckoTerminal:Enabled"] = "false",
            ["CryptoIntel:Sources:CoinMarketCap:MaxRetryAttempts"] = "0",
        });
        var cycle = provider2.GetRequiredService<CollectionCycle>();

        var summary = await cycle.RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["coingecko", "coinmarketcap", "defillama"], summary.Sources.Select(s => s.Source).Order());
        Assert.True(summary.AnySucceeded);
        var cmc = summary.Sources.Single(s => s.Source == "coinmarketcap");
        Assert.False(cmc.Succeeded);
        Assert.Equal("HttpError", cmc.ErrorKind);
        Assert.Contains("no recorded exchange", cmc.Error, StringComparison.Ordinal);
        Assert.Equal(250, summary.Sources.Single(s => s.Source == "coingecko").Items["markets"]);
        Assert.True(summary.Sources.Single(s => s.Source == "defillama").Succeeded);
    }

    [Fact(Timeout = 60000)]
    public async Task CheckBudgets_CadenceTooFastForTheQuota_SaysSoAndWhatWouldFit()
    {
        await using var provider = Build(new() { ["CryptoIntel:Pipeline:Schedule"] = "*/5 * * * *" });
        var plans = provider.GetRequiredService<CollectionCycle>().CheckBudgets();

        var coinGecko = plans.Single(p => p.Provider == "coingecko");
        Assert.False(coinGecko.Fits);
        Assert.Equal(26_784, coinGecko.ProjectedMonthlyCredits);
        Assert.Equal(1, coinGecko.MaxCreditsPerCycle);
        Assert.Contains("DOES NOT FIT", coinGecko.Describe(), StringComparison.Ordinal);
        Assert.True(plans.Single(p => p.Provider == "defillama").Fits); // no monthly quota
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
