using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using CryptoIntel.Sources.Internal;
using CryptoIntel.Sources.Internal.Json;
using Microsoft.Extensions.Options;

namespace CryptoIntel.Sources.CoinMarketCap.Internal;

/// <summary>Checks the DataAnnotations of <see cref="CoinMarketCapClientOptions"/> (generated).</summary>
[OptionsValidator]
internal sealed partial class CoinMarketCapClientOptionsValidator : IValidateOptions<CoinMarketCapClientOptions>;

/// <summary>The <c>status</c> object every CoinMarketCap body carries.</summary>
internal sealed record CmcStatus(
    [property: JsonPropertyName("error_code")] long? ErrorCode,
    [property: JsonPropertyName("error_message")] string? ErrorMessage,
    [property: JsonPropertyName("credit_count")] long? CreditCount,
    [property: JsonPropertyName("total_count")] long? TotalCount);

/// <summary>The body of every CoinMarketCap answer: <c>{"status":{...},"data":...}</c>, in either order.</summary>
internal sealed record CmcEnvelope<T>(
    [property: JsonPropertyName("status")] CmcStatus? Status,
    [property: JsonPropertyName("data")] T? Data);

[JsonSourceGenerationOptions(
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    Converters = [typeof(LenientDecimalConverter), typeof(LenientRequiredDecimalConverter), typeof(LenientDoubleConverter)])]
[JsonSerializable(typeof(CmcEnvelope<List<CmcCryptocurrency>>))]
[JsonSerializable(typeof(CmcEnvelope<Dictionary<string, JsonElement>>))]
[JsonSerializable(typeof(CmcEnvelope<JsonElement>))]
[JsonSerializable(typeof(CmcEnvelope<CmcGlobalMetrics>))]
[JsonSerializable(typeof(CmcEnvelope<List<CmcMapEntry>>))]
[JsonSerializable(typeof(CmcEnvelope<List<CmcCategory>>))]
[JsonSerializable(typeof(CmcEnvelope<List<CmcDexListing>>))]
[JsonSerializable(typeof(CmcEnvelope<List<CmcDexPair>>))]
[JsonSerializable(typeof(CmcCryptocurrency))]
[JsonSerializable(typeof(List<CmcCryptocurrency>))]
[JsonSerializable(typeof(CmcCoinInfo))]
[JsonSerializable(typeof(List<CmcCoinInfo>))]
[JsonSerializable(typeof(CmcPriceConversion))]
[JsonSerializable(typeof(List<CmcPriceConversion>))]
internal sealed partial class CoinMarketCapJsonContext : JsonSerializerContext;

/// <summary>Reads <c>tags</c> as slugs, whether sent as strings (listings, info) or as <c>{slug,name,category}</c> objects (quotes v2).</summary>
internal sealed class CmcTagsConverter : JsonConverter<IReadOnlyList<string>>
{
    public override bool HandleNull => true;

    public override IReadOnlyList<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return [];
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"Expected the tags as an array, found {reader.TokenType}.");
        }

        var tags = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                if (reader.GetString() is { Length: > 0 } tag)
                {
                    tags.Add(tag);
                }
            }
            else if (reader.TokenType == JsonTokenType.StartObject)
            {
                string? slug = null;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var name = reader.GetString();
                    reader.Read();
                    if (name == "slug" && reader.TokenType == JsonTokenType.String)
                    {
                        slug = reader.GetString();
                    }
                    else
                    {
                        reader.Skip();
                    }
                }

                if (!string.IsNullOrEmpty(slug))
                {
                    tags.Add(slug);
                }
            }
            else
            {
                reader.Skip();
            }
        }

        return tags;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<string> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var tag in value)
        {
            writer.WriteStringValue(tag);
        }

        writer.WriteEndArray();
    }
}

/// <summary>Reads the v4 DEX <c>quote</c>: an array of per-currency objects (a single object is accepted too).</summary>
internal sealed class CmcDexQuotesConverter : JsonConverter<IReadOnlyList<CmcDexQuote>>
{
    public override bool HandleNull => true;

    public override IReadOnlyList<CmcDexQuote> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var info = (JsonTypeInfo<CmcDexQuote>)options.GetTypeInfo(typeof(CmcDexQuote));
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return [];
            case JsonTokenType.StartObject:
                return JsonSerializer.Deserialize(ref reader, info) is { } one ? [one] : [];
            case JsonTokenType.StartArray:
                var list = new List<CmcDexQuote>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (JsonSerializer.Deserialize(ref reader, info) is { } quote)
                    {
                        list.Add(quote);
                    }
                }

                return list;
            default:
                throw new JsonException($"Expected the quote as an array, found {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<CmcDexQuote> value, JsonSerializerOptions options)
    {
        var info = (JsonTypeInfo<CmcDexQuote>)options.GetTypeInfo(typeof(CmcDexQuote));
        writer.WriteStartArray();
        foreach (var quote in value)
        {
            JsonSerializer.Serialize(writer, quote, info);
        }

        writer.WriteEndArray();
    }
}

