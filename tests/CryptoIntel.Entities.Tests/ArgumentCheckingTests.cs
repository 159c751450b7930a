using CryptoIntel.Entities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CryptoIntel.Entities.Tests;

public class ArgumentCheckingTests
{
    private static readonly EntityExtractor Extractor = new(Gazetteer.Seed);

    [Fact]
    public void EntityExtractor_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => new EntityExtractor(null!));
        Assert.Throws<ArgumentNullException>(() => new EntityExtractor(Gazetteer.Seed, null!));
        Assert.Throws<ArgumentNullException>(() => Extractor.Extract((string)null!));
        Assert.Throws<ArgumentNullException>(() => Extractor.UpdateGazetteer(null!));
    }

    [Theory]
    [InlineData(-0.1, 100, 3)]
    [InlineData(1.1, 100, 3)]
    [InlineData(0.5, 0, 3)]
    [InlineData(0.5, 100, 0)]
    public void EntityExtractor_OptionsOutOfRange_Throw(double confidence, int maxLength, int window)
    {
        var options = new EntityExtractorOptions { MinimumConfidence = confidence, MaxTextLength = maxLength, ContextWindow = window };
        Assert.Throws<ArgumentOutOfRangeException>(() => new EntityExtractor(Gazetteer.Seed, options));
    }

    [Fact]
    public void GazetteerBuilder_NullArguments_Throw()
    {
        var builder = Gazetteer.CreateBuilder();
        Assert.Throws<ArgumentNullException>(() => builder.Add(null!));
        Assert.Throws<ArgumentNullException>(() => builder.AddRange(null!));
        Assert.Throws<ArgumentNullException>(() => builder.AddCoins(null!));
        Assert.Throws<ArgumentNullException>(() => builder.AddProtocols(null!));
        Assert.Throws<ArgumentNullException>(() => builder.AddExchanges(null!));
        Assert.Throws<ArgumentNullException>(() => builder.AddCsv(null!, "x"));
        Assert.Throws<ArgumentNullException>(() => builder.AddCsv(new StringReader("id,symbol,name"), null!));
        Assert.ThrowsAny<ArgumentException>(() => builder.AddCsvFile(""));
        Assert.ThrowsAny<IOException>(() => builder.AddCsvFile("/nonexistent/coins.csv"));
        Assert.Throws<ArgumentNullException>(() => Gazetteer.Seed.TryGetEntry(null!, out _));
    }

    [Fact]
    public void EntityTracker_NullOrOutOfRangeArguments_Throw()
    {
        var time = new FakeTimeProvider();
        Assert.Throws<ArgumentNullException>(() => new EntityTracker(null!, time));
        Assert.Throws<ArgumentNullException>(() => new EntityTracker(Extractor, null!));
        Assert.Throws<ArgumentNullException>(() => new EntityTracker(Extractor, time, null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EntityTracker(Extractor, time, new EntityTrackerOptions { MaxEntities = 1 }));
        var tracker = new EntityTracker(Extractor, time);
        Assert.Throws<ArgumentNullException>(() => tracker.Observe(null!));
        Assert.Throws<ArgumentNullException>(() => tracker.Subscribe(null!));
        Assert.Throws<ArgumentNullException>(() => tracker.GetCounts(null!));
        Assert.Throws<ArgumentNullException>(() => tracker.GetCoMentions(null!, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => tracker.GetCoMentions("bitcoin", -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => tracker.GetTopMentioned(TrackingWindow.Day, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => tracker.GetTopMentioned((TrackingWindow)42, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => tracker.GetTrending(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => tracker.GetTrending(1, -1));
    }

    [Fact]
    public async Task EntityTracker_ConsumeAsyncNullSource_Throws()
    {
        var tracker = new EntityTracker(Extractor, new FakeTimeProvider());
        await Assert.ThrowsAsync<ArgumentNullException>(() => tracker.ConsumeAsync(null!, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void StoryDeduplicator_NullOrOutOfRangeArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => new StoryDeduplicator(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => new StoryDeduplicator(new FakeTimeProvider(), new StoryDeduplicatorOptions { SimilarityThreshold = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new StoryDeduplicator(new FakeTimeProvider(), new StoryDeduplicatorOptions { Window = TimeSpan.Zero }));
        var stories = new StoryDeduplicator(new FakeTimeProvider());
        Assert.Throws<ArgumentNullException>(() => stories.Add(null!));
        Assert.Throws<ArgumentNullException>(() => StoryDeduplicator.EstimateSimilarity(null!, "a"));
        Assert.Throws<ArgumentNullException>(() => StoryDeduplicator.EstimateSimilarity("a", null!));
    }

    [Fact]
    public void AddEntities_NullArguments_Throw()
    {
        var builder = new ServiceCollection().AddCryptoIntel();
        Assert.Throws<ArgumentNullException>(() => ((CryptoIntel.ICryptoIntelBuilder)null!).AddEntities());
        Assert.Throws<ArgumentNullException>(() => builder.AddEntities((Action<EntityExtractorOptions>)null!));
        Assert.Throws<ArgumentNullException>(() => builder.AddEntities((IConfigurationSection)null!));
    }
}
