using CryptoIntel.Signals.Backtesting;

namespace CryptoIntel.Signals.Tests.Backtesting;

public sealed class BacktestDataTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("signals-track-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Load_ReadsCandlesAndTvl_SkipsBadRows_IgnoresOtherCsvs()
    {
        File.WriteAllText(Path.Combine(_dir, "BTCUSDT_1h.csv"), """
            timestamp_utc,open,high,low,close,volume
            2024-01-01T01:00:00Z,1,1,1,101,5
            2024-01-01T00:00:00Z,1,1,1,100,5
            2024-01-01T02:00:00Z,1,1,1,102,0
            2024-01-01T03:00:00Z,1,1,1,NaN,5
            2024-01-01T04:00:00Z,1,1,1,-3,5
            2024-01-01T01:00:00Z,1,1,1,999,5
            not a row
            2024-01-01T05:00:00Z,1,1,1,105,5
            """);
        File.WriteAllText(Path.Combine(_dir, "BTCUSDT_1d.csv"), "timestamp_utc,open,high,low,close,volume\n2024-01-01T00:00:00Z,1,1,1,100,5\n");
        Directory.CreateDirectory(Path.Combine(_dir, "tvl"));
        File.WriteAllText(Path.Combine(_dir, "tvl", "kamino-lend.csv"), "timestamp_utc,tvl_usd\n2024-01-01T00:00:00Z,1000.5\n2024-01-02T00:00:00Z,0\n");
        File.WriteAllText(Path.Combine(_dir, "tvl", "chain_ethereum.csv"), "timestamp_utc,tvl_usd\n2024-01-01T00:00:00Z,5e10\n");
        File.WriteAllText(Path.Combine(_dir, "labels.csv"), "text,label\nhello,positive\n");

        var data = BacktestData.Load([_dir]);

        Assert.Equal([new AssetId("bitcoin")], data.Assets);
        Assert.Equal(["chain:ethereum", "protocol:kamino-lend"], data.TvlSubjects);
        var ticks = data.GetMarketTicks();
        Assert.Equal([100.0, 101, 105], ticks.Select(t => t.Price));
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 1, 0, 0, TimeSpan.Zero), ticks[0].Timestamp); // the close of the first candle
        Assert.Equal(6, data.SkippedRows); // zero volume, NaN, negative, duplicate, malformed, zero TVL
        Assert.Equal(2, data.TvlObservationCount);
    }

    [Fact]
    public void Load_MissingDirectory_IsATypedError() =>
        Assert.Throws<DirectoryNotFoundException>(() => BacktestData.Load([Path.Combine(_dir, "nope")]));

    [Fact]
    public void Load_NoDataFiles_IsATypedError()
    {
        File.WriteAllText(Path.Combine(_dir, "labels.csv"), "text,label\n");
        Assert.Throws<InvalidDataException>(() => BacktestData.Load([_dir]));
    }
}
