using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CryptoIntel.Sources.Internal;
using CryptoIntel.Sources.Internal.Json;

namespace CryptoIntel.Sources.GeckoTerminal.Internal;

// JSON:API wire shapes: { data, included, meta, errors }.

internal sealed record JsonApiList<TAttributes>(
    [property: JsonPropertyName("data")] List<JsonApiResource<TAttributes>?>? Data,
    [property: JsonPropertyName("included")] List<JsonApiResource<TokenAttributes>?>? Included,
    [property: JsonPropertyName("errors")] List<JsonApiError?>? Errors);

internal sealed record JsonApiSingle<TAttributes, TMeta>(
    [property: JsonPropertyName("data")] JsonApiResource<TAttributes>? Data,
    [property: JsonPropertyName("meta")] TMeta? Meta,
    [property: JsonPropertyName("errors")] List<JsonApiError?>? Errors);

internal sealed record JsonApiResource<TAttributes>(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("attributes")] TAttributes? Attributes,
    [property: JsonPropertyName("relationships")] Dictionary<string, JsonApiRelationship?>? Relationships);

internal sealed record JsonApiRelationship([property: JsonPropertyName("data")] JsonApiReference? Data);

internal sealed record JsonApiReference([property: JsonPropertyName("id")] string? Id, [property: JsonPropertyName("type")] string? Type);

internal sealed record JsonApiError(
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("detail")] string? Detail);

internal sealed record NetworkAttributes(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("coingecko_asset_platform_id")] string? CoinGeckoAssetPlatformId);

internal sealed record TokenAttributes(
    [property: JsonPropertyName("address")] string? Address,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("symbol")] string? Symbol,
    [property: JsonPropertyName("decimals")] int? Decimals,
    [property: JsonPropertyName("coingecko_coin_id")] string? CoinGeckoCoinId);

internal sealed record TransactionCountsDto(
    [property: JsonPropertyName("buys")] long? Buys,
    [property: JsonPropertyName("sells")] long? Sells,
    [property: JsonPropertyName("buyers")] long? Buyers,
    [property: JsonPropertyName("sellers")] long? Sellers);

internal sealed record PoolAttributes
{
    [JsonPropertyName("address")]
    public string? Address { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("base_token_price_usd")]
    public decimal? BaseTokenPriceUsd { get; init; }

    [JsonPropertyName("quote_token_price_usd")]
    public decimal? QuoteTokenPriceUsd { get; init; }

    [JsonPropertyName("base_token_price_native_currency")]
    public decimal? BaseTokenPriceNativeCurrency { get; init; }

    [JsonPropertyName("base_token_price_quote_token")]
    public decimal? BaseTokenPriceQuoteToken { get; init; }

    [JsonPropertyName("fdv_usd")]
    public decimal? FdvUsd { get; init; }

    [JsonPropertyName("market_cap_usd")]
    public decimal? MarketCapUsd { get; init; }

    [JsonPropertyName("reserve_in_usd")]
    public decimal? ReserveUsd { get; init; }

    [JsonPropertyName("pool_created_at")]
    public DateTimeOffset? CreatedAt { get; init; }

    [JsonPropertyName("price_change_percentage")]
    public Dictionary<string, decimal?>? PriceChangePercentage { get; init; }

    [JsonPropertyName("volume_usd")]
    public Dictionary<string, decimal?>? VolumeUsd { get; init; }

    [JsonPropertyName("transactions")]
    public Dictionary<string, TransactionCountsDto?>? Transactions { get; init; }
}

internal sealed record TradeAttributes
{
    [JsonPropertyName("block_number")]
    public long? BlockNumber { get; init; }

    [JsonPropertyName("block_timestamp")]
    public DateTimeOffset? BlockTimestamp { get; init; }

    [JsonPropertyName("tx_hash")]
    public string? TxHash { get; init; }

    [JsonPropertyName("tx_from_address")]
    public string? TxFromAddress { get; init; }

    [JsonPropertyName("kind")]
    public string? Kind { get; init; }

    [JsonPropertyName("from_token_amount")]
    public decimal? FromTokenAmount { get; init; }

    [JsonPropertyName("to_token_amount")]
    public decimal? ToTokenAmount { get; init; }

    [JsonPropertyName("from_token_address")]
    public string? FromTokenAddress { get; init; }

    [JsonPropertyName("to_token_address")]
    public string? ToTokenAddress { get; init; }

    [JsonPropertyName("price_from_in_usd")]
    public decimal? PriceFromUsd { get; init; }

    [JsonPropertyName("price_to_in_usd")]
    public decimal? PriceToUsd { get; init; }

