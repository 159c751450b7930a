using System.Text.Json;
using System.Text.Json.Serialization;

namespace CryptoIntel.Sources.Internal.Json;

/// <summary>Reads Unix time in seconds (number or string) as a UTC <see cref="DateTimeOffset"/>.</summary>
internal sealed class UnixSecondsConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var seconds = JsonRead.NullableDecimal(ref reader) ?? throw new JsonException("Expected a Unix time, found null.");
        return DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000m));
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.ToUnixTimeSeconds());
}

/// <summary>Reads Unix time in milliseconds (number or string) as a UTC <see cref="DateTimeOffset"/>.</summary>
internal sealed class UnixMillisecondsConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var ms = JsonRead.NullableDecimal(ref reader) ?? throw new JsonException("Expected a Unix time, found null.");
        return DateTimeOffset.FromUnixTimeMilliseconds((long)ms);
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.ToUnixTimeMilliseconds());
}
