using CryptoIntel.Signals.Confidence;

namespace CryptoIntel.Signals.Tests.Confidence;

public sealed class SignalContextTrackerTests
{
    private static readonly DateTimeOffset T0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Capture_ComputesReturnsVolumeAndBtcRegime_FromThePastOnly()
    {
        var tracker = new SignalContextTracker();
        for (var i = 0; i <= 24 * 8; i++)
        {
            tracker.Observe(new MarketTick(AssetId.Bitcoin, "t", T0.AddHours(i), 100 + i, i >= 24 * 7 ? 20 : 10));
            tracker.Observe(new MarketTick("aaa", "t", T0.AddHours(i), 50, 1));
        }

        var signal = ConfidenceScorerTests.MakeSignal() with { DetectedAt = T0.AddHours(24 * 8) };
        var context = tracker.Capture(signal);

        Assert.Equal(0, context.Return24h, 9);
        Assert.Equal((100.0 + 192) / (100 + 168) - 1, context.BtcReturn24h, 9);
        Assert.Equal((100.0 + 192) / (100 + 24) - 1, context.BtcReturn7d, 9);
        Assert.Equal(1, context.VolumeRatio, 6);
        Assert.Equal(0, context.ConfluenceCount);
        Assert.True(double.IsNaN(context.Sentiment));
    }

    [Fact]
    public void Capture_CountsOtherDetectorsWithinTheWindow_AsConfluence()
    {
        var tracker = new SignalContextTracker(new SignalOutcomeOptions { ConfluenceWindow = TimeSpan.FromHours(2) });
        tracker.Observe(new MarketTick("aaa", "t", T0, 10, 1));
        tracker.Capture(ConfidenceScorerTests.MakeSignal(detector: "a") with { DetectedAt = T0 });
        tracker.Capture(ConfidenceScorerTests.MakeSignal(detector: "b") with { DetectedAt = T0.AddHours(1) });
        tracker.Capture(ConfidenceScorerTests.MakeSignal(detector: "b") with { DetectedAt = T0.AddHours(1.5) });

        Assert.Equal(2, tracker.Capture(ConfidenceScorerTests.MakeSignal(detector: "c") with { DetectedAt = T0.AddHours(1.9) }).ConfluenceCount);
        Assert.Equal(1, tracker.Capture(ConfidenceScorerTests.MakeSignal(detector: "c") with { DetectedAt = T0.AddHours(3.2) }).ConfluenceCount);
    }

    [Fact]
    public void Observe_BadAndOutOfOrderValues_AreIgnored()
    {
        var tracker = new SignalContextTracker();
        tracker.Observe(new MarketTick("aaa", "t", T0, 10, 1));
        tracker.Observe(new MarketTick("aaa", "t", T0.AddHours(1), double.NaN, 1));
        tracker.Observe(new MarketTick("aaa", "t", T0.AddHours(2), -1, 1));
        tracker.Observe(new MarketTick("aaa", "t", T0.AddHours(3), 11, double.PositiveInfinity));
        tracker.Observe(new MarketTick("aaa", "t", T0.AddHours(2.5), 1000, 1));
        tracker.Observe(new SentimentObservation("aaa", T0, double.NaN));
        tracker.Observe(new SentimentObservation("aaa", T0, 3));

        var context = tracker.Capture(ConfidenceScorerTests.MakeSignal() with { DetectedAt = T0.AddHours(3) });
        Assert.Equal(0.1, context.Return24h, 9);
        Assert.Equal(1, context.Sentiment);
    }

    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(1.0, 0.15865525393145707)]
    [InlineData(1.96, 0.024997895148220435)]
    [InlineData(-1.0, 0.8413447460685429)]
    public void NormalTail_MatchesTheNormalDistribution(double x, double expected)
        => Assert.Equal(expected, SignalContextTracker.NormalTail(x), 6);

    [Fact]
    public void Capture_MoveProbability_GrowsWithVolatility_AndCountsBothWaysForNeutral()
    {
        static SignalContext Run(double swing, SignalDirection direction)
        {
            var tracker = new SignalContextTracker();
            for (var i = 0; i <= 24 * 8; i++)
            {
                // Alternating hourly moves of ±swing: hourly log-return volatility ≈ swing.
                tracker.Observe(new MarketTick("aaa", "t", T0.AddHours(i), 100 * (i % 2 == 0 ? 1 : 1 + swing), 1));
            }

            return tracker.Capture(ConfidenceScorerTests.MakeSignal() with { DetectedAt = T0.AddHours(24 * 8), Direction = direction });
        }

        var calm = Run(0.002, SignalDirection.Up).MoveProbability;
        var wild = Run(0.02, SignalDirection.Up).MoveProbability;
        var wildNeutral = Run(0.02, SignalDirection.Neutral).MoveProbability;

        // σ over 24 one-hour steps: 0.002·√24 ≈ 1 % (a 3 % barrier is ~3σ away); 0.02·√24 ≈ 10 % (~0.3σ).
        Assert.InRange(calm, 0.001, 0.01);
        Assert.InRange(wild, 0.7, 0.8);
        Assert.Equal(1, wildNeutral);
    }

    [Fact]
    public void Capture_MoveProbability_IsNaN_WithoutHistory()
    {
        var tracker = new SignalContextTracker();
        tracker.Observe(new MarketTick("aaa", "t", T0, 10, 1));
        Assert.True(double.IsNaN(tracker.Capture(ConfidenceScorerTests.MakeSignal() with { DetectedAt = T0 }).MoveProbability));
    }
}
