using System.ComponentModel;
using System.Text.RegularExpressions;
using CryptoIntel.Storage;
using CryptoIntel.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CryptoIntel.Web.Api;

/// <summary>Signals (latest, by kind, by id with evidence, statistics, track record) and sources (status, quota, cycles).</summary>
internal static partial class SignalEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var signals = api.MapGroup("/signals").WithTags("Signals");
        signals.MapGet("/", Latest).Read("ListSignals", "Latest signals",
            "Signals newest first; filter by kind, asset, direction, minimum confidence and time. Cursor-paged.");
        signals.MapGet("/kinds/{kind}", ByKind).Read("ListSignalsByKind", "Signals of one kind",
            "Signals of one kind (volume-spike, price-move, tvl-change, depeg, ...), newest first. Cursor-paged.");
        signals.MapGet("/stats", Stats).Read("GetSignalStatistics", "Signal statistics",
            "How many signals each kind raised in the window, up and down, with average confidence.");
        signals.MapGet("/track-record", TrackRecord).Read("GetSignalTrackRecord", "Signal track record",
            "Per kind and horizon: how many signals were evaluated against the later price, how many were right (hit rate), the average return and confidence.");
        signals.MapGet("/{id}", GetSignal).Read("GetSignal", "Signal detail",
            "One signal with its evidence (the measured values and thresholds behind it) and its evaluated outcomes.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var sources = api.MapGroup("/sources").WithTags("Sources");
        sources.MapGet("/", Sources).Read("ListSources", "Source status",
            "Each data source's latest collection result, last success, error and 24-hour run and failure counts.");
        sources.MapGet("/quota", Quota).Read("GetSourceQuota", "Source quota use",
            "Calls used against each source's quota in its period (minute, day, month).");
        sources.MapGet("/cycles", Cycles).Read("ListCollectionCycles", "Collection cycles",
            "Summaries of the latest collection cycles (duration, sources that succeeded, counts, new signals). Cursor-paged.");
    }

    private static async Task<Results<JsonETagResult<PageDto<Signal>>, ValidationProblem>> Latest(
        ApiContext api,
        [P.Limit] string? limit,
        [P.Cursor] string? cursor,
        [Description("Only this kind, e.g. volume-spike.")][P.SignalKind] string? kind,
        [Description("Only this asset id, e.g. bitcoin.")] string? asset,
        [Description("up, down or neutral.")][P.Direction] string? direction,
        [Description("Only signals at least this confident, 0 to 1.")][P.Number(0, 1)] string? minConfidence,
        [Description("Only signals detected at or after this instant (ISO 8601).")][P.Instant] string? since,
        CancellationToken cancellationToken)
    {
        var v = new QueryValidator();
        var size = v.Limit(limit, 50, api.MaxPageSize);
        var after = v.Cursor(cursor);
        var only = kind is null ? null : v.OneOf(kind, "kind", ApiSupport.SignalKinds, string.Empty);
        var about = v.OptionalId(asset, "asset");
        var way = direction is null ? null : v.OneOf(direction, "direction", ApiSupport.Directions, string.Empty);
        var confidence = minConfidence is null ? (double?)null : v.Number(minConfidence, "minConfidence", 0, 0, 1);
        var start = v.Instant(since, "since", api.Now);
        if (v.HasErrors)
        {
            return v.Problem();
        }

        var page = await api.Store.GetSignalsAsync(new SignalQuery
        {
            Limit = size,
            Cursor = after,
            Kind = only is null ? (SignalKind?)null : new SignalKind(only),
            Asset = about is null ? (AssetId?)null : new AssetId(about),
            Direction = way is null ? (SignalDirection?)null : ApiSupport.ParseDirection(way),
            MinConfidence = confidence,
            Since = start,
        }, cancellationToken).ConfigureAwait(false);
        return ETagged.Ok(new PageDto<Signal>(page.Items, page.NextCursor));
    }

    private static async Task<Results<JsonETagResult<PageDto<Signal>>, ValidationProblem>> ByKind(
        ApiContext api, [Description("The kind, e.g. volume-spike.")][P.SignalKind] string kind, [P.Limit] string? limit, [P.Cursor] string? cursor, CancellationToken cancellationToken)
    {
        var v = new QueryValidator();
        var only = v.OneOf(kind, "kind", ApiSupport.SignalKinds, string.Empty);
        var size = v.Limit(limit, 50, api.MaxPageSize);
        var after = v.Cursor(cursor);
        if (v.HasErrors)
        {
            return v.Problem();
        }

        var page = await api.Store.GetSignalsAsync(new SignalQuery { Kind = new SignalKind(only), Limit = size, Cursor = after }, cancellationToken).ConfigureAwait(false);
        return ETagged.Ok(new PageDto<Signal>(page.Items, page.NextCursor));
    }

    private static async Task<Results<JsonETagResult<SignalDetailDto>, ValidationProblem, ProblemHttpResult>> GetSignal(
        ApiContext api, [Description("The signal's id (32 hex digits).")] string id, CancellationToken cancellationToken)
    {
        var v = new QueryValidator();
        var signalId = v.Id(id, "id");
        if (v.HasErrors)
        {
            return v.Problem();
        }

        var stored = await api.Store.GetSignalAsync(signalId, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return ApiSupport.NotFound("signal", signalId);
        }

        return ETagged.Ok(new SignalDetailDto(
            stored.Signal,
            stored.Outcomes.Select(o => new SignalOutcomeDto(o.Horizon, o.EvaluatedAt, o.ReturnPercent, o.Hit)).ToArray()));
    }

    private static async Task<Results<JsonETagResult<SignalStatsDto>, ValidationProblem>> Stats(
        ApiContext api, [Description("1h, 24h, 7d or 30d (default 24h).")][P.Window(Default = "24h")] string? window, CancellationToken cancellationToken)
    {
        var v = new QueryValidator();
        var span = v.OneOf(window, "window", ApiSupport.Windows, "24h");
        if (v.HasErrors)
        {
            return v.Problem();
        }

        var stats = await api.Store.GetSignalStatisticsAsync(api.Now - ApiSupport.WindowSpan(span), cancellationToken).ConfigureAwait(false);
        return ETagged.Ok(new SignalStatsDto(
            span,
            stats.Since,
            stats.Total,
            stats.ByKind.Select(k => new SignalKindStatsDto(k.Kind, k.Count, k.Up, k.Down, k.AverageConfidence, k.Latest)).ToArray()));
    }

    private static async Task<Results<JsonETagResult<TrackRecordDto>, ValidationProblem>> TrackRecord(
        ApiContext api,
        [Description("Only this kind, e.g. volume-spike.")][P.SignalKind] string? kind,
        [Description("Only this evaluation horizon, e.g. 1h, 4h, 24h.")][P.Horizon] string? horizon,
        [Description("Only signals detected at or after this instant (ISO 8601).")][P.Instant] string? since,
        CancellationToken cancellationToken)
    {
        var v = new QueryValidator();
        var only = kind is null ? null : v.OneOf(kind, "kind", ApiSupport.SignalKinds, string.Empty);
        if (horizon is not null && (horizon.Length > 8 || !HorizonPattern().IsMatch(horizon)))
        {
            v.Error("horizon", "'horizon' must be a number and a unit (m, h or d), e.g. 24h.");
        }

        var start = v.Instant(since, "since", api.Now);
        if (v.HasErrors)
        {
            return v.Problem();
        }

        var records = await api.Store.GetTrackRecordAsync(only is null ? (SignalKind?)null : new SignalKind(only), start, cancellationToken).ConfigureAwait(false);
        var items = records
            .Where(r => horizon is null || string.Equals(r.Horizon, horizon, StringComparison.OrdinalIgnoreCase))
            .Select(r => new TrackRecordEntryDto(r.Kind, r.Horizon, r.Evaluated, r.Hits, r.HitRate, r.AverageReturnPercent, r.AverageConfidence))
            .ToArray();
        return ETagged.Ok(new TrackRecordDto(start, items));
    }

    private static async Task<JsonETagResult<ListDto<SourceStatusDto>>> Sources(ApiContext api, CancellationToken cancellationToken)
    {
        var health = await api.Store.GetSourceHealthAsync(cancellationToken).ConfigureAwait(false);
        return ETagged.Ok(new ListDto<SourceStatusDto>(health.Select(SourceStatusDto.From).ToArray()));
    }

    private static async Task<JsonETagResult<ListDto<QuotaDto>>> Quota(ApiContext api, CancellationToken cancellationToken)
    {
        var quota = await api.Store.GetQuotaUsageAsync(cancellationToken).ConfigureAwait(false);
        return ETagged.Ok(new ListDto<QuotaDto>(quota.Select(QuotaDto.From).ToArray()));
    }

    private static async Task<Results<JsonETagResult<PageDto<CycleDto>>, ValidationProblem>> Cycles(
        ApiContext api, [P.Limit] string? limit, [P.Cursor] string? cursor, CancellationToken cancellationToken)
    {
        var v = new QueryValidator();
        var size = v.Limit(limit, 50, api.MaxPageSize);
        var after = v.Cursor(cursor);
        if (v.HasErrors)
        {
            return v.Problem();
        }

        var page = await api.Store.GetCyclesAsync(size, after, cancellationToken).ConfigureAwait(false);
        return ETagged.Ok(ApiSupport.Map(page, CycleDto.From));
    }

    [GeneratedRegex(ApiSupport.HorizonStart + @"\z", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex HorizonPattern();
}
