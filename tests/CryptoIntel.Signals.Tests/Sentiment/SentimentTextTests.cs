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

    [Fact]
    public void ToModelText_CryptoText_AppendsMarkedDomainCopy()
    {
        var tokens = SentimentText.Tokenize("Exchange lists the token, not delayed");
        Assert.True(SentimentText.IsCrypto(tokens));
        Assert.Equal(
            "exchange lists the token not not_delayed xcrypto c_exchange c_lists c_the c_token c_not c_not_delayed",
            SentimentText.ToModelText(tokens, SentimentText.IsCrypto(tokens)));
    }

    [Fact]
    public void ToModelText_GeneralText_HasNoDomainCopy()
    {
        var tokens = SentimentText.Tokenize("Operating profit rose to EUR 5 mn");
        Assert.False(SentimentText.IsCrypto(tokens));
        Assert.Equal("operating profit rose to eur xnum mn", SentimentText.ToModelText(tokens, SentimentText.IsCrypto(tokens)));
    }
}