    [JsonPropertyName("volume_in_usd")]
    public decimal? VolumeUsd { get; init; }
}

internal sealed record OhlcvAttributes([property: JsonPropertyName("ohlcv_list")] List<decimal?[]?>? OhlcvList);

internal sealed record OhlcvMeta(
    [property: JsonPropertyName("base")] TokenAttributes? Base,
    [property: JsonPropertyName("quote")] TokenAttributes? Quote);

internal sealed record TokenPriceAttributes(
    [property: JsonPropertyName("token_prices")] Dictionary<string, decimal?>? TokenPrices,
    [property: JsonPropertyName("market_cap_usd")] Dictionary<string, decimal?>? MarketCapUsd,
    [property: JsonPropertyName("h24_volume_usd")] Dictionary<string, decimal?>? Volume24hUsd,
    [property: JsonPropertyName("h24_price_change_percentage")] Dictionary<string, decimal?>? PriceChangePercentage24h,
    [property: JsonPropertyName("total_reserve_in_usd")] Dictionary<string, decimal?>? TotalReserveUsd);

[JsonSourceGenerationOptions(
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    Converters = [typeof(LenientDecimalConverter), typeof(LenientRequiredDecimalConverter)])]
[JsonSerializable(typeof(JsonApiList<NetworkAttributes>))]
[JsonSerializable(typeof(JsonApiList<PoolAttributes>))]
[JsonSerializable(typeof(JsonApiList<TradeAttributes>))]
[JsonSerializable(typeof(JsonApiSingle<OhlcvAttributes, OhlcvMeta>))]
[JsonSerializable(typeof(JsonApiSingle<TokenPriceAttributes, JsonElement>))]
internal sealed partial class GeckoTerminalJsonContext : JsonSerializerContext;

/// <summary>Maps GeckoTerminal's JSON:API documents to the public models.</summary>
internal static class GeckoTerminalParsers
{
    public static IReadOnlyList<GeckoNetwork> Networks(JsonApiList<NetworkAttributes> body) =>
        [.. Resources(body.Data, body.Errors).Where(r => !string.IsNullOrEmpty(r.Id))
            .Select(r => new GeckoNetwork(r.Id!, r.Attributes?.Name ?? r.Id!, r.Attributes?.CoinGeckoAssetPlatformId))];

    public static IReadOnlyList<GeckoPool> Pools(JsonApiList<PoolAttributes> body, string? network)
    {
        var tokens = (body.Included ?? [])
            .Where(r => r is { Id.Length: > 0, Type: "token" })
            .GroupBy(r => r!.Id!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First()!.Attributes, StringComparer.Ordinal);
        var result = new List<GeckoPool>();
        foreach (var resource in Resources(body.Data, body.Errors))
        {
            var a = resource.Attributes ?? throw new JsonException("A pool has no 'attributes'.");
            var id = resource.Id ?? throw new JsonException("A pool has no 'id'.");
            var address = a.Address ?? throw new JsonException($"The pool {id} has no 'address'.");
            var relationships = resource.Relationships ?? [];
            result.Add(new GeckoPool
            {
                Id = id,
                Address = address,
                Name = a.Name ?? string.Empty,
                Network = network ?? RelatedId(relationships, "network")
                    ?? (id.EndsWith("_" + address, StringComparison.OrdinalIgnoreCase) ? id[..^(address.Length + 1)] : null),
                Dex = RelatedId(relationships, "dex"),
                BaseToken = Token(RelatedId(relationships, "base_token"), tokens),
                QuoteToken = Token(RelatedId(relationships, "quote_token"), tokens),
                BaseTokenPriceUsd = a.BaseTokenPriceUsd,
                QuoteTokenPriceUsd = a.QuoteTokenPriceUsd,
                BaseTokenPriceNativeCurrency = a.BaseTokenPriceNativeCurrency,
                BaseTokenPriceQuoteToken = a.BaseTokenPriceQuoteToken,
                FdvUsd = a.FdvUsd,
                MarketCapUsd = a.MarketCapUsd,
                ReserveUsd = a.ReserveUsd,
                CreatedAt = a.CreatedAt,
                PriceChangePercentage = NonNull(a.PriceChangePercentage),
                VolumeUsd = NonNull(a.VolumeUsd),
                Transactions = (a.Transactions ?? [])
                    .Where(t => t.Value is { Buys: not null } or { Sells: not null })
                    .ToDictionary(t => t.Key, t => new GeckoTransactionCounts(t.Value!.Buys ?? 0, t.Value.Sells ?? 0, t.Value.Buyers, t.Value.Sellers)),
            });
        }

        return result;
    }

