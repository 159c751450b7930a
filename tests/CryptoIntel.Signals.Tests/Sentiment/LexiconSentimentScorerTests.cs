using CryptoIntel.Signals.Sentiment;

namespace CryptoIntel.Signals.Tests.Sentiment;

public sealed class LexiconSentimentScorerTests
{
    private readonly LexiconSentimentScorer _scorer = LexiconSentimentScorer.Instance;

    [Theory]
    [InlineData("Solana surges 18% to a new all-time high as ETF inflows pour in")]
    [InlineData("Spot bitcoin ETFs log record net inflows")]
    [InlineData("Lending protocol recovers stolen funds, users made whole")]
    [InlineData("Operating losses narrowed sharply in the quarter")]
    [InlineData("Exchange lists the token and trading volume soars")]
    public void Score_ClearGoodNews_IsPositive(string text)
    {
        var score = _scorer.Score(text);
        Assert.Equal(SentimentLabel.Positive, score.Label);
        Assert.True(score.Value > 0, $"value {score.Value}");
        Assert.Equal(SentimentScorerKind.Lexicon, score.Scorer);
    }

    [Theory]
    [InlineData("Bridge exploited, hackers drain $120 million")]
    [InlineData("Traders rekt as $ETH plunges and longs get liquidated")]
    [InlineData("Stablecoin depegs amid a wave of redemptions")]
    [InlineData("Memecoin collapses in an apparent rug pull")]
    [InlineData("Regulator sues exchange and freezes its assets")]
    [InlineData("The operating loss widened to EUR 4.1 mn")]
    public void Score_ClearBadNews_IsNegative(string text)
    {
        var score = _scorer.Score(text);
        Assert.Equal(SentimentLabel.Negative, score.Label);
        Assert.True(score.Value < 0, $"value {score.Value}");
    }

    [Theory]
    [InlineData("Developers set a date for the next network upgrade call")]
    [InlineData("The company will publish its interim report on 12 May")]
    [InlineData("What is restaking? A beginner's guide")]
    [InlineData("")]
    public void Score_FactualNews_IsNeutral(string text)
    {
        Assert.Equal(SentimentLabel.Neutral, _scorer.Score(text).Label);
    }

    [Fact]
    public void Score_Negation_FlipsTheTerm()
    {
        Assert.Equal(SentimentLabel.Positive, _scorer.Score("Regulator approves the bitcoin ETF").Label);
        Assert.True(_scorer.Score("Regulator has not approved the bitcoin ETF").Value < 0);
        Assert.True(_scorer.Score("Bitcoin doesn't rally after the Fed").Value < 0);
    }

    [Fact]
    public void Score_ProbabilitiesSumToOne()
    {
        foreach (var text in new[] { "Bitcoin crashes", "Bitcoin soars to a record high", "Bitcoin trades sideways" })
        {
            var s = _scorer.Score(text);
            Assert.Equal(1f, s.Negative + s.Neutral + s.Positive, 3);
            Assert.InRange(s.Value, -1f, 1f);
        }
    }

    [Fact]
    public void Score_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => _scorer.Score(null!));
        Assert.Throws<ArgumentNullException>(() => _scorer.ScoreBatch(null!));
    }

    [Fact]
    public void ScoreBatch_EqualsOneByOne()
    {
        string[] texts = ["Bitcoin crashes", "Bitcoin soars to a record high", "Bitcoin trades sideways"];
        Assert.Equal(texts.Select(_scorer.Score), _scorer.ScoreBatch(texts));
    }
}
