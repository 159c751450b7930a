namespace CryptoIntel.Signals.Tests;

public sealed class InputsTests
{
    [Fact]
    public void MarketTicks_CompareByValue()
    {
        var at = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(new MarketTick("bitcoin", "binance", at, 42_000, 10), new MarketTick("BITCOIN", "binance", at, 42_000, 10));
        Assert.NotEqual(new MarketTick("bitcoin", "binance", at, 42_000, 10), new MarketTick("bitcoin", "binance", at, 42_000, 11));
    }

    [Theory]
    [InlineData("protocol:aave", false, "aave")]
    [InlineData("chain:ethereum", true, "ethereum")]
    public void TvlSubjects_RoundTrip(string subject, bool isChain, string name)
    {
        Assert.Equal(subject, isChain ? TvlObservation.ChainSubject(name.ToUpperInvariant()) : TvlObservation.ProtocolSubject(" " + name + " "));
        Assert.True(TvlObservation.TryParseSubject(subject, out var chain, out var parsed));
        Assert.Equal((isChain, name), (chain, parsed));
    }

    [Theory]
    [InlineData("bitcoin")]
    [InlineData("protocol:")]
    [InlineData("chain:")]
    [InlineData("")]
    [InlineData(null)]
    public void TvlSubjects_OtherSubjects_AreNotTvl(string? subject)
    {
        Assert.False(TvlObservation.TryParseSubject(subject, out _, out var name));
        Assert.Equal(string.Empty, name);
    }

    [Fact]
    public void TvlSubjects_EmptyName_Throws() => Assert.Throws<ArgumentException>(() => TvlObservation.ProtocolSubject(" "));
}
