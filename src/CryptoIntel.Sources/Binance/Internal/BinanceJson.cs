using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using CryptoIntel.Sources.Internal;
using CryptoIntel.Sources.Internal.Json;

namespace CryptoIntel.Sources.Binance.Internal;

internal sealed record BinanceTimeDto([property: JsonPropertyName("serverTime")] long? ServerTime);

internal sealed record BinancePriceDto(
    [property: JsonPropertyName("symbol")] string? Symbol,
    [property: JsonPropertyName("price")] decimal? Price);

[JsonSourceGenerationOptions(
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    Converters = [typeof(LenientDecimalConverter), typeof(LenientRequiredDecimalConverter)])]
[JsonSerializable(typeof(BinanceTicker24h))]
[JsonSerializable(typeof(List<BinanceTicker24h>))]
[JsonSerializable(typeof(BinancePriceDto))]
[JsonSerializable(typeof(List<BinancePriceDto>))]
[JsonSerializable(typeof(BinanceTimeDto))]
internal sealed partial class BinanceJsonContext : JsonSerializerContext;

/// <summary>Parsers of Binance bodies: every body is first checked for the <c>{"code","msg"}</c> error envelope.</summary>
internal static class BinanceParsers
{
    // Binance's rate-limit codes: -1003 too many requests (and the IP ban that follows), -1015 too many orders.
    private static readonly HashSet<long> RateLimitCodes = [-1003, -1015];

    public static ResponseParser<T> For<TWire, T>(JsonTypeInfo<TWire> typeInfo, Func<TWire, T> map) where TWire : class =>
        async (body, cancellationToken) =>
        {
            using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
            ThrowIfError(document.RootElement);
            return map(document.RootElement.Deserialize(typeInfo) ?? throw new JsonException("The body is the JSON literal null."));
        };

    public static readonly ResponseParser<IReadOnlyList<BinanceKline>> Klines = async (body, cancellationToken) =>
    {
        using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
        var root = document.RootElement;
        ThrowIfError(root);
        if (root.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("The klines body is not an array.");
        }

        var result = new List<BinanceKline>(root.GetArrayLength());
        foreach (var row in root.EnumerateArray())
        {
            if (row.ValueKind != JsonValueKind.Array || row.GetArrayLength() < 11)
            {
                throw new JsonException("A kline is not an array of at least 11 values.");
            }

            result.Add(new BinanceKline(
                DateTimeOffset.FromUnixTimeMilliseconds(Integer(row[0], "open time")),
                Number(row[1], "open"),
                Number(row[2], "high"),
                Number(row[3], "low"),
                Number(row[4], "close"),
                Number(row[5], "volume"),
                DateTimeOffset.FromUnixTimeMilliseconds(Integer(row[6], "close time")),
                Number(row[7], "quote volume"),
                Integer(row[8], "trade count"),
                Number(row[9], "taker buy base volume"),
                Number(row[10], "taker buy quote volume")));
        }

        return result;
    };

    public static BinancePrice Price(BinancePriceDto dto) =>
        new(dto.Symbol ?? throw new JsonException("A price has no 'symbol'."), dto.Price ?? throw new JsonException("A price has no 'price'."));

    private static void ThrowIfError(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("code", out var code) && root.TryGetProperty("msg", out var msg))
        {
            var text = code.ValueKind == JsonValueKind.Number ? code.GetRawText() : code.ToString();
            var kind = code.ValueKind == JsonValueKind.Number && code.TryGetInt64(out var n) && RateLimitCodes.Contains(n)
                ? SourceFailureKind.RateLimited
                : SourceFailureKind.ProviderError;
            throw new ProviderErrorException(text, msg.ValueKind == JsonValueKind.String ? msg.GetString() ?? "error" : msg.GetRawText(), kind);
        }
    }

    private static decimal Number(JsonElement value, string name) => value.ValueKind switch
    {
        JsonValueKind.Number => value.TryGetDecimal(out var d) ? d : JsonRead.ParseDecimal(System.Text.Encoding.UTF8.GetBytes(value.GetRawText())),
        JsonValueKind.String => JsonRead.ParseDecimal(System.Text.Encoding.UTF8.GetBytes(value.GetString()!.Trim())),
        _ => throw new JsonException($"The kline's {name} is not a number."),
    };

    private static long Integer(JsonElement value, string name) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt64(out var n) => n,
        JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
        _ => throw new JsonException($"The kline's {name} is not a whole number."),
    };
}
