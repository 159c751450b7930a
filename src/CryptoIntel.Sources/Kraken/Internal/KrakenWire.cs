using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using CryptoIntel.Sources.Internal;
using CryptoIntel.Sources.Internal.Json;
using Microsoft.Extensions.Options;

namespace CryptoIntel.Sources.Kraken.Internal;

/// <summary>Checks the DataAnnotations of <see cref="KrakenClientOptions"/> (generated).</summary>
[OptionsValidator]
internal sealed partial class KrakenClientOptionsValidator : IValidateOptions<KrakenClientOptions>;

/// <summary>Kraken's envelope: <c>{"error":[...],"result":...}</c>.</summary>
internal sealed record KrakenEnvelope<T>(
    [property: JsonPropertyName("error")] List<string?>? Error,
    [property: JsonPropertyName("result")] T? Result);

internal sealed record KrakenTickerDto(
    [property: JsonPropertyName("a")] List<decimal?>? A,
    [property: JsonPropertyName("b")] List<decimal?>? B,
    [property: JsonPropertyName("c")] List<decimal?>? C,
    [property: JsonPropertyName("v")] List<decimal?>? V,
    [property: JsonPropertyName("p")] List<decimal?>? P,
    [property: JsonPropertyName("t")] List<decimal?>? T,
    [property: JsonPropertyName("l")] List<decimal?>? L,
    [property: JsonPropertyName("h")] List<decimal?>? H,
    [property: JsonPropertyName("o")] decimal? O);

internal sealed record KrakenStatusDto(
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("timestamp")] DateTimeOffset? Timestamp);

[JsonSourceGenerationOptions(
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    Converters = [typeof(LenientDecimalConverter), typeof(LenientRequiredDecimalConverter), typeof(LenientDoubleConverter)])]
[JsonSerializable(typeof(KrakenEnvelope<Dictionary<string, KrakenTickerDto>>))]
[JsonSerializable(typeof(KrakenEnvelope<Dictionary<string, JsonElement>>))]
[JsonSerializable(typeof(KrakenEnvelope<KrakenStatusDto>))]
internal sealed partial class KrakenJsonContext : JsonSerializerContext;

/// <summary>Maps Kraken's envelope to models; a non-empty <c>error</c> array (even with HTTP 200) is the provider's error.</summary>
internal static class KrakenParsers
{
    public static ResponseParser<T> Envelope<TResult, T>(JsonTypeInfo<KrakenEnvelope<TResult>> typeInfo, Func<TResult, T> map) =>
        async (body, cancellationToken) =>
        {
            var envelope = await JsonSerializer.DeserializeAsync(body, typeInfo, cancellationToken).ConfigureAwait(false)
                ?? throw new JsonException("The body is the JSON literal null.");
            ThrowIfError(envelope.Error);
            return envelope.Result is { } result ? map(result) : throw new JsonException("The body has no 'result'.");
        };

    /// <summary>Throws for the first error of <c>error[]</c>; entries starting with <c>W</c> are warnings and are ignored.</summary>
    public static void ThrowIfError(List<string?>? errors)
    {
        var real = (errors ?? []).Where(e => !string.IsNullOrWhiteSpace(e) && !e.StartsWith('W')).Select(e => e!).ToList();
        if (real.Count == 0)
        {
            return;
        }

        var first = real[0];
        var rateLimited = real.Any(e =>
            e.Contains("Too many requests", StringComparison.OrdinalIgnoreCase) || e.Contains("Rate limit exceeded", StringComparison.OrdinalIgnoreCase));
        var code = first.Length > 100 ? first[..100] : first;
        var message = "Kraken error: " + string.Join("; ", real.Take(5).Select(e => e.Length > 200 ? e[..200] + "..." : e));
        throw new ProviderErrorException(code, message, rateLimited ? SourceFailureKind.RateLimited : SourceFailureKind.ProviderError);
    }

    public static IReadOnlyList<KrakenTicker> Tickers(Dictionary<string, KrakenTickerDto> result) =>
        [.. result.Where(r => r.Value is not null && r.Key.Length > 0).Select(r => new KrakenTicker
        {
            Pair = r.Key,
            Ask = At(r.Value.A, 0),
            Bid = At(r.Value.B, 0),
            LastPrice = At(r.Value.C, 0),
            LastVolume = At(r.Value.C, 1),
            VolumeToday = At(r.Value.V, 0),
            Volume24h = At(r.Value.V, 1),
            Vwap24h = At(r.Value.P, 1),
            Trades24h = At(r.Value.T, 1) is { } t ? (long)t : null,
            Low24h = At(r.Value.L, 1),
            High24h = At(r.Value.H, 1),
            Open = r.Value.O,
        })];

    public static KrakenOhlc Ohlc(Dictionary<string, JsonElement> result)
    {
        DateTimeOffset? last = null;
        if (result.TryGetValue("last", out var lastElement) && lastElement.ValueKind is JsonValueKind.Number or JsonValueKind.String)
        {
            last = DateTimeOffset.FromUnixTimeSeconds((long)Number(lastElement, "last"));
        }

        var (pair, rows) = result.FirstOrDefault(r => r.Key != "last" && r.Value.ValueKind == JsonValueKind.Array);
        if (pair is null)
        {
            throw new JsonException("The OHLC result has no pair with candles.");
        }

        var candles = new List<KrakenCandle>(rows.GetArrayLength());
        foreach (var row in rows.EnumerateArray())
        {
            if (row.ValueKind != JsonValueKind.Array || row.GetArrayLength() < 8)
            {
                throw new JsonException("A candle is not [time, open, high, low, close, vwap, volume, count].");
            }

            candles.Add(new KrakenCandle(
                DateTimeOffset.FromUnixTimeSeconds((long)Number(row[0], "time")),
                Number(row[1], "open"),
                Number(row[2], "high"),
                Number(row[3], "low"),
                Number(row[4], "close"),
                Number(row[5], "vwap"),
                Number(row[6], "volume"),
                (long)Number(row[7], "count")));
        }

        return new KrakenOhlc(pair, candles, last);
    }

    public static KrakenSystemStatus Status(KrakenStatusDto dto) =>
        new(dto.Status ?? throw new JsonException("The system status has no 'status'."), dto.Timestamp);

    private static decimal? At(List<decimal?>? values, int index) => values is not null && index < values.Count ? values[index] : null;

    private static decimal Number(JsonElement element, string name) => element.ValueKind switch
    {
        JsonValueKind.Number when element.TryGetDecimal(out var d) => d,
        JsonValueKind.Number => JsonRead.ParseDecimal(System.Text.Encoding.UTF8.GetBytes(element.GetRawText())),
        JsonValueKind.String when element.GetString() is { Length: > 0 } text => JsonRead.ParseDecimal(System.Text.Encoding.UTF8.GetBytes(text)),
        _ => throw new JsonException($"The candle's {name} is {element.ValueKind}, not a number."),
    };
}
