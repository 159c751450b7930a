using System.Text.Json;
using System.Text.Json.Serialization;

namespace CryptoIntel.Sources.Replay;

/// <summary>One recorded HTTP exchange, as stored by <see cref="SourceRecordingHandler"/> and served by <see cref="SourceReplayHandler"/>.</summary>
internal sealed record RecordedExchange
{
    public required string Method { get; init; }

    public required string Path { get; init; }

    /// <summary>The query without secret parameters, parameters sorted by name.</summary>
    public string Query { get; init; } = string.Empty;

    public int Status { get; init; } = 200;

    public Dictionary<string, string> Headers { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The body when it is valid JSON, kept as JSON so recordings stay readable and diffable.</summary>
    public JsonElement? Body { get; init; }

    /// <summary>The body when it is text but not valid JSON (HTML error pages, RSS, truncated JSON).</summary>
    public string? BodyText { get; init; }

    /// <summary>The body when it is not text.</summary>
    public string? BodyBase64 { get; init; }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RecordedExchange))]
internal sealed partial class ReplayJsonContext : JsonSerializerContext;
