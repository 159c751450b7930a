using CryptoIntel.Entities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CryptoIntel.Entities.Tests;

public class DependencyInjectionTests
{
    [Fact]
    public void AddEntities_Default_ResolvesExtractorAndTrackerOnRegisteredClock()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection().AddSingleton<TimeProvider>(time);
        services.AddCryptoIntel().AddEntities();
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        var extractor = provider.GetRequiredService<EntityExtractor>();
        Assert.Same(extractor, provider.GetRequiredService<EntityExtractor>());
        Assert.Equal(Gazetteer.Seed.Count, extractor.Gazetteer.Count);
        var tracker = provider.GetRequiredService<EntityTracker>();
        tracker.Observe(new NewsItem("1", "t", "Bitcoin up", null, time.GetUtcNow()));
        time.Advance(TimeSpan.FromHours(2));
        Assert.Equal((0, 1), (tracker.GetCounts("bitcoin")!.LastHour, tracker.GetCounts("bitcoin")!.LastDay));
    }

    [Fact]
    public void AddEntities_InvalidOptions_FailAtStartup()
    {
        var services = new ServiceCollection();
        services.AddCryptoIntel().AddEntities(o => o.MinimumConfidence = 2);
        using var provider = services.BuildServiceProvider();
        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("MinimumConfidence", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddEntities_MissingGazetteerFile_FailsAtStartup()
    {
        var services = new ServiceCollection();
        services.AddCryptoIntel().AddEntities(o => o.GazetteerFiles.Add("/nonexistent/coins.csv"));
        using var provider = services.BuildServiceProvider();
        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("does not exist", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddEntities_ConfigurationSection_BindsBothOptions()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "id,symbol,name\nzorbit-network,zrbt,Zorbit\n");
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["CryptoIntel:Entities:MinimumConfidence"] = "0.7",
                ["CryptoIntel:Entities:GazetteerFiles:0"] = file,
                ["CryptoIntel:Entities:Tracker:MaxEntities"] = "1000",
                ["CryptoIntel:Entities:Tracker:Stories:SimilarityThreshold"] = "0.8",
            }).Build();
            var services = new ServiceCollection();
            services.AddCryptoIntel().AddEntities(configuration.GetSection(CryptoIntelBuilderEntitiesExtensions.EntitiesSectionName));
            using var provider = services.BuildServiceProvider();
            provider.GetRequiredService<IStartupValidator>().Validate();
            Assert.Equal(0.7, provider.GetRequiredService<IOptions<EntityExtractorOptions>>().Value.MinimumConfidence);
            var tracker = provider.GetRequiredService<IOptions<EntityTrackerOptions>>().Value;
            Assert.Equal((1000, 0.8), (tracker.MaxEntities, tracker.Stories.SimilarityThreshold));
            var extractor = provider.GetRequiredService<EntityExtractor>();
            Assert.Equal(["zorbit-network"], extractor.Extract("$ZRBT doubles").GetMentionedAssetIds());
            Assert.Empty(extractor.Extract("Zorbit price doubles").GetMentionedAssetIds());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void AddEntities_TrackerStoryWindowOutOfRange_FailsAtStartup()
    {
        var services = new ServiceCollection();
        services.AddCryptoIntel().AddEntities();
        services.Configure<EntityTrackerOptions>(o => o.Stories.Window = TimeSpan.FromDays(90));
        using var provider = services.BuildServiceProvider();
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
    }
}
