using Microsoft.Extensions.Logging;

namespace CryptoIntel.Signals.Internal;

/// <summary>Source-generated log messages of the signals package (track, confidence, A/B parts).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4100, EventName = "ConfidenceModelLoadFailed", Level = LogLevel.Warning,
        Message = "The confidence model could not be loaded from {Source}; the rule-based confidence answers instead")]
    public static partial void ConfidenceModelLoadFailed(ILogger logger, string source, Exception exception);

    [LoggerMessage(EventId = 4101, EventName = "ConfidenceModelPredictFailed", Level = LogLevel.Warning,
        Message = "The confidence model failed to score a {Detector} signal; the rule-based confidence answers instead")]
    public static partial void ConfidenceModelPredictFailed(ILogger logger, string detector, Exception exception);

    [LoggerMessage(EventId = 4102, EventName = "BacktestDetectorFailed", Level = LogLevel.Error,
        Message = "Detector {Detector} ended its stream with an error during the backtest; its signals up to then are kept")]
    public static partial void BacktestDetectorFailed(ILogger logger, string detector, Exception exception);

    [LoggerMessage(EventId = 4103, EventName = "ConfidenceModelLoaded", Level = LogLevel.Information,
        Message = "Confidence model {Name} loaded (recommended threshold {Threshold})")]
    public static partial void ConfidenceModelLoaded(ILogger logger, string name, double threshold);
}
