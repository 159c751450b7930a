namespace CryptoIntel.Signals.Backtesting;

/// <summary>
/// The detector sets the backtest command and its gate test compare. The rules path runs the package's market and TVL
/// detectors with their default options (and their own confidences); the ML path runs the same detectors with more
/// sensitive thresholds (more candidates) and lets the confidence model and its threshold decide which to keep.
/// </summary>
internal static class BacktestDetectorSets
{
    public static (IReadOnlyList<ISignalDetector<MarketTick>> Market, IReadOnlyList<ISignalDetector<TvlObservation>> Tvl) Rules() =>
        ([new VolumeSpikeDetector(), new PriceMoveDetector()], [new TvlFlowDetector()]);

    public static (IReadOnlyList<ISignalDetector<MarketTick>> Market, IReadOnlyList<ISignalDetector<TvlObservation>> Tvl) Sensitive() =>
        ([new VolumeSpikeDetector(new VolumeSpikeDetectorOptions { Threshold = 3.0, MinRatio = 2.0 }), new PriceMoveDetector(new PriceMoveDetectorOptions { Threshold = 3.0, BreakoutMinZ = 2.5 })],
         [new TvlFlowDetector(new TvlFlowDetectorOptions { Threshold = 3.0, MinChange = 0.03 })]);

    /// <summary>Runs both sets and compares the rules path with the ML path (model + its recommended threshold) on the reported period.</summary>
    public static (BacktestRun Rules, BacktestRun Candidates, BacktestComparison Comparison) Compare(SignalBacktester backtester, BacktestData data, Confidence.MlConfidenceScorer ml)
    {
        var (rulesMarket, rulesTvl) = Rules();
        var rules = backtester.Run(data, rulesMarket, rulesTvl);
        var (candMarket, candTvl) = Sensitive();
        var candidates = backtester.Run(data, candMarket, candTvl);
        var comparison = new BacktestComparison(backtester.Report(rules, "rules"), backtester.Report(candidates, "ml", ml, ml.RecommendedThreshold));
        return (rules, candidates, comparison);
    }
}
