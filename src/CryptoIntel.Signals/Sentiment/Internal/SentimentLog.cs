using Microsoft.Extensions.Logging;

namespace CryptoIntel.Signals.Sentiment.Internal;

/// <summary>Log messages of the sentiment scorers (event ids 4600–4619). Scored texts are never logged.</summary>
internal static partial class SentimentLog
{
    public const int ModelLoadedId = 4600;
    public const int ModelUnavailableId = 4601;
    public const int PredictionFailedId = 4602;

    [LoggerMessage(ModelLoadedId, LogLevel.Information, "Sentiment model loaded from {Source}", EventName = "SentimentModelLoaded")]
    public static partial void ModelLoaded(ILogger logger, string source);

    [LoggerMessage(ModelUnavailableId, LogLevel.Error, "Sentiment model unavailable ({Source}); the lexicon scorer answers instead", EventName = "SentimentModelUnavailable")]
    public static partial void ModelUnavailable(ILogger logger, string source, Exception? exception);

    [LoggerMessage(PredictionFailedId, LogLevel.Error, "Sentiment model prediction failed; the lexicon scorer answers instead (logged once)", EventName = "SentimentPredictionFailed")]
    public static partial void PredictionFailed(ILogger logger, Exception exception);
}
