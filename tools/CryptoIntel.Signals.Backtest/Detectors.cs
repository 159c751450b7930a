namespace CryptoIntel.Signals.Backtest;

/// <summary>
/// The detector sets the backtest compares. The rules path runs the package's detectors with their default options
/// (and their own confidences); the ML path runs the same detectors with more sensitive thresholds (more candidates)
/// and lets the confidence model and its threshold decide which to keep.
/// </summary>
internal static class Detectors
{
    public static (IReadOnlyList<ISignalDetector<MarketTick>> Market, IReadOnlyList<ISignalDetector<TvlObservation>> Tvl) Rules() =>
        ([new VolumeSpikeDetector(), new PriceMoveDetector()], [new TvlFlowDetector()]);

    public static (IReadOnlyList<ISignalDetector<MarketTick>> Market, IReadOnlyList<ISignalDetector<TvlObservation>> Tvl) Sensitive() =>
        ([new VolumeSpikeDetector(SensitiveVolume()), new PriceMoveDetector(SensitivePrice())], [new TvlFlowDetector(SensitiveTvl())]);

    public static VolumeSpikeDetectorOptions SensitiveVolume() => new() { Threshold = 3.0, MinRatio = 2.0 };

    public static PriceMoveDetectorOptions SensitivePrice() => new() { Threshold = 3.0, BreakoutMinZ = 2.5 };

    public static TvlFlowDetectorOptions SensitiveTvl() => new() { Threshold = 3.0, MinChange = 0.03 };
}
