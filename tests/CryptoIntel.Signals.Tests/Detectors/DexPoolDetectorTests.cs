using System.Reactive.Concurrency;
using System.Reactive.Linq;
using static CryptoIntel.Signals.Tests.Detectors.DetectorTestKit;

namespace CryptoIntel.Signals.Tests.Detectors;

public sealed class DexPoolDetectorTests
{
    private static List<PoolObservation> Snapshots(int count, int seed = 4, double liquidity = 1e6, double volume = 2e5)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count)
            .Select(i => new PoolObservation("eth_0xabc", Start.AddHours(i), liquidity * Math.Exp(0.03 * Normal(random)), volume * Math.Exp(0.15 * Normal(random)), "ethereum"))
            .ToList();
    }

    private static List<Signal> Run(IEnumerable<PoolObservation> data, DexPoolDetector? detector = null) =>
        DetectorTestKit.Run(data, o => o.Timestamp, (detector ?? new DexPoolDetector()).Detect);

    [Fact]
    public void Detect_NullArguments_Throw()
    {
        var detector = new DexPoolDetector();
        Assert.Throws<ArgumentNullException>(() => detector.Detect(null!, ImmediateScheduler.Instance));
        Assert.Throws<ArgumentNullException>(() => detector.Detect(Observable.Empty<PoolObservation>(), null!));
    }

    [Fact]
    public void Detect_LiquidityDrain_FiresDown()
    {
        var data = Snapshots(100);
        data[80] = data[80] with { LiquidityUsd = 0 };

        var signal = Assert.Single(Run(data));

        Assert.Equal(SignalKind.DexPool, signal.Kind);
        Assert.Equal("pool:eth_0xabc", signal.Subject);
        Assert.Equal(new AssetId("ethereum"), signal.Asset);
        Assert.Equal(SignalDirection.Down, signal.Direction);
        Assert.Equal(data[80].Timestamp, signal.DetectedAt);
        Assert.Contains(signal.Evidence, e => e.Name == "liquidityJump" && e.Value == -1);
    }

    [Fact]
    public void Detect_Trending_FiresUp()
    {
        var data = Snapshots(100);
        data[80] = data[80] with { Volume24hUsd = 2e6 };

        var signal = Assert.Single(Run(data));
        Assert.Equal(SignalDirection.Up, signal.Direction);
        Assert.Contains(signal.Evidence, e => e.Name == "trending" && e.Value == 1);
        Assert.Contains("trending", signal.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_Noise_AndDustPools_DoNotFire()
    {
        Assert.Empty(Run(Snapshots(3000, seed: 12)));
        var dust = Snapshots(100, liquidity: 500, volume: 100);
        dust[80] = dust[80] with { Volume24hUsd = 5000 };
        Assert.Empty(Run(dust));
    }

    [Fact]
    public void Detect_JumpsWithinCoolDown_FireOnce_BadSnapshotsCounted()
    {
        var meters = MeterFactory();
        using var rejected = Collect(meters, "cryptointel.signals.rejected_inputs");
        var data = Snapshots(100);
        data[80] = data[80] with { LiquidityUsd = 3e6 };
        data[82] = data[82] with { LiquidityUsd = 1e5 };
        data.Add(data[^1] with { Timestamp = data[^1].Timestamp.AddHours(1), LiquidityUsd = double.NaN });
        data.Add(data[^1] with { Timestamp = data[^1].Timestamp.AddHours(1), Volume24hUsd = -1 });
        data.Add(data[^1] with { PoolId = "" });

        var signals = Run(data, new DexPoolDetector(meterFactory: meters));

        Assert.Equal(data[80].Timestamp, Assert.Single(signals).DetectedAt);
        Assert.Equal(3, rejected.GetMeasurementSnapshot().Sum(m => m.Value));
    }
}
