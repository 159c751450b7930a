using System.Reactive.Linq;
using CryptoIntel.Entities;
using Microsoft.Extensions.Time.Testing;

namespace CryptoIntel.Entities.Tests;

public class TrackerTests
{
    private static readonly EntityExtractor Extractor = new(Gazetteer.Seed);
    private static readonly DateTimeOffset Start = new(2026, 2, 1, 0, 0, 0, TimeSpan.Zero);
    private int _next;

    private NewsItem Item(string title) => new($"n{++_next}", "test", title, null, Start);

    private static (EntityTracker Tracker, FakeTimeProvider Time) Create(EntityTrackerOptions? options = null)
    {
        var time = new FakeTimeProvider(Start);
        return (new EntityTracker(Extractor, time, options ?? new EntityTrackerOptions()), time);
    }

    [Fact]
    public void Observe_MentionsSlideOutOfEachWindow()
    {
        var (tracker, time) = Create();
        tracker.Observe(Item("Bitcoin tops $100K"));
        tracker.Observe(Item("Miners sell BTC into strength"));
        tracker.Observe(Item("Why Bitcoin dominance keeps rising"));
        Assert.Equal(new EntityMentionCounts(Gazetteer.Seed.Entries.First(e => e.Id == "bitcoin"), 3, 3, 3), tracker.GetCounts("bitcoin"));

        time.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(3, tracker.GetCounts("bitcoin")!.LastHour);
        time.Advance(TimeSpan.FromMinutes(2));
        var counts = tracker.GetCounts("bitcoin")!;
        Assert.Equal((0, 3, 3), (counts.LastHour, counts.LastDay, counts.LastWeek));

        time.Advance(TimeSpan.FromHours(24));
        counts = tracker.GetCounts("bitcoin")!;
        Assert.Equal((0, 0, 3), (counts.LastHour, counts.LastDay, counts.LastWeek));

        time.Advance(TimeSpan.FromDays(7));
        Assert.Equal(0, tracker.GetCounts("bitcoin")!.LastWeek);
        Assert.Null(tracker.GetCounts("ethereum"));
    }

    [Fact]
    public void Observe_SyndicatedCopies_CountOnce()
    {
        var (tracker, time) = Create();
        Assert.True(tracker.Observe(Item("Solana ETF approved by the SEC in landmark decision")).Counted);
        time.Advance(TimeSpan.FromMinutes(5));
        var copy = tracker.Observe(Item("BREAKING: Solana ETF approved by SEC in landmark decision"));
        Assert.False(copy.Counted);
        Assert.Equal(2, copy.Story!.MemberCount);
        Assert.Equal(1, tracker.GetCounts("solana")!.LastHour);
    }

    [Fact]
    public void Observe_DeduplicationOff_CountsEveryCopy()
    {
        var (tracker, _) = Create(new EntityTrackerOptions { DeduplicateStories = false });
        tracker.Observe(Item("Solana ETF approved"));
        tracker.Observe(Item("Solana ETF approved"));
        Assert.Equal(2, tracker.GetCounts("solana")!.LastHour);
    }

    [Fact]
    public void GetTrending_SpikeAgainstOwnBaseline_RanksFirst()
    {
        var (tracker, time) = Create(new EntityTrackerOptions { DeduplicateStories = false });
        for (var h = 0; h < 48; h++)
        {
            for (var k = 0; k < 4; k++)
            {
                tracker.Observe(Item("Ethereum steady"));
            }

            tracker.Observe(Item("Cardano steady"));
            time.Advance(TimeSpan.FromHours(1));
        }

        for (var k = 0; k < 4; k++)
        {
            tracker.Observe(Item("Ethereum steady"));
        }

        for (var k = 0; k < 8; k++)
        {
            tracker.Observe(Item("Cardano spikes"));
        }

        var trending = tracker.GetTrending(5);
        Assert.Equal("cardano", trending[0].Entry.Id);
        Assert.Equal(8, trending[0].LastHour);
        Assert.Equal(1.0, trending[0].BaselinePerHour, 2);
        Assert.DoesNotContain(trending, t => t.Entry.Id == "ethereum");
        Assert.Equal("ethereum", tracker.GetTopMentioned(TrackingWindow.Week, 1)[0].Entry.Id);
        Assert.Equal("cardano", tracker.GetTopMentioned(TrackingWindow.Hour, 1)[0].Entry.Id);
    }

