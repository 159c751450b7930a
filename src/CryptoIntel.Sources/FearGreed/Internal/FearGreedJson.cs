using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CryptoIntel.Sources.FearGreed.Internal;

internal sealed record FearGreedEnvelope(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("data")] List<FearGreedItemDto?>? Data,
    [property: JsonPropertyName("metadata")] FearGreedMetadata? Metadata);

internal sealed record FearGreedItemDto(
    [property: JsonPropertyName("value")] JsonElement Value,
    [property: JsonPropertyName("value_classification")] string? Classification,
    [property: JsonPropertyName("timestamp")] JsonElement Timestamp,
    [property: JsonPropertyName("time_until_update")] JsonElement TimeUntilUpdate);

internal sealed record FearGreedMetadata([property: JsonPropertyName("error")] JsonElement Error);

[JsonSerializable(typeof(FearGreedEnvelope))]
internal sealed partial class FearGreedJsonContext : JsonSerializerContext;

/// <summary>Maps the alternative.me envelope to the public model.</summary>
internal static class FearGreedParser
{
    public static IReadOnlyList<FearGreedValue> Map(FearGreedEnvelope envelope)
    {
        if (envelope.Metadata?.Error is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } error)
        {
            var message = error.ValueKind == JsonValueKind.String ? error.GetString() : error.GetRawText();
            throw new CryptoIntel.Sources.Internal.ProviderErrorException(null, "alternative.me reported an error: " + message);
        }

        var data = envelope.Data ?? throw new JsonException("The body has no 'data'.");
        var result = new List<FearGreedValue>(data.Count);
        foreach (var item in data)
        {
            if (item is null)
            {
                continue;
            }

            var value = Integer(item.Value, "value") ?? throw new JsonException("A value has no 'value'.");
            if (value is < 0 or > 100)
            {
                throw new JsonException(string.Create(CultureInfo.InvariantCulture, $"The index value {value} is outside 0-100."));
            }

            var seconds = Integer(item.Timestamp, "timestamp") ?? throw new JsonException("A value has no 'timestamp'.");
            result.Add(new FearGreedValue((int)value, item.Classification ?? string.Empty, DateTimeOffset.FromUnixTimeSeconds(seconds))
            {
                TimeUntilUpdate = Integer(item.TimeUntilUpdate, "time_until_update") is { } wait ? TimeSpan.FromSeconds(wait) : null,
            });
        }

        return result;
    }

    private static long? Integer(JsonElement element, string name) => element.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => null,
        JsonValueKind.Number when element.TryGetInt64(out var n) => n,
        JsonValueKind.String when string.IsNullOrWhiteSpace(element.GetString()) => null,
        JsonValueKind.String when long.TryParse(element.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
        _ => throw new JsonException($"'{name}' is not a whole number."),
    };
}
