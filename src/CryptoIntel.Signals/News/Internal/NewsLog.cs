using Microsoft.Extensions.Logging;

namespace CryptoIntel.Signals.News.Internal;

/// <summary>Log messages of the chat news analyser (event ids 4700–4719). Analysed texts and model answers are never logged.</summary>
internal static partial class NewsLog
{
    public const int ChatFallbackId = 4700;
    public const int NoChatClientId = 4701;

    [LoggerMessage(ChatFallbackId, LogLevel.Warning, "The chat model's news analysis was unusable ({Reason}); the sentiment scorer answered instead", EventName = "ChatNewsAnalysisFallback")]
    public static partial void ChatFallback(ILogger logger, string reason, Exception? exception);

    [LoggerMessage(NoChatClientId, LogLevel.Warning, "Chat news analysis is on but no IChatClient is registered; the sentiment scorer answers every analysis", EventName = "ChatNewsAnalysisNoClient")]
    public static partial void NoChatClient(ILogger logger);
}
