using CryptoIntel.Entities;
using CryptoIntel.Entities.Evaluate;
using CryptoIntel.Testing;

namespace CryptoIntel.Entities.Tests;

/// <summary>
/// The accuracy gate. Gold rows 1–200 of <c>gold_titles_dev.csv</c> were used to tune the rules; rows 201–300 were
/// held out (never read while tuning) and carry the targets: precision ≥ 0.95 and recall ≥ 0.93.
/// </summary>
public class AccuracyTests
{
    private static readonly Lazy<EntityExtractor> Full = new(() =>
        new EntityExtractor(Evaluator.BuildFullGazetteer(SharedData.Path("data", "entities"))));

    [Fact]
    public void Gold_HeldOutRows_MeetTheBar()
    {
        var report = Evaluator.Evaluate(Full.Value, SharedData.Path("data", "entities", "gold_titles_dev.csv"), 201, 300);
        Assert.Equal(100, report.Titles);
        Assert.True(report.All.Precision >= 0.95, $"held-out precision {report.All}");
        Assert.True(report.All.Recall >= 0.93, $"held-out recall {report.All}");
    }

    [Fact]
    public void Gold_AllRows_MeetTheBar()
    {
        var report = Evaluator.Evaluate(Full.Value, SharedData.Path("data", "entities", "gold_titles_dev.csv"));
        Assert.Equal(300, report.Titles);
        Assert.True(report.All.Precision >= 0.95, $"precision {report.All}");
        Assert.True(report.All.Recall >= 0.93, $"recall {report.All}");
        Assert.True(report.Implied!.Recall >= 0.66, $"implied {report.Implied}");
    }

    [Fact]
    public void Silver_FilteredTags_StayAboveRegressionFloor()
    {
        // CryptoPanic's tags are noisy (stop-words, body-only coins): the floor guards against regressions, not a target.
        var report = Evaluator.Evaluate(Full.Value, SharedData.Path("data", "entities", "cryptopanic_tagged_titles.csv"));
        Assert.True(report.Filtered.Precision >= 0.75, $"silver filtered {report.Filtered}");
        Assert.True(report.Filtered.Recall >= 0.6, $"silver filtered {report.Filtered}");
        Assert.True(report.All.Precision >= report.Filtered.Precision - 0.05, $"silver raw {report.All}");
    }
}