    public static IReadOnlyList<GeckoTrade> Trades(JsonApiList<TradeAttributes> body) =>
        [.. Resources(body.Data, body.Errors).Select(r =>
        {
            var a = r.Attributes ?? throw new JsonException("A trade has no 'attributes'.");
            return new GeckoTrade
            {
                Id = r.Id ?? throw new JsonException("A trade has no 'id'."),
                BlockNumber = a.BlockNumber,
                BlockTimestamp = a.BlockTimestamp,
                TxHash = a.TxHash,
                TxFromAddress = a.TxFromAddress,
                Kind = a.Kind,
                FromTokenAmount = a.FromTokenAmount,
                ToTokenAmount = a.ToTokenAmount,
                FromTokenAddress = a.FromTokenAddress,
                ToTokenAddress = a.ToTokenAddress,
                PriceFromUsd = a.PriceFromUsd,
                PriceToUsd = a.PriceToUsd,
                VolumeUsd = a.VolumeUsd,
            };
        })];

    public static GeckoOhlcv Ohlcv(JsonApiSingle<OhlcvAttributes, OhlcvMeta> body)
    {
        ThrowIfErrors(body.Errors);
        var rows = body.Data?.Attributes?.OhlcvList ?? throw new JsonException("The body has no 'data.attributes.ohlcv_list'.");
        var candles = new List<GeckoCandle>(rows.Count);
        foreach (var row in rows)
        {
            if (row is not [{ } t, { } o, { } h, { } l, { } c, { } v, ..])
            {
                throw new JsonException("A candle is not [timestamp, open, high, low, close, volume].");
            }

            candles.Add(new GeckoCandle(DateTimeOffset.FromUnixTimeSeconds((long)t), o, h, l, c, v));
        }

        return new GeckoOhlcv(candles, MetaToken(body.Meta?.Base), MetaToken(body.Meta?.Quote));
    }

    public static IReadOnlyList<GeckoTokenPrice> TokenPrices(JsonApiSingle<TokenPriceAttributes, JsonElement> body)
    {
        ThrowIfErrors(body.Errors);
        var a = body.Data?.Attributes ?? throw new JsonException("The body has no 'data.attributes'.");
        var prices = a.TokenPrices ?? throw new JsonException("The body has no 'data.attributes.token_prices'.");
        return [.. prices.Select(p => new GeckoTokenPrice(p.Key, p.Value)
        {
            MarketCapUsd = a.MarketCapUsd?.GetValueOrDefault(p.Key),
            Volume24hUsd = a.Volume24hUsd?.GetValueOrDefault(p.Key),
            PriceChangePercentage24h = a.PriceChangePercentage24h?.GetValueOrDefault(p.Key),
            TotalReserveUsd = a.TotalReserveUsd?.GetValueOrDefault(p.Key),
        })];
    }

    private static IEnumerable<JsonApiResource<T>> Resources<T>(List<JsonApiResource<T>?>? data, List<JsonApiError?>? errors)
    {
        ThrowIfErrors(errors);
        return (data ?? throw new JsonException("The body has no 'data'.")).OfType<JsonApiResource<T>>();
    }

    private static void ThrowIfErrors(List<JsonApiError?>? errors)
    {
        if (errors?.OfType<JsonApiError>().FirstOrDefault() is { } error)
        {
            var kind = error.Status == "429" ? SourceFailureKind.RateLimited : SourceFailureKind.ProviderError;
            throw new ProviderErrorException(error.Status, error.Title ?? error.Detail ?? "error", kind);
        }
    }

    private static string? RelatedId(Dictionary<string, JsonApiRelationship?> relationships, string name) =>
        relationships.GetValueOrDefault(name)?.Data?.Id is { Length: > 0 } id ? id : null;

    private static GeckoToken? Token(string? id, Dictionary<string, TokenAttributes?> included)
    {
        if (id is null)
        {
            return null;
        }

        var a = included.GetValueOrDefault(id);
        return new GeckoToken(id)
        {
            Address = a?.Address,
            Name = a?.Name,
            Symbol = a?.Symbol,
            Decimals = a?.Decimals,
            CoinGeckoCoinId = a?.CoinGeckoCoinId,
        };
    }

    private static GeckoToken? MetaToken(TokenAttributes? a) => a?.Address is { Length: > 0 } address
        ? new GeckoToken(address) { Address = address, Name = a.Name, Symbol = a.Symbol, Decimals = a.Decimals, CoinGeckoCoinId = a.CoinGeckoCoinId }
        : null;

    private static Dictionary<string, decimal> NonNull(Dictionary<string, decimal?>? values) =>
        values is null ? [] : values.Where(v => v.Value is not null).ToDictionary(v => v.Key, v => v.Value!.Value);

    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);
}
