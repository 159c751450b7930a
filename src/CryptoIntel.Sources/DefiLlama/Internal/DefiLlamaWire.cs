using System.Text.Json;
using System.Text.Json.Serialization;
using CryptoIntel.Sources.Internal;
using CryptoIntel.Sources.Internal.Json;
using Microsoft.Extensions.Options;

namespace CryptoIntel.Sources.DefiLlama.Internal;

/// <summary>Checks the DataAnnotations of <see cref="DefiLlamaClientOptions"/> (generated).</summary>
[OptionsValidator]
internal sealed partial class DefiLlamaClientOptionsValidator : IValidateOptions<DefiLlamaClientOptions>;

/// <summary>The rules of <see cref="DefiLlamaClientOptions"/> that the shared validator cannot know: the Pro key and the extra hosts.</summary>
internal sealed class DefiLlamaClientOptionsHostsValidator : IValidateOptions<DefiLlamaClientOptions>
{
    public ValidateOptionsResult Validate(string? name, DefiLlamaClientOptions options)
    {
        var builder = new ValidateOptionsResultBuilder();
        if (options.Plan == SourcePlan.Paid && string.IsNullOrWhiteSpace(options.ApiKey))
        {
            builder.AddError("The paid plan (DeFi Llama Pro) needs an ApiKey.", nameof(DefiLlamaClientOptions));
        }

        foreach (var (property, address) in new[]
        {
            (nameof(options.CoinsAddress), options.CoinsAddress),
            (nameof(options.StablecoinsAddress), options.StablecoinsAddress),
            (nameof(options.YieldsAddress), options.YieldsAddress),
        })
        {
            if (address is not null && (!address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp)))
            {
                builder.AddError($"{property} must be an absolute http or https address.", nameof(DefiLlamaClientOptions));
            }
        }

        return builder.Build();
    }
}

/// <summary>
/// Puts the Pro key in front of the path (<c>https://pro-api.llama.fi/&lt;key&gt;/api/...</c>), as the Pro API wants it.
/// It is the innermost handler, after the recorder, so nothing that records or logs sees the key; it does nothing on
/// the free plan, for other hosts, or when replaying.
/// </summary>
internal sealed class DefiLlamaProKeyHandler(IOptionsMonitor<DefiLlamaClientOptions> options, IOptions<SourcesOptions> sources) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var current = options.CurrentValue;
        if (current.Plan != SourcePlan.Paid
            || string.IsNullOrEmpty(current.ApiKey)
            || !string.IsNullOrEmpty(sources.Value.ReplayDirectory)
            || request.RequestUri is not { IsAbsoluteUri: true } uri
            || !string.Equals(uri.Host, current.GetBaseAddress().Host, StringComparison.OrdinalIgnoreCase))
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        // The key-less URI is put back as soon as the network has answered: the handlers above (the recorder, which
        // reads the URI after the answer, and the retry strategy, which resends the same message) never see the key.
        request.RequestUri = new Uri(uri.GetLeftPart(UriPartial.Authority) + "/" + Uri.EscapeDataString(current.ApiKey) + uri.PathAndQuery);
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            request.RequestUri = uri;
        }
    }
}

/// <summary>Reads a string from a string, a number or a boolean (ids DeFi Llama sends either way); null stays null.</summary>
internal sealed class LenientStringConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => throw new JsonException($"Expected a string, found {reader.TokenType}."),
    };

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}

internal sealed record PointDto(
    [property: JsonPropertyName("date")] decimal? Date,
    [property: JsonPropertyName("totalLiquidityUSD")] decimal? TotalLiquidityUsd,
    [property: JsonPropertyName("tvl")] decimal? Tvl);

internal sealed record ChainTvlDto([property: JsonPropertyName("tvl")] List<PointDto?>? Tvl);

