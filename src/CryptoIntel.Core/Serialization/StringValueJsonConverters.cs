using System.Text.Json;
using System.Text.Json.Serialization;

namespace CryptoIntel.Serialization;

/// <summary>Reads and writes an <see cref="AssetId"/> as its id string (<c>"bitcoin"</c>).</summary>
public sealed class AssetIdJsonConverter : JsonConverter<AssetId>
{
    /// <inheritdoc />
    public override AssetId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => reader.TokenType == JsonTokenType.String && reader.GetString() is { Length: > 0 } text && !string.IsNullOrWhiteSpace(text)
            ? new AssetId(text)
            : throw new JsonException("An asset id must be a non-empty JSON string.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, AssetId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Value);
    }
}

/// <summary>Reads and writes a <see cref="SignalKind"/> as its name (<c>"volume-spike"</c>).</summary>
public sealed class SignalKindJsonConverter : JsonConverter<SignalKind>
{
    /// <inheritdoc />
    public override SignalKind Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => reader.TokenType == JsonTokenType.String && reader.GetString() is { } text && !string.IsNullOrWhiteSpace(text)
            ? new SignalKind(text)
            : throw new JsonException("A signal kind must be a non-empty JSON string.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, SignalKind value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Value);
    }
}
