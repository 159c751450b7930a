using CryptoIntel.Pipeline;
using CryptoIntel.Signals.Sentiment;
using CryptoIntel.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CryptoIntel.Worker.Tests;

/// <summary>The worker's switch to the fine-tuned sentiment scorer of CryptoIntel.Signals.Embeddings.</summary>
public sealed class EmbeddingSentimentWorkerTests : IDisposable
{
    private const string EnabledKey = "CryptoIntel:Signals:EmbeddingSentiment:Enabled";
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ci-worker-embedding-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Theory]
    [InlineData(null, typeof(MlSentimentScorer))]
    [InlineData("false", typeof(MlSentimentScorer))]
    [InlineData("true", typeof(EmbeddingSentimentScorer))]
    public void TheSentimentScorer_FollowsTheSwitch(string? enabled, Type expected)
    {
        using var provider = Build(enabled);
        Assert.IsType(expected, provider.GetRequiredService<ISentimentScorer>());
    }

    [Fact(Timeout = 120000)]
    public async Task Enabled_TheCycleScoresEveryHeadlineWithTheFineTunedModel()
    {
        await using var provider = Build("true");
        var summary = await provider.GetRequiredService<CollectionCycle>().RunAsync(TestContext.Current.CancellationToken);
        Assert.Null(summary.Error);

        var news = (await provider.GetRequiredService<ICryptoIntelStore>().GetNewsAsync(new NewsQuery { Limit = 500 }, TestContext.Current.CancellationToken)).Items;
        Assert.NotEmpty(news);
        var scorer = Assert.IsType<EmbeddingSentimentScorer>(provider.GetRequiredService<ISentimentScorer>());
        Assert.True(scorer.IsModelLoaded);
        var titles = news.Select(n => n.Item.Title).ToList();
        var expected = scorer.ScoreBatch(titles);
        Assert.All(expected, s => Assert.Equal(SentimentScorerKind.Embedding, s.Scorer));
        Assert.Equal(expected.Select(s => s.Label.ToString().ToLowerInvariant()), news.Select(n => n.SentimentLabel));
        Assert.Equal(expected.Select(s => Math.Round(s.Value, 4)), news.Select(n => Math.Round(n.Sentiment!.Value, 4)));

        // Not the fast model's answers under another name.
        var fast = provider.GetRequiredService<MlSentimentScorer>().ScoreBatch(titles);
        Assert.NotEqual(fast.Select(s => Math.Round(s.Value, 4)), news.Select(n => Math.Round(n.Sentiment!.Value, 4)));
    }

    private ServiceProvider Build(string? enabled)
    {
        Directory.CreateDirectory(_dir);
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CryptoIntel:Storage:SqlitePath"] = Path.Combine(_dir, "store.db"),
            [EnabledKey] = enabled,
        }).Build();
        services.AddCollectionWorker(configuration, sources => sources.ReplayDirectory = WorkerPaths.DemoReplay);
        return services.BuildServiceProvider();
    }
}
