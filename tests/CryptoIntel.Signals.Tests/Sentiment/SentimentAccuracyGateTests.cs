using System.Diagnostics.Metrics;
using CryptoIntel.Signals.Sentiment;
using CryptoIntel.Signals.Sentiment.Internal;
using CryptoIntel.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CryptoIntel.Signals.Tests.Sentiment;

/// <summary>
/// Gates the shipped model's accuracy on the development splits of <c>../shared/data/sentiment</c> (skipped when the
/// folder is absent). None of these files was used for training (the model trains on <c>twitter_fin_train.csv</c> and
/// our own headlines only); the dev splits measured the candidate models while they were compared (see the package
/// README), the larger never-trained-on files (<c>cryptolin_train.csv</c>, <c>fpb_allagree_train.csv</c>) decided
/// between close candidates.
/// The targets are 0.65 (CryptoLin), 0.85 (financial tweets) and 0.85 (PhraseBank all-agree); where the
/// achieved figure is lower the gate sits just under the achieved level, as the package README says.
/// </summary>
public sealed class SentimentAccuracyGateTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public void Dispose() => _services.Dispose();

    [Theory]
    // file, minimum accuracy, minimum macro-F1 (measured figures in src/CryptoIntel.Signals/README.md)
    [InlineData("twitter_fin_dev.csv", 0.82, 0.75)] // achieved 0.8245 / 0.7534; target 0.85: not met
    [InlineData("cryptolin_dev.csv", 0.64, 0.62)] // achieved 0.6493 / 0.6267; target 0.65: not met (one headline short)
    [InlineData("cryptolin_train.csv", 0.62, 0.58)] // achieved 0.6299 / 0.5929 (never trained on)
    [InlineData("fpb_allagree_dev.csv", 0.85, 0.81)] // achieved 0.8622 / 0.8193; target 0.85 (accuracy): met
    [InlineData("fpb_allagree_train.csv", 0.82, 0.77)] // achieved 0.8324 / 0.7810 (never trained on)
    [InlineData("fpb_50agree_dev.csv", 0.71, 0.64)] // achieved 0.7226 / 0.6512
    public void SharedSplit_MeetsGate(string file, double minAccuracy, double minMacroF1)
    {
        var rows = SentimentCsv.Read(SharedData.Path("data", "sentiment", file));
        using var scorer = new MlSentimentScorer(Options.Create(new SentimentScorerOptions()), _services.GetRequiredService<IMeterFactory>());
        var predicted = scorer.ScoreBatch([.. rows.Select(r => r.Text)]).Select(s => s.Label).ToList();
        var metrics = SentimentMetrics.Compute([.. rows.Select(r => r.Label)], predicted);

        Assert.True(metrics.Accuracy >= minAccuracy, $"{file}: accuracy {metrics.Accuracy:0.0000} < {minAccuracy}");
        Assert.True(metrics.MacroF1 >= minMacroF1, $"{file}: macro-F1 {metrics.MacroF1:0.0000} < {minMacroF1}");
    }

    [Fact]
    public void OwnDevSplit_BeatsBothBaselines()
    {
        var path = Path.Combine(RepoRoot(), "data", "sentiment", "crypto_headlines_dev.csv");
        var rows = SentimentCsv.Read(path);
        var gold = rows.Select(r => r.Label).ToList();
        using var scorer = new MlSentimentScorer(Options.Create(new SentimentScorerOptions()), _services.GetRequiredService<IMeterFactory>());
        var ml = SentimentMetrics.Compute(gold, [.. scorer.ScoreBatch([.. rows.Select(r => r.Text)]).Select(s => s.Label)]);
        var lexicon = SentimentMetrics.Compute(gold, [.. LexiconSentimentScorer.Instance.ScoreBatch([.. rows.Select(r => r.Text)]).Select(s => s.Label)]);
        var majority = SentimentMetrics.Compute(gold, [.. gold.Select(_ => SentimentMetrics.Majority(gold))]);

        Assert.True(ml.MacroF1 > lexicon.MacroF1 && lexicon.MacroF1 > majority.MacroF1, $"ml {ml.MacroF1:0.000}, lexicon {lexicon.MacroF1:0.000}, majority {majority.MacroF1:0.000}");
        Assert.True(ml.Accuracy >= 0.95, $"accuracy {ml.Accuracy:0.0000}");
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CryptoIntel.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (CryptoIntel.sln) was not found above " + AppContext.BaseDirectory);
    }
}
