using CryptoIntel.Pipeline;
using CryptoIntel.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CryptoIntel.Worker.Tests;

/// <summary>
/// Twenty-four hours of the worker at its 15-minute cadence, in virtual time, with every source answering from the
/// demo recordings behind a stand-in for the provider that enforces its real free-plan limits.
/// </summary>
public class BudgetSimulationTests
{
    /// <summary>
    /// The documented free-plan limits (../shared/fixtures/API-NOTES.md), which the client-side defaults must stay
    /// inside; 0 where the provider documents none (then only its 429s are counted).
    /// </summary>
    public static readonly ProviderLimits[] RealLimits =
    [
        new("coingecko", 30, 10_000),       // Demo: ~30/min, 10,000 calls/month
        new("coinmarketcap", 30, 10_000),   // Basic: ~30/min, 10,000 credits/month (1 credit per call here)
        new("defillama", 300, 0),           // fair use ~300/min per IP
        new("kraken", 60, 0),               // public: ~1/s
        new("cryptopanic", 0, 0),           // RSS: none documented
        new("news", 0, 0),                  // RSS: none documented
        new("feargreed", 0, 0),             // none documented
        new("binance", 600, 0),             // 6,000 weight/min per IP; 24h ticker of 5 symbols weighs 10
        new("geckoterminal", 30, 0),        // 30 calls/min
    ];

    [Fact]
    public async Task Worker_TwentyFourHoursAtFifteenMinutes_StaysInsideEveryFreeBudgetWithNo429()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 3, 0, 0, 0, TimeSpan.Zero));
        var upstream = RealLimits.ToDictionary(l => l.Provider, l => new UpstreamLimits(l, time));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        var db = Path.Combine(Path.GetTempPath(), "ci-budget-" + Guid.NewGuid().ToString("N") + ".db");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["CryptoIntel:Storage:SqlitePath"] = db }).Build();
        services.AddCollectionWorker(configuration, sources => sources.ReplayDirectory = WorkerPaths.DemoReplay);
        foreach (var (name, limits) in upstream)
        {
            services.AddHttpClient("CryptoIntel.Sources." + name).AddHttpMessageHandler(limits.CreateHandler);
        }

        await using var provider = services.BuildServiceProvider();
        var cycle = provider.GetRequiredService<CollectionCycle>();
        Assert.All(cycle.CheckBudgets(), plan => Assert.True(plan.Fits, plan.Describe()));

        for (var i = 0; i < 96; i++)
        {
            var summary = await cycle.RunAsync(TestContext.Current.CancellationToken);
            Assert.All(summary.Sources, s => Assert.True(s.Succeeded, $"cycle {i}: {s.Source}: {s.Error}"));
            time.Advance(TimeSpan.FromMinutes(15));
        }

        foreach (var (name, limits) in upstream)
        {
            Assert.Equal(0, limits.Rejected);
            Assert.True(limits.Sent > 0, name + " was never called");
            Assert.True(limits.Limits.PerMinute == 0 || limits.PeakPerMinute <= limits.Limits.PerMinute, $"{name}: {limits.PeakPerMinute} requests in one minute");
            if (limits.Limits.Monthly > 0)
            {
                // A day may spend at most its share of the month (31-day month: the tightest share).
                Assert.True(limits.Sent <= limits.Limits.Monthly / 31.0, $"{name}: {limits.Sent} requests in a day, share {limits.Limits.Monthly / 31.0:0}");
            }

            TestContext.Current.TestOutputHelper?.WriteLine($"{name}: {limits.Sent} requests in 24 h, peak {limits.PeakPerMinute}/min, 0 rejected");
        }
    }
}

internal static class WorkerPaths
{
    public static string DemoReplay { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples", "CryptoIntel.Worker", "replay");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("samples/CryptoIntel.Worker/replay not found above " + AppContext.BaseDirectory);
    }
}
