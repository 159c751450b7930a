using CryptoIntel.Signals.Sentiment.Internal;

namespace CryptoIntel.Signals.Tests.Sentiment;

public sealed class SentimentTextTests
{
    [Fact]
    public void Tokenize_NormalisesCashtagsNumbersAndLinks()
    {
        var tokens = SentimentText.Tokenize("$BTC up 5% to $67,000 after @trader's call https://t.co/x #crypto");
        Assert.Equal(["xcashtag", "up", "xpct", "to", "xmoney", "after", "xuser", "call", "xurl", "crypto"], tokens.Select(t => t.Text));
    }

    [Fact]
    public void Tokenize_MarksNegationScopeUntilClauseEnd()
    {
        var tokens = SentimentText.Tokenize("SEC doesn't approve the ETF, bitcoin falls");
        Assert.Equal("sec does not not_approve not_the not_etf bitcoin falls", SentimentText.ToModelText(tokens));
    }

    [Fact]
    public void Tokenize_SplitsHyphensAndDropsPossessive()
    {
        var tokens = SentimentText.Tokenize("Ethereum's all-time high; de-peg fears");
        Assert.Equal(["ethereum", "all", "time", "high", "de", "peg", "fears"], tokens.Select(t => t.Text));
    }

    [Fact]
    public void Tokenize_EmptyAndSymbolsOnly_GiveNoTokens()
    {
        Assert.Empty(SentimentText.Tokenize(string.Empty));
        Assert.Empty(SentimentText.Tokenize(" -- !! ?? "));
    }
}
