using CryptoIntel.Signals.Backtesting;
using CryptoIntel.Signals.Confidence;
using CryptoIntel.Signals.Tests.TestDetectors;

namespace CryptoIntel.Signals.Tests.Backtesting;

public sealed class SignalBacktesterTests
{
    private static readonly DateTimeOffset T0 = new(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static BacktestOptions Options() => new()
    {
        Outcome = new SignalOutcomeOptions { Horizon = TimeSpan.FromHours(4), MoveThreshold = 0.03 },
        Split = T0.AddHours(50),
    };

    /// <summary>100 hourly ticks of one asset with four step moves of at least 2 % (A, B before the split; C, D after) and E too close to the end.</summary>
    internal static IReadOnlyList<MarketTick> Scenario()
    {
        var prices = new double[100];
        void Set(int from, int to, double price)
        {
            for (var i = from; i <= to; i++)
            {
                prices[i] = price;
            }
        }

        Set(0, 9, 100);
        Set(10, 10, 103); // A: up 3 %
        Set(11, 11, 104);
        Set(12, 12, 105);
        Set(13, 19, 106.5); // A hits at +3 h (106.5 / 103 = +3.4 %)
        Set(20, 59, 104); // B: down 2.35 %, never reaches -3 %: miss
        Set(60, 60, 101.9); // C: down 2.02 %
        Set(61, 61, 100.5);
        Set(62, 62, 99);
        Set(63, 69, 98.5); // C hits at +3 h (-3.34 %)
        Set(70, 96, 100.5); // D: up 2.03 %, then flat: miss
        Set(97, 99, 103); // E: up 2.49 %, horizon past the data: unresolved
        return [.. prices.Select((p, i) => new MarketTick("aaa", "test", T0.AddHours(i), p, 10))];
    }

    [Fact]
    public void Run_LabelsEverySignal_ByWhatFollowed()
    {
        var backtester = new SignalBacktester(Options());
        var run = backtester.Run(BacktestData.Create(Scenario(), []), [new StepMoveDetector()]);

        Assert.Equal(0, run.DetectorErrors);
        Assert.Equal([10, 20, 60, 70, 97], run.Signals.Select(s => (int)(s.Signal.DetectedAt - T0).TotalHours));
        Assert.Equal([BacktestPeriod.Train, BacktestPeriod.Train, BacktestPeriod.Report, BacktestPeriod.Report, BacktestPeriod.Report], run.Signals.Select(s => s.Period));
        Assert.Equal([true, false, true, false], run.Signals.Take(4).Select(s => s.Outcome!.Value.Hit));
        Assert.Null(run.Signals[4].Outcome);
        Assert.Equal(TimeSpan.FromHours(3), run.Signals[0].Outcome!.Value.LeadTime);
        Assert.Equal((106.5 / 103) - 1, run.Signals[0].Outcome!.Value.ForwardReturn, 9);
        Assert.Equal(1 - (98.5 / 101.9), run.Signals[2].Outcome!.Value.ForwardReturn, 9);
        Assert.Equal(0, run.Signals[3].Outcome!.Value.ForwardReturn, 9);
    }

    [Fact]
    public void Run_RecentHitRate_UsesOnlyOutcomesResolvedBeforeDetection()
    {
        var run = new SignalBacktester(Options()).Run(BacktestData.Create(Scenario(), []), [new StepMoveDetector()]);

        // A: nothing resolved yet. B: A hit. C: A hit, B missed. D: A, C hit, B missed.
        Assert.Equal([0, 1, 2, 3], run.Signals.Take(4).Select(s => s.Context.RecentOutcomes));
        Assert.Equal([0.5, 2.0 / 3, 0.5, 0.6], run.Signals.Take(4).Select(s => Math.Round(s.Context.RecentHitRate, 9)), new RoundedComparer());
        Assert.Equal(10, run.Signals[1].Context.HoursSinceLastSignal, 9);
    }

    [Fact]
    public void Report_CountsTheReportedPeriodOnly_WithIntervals()
    {
        var backtester = new SignalBacktester(Options());
        var run = backtester.Run(BacktestData.Create(Scenario(), []), [new StepMoveDetector()]);
        var report = backtester.Report(run, "rules");

        Assert.Equal(2, report.Overall.Count);
        Assert.Equal(1, report.Overall.Hits);
        Assert.Equal(1, report.Overall.FalsePositives);
        Assert.Equal(0.5, report.Overall.HitRate);
        Assert.Equal(0.5, report.Overall.FalsePositiveRate);
        Assert.InRange(report.Overall.HitRateLow, 0.09, 0.1); // Wilson 1/2 at 95 %: [0.0945, 0.9055]
        Assert.InRange(report.Overall.HitRateHigh, 0.9, 0.91);
        Assert.Equal(3, report.Overall.MedianLeadTimeHours);
        Assert.Equal((1 - (98.5 / 101.9)) / 2, report.Overall.AverageForwardReturn, 9);
        Assert.Equal(1, report.Unresolved);
        Assert.Single(report.ByDetector);
        Assert.Equal("aaa", Assert.Single(report.BySubject).Group);

        var train = backtester.Report(run, "rules", period: BacktestPeriod.Train);
        Assert.Equal(2, train.Overall.Count);
        Assert.Equal(3, train.Overall.MedianLeadTimeHours);
    }

    [Fact]
    public void Report_WithAThreshold_KeepsOnlyConfidentSignals()
    {
        var backtester = new SignalBacktester(Options());
        var run = backtester.Run(BacktestData.Create(Scenario(), []), [new StepMoveDetector()]);

        // Confidences: 0.5 + |change|: C 0.5202, D 0.5203 -> a threshold of 0.52025 keeps D only.
        var report = backtester.Report(run, "strict", minimumConfidence: 0.52025);

        Assert.Equal(1, report.Overall.Count);
        Assert.Equal(0, report.Overall.Hits);
    }

    [Fact]
    public void ReportJsonAndTable_CarryTheFigures()
    {
        var backtester = new SignalBacktester(Options());
        var report = backtester.Report(backtester.Run(BacktestData.Create(Scenario(), []), [new StepMoveDetector()]), "rules");

        var json = report.ToJson();
        Assert.Contains("\"hitRate\": 0.5", json, StringComparison.Ordinal);
        Assert.Contains("\"medianLeadTimeHours\": 3", json, StringComparison.Ordinal);
        var table = report.ToTable();
        Assert.Contains("step-move", table, StringComparison.Ordinal);
        Assert.Contains("50.0 %", table, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ADetectorThatFails_IsCountedAndTheOthersRun()
    {
        var run = new SignalBacktester(Options()).Run(BacktestData.Create(Scenario(), []), [new ThrowingDetector(), new StepMoveDetector()]);

        Assert.Equal(1, run.DetectorErrors);
        Assert.Equal(5, run.Signals.Count);
    }

    [Fact]
    public void Run_BadTicks_AreSkipped()
    {
        var ticks = Scenario().ToList();
        ticks.Insert(30, new MarketTick("aaa", "test", T0.AddHours(30.5), double.NaN, 1));
        ticks.Insert(31, new MarketTick("aaa", "test", T0.AddHours(30.6), -5, 1));
        ticks.Add(ticks[40]); // duplicate
        var data = BacktestData.Create(ticks, []);

        Assert.Equal(3, data.SkippedRows);
        Assert.Equal(5, new SignalBacktester(Options()).Run(data, [new StepMoveDetector()]).Signals.Count);
    }

    private sealed class ThrowingDetector : ISignalDetector<MarketTick>
    {
        public string Name => "throws";

        public string Version => "1";

        public IObservable<Signal> Detect(IObservable<MarketTick> source, System.Reactive.Concurrency.IScheduler scheduler) =>
            System.Reactive.Linq.Observable.Select<MarketTick, Signal>(source, _ => throw new InvalidOperationException("boom"));
    }

    private sealed class RoundedComparer : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) < 1e-6;

        public int GetHashCode(double obj) => 0;
    }
}
