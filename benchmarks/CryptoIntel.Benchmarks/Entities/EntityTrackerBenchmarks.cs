using BenchmarkDotNet.Attributes;
using CryptoIntel.Entities;

namespace CryptoIntel.Benchmarks.Entities;

/// <summary>Tracker throughput: raw mention updates (the inner loop) and whole news items (extract + de-duplicate + count).</summary>
[MemoryDiagnoser]
public class EntityTrackerBenchmarks
{
    private const int Updates = 1_000_000;

    private static readonly DateTimeOffset Start = new(2026, 2, 1, 0, 0, 0, TimeSpan.Zero);

    private GazetteerEntry[] _entries = null!;
    private EntityTracker _tracker = null!;
    private NewsItem[] _items = null!;
    private EntityTracker _observer = null!;
    private long _ticks = Start.UtcTicks;

    [GlobalSetup]
    public void Setup()
    {
        _entries = [.. Gazetteer.Seed.Entries.Take(256)];
        var extractor = new EntityExtractor(Gazetteer.Seed);
        _tracker = new EntityTracker(extractor, TimeProvider.System);
        _observer = new EntityTracker(extractor, TimeProvider.System);
        string[] titles;
        try
        {
            titles = [.. EntityBenchmarkData.ReadTitles(EntityBenchmarkData.RequireDirectory())];
        }
        catch (InvalidOperationException)
        {
            titles = ["Bitcoin tops $100K as ETH and SOL follow", "XRP ETF approved", "Vitalik Buterin on L2s"];
        }

        _items = [.. titles.Select((t, i) => new NewsItem($"{i}", "bench", t, null, Start))];
    }

    [Benchmark(OperationsPerInvoke = Updates, Description = "Tracker: mention update (1-second steps)")]
    public void RecordMentions()
    {
        // 1,000 mentions per simulated second over 256 entities; the clock keeps moving across invocations.
        for (var i = 0; i < Updates; i++)
        {
            if (i % 1000 == 0)
            {
                _ticks += TimeSpan.TicksPerSecond;
            }

            _tracker.RecordMention(_entries[i & 255], new DateTimeOffset(_ticks, TimeSpan.Zero));
        }
    }

    [Benchmark(OperationsPerInvoke = 2_797, Description = "Tracker: observe news item (seed gazetteer)")]
    public int ObserveItems()
    {
        var counted = 0;
        for (var i = 0; i < 2_797; i++)
        {
            if (_observer.Observe(_items[i % _items.Length]).Counted)
            {
                counted++;
            }
        }

        return counted;
    }
}
