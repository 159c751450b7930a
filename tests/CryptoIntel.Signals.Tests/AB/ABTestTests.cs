using System.Reactive.Concurrency;
using System.Reactive.Linq;
using CryptoIntel.Signals.AB;
using CryptoIntel.Signals.Tests.TestDetectors;

namespace CryptoIntel.Signals.Tests.AB;

public sealed class ABTestTests
{
    [Fact]
    public void Bucket_IsStable_AcrossRunsAndMachines()
    {
        // Pinned values: FNV-1a 64 + fmix64 of UTF-8 "salt\nkey". A change here re-assigns every user.
        Assert.Equal(ABAssignment.Bucket("bitcoin", "exp"), ABAssignment.Bucket("bitcoin", "exp"));
        Assert.NotEqual(ABAssignment.Bucket("bitcoin", "exp"), ABAssignment.Bucket("bitcoin", "other"));
        Assert.Equal(PinnedBitcoin, ABAssignment.Bucket("bitcoin", "exp"), 12);
    }

    private const double PinnedBitcoin = 0.41864126757483555; // also computed by an independent Python implementation

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void Assign_SplitsKeys_AtTheConfiguredShare(double share)
    {
        var b = Enumerable.Range(0, 20_000).Count(i => ABAssignment.Assign($"user-{i}", share, "exp") == ABVariant.B);
        Assert.InRange(b / 20_000.0, share - 0.015, share + 0.015);
    }

    [Fact]
    public void Assign_EdgeShares()
    {
        Assert.Equal(ABVariant.A, ABAssignment.Assign("x", 0));
        Assert.Equal(ABVariant.B, ABAssignment.Assign("x", 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ABAssignment.Assign("x", 1.5));
    }

    [Fact]
    public void Report_KnownNumbers_BBetter()
    {
        // 45/100 vs 60/100: z = 2.124, p = 0.0337 < 0.05.
        var report = ABTestReport.Create("t", 45, 100, 60, 100);

        Assert.Equal(ABVerdict.BBetter, report.Verdict);
        Assert.Equal(0.15, report.Difference, 9);
        Assert.Equal(2.124, report.Z, 3);
        Assert.Equal(0.0337, report.PValue, 3);
        Assert.InRange(report.DifferenceLow, 0.012, 0.015); // unpooled Wald: 0.15 ± 1.96 × 0.0698
        Assert.StartsWith("B better", report.ToSummary(), StringComparison.Ordinal);
    }

    [Fact]
    public void Report_KnownNumbers_ABetter_AndNotYetSignificant()
    {
        Assert.Equal(ABVerdict.ABetter, ABTestReport.Create("t", 60, 100, 45, 100).Verdict);
        Assert.Equal(ABVerdict.NotYetSignificant, ABTestReport.Create("t", 50, 100, 55, 100).Verdict);
        Assert.Equal(ABVerdict.NotYetSignificant, ABTestReport.Create("t", 0, 0, 5, 10).Verdict);
        Assert.Equal(ABVerdict.NotYetSignificant, ABTestReport.Create("t", 45, 100, 60, 100, confidenceLevel: 0.99).Verdict);
        Assert.Throws<ArgumentOutOfRangeException>(() => ABTestReport.Create("t", 5, 4, 1, 1));
    }

    [Fact]
    public void Run_RoutesEachKeyToItsArm_AndRecordsOutcomes()
    {
        var options = new ABTestOptions { Name = "exp", ShareOfB = 0.5 };
        var test = new ABTest<MarketTick>(new StepMoveDetector(0.02, "loose"), new StepMoveDetector(0.05, "strict"), t => t.Asset.Value, options);
        var assets = Enumerable.Range(0, 40).Select(i => $"asset-{i}").ToArray();
        var t0 = DateTimeOffset.UnixEpoch;
        var ticks = assets.SelectMany(a => new[] { new MarketTick(a, "t", t0, 100, 1), new MarketTick(a, "t", t0.AddHours(1), 103, 1), new MarketTick(a, "t", t0.AddHours(2), 109, 1) }).ToList();

        var results = test.Run(ticks.ToObservable(), ImmediateScheduler.Instance).ToList().Wait();

        foreach (var r in results)
        {
            Assert.Equal(test.Assign(r.Signal.Subject), r.Variant);
            Assert.Equal(r.Variant == ABVariant.A ? "loose" : "strict", r.Signal.Detector);
        }

        var inA = assets.Count(a => test.Assign(a) == ABVariant.A);
        Assert.Equal((inA * 2) + (assets.Length - inA), results.Count); // loose fires on +3 % and +5.8 %, strict on +5.8 % only
        foreach (var r in results)
        {
            test.RecordOutcome(r.Variant, r.Variant == ABVariant.B);
        }

        var report = test.Evaluate();
        Assert.Equal(inA * 2, report.TrialsA);
        Assert.Equal(0, report.SuccessesA);
        Assert.Equal(ABVerdict.BBetter, report.Verdict);
    }
}
