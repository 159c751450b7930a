using System.Text.Json.Serialization;

namespace CryptoIntel.Signals.News.Internal;

/// <summary>The JSON object the chat model is asked for (see <see cref="ChatNewsAnalyzer.Schema"/>).</summary>
internal sealed class ChatAnswer
{
    public string? Sentiment { get; set; }

    public double? Score { get; set; }

    public string? Summary { get; set; }

    public List<string?>? Assets { get; set; }
}

/// <summary>Source-generated JSON of the chat model's answer (lenient: comments and trailing commas are skipped).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(ChatAnswer))]
internal sealed partial class NewsAnalysisJsonContext : JsonSerializerContext;