    [Fact]
    public void GetTopMentioned_KindFilterAndMinimumMentions_Applied()
    {
        var (tracker, _) = Create(new EntityTrackerOptions { DeduplicateStories = false });
        tracker.Observe(Item("Binance lists Solana memecoin"));
        tracker.Observe(Item("Binance and Coinbase face SEC questions"));
        var exchanges = tracker.GetTopMentioned(TrackingWindow.Day, 10, EntityKind.Exchange);
        Assert.Equal(["binance", "coinbase"], exchanges.Select(e => e.Entry.Id));
        Assert.Equal(2, exchanges[0].LastDay);
        Assert.Empty(tracker.GetTrending(10, minimumMentions: 3));
        Assert.Equal("binance", tracker.GetTrending(10, minimumMentions: 2).Single().Entry.Id);
    }

    [Fact]
    public void GetCoMentions_PairsWithinADay()
    {
        var (tracker, time) = Create(new EntityTrackerOptions { DeduplicateStories = false });
        tracker.Observe(Item("Bitcoin and Ethereum slide"));
        tracker.Observe(Item("BTC, ETH and XRP lead the rebound"));
        tracker.Observe(Item("Bitcoin alone"));
        var co = tracker.GetCoMentions("bitcoin", 10);
        Assert.Equal("ethereum", co[0].Second.Id);
        Assert.Equal(2, co[0].LastDay);
        Assert.Contains(co, c => c.Second.Id == "ripple" && c.LastDay == 1);
        time.Advance(TimeSpan.FromHours(25));
        Assert.Empty(tracker.GetCoMentions("bitcoin", 10));
    }

    [Fact]
    public void Observe_MoreEntitiesThanMax_MemoryStaysBounded()
    {
        var (tracker, _) = Create(new EntityTrackerOptions { MaxEntities = 16 });
        var assets = Gazetteer.Seed.Entries.Where(e => e.IsAsset).Take(100).ToList();
        var now = Start;
        foreach (var entry in assets)
        {
            tracker.RecordMention(entry, now);
        }

        Assert.InRange(tracker.Count, 1, 16);
        Assert.NotNull(tracker.GetCounts(assets[^1].Id));
        Assert.Null(tracker.GetCounts(assets[0].Id));
    }

    [Fact]
    public void Subscribe_Observable_CountsEveryItem()
    {
        var (tracker, _) = Create(new EntityTrackerOptions { DeduplicateStories = false });
        var items = new[] { Item("XRP jumps"), Item("XRP slips"), Item("Dogecoin rallies") };
        using (tracker.Subscribe(items.ToObservable()))
        {
        }

        Assert.Equal(2, tracker.GetCounts("ripple")!.LastHour);
        Assert.Equal(1, tracker.GetCounts("dogecoin")!.LastHour);
    }

    [Fact]
    public void Subscribe_FailingSource_DoesNotThrow()
    {
        var (tracker, _) = Create();
        using var subscription = tracker.Subscribe(Observable.Throw<NewsItem>(new InvalidOperationException("feed down")));
        Assert.Equal(0, tracker.Count);
    }

    [Fact]
    public async Task ConsumeAsync_AsyncSequence_CountsAndHonoursCancellation()
    {
        var (tracker, _) = Create(new EntityTrackerOptions { DeduplicateStories = false });
        var observed = await tracker.ConsumeAsync(Items(3, CancellationToken.None), TestContext.Current.CancellationToken);
        Assert.Equal(3, observed);
        Assert.Equal(3, tracker.GetCounts("litecoin")!.LastHour);

        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => tracker.ConsumeAsync(Items(3, CancellationToken.None), cts.Token));
    }

    private async IAsyncEnumerable<NewsItem> Items(int count, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = 0; i < count; i++)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return Item($"Litecoin update {i}");
        }
    }
}
