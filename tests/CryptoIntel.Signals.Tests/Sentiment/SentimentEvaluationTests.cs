using CryptoIntel.Signals.Sentiment;
using CryptoIntel.Signals.Sentiment.Internal;

namespace CryptoIntel.Signals.Tests.Sentiment;

public sealed class SentimentEvaluationTests
{
    private const SentimentLabel Neg = SentimentLabel.Negative;
    private const SentimentLabel Neu = SentimentLabel.Neutral;
    private const SentimentLabel Pos = SentimentLabel.Positive;

    [Fact]
    public void Compute_HandMadeSet_GivesAccuracyAndMacroF1()
    {
        // gold:      pos pos pos neg neg neu
        // predicted: pos pos neu neg pos neu
        SentimentLabel[] gold = [Pos, Pos, Pos, Neg, Neg, Neu];
        SentimentLabel[] predicted = [Pos, Pos, Neu, Neg, Pos, Neu];
        var m = SentimentMetrics.Compute(gold, predicted);

        Assert.Equal(6, m.Count);
        Assert.Equal(4.0 / 6, m.Accuracy, 10);
        // pos: P 2/3 R 2/3 F1 2/3; neg: P 1 R 1/2 F1 2/3; neu: P 1/2 R 1 F1 2/3.
        Assert.Equal(2.0 / 3, m.F1[(int)Pos], 10);
        Assert.Equal(2.0 / 3, m.F1[(int)Neg], 10);
        Assert.Equal(2.0 / 3, m.F1[(int)Neu], 10);
        Assert.Equal(2.0 / 3, m.MacroF1, 10);
        Assert.Equal(1, m.Confusion[(int)Pos][(int)Neu]);
        Assert.Equal(1, m.Confusion[(int)Neg][(int)Pos]);
        Assert.Equal(2, m.Confusion[(int)Pos][(int)Pos]);
    }

    [Fact]
    public void Compute_MajorityBaseline_HasZeroF1ForOtherClasses()
    {
        SentimentLabel[] gold = [Neu, Neu, Neu, Pos];
        var majority = SentimentMetrics.Majority(gold);
        Assert.Equal(Neu, majority);
        var m = SentimentMetrics.Compute(gold, [.. gold.Select(_ => majority)]);
        Assert.Equal(0.75, m.Accuracy, 10);
        // neutral: P 3/4 R 1 F1 6/7; positive: 0; negative absent from both: not averaged.
        Assert.Equal((6.0 / 7 + 0) / 2, m.MacroF1, 10);
    }

    [Fact]
    public void Compute_LengthMismatch_Throws()
    {
        Assert.Throws<ArgumentException>(() => SentimentMetrics.Compute([Pos], [Pos, Neg]));
    }

    [Fact]
    public void Csv_ReadsQuotedFieldsAndRejectsBadLabels()
    {
        var rows = SentimentCsv.Read(new StringReader("text,label\n\"Hack, then \"\"recovery\"\"\",positive\nplain,NEUTRAL\n"), "t.csv");
        Assert.Equal([new LabelledText("Hack, then \"recovery\"", Pos), new LabelledText("plain", Neu)], rows);

        var ex = Assert.Throws<FormatException>(() => SentimentCsv.Read(new StringReader("text,label\nx,bullishish\n"), "t.csv"));
        Assert.Contains("t.csv:2", ex.Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => SentimentCsv.Read(new StringReader("headline,score\n"), "t.csv"));
    }
}
