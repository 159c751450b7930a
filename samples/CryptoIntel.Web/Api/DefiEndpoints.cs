using System.ComponentModel;
using CryptoIntel.Storage;
using CryptoIntel.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CryptoIntel.Web.Api;

/// <summary>DeFi protocols, their TVL history, chains and DEX pools.</summary>
internal static class DefiEndpoints
{
    private static readonly string[] ProtocolSorts = ["tvl", "change1d", "change7d", "slug"];
    private static readonly string[] PoolSorts = ["volume", "liquidity", "change24h"];

    private sealed class ProtocolSortAttribute() : P.OneOfAttribute(ProtocolSorts);

    private sealed class PoolSortAttribute() : P.OneOfAttribute(PoolSorts);

    public static void Map(RouteGroupBuilder api)
    {
        var defi = api.MapGroup("/defi").WithTags("DeFi");
        defi.MapGet("/protocols", ListProtocols).Read("ListProtocols", "List DeFi protocols",
            "DeFi protocols with their latest TVL and 1-day/7-day change, by TVL (or change, or slug); filter by chain, category or name. Cursor-paged.");
        defi.MapGet("/protocols/{slug}", GetProtocol).Read("GetProtocol", "DeFi protocol detail",
            "One protocol's latest TVL, category, chains and changes.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        defi.MapGet("/protocols/{slug}/tvl", ProtocolTvl).Read("GetProtocolTvl", "Protocol TVL history",
            "The protocol's TVL over a range (default the last 30 days).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        defi.MapGet("/chains", ListChains).Read("ListChains", "List chains by TVL",
            "Every chain's latest total value locked and 1-day change, largest first.");
        defi.MapGet("/chains/{name}/tvl", ChainTvlHistory).Read("GetChainTvl", "Chain TVL history",
            "One chain's TVL over a range (default the last 30 days).")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/dex/pools", ListPools).WithTags("DeFi").Read("ListDexPools", "List DEX pools",
            "Trending DEX pools with price, liquidity, 24h volume and change, by volume (or liquidity, or change); filter by network. Cursor-paged.");
    }

    private static async Task<Results<JsonETagResult<PageDto<ProtocolDto>>, ValidationProblem>> ListProtocols(
        ApiContext api,
        [P.Limit] string? limit,
        [P.Cursor] string? cursor,
        [Description("Only protocols on this chain, e.g. Ethereum.")] string? chain,
        [Description("Only protocols of this category, e.g. Lending.")] string? category,
        [Description("Name contains this text.")] string? q,
        [Description("tvl, change1d, change7d or slug (default tvl).")][ProtocolSort(Default = "tvl")] string? sort,
        CancellationToken cancellationToken)
    {
        var v = new QueryValidator();
        var size = v.Limit(limit, 50, api.MaxPageSize);
        var after = v.Cursor(cursor);
        var onChain = v.Text(chain, "chain");
        var ofCategory = v.Text(category, "category");
        var search = v.Text(q, "q");
        var by = v.OneOf(sort, "sort", ProtocolSorts, "tvl");
        if (v.HasErrors)
        {
            return v.Problem();
        }

        var key = by switch { "change1d" => ProtocolSort.Change1d, "change7d" => ProtocolSort.Change7d, "slug" => ProtocolSort.Slug, _ => ProtocolSort.Tvl };
        var page = await api.Store.GetProtocolsAsync(
            new ProtocolQuery { Limit = size, Cursor = after, Chain = onChain, Category = ofCategory, Search = search, Sort = key, Descending = key != ProtocolSort.Slug },
            cancellationToken).ConfigureAwait(false);
        return ETagged.Ok(ApiSupport.Map(page, ProtocolDto.From));
    }

    private static async Task<Results<JsonETagResult<ProtocolDto>, ValidationProblem, ProblemHttpResult>> GetProtocol(
        ApiContext api, [Description("The protocol's slug, e.g. aave.")] string slug, CancellationToken cancellationToken)
    {
        var v = new QueryValidator();
        var id = v.Id(slug, "slug");
        if (v.HasErrors)
        {
            return v.Problem();
        }

        var protocol = await api.Store.GetProtocolAsync(id, cancellationToken).ConfigureAwait(false);
        return protocol is null ? ApiSupport.NotFound("protocol", id) : ETagged.Ok(ProtocolDto.From(protocol));
    }

    private static async Task<Results<JsonETagResult<TvlHistoryDto>, ValidationProblem, ProblemHttpResult>> ProtocolTvl(
        ApiContext api, [Description("The protocol's slug, e.g. aave.")] string slug, [P.From] string? from, [P.To] string? to, CancellationToken cancellationToken)
    {
        var v = new QueryValidator();
        var id = v.Id(slug, "slug");
        var (since, until) = Range(api, v, from, to);
        if (v.HasErrors)
        {
            return v.Problem();
        }

        var points = await api.Store.GetTvlHistoryAsync(TvlSeriesKind.Protocol, id, since, until, cancellationToken).ConfigureAwait(false);
        if (points.Count == 0 && await api.Store.GetProtocolAsync(id, cancellationToken).ConfigureAwait(false) is null)
        {
            return ApiSupport.NotFound("protocol", id);
        }

        return ETagged.Ok(new TvlHistoryDto("protocol", id, since, until, points.Select(p => new TvlPointDto(p.Timestamp, p.TvlUsd)).ToArray()));
    }

    private static async Task<JsonETagResult<ListDto<ChainDto>>> ListChains(ApiContext api, CancellationToken cancellationToken)
    {
        var chains = await api.Store.GetChainsAsync(cancellationToken).ConfigureAwait(false);
        return ETagged.Ok(new ListDto<ChainDto>(chains.OrderByDescending(c => c.TvlUsd).Select(ChainDto.From).ToArray()));
    }

    private static async Task<Results<JsonETagResult<TvlHistoryDto>, ValidationProblem, ProblemHttpResult>> ChainTvlHistory(
        ApiContext api, [Description("The chain's name, e.g. Ethereum.")] string name, [P.From] string? from, [P.To] string? to, CancellationToken cancellationToken)
    {
        var v = new QueryValidator();
        var chain = v.Text(name, "name") ?? string.Empty;
        var (since, until) = Range(api, v, from, to);
        if (v.HasErrors)
        {
            return v.Problem();
        }

        var points = await api.Store.GetTvlHistoryAsync(TvlSeriesKind.Chain, chain, since, until, cancellationToken).ConfigureAwait(false);
        if (points.Count == 0)
        {
            var chains = await api.Store.GetChainsAsync(cancellationToken).ConfigureAwait(false);
            if (!chains.Any(c => string.Equals(c.Chain, chain, StringComparison.OrdinalIgnoreCase)))
            {
                return ApiSupport.NotFound("chain", chain);
            }
        }

        return ETagged.Ok(new TvlHistoryDto("chain", chain, since, until, points.Select(p => new TvlPointDto(p.Timestamp, p.TvlUsd)).ToArray()));
    }

    private static async Task<Results<JsonETagResult<PageDto<DexPoolDto>>, ValidationProblem>> ListPools(
        ApiContext api,
        [P.Limit] string? limit,
        [P.Cursor] string? cursor,
        [Description("Only pools on this network, e.g. eth.")] string? network,
        [Description("Pool name contains this text.")] string? q,
        [Description("volume, liquidity or change24h (default volume).")][PoolSort(Default = "volume")] string? sort,
        CancellationToken cancellationToken)
    {
        var v = new QueryValidator();
        var size = v.Limit(limit, 50, api.MaxPageSize);
        var after = v.Cursor(cursor);
        var net = v.OptionalId(network, "network");
        var search = v.Text(q, "q");
        var by = v.OneOf(sort, "sort", PoolSorts, "volume");
        if (v.HasErrors)
        {
            return v.Problem();
        }

        var key = by switch { "liquidity" => DexPoolSort.Liquidity, "change24h" => DexPoolSort.Change24h, _ => DexPoolSort.Volume };
        var page = await api.Store.GetDexPoolsAsync(new DexPoolQuery { Limit = size, Cursor = after, Network = net, Search = search, Sort = key }, cancellationToken).ConfigureAwait(false);
        return ETagged.Ok(ApiSupport.Map(page, DexPoolDto.From));
    }

    private static (DateTimeOffset Since, DateTimeOffset Until) Range(ApiContext api, QueryValidator v, string? from, string? to)
    {
        var now = api.Now;
        var start = v.Instant(from, "from", now);
        var end = v.Instant(to, "to", now);
        v.Range(start, end);
        var until = end ?? now;
        return (start ?? until.AddDays(-30), until);
    }
}