/// <summary>Maps CoinMarketCap's envelope to models, turning a non-zero <c>status.error_code</c> (even with HTTP 200) into an error.</summary>
internal static class CmcParsers
{
    /// <summary>The documented reset of the per-minute limit (error 1008: "Rate limits reset every minute").</summary>
    private static readonly TimeSpan MinuteReset = TimeSpan.FromMinutes(1);

    public static ResponseParser<T> Envelope<TData, T>(JsonTypeInfo<CmcEnvelope<TData>> typeInfo, Func<TData, T> map) =>
        async (body, cancellationToken) =>
        {
            var envelope = await JsonSerializer.DeserializeAsync(body, typeInfo, cancellationToken).ConfigureAwait(false)
                ?? throw new JsonException("The body is the JSON literal null.");
            ThrowIfError(envelope.Status);
            return envelope.Data is { } data ? map(data) : throw new JsonException("The body has no 'data'.");
        };

    /// <summary>Throws the provider's error when <c>status.error_code</c> is not 0.</summary>
    public static void ThrowIfError(CmcStatus? status)
    {
        if (status?.ErrorCode is not { } code || code == 0)
        {
            return;
        }

        var text = string.IsNullOrWhiteSpace(status.ErrorMessage) ? "no message" : status.ErrorMessage;
        var codeText = code.ToString(CultureInfo.InvariantCulture);
        var (kind, meaning, retryAfter) = code switch
        {
            1001 or 1002 => (SourceFailureKind.ProviderError, "the API key is missing or invalid", (TimeSpan?)null),
            1003 or 1004 => (SourceFailureKind.ProviderError, "the plan needs payment", null),
            1005 or 1006 or 1007 => (SourceFailureKind.ProviderError, "the key or plan may not use this endpoint", null),
            1008 => (SourceFailureKind.RateLimited, "the per-minute rate limit is reached", MinuteReset),
            1009 => (SourceFailureKind.RateLimited, "the daily credit limit is reached", null),
            1010 => (SourceFailureKind.RateLimited, "the monthly credit limit is reached", null),
            1011 => (SourceFailureKind.RateLimited, "the IP rate limit is reached", null),
            _ => (SourceFailureKind.ProviderError, "the provider reported an error", null),
        };
        throw new ProviderErrorException(codeText, $"CoinMarketCap error {codeText}: {meaning} ({Clip(text)})", kind, retryAfter);
    }

    public static IReadOnlyList<CmcCryptocurrency> Quotes(Dictionary<string, JsonElement> data) =>
        Flatten(data, CoinMarketCapJsonContext.Default.CmcCryptocurrency, CoinMarketCapJsonContext.Default.ListCmcCryptocurrency);

    public static IReadOnlyList<CmcCoinInfo> Infos(Dictionary<string, JsonElement> data) =>
        Flatten(data, CoinMarketCapJsonContext.Default.CmcCoinInfo, CoinMarketCapJsonContext.Default.ListCmcCoinInfo);

    public static IReadOnlyList<CmcPriceConversion> Conversions(JsonElement data) => data.ValueKind switch
    {
        JsonValueKind.Object => [data.Deserialize(CoinMarketCapJsonContext.Default.CmcPriceConversion) ?? throw new JsonException("The conversion is null.")],
        JsonValueKind.Array => data.Deserialize(CoinMarketCapJsonContext.Default.ListCmcPriceConversion) is { } list ? [.. list.OfType<CmcPriceConversion>()] : [],
        JsonValueKind.Undefined or JsonValueKind.Null => throw new JsonException("The body has no 'data'."),
        _ => throw new JsonException($"Expected 'data' to be an object or an array, found {data.ValueKind}."),
    };

    // quotes/info v2: 'data' is keyed by id (one object each) or, when asked by symbol, by symbol (an array each,
    // since tickers collide).
    private static List<T> Flatten<T>(Dictionary<string, JsonElement> data, JsonTypeInfo<T> one, JsonTypeInfo<List<T>> many)
        where T : class
    {
        var result = new List<T>(data.Count);
        foreach (var (_, element) in data)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    result.Add(element.Deserialize(one)!);
                    break;
                case JsonValueKind.Array:
                    result.AddRange((element.Deserialize(many) ?? []).OfType<T>());
                    break;
                case JsonValueKind.Null:
                    break;
                default:
                    throw new JsonException($"Expected each 'data' entry to be an object or an array, found {element.ValueKind}.");
            }
        }

        return result;
    }

    private static string Clip(string text) => text.Length <= 200 ? text : text[..200] + "...";
}
