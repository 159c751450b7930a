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
}