internal sealed record ProtocolDetailDto
{
    [JsonPropertyName("id")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Id { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("symbol")]
    public string? Symbol { get; init; }

    [JsonPropertyName("category")]
    public string? Category { get; init; }

    [JsonPropertyName("gecko_id")]
    public string? GeckoId { get; init; }

    [JsonPropertyName("chains")]
    public List<string?>? Chains { get; init; }

    [JsonPropertyName("currentChainTvls")]
    public Dictionary<string, decimal?>? CurrentChainTvls { get; init; }

    [JsonPropertyName("tvl")]
    public List<PointDto?>? Tvl { get; init; }

    [JsonPropertyName("chainTvls")]
    public Dictionary<string, ChainTvlDto?>? ChainTvls { get; init; }
}

internal sealed record StablecoinsDto([property: JsonPropertyName("peggedAssets")] List<StablecoinDto?>? PeggedAssets);

internal sealed record StablecoinDto
{
    [JsonPropertyName("id")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Id { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("symbol")]
    public string? Symbol { get; init; }

    [JsonPropertyName("gecko_id")]
    public string? GeckoId { get; init; }

    [JsonPropertyName("pegType")]
    public string? PegType { get; init; }

    [JsonPropertyName("pegMechanism")]
    public string? PegMechanism { get; init; }

    [JsonPropertyName("circulating")]
    public Dictionary<string, decimal?>? Circulating { get; init; }

    [JsonPropertyName("circulatingPrevDay")]
    public Dictionary<string, decimal?>? CirculatingPrevDay { get; init; }

    [JsonPropertyName("chains")]
    public List<string?>? Chains { get; init; }

    [JsonPropertyName("chainCirculating")]
    public Dictionary<string, ChainCirculatingDto?>? ChainCirculating { get; init; }

    [JsonPropertyName("price")]
    public decimal? Price { get; init; }
}

internal sealed record ChainCirculatingDto([property: JsonPropertyName("current")] Dictionary<string, decimal?>? Current);

internal sealed record YieldPoolsDto(
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("data")] List<DefiLlamaYieldPool?>? Data);

internal sealed record CoinPricesDto([property: JsonPropertyName("coins")] Dictionary<string, CoinPriceDto?>? Coins);

internal sealed record CoinPriceDto(
    [property: JsonPropertyName("price")] decimal? Price,
    [property: JsonPropertyName("symbol")] string? Symbol,
    [property: JsonPropertyName("timestamp")] decimal? Timestamp,
    [property: JsonPropertyName("confidence")] double? Confidence,
    [property: JsonPropertyName("decimals")] int? Decimals);

internal sealed record FeesSummaryDto
{
    [JsonPropertyName("id")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Id { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("slug")]
    public string? Slug { get; init; }

    [JsonPropertyName("category")]
    public string? Category { get; init; }

    [JsonPropertyName("chains")]
    public List<string?>? Chains { get; init; }

    [JsonPropertyName("total24h")]
    public decimal? Total24h { get; init; }

    [JsonPropertyName("total48hto24h")]
    public decimal? Total48hTo24h { get; init; }

    [JsonPropertyName("total7d")]
    public decimal? Total7d { get; init; }

    [JsonPropertyName("totalAllTime")]
    public decimal? TotalAllTime { get; init; }

    [JsonPropertyName("change_1d")]
    public decimal? Change1d { get; init; }

    [JsonPropertyName("totalDataChart")]
    public List<List<decimal?>?>? TotalDataChart { get; init; }
}

[JsonSourceGenerationOptions(
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    Converters = [typeof(LenientDecimalConverter), typeof(LenientRequiredDecimalConverter), typeof(LenientDoubleConverter)])]
[JsonSerializable(typeof(List<DefiLlamaProtocol>))]
[JsonSerializable(typeof(DefiLlamaProtocol))]
[JsonSerializable(typeof(ProtocolDetailDto))]
[JsonSerializable(typeof(decimal?))]
[JsonSerializable(typeof(List<DefiLlamaChain>))]
[JsonSerializable(typeof(List<PointDto?>))]
[JsonSerializable(typeof(StablecoinsDto))]
[JsonSerializable(typeof(YieldPoolsDto))]
[JsonSerializable(typeof(CoinPricesDto))]
[JsonSerializable(typeof(FeesSummaryDto))]
internal sealed partial class DefiLlamaJsonContext : JsonSerializerContext;

/// <summary>Maps DeFi Llama's wire shapes to the public models.</summary>
internal static class DefiLlamaParsers
{
    /// <summary>The <c>/protocols</c> parser: the hand-written single pass of <see cref="ProtocolsParser"/>.</summary>
    public static readonly ResponseParser<IReadOnlyList<DefiLlamaProtocol>> Protocols = ProtocolsParser.ParseAsync;

    /// <summary>
    /// The source-generated parse that <see cref="Protocols"/> replaced; same results (the equivalence tests run both),
    /// kept as the reference for those tests and the benchmarks.
    /// </summary>
    public static readonly ResponseParser<IReadOnlyList<DefiLlamaProtocol>> ProtocolsSourceGenerated =
        JsonParsers.For<List<DefiLlamaProtocol>, IReadOnlyList<DefiLlamaProtocol>>(DefiLlamaJsonContext.Default.ListDefiLlamaProtocol, list => list);

