using BenchmarkDotNet.Attributes;
using CryptoIntel.Pipeline;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CryptoIntel.Benchmarks;

/// <summary>
/// One full collection cycle against the worker's replayed recordings (nine sources, 250 markets, DeFi, news, pools):
/// collect in parallel, extract entities, store in one SQLite transaction. The virtual clock moves 15 minutes before
/// each cycle, so every source is called again (no cache hits) and every cycle writes new rows, as in production.
/// </summary>
[MemoryDiagnoser]
public class PipelineCycleBenchmarks
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 3, 0, 0, 0, TimeSpan.Zero));
    private string _dir = string.Empty;
    private ServiceProvider? _services;
    private CollectionCycle? _cycle;

    [GlobalSetup]
    public void Setup()
    {
        _dir = Path.Combine(Path.GetTempPath(), "ci-bench-" + Guid.NewGuid().ToString("N"));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_time);
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["CryptoIntel:Storage:SqlitePath"] = Path.Combine(_dir, "store.db") }).Build();
        var builder = services.AddCryptoIntel();
        builder.AddSources(config.GetSection("CryptoIntel:Sources"));
        builder.ConfigureSources(o => o.ReplayDirectory = FindReplay());
        builder.AddStorage(config.GetSection("CryptoIntel:Storage"));
        builder.AddEntities();
        builder.AddCollectionPipeline();
        _services = services.BuildServiceProvider();
        _cycle = _services.GetRequiredService<CollectionCycle>();
        _cycle.RunAsync().GetAwaiter().GetResult(); // warm: JIT, gazetteer, schema
    }

    [IterationSetup]
    public void NextCycle() => _time.Advance(TimeSpan.FromMinutes(15));

    [Benchmark]
    public async Task<int> FullCycle()
    {
        var summary = await _cycle!.RunAsync();
        return summary.Sources.Count(s => s.Succeeded) == summary.Sources.Count ? summary.Counts["snapshots"] : throw new InvalidOperationException(summary.Error ?? "a source failed");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private static string FindReplay()
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
