using Microsoft.Extensions.Logging;

namespace CryptoIntel.Signals.Embeddings.Internal;

/// <summary>Log messages of the embedding sentiment scorer (event ids 4610–4613, in the sentiment range 4600–4619). Texts are never logged.</summary>
internal static partial class EmbeddingSentimentLog
{
    [LoggerMessage(4610, LogLevel.Information, "Embedding sentiment model loaded from {Source}", EventName = "EmbeddingSentimentModelLoaded")]
    public static partial void ModelLoaded(ILogger logger, string source);

    [LoggerMessage(4611, LogLevel.Error, "Embedding sentiment model unavailable ({Source}); the fallback scorer answers instead", EventName = "EmbeddingSentimentModelUnavailable")]
    public static partial void ModelUnavailable(ILogger logger, string source, Exception? exception);

    [LoggerMessage(4612, LogLevel.Error, "Embedding sentiment prediction failed; the fallback scorer answers instead (logged once)", EventName = "EmbeddingSentimentPredictionFailed")]
    public static partial void PredictionFailed(ILogger logger, Exception exception);

    [LoggerMessage(4613, LogLevel.Warning, "The fast sentiment model failed; the fine-tuned transformer answers alone (logged once)", EventName = "EmbeddingSentimentFastModelFailed")]
    public static partial void FastModelFailed(ILogger logger, Exception exception);
}