    public static DateTimeOffset UnixSeconds(decimal seconds) => DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000m));

    public static List<DefiLlamaPoint> Points(List<PointDto?>? rows)
    {
        if (rows is null)
        {
            return [];
        }

        var result = new List<DefiLlamaPoint>(rows.Count);
        foreach (var row in rows)
        {
            if (row?.Date is { } date && (row.TotalLiquidityUsd ?? row.Tvl) is { } value)
            {
                result.Add(new DefiLlamaPoint(UnixSeconds(date), value));
            }
        }

        return result;
    }

    public static DefiLlamaProtocolDetail Detail(ProtocolDetailDto dto) => new()
    {
        Id = dto.Id,
        Name = dto.Name ?? throw new JsonException("The protocol has no 'name'."),
        Symbol = dto.Symbol,
        Category = dto.Category,
        GeckoId = dto.GeckoId,
        Chains = Strings(dto.Chains),
        CurrentChainTvls = NonNull(dto.CurrentChainTvls),
        Tvl = Points(dto.Tvl),
        ChainTvls = (dto.ChainTvls ?? []).Where(c => c.Value is not null)
            .ToDictionary(c => c.Key, c => (IReadOnlyList<DefiLlamaPoint>)Points(c.Value!.Tvl), StringComparer.Ordinal),
    };

    public static IReadOnlyList<DefiLlamaStablecoin> Stablecoins(StablecoinsDto dto) =>
        [.. (dto.PeggedAssets ?? throw new JsonException("The body has no 'peggedAssets'.")).OfType<StablecoinDto>().Select(s => new DefiLlamaStablecoin
        {
            Id = s.Id,
            Name = s.Name ?? string.Empty,
            Symbol = s.Symbol,
            GeckoId = s.GeckoId,
            PegType = s.PegType,
            PegMechanism = s.PegMechanism,
            Circulating = NonNull(s.Circulating),
            CirculatingPrevDay = NonNull(s.CirculatingPrevDay),
            Chains = Strings(s.Chains),
            ChainCirculating = (s.ChainCirculating ?? []).Where(c => c.Value?.Current is not null)
                .ToDictionary(c => c.Key, c => (IReadOnlyDictionary<string, decimal>)NonNull(c.Value!.Current), StringComparer.Ordinal),
            Price = s.Price,
        })];

    public static IReadOnlyList<DefiLlamaYieldPool> Pools(YieldPoolsDto dto)
    {
        if (dto.Status is { } status && !string.Equals(status, "success", StringComparison.OrdinalIgnoreCase))
        {
            throw new ProviderErrorException(status.Length > 50 ? status[..50] : status, "DeFi Llama yields answered with status '" + (status.Length > 50 ? status[..50] : status) + "'.");
        }

        return [.. (dto.Data ?? throw new JsonException("The body has no 'data'.")).OfType<DefiLlamaYieldPool>()];
    }

    public static IReadOnlyList<DefiLlamaCoinPrice> Prices(CoinPricesDto dto) =>
        [.. (dto.Coins ?? throw new JsonException("The body has no 'coins'."))
            .Where(c => c.Value?.Price is not null)
            .Select(c => new DefiLlamaCoinPrice(c.Key, c.Value!.Price!.Value, c.Value.Symbol,
                c.Value.Timestamp is { } t ? UnixSeconds(t) : null, c.Value.Confidence, c.Value.Decimals))];

    public static DefiLlamaFeesSummary Fees(FeesSummaryDto dto) => new()
    {
        Id = dto.Id,
        Name = dto.Name ?? throw new JsonException("The summary has no 'name'."),
        Slug = dto.Slug,
        Category = dto.Category,
        Chains = Strings(dto.Chains),
        Total24h = dto.Total24h,
        Total48hTo24h = dto.Total48hTo24h,
        Total7d = dto.Total7d,
        TotalAllTime = dto.TotalAllTime,
        Change1d = dto.Change1d,
        DailyTotals = [.. (dto.TotalDataChart ?? []).Where(r => r is [{ }, { }, ..]).Select(r => new DefiLlamaPoint(UnixSeconds(r![0]!.Value), r[1]!.Value))],
    };

    private static string[] Strings(List<string?>? values) => [.. (values ?? []).OfType<string>().Where(v => v.Length > 0)];

    private static Dictionary<string, decimal> NonNull(Dictionary<string, decimal?>? values) =>
        values is null ? [] : values.Where(v => v.Value is not null).ToDictionary(v => v.Key, v => v.Value!.Value, StringComparer.Ordinal);
}
