using System.Globalization;
using CryptoIntel.Testing;

namespace CryptoIntel.Signals.Tests.Detectors;

/// <summary>The detectors on real hourly Binance candles of ../shared/data/markets (skipped when absent).</summary>
public sealed class RealDataTests
{
    internal static List<MarketTick> ReadCandles(string symbol, string asset)
    {
        var path = SharedData.Path("data", "markets", symbol + "_1h.csv");
        var ticks = new List<MarketTick>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var f = line.Split(',');
            // The candle's data is known at its close: open time + 1 h.
            var at = DateTimeOffset.Parse(f[0], CultureInfo.InvariantCulture).AddHours(1);
            ticks.Add(new MarketTick(asset, "binance", at, double.Parse(f[4], CultureInfo.InvariantCulture), double.Parse(f[5], CultureInfo.InvariantCulture)));
        }

        return ticks;
    }

    [Fact]
    public void VolumeSpike_OnBitcoin2023To2024_FiresAPlausibleNumberOfTimes()
    {
        var ticks = ReadCandles("BTCUSDT", "bitcoin").Where(t => t.Timestamp.Year is 2023 or 2024).ToList();
        var meters = DetectorTestKit.MeterFactory();
        using var rejected = DetectorTestKit.Collect(meters, "cryptointel.signals.rejected_inputs");

        var signals = DetectorTestKit.RunTicks(new VolumeSpikeDetector(meterFactory: meters), ticks);

        // ~17,500 hours: a spike is a rare event (not every day), but the two years had dozens of news-driven
        // volume bursts (ETF approval, halving, elections).
        Assert.InRange(signals.Count, 20, 300);
        Assert.All(signals, s => Assert.True(s.Magnitude >= 3.5));
        Assert.Equal(1, DetectorTestKit.Count(rejected, "reason", "zero-volume")); // the 24 March 2023 outage placeholder
        var perDay = signals.GroupBy(s => s.DetectedAt.Date).Max(g => g.Count());
        Assert.True(perDay <= 4, $"{perDay} spikes on one day: the cool-down should prevent that");
    }

    [Fact]
    public void MarketDetectors_OnEveryAsset_NeverFailAndStayRare()
    {
        var root = SharedData.RequireRoot();
        var meters = DetectorTestKit.MeterFactory();
        using var rejected = DetectorTestKit.Collect(meters, "cryptointel.signals.rejected_inputs");
        var total = 0;
        var hours = 0;
        foreach (var file in Directory.GetFiles(Path.Combine(root, "data", "markets"), "*_1h.csv"))
        {
            var symbol = Path.GetFileName(file).Split('_')[0];
            var ticks = ReadCandles(symbol, symbol.Replace("USDT", string.Empty, StringComparison.Ordinal).ToLowerInvariant());
            hours += ticks.Count;
            var pipeline = SignalPipeline.CreateDefault(meterFactory: meters, options: new SignalPipelineOptions { EmitConfluence = false });
            total += DetectorTestKit.RunTicks(new PipelineAsDetector(pipeline), ticks).Count;
        }

        Assert.True(hours > 300_000);
        Assert.InRange(total / (double)hours, 0.0005, 0.02); // between ~1 per 2000 and 1 per 50 asset-hours
        Assert.Equal(0, DetectorTestKit.Count(rejected, "reason", "error"));
    }

    private sealed class PipelineAsDetector(SignalPipeline pipeline) : ISignalDetector<MarketTick>
    {
        public string Name => "pipeline";

        public string Version => "1";

        public IObservable<Signal> Detect(IObservable<MarketTick> source, System.Reactive.Concurrency.IScheduler scheduler) => pipeline.Detect(source, scheduler);
    }
}
