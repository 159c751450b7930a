using CryptoIntel.Storage;

namespace CryptoIntel.Web.Api;

// The API's answer shapes (see API.md). They map the store's records into a flat, stable JSON contract.

/// <summary>A page of a list: the items and the cursor of the next page (absent on the last page).</summary>
internal sealed record PageDto<T>(IReadOnlyList<T> Items, string? NextCursor)
{
    public int Count => Items.Count;
}

/// <summary>A list that is not paged.</summary>
internal sealed record ListDto<T>(IReadOnlyList<T> Items)
{
    public int Count => Items.Count;
}

internal sealed record CoinDto(
    string Id,
    string? Symbol,
    string? Name,
    int? Rank,
    decimal Price,
    decimal? MarketCap,
    decimal? Volume24h,
    double? Change24h,
    string Source,
    DateTimeOffset UpdatedAt)
{
    public static CoinDto From(MarketSnapshot s) =>
        new(s.Asset.Value, s.Symbol, s.Name, s.Rank, s.PriceUsd, s.MarketCapUsd, s.Volume24hUsd, s.Change24hPercent, s.Source, s.Timestamp);
}

internal sealed record CoinDetailDto(CoinDto Coin, IReadOnlyList<CoinDto> BySource, IReadOnlyList<Signal> RecentSignals);

internal sealed record PricePointDto(DateTimeOffset T, decimal Open, decimal High, decimal Low, decimal Close, decimal? Volume24h, decimal? MarketCap)
{
    public static PricePointDto From(PriceBar b) => new(b.Timestamp, b.Open, b.High, b.Low, b.Close, b.Volume24hUsd, b.MarketCapUsd);
}

internal sealed record CoinHistoryDto(string Id, string Interval, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<PricePointDto> Points);

internal sealed record GlobalMetricsDto(
    decimal? TotalMarketCap,
    decimal? TotalVolume24h,
    double? BtcDominance,
    double? EthDominance,
    double? MarketCapChange24h,
    int? ActiveCryptocurrencies,
    string Source,
    DateTimeOffset UpdatedAt)
{
    public static GlobalMetricsDto From(GlobalMetrics g) => new(
        g.TotalMarketCapUsd, g.TotalVolume24hUsd, g.BtcDominancePercent, g.EthDominancePercent,
        g.MarketCapChange24hPercent, g.ActiveCryptocurrencies, g.Source, g.Timestamp);
}

internal sealed record FearGreedDto(int Value, string Classification, DateTimeOffset Timestamp)
{
    public static FearGreedDto From(FearGreedReading r) => new(r.Value, r.Classification, r.Timestamp);
}

internal sealed record FearGreedHistoryDto(FearGreedDto? Latest, IReadOnlyList<FearGreedDto> History);

internal sealed record MarketCountsDto(int Coins, int Signals24h);

internal sealed record MarketOverviewDto(
    DateTimeOffset? AsOf,
    GlobalMetricsDto? Global,
    FearGreedDto? FearGreed,
    IReadOnlyList<CoinDto> Top,
    IReadOnlyList<CoinDto> Gainers,
    IReadOnlyList<CoinDto> Losers,
    IReadOnlyList<Signal> LatestSignals,
    MarketCountsDto Counts);

internal sealed record MoversDto(DateTimeOffset? AsOf, IReadOnlyList<CoinDto> Gainers, IReadOnlyList<CoinDto> Losers);

internal sealed record ProtocolDto(
    string Slug,
    string Name,
    string? Symbol,
    string? Category,
    IReadOnlyList<string> Chains,
    decimal? Tvl,
    double? Change1d,
    double? Change7d,
    DateTimeOffset UpdatedAt)
{
    public static ProtocolDto From(DefiProtocol p) =>
        new(p.Slug, p.Name, p.Symbol, p.Category, p.Chains, p.TvlUsd, p.Change1dPercent, p.Change7dPercent, p.UpdatedAt);
}

internal sealed record ChainDto(string Name, decimal Tvl, double? Change1d, DateTimeOffset UpdatedAt)
{
    public static ChainDto From(ChainTvl c) => new(c.Chain, c.TvlUsd, c.Change1dPercent, c.Timestamp);
}

internal sealed record TvlPointDto(DateTimeOffset T, decimal Tvl);

internal sealed record TvlHistoryDto(string Kind, string Subject, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<TvlPointDto> Points);

internal sealed record DexPoolDto(
    string Id,
    string Network,
    string Address,
    string? Dex,
    string? Name,
    decimal? PriceUsd,
    decimal? ReserveUsd,
    decimal? Volume24h,
    double? Change24h,
    int? Transactions24h,
    DateTimeOffset UpdatedAt)
{
    public static DexPoolDto From(DexPool p) => new(
        p.Network + ":" + p.Address, p.Network, p.Address, p.Dex, p.Name, p.BaseTokenPriceUsd, p.ReserveUsd,
        p.Volume24hUsd, p.PriceChange24hPercent, p.Transactions24h, p.Timestamp);
}

internal sealed record NewsItemDto(
    string Id,
    string Source,
    string Title,
    Uri? Url,
    DateTimeOffset PublishedAt,
    string? Outlet,
    string? Summary,
    double? Sentiment,
    string? SentimentLabel,
    IReadOnlyList<AssetId> Assets,
    string? StoryId)
{
    public static NewsItemDto From(StoredNewsItem n) => new(
        n.Item.Id, n.Item.Source, n.Item.Title, n.Item.Url, n.Item.PublishedAt, n.Item.Outlet, n.Item.Summary,
        n.Sentiment, n.SentimentLabel, n.Assets, n.StoryId);
}

internal sealed record StoryDto(
    string Id,
    string Title,
    int Items,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    IReadOnlyList<string> Sources,
    double? Sentiment)
{
    public static StoryDto From(NewsStory s) => new(s.Id, s.Title, s.ItemCount, s.FirstSeen, s.LastSeen, s.Sources, s.AverageSentiment);
}

internal sealed record EntityDto(string Id, string Name, string Type, AssetId? Asset, int Mentions, DateTimeOffset FirstSeen, DateTimeOffset LastSeen)
{
    public static EntityDto From(EntitySummary e) => new(e.EntityId, e.Name, e.Kind, e.Asset, e.Mentions, e.FirstSeen, e.LastSeen);
}

internal sealed record TrendingEntityDto(string Id, string Name, string Type, AssetId? Asset, int Mentions, int PreviousMentions, double Score)
{
    public static TrendingEntityDto From(TrendingEntity t) =>
        new(t.Entity.EntityId, t.Entity.Name, t.Entity.Kind, t.Entity.Asset, t.RecentMentions, t.PreviousMentions, t.Score);
}

internal sealed record CoMentionDto(string Id, string Name, string Type, int Count)
{
    public static CoMentionDto From(CoMention c) => new(c.EntityId, c.Name, c.Kind, c.Count);
}

internal sealed record EntityDetailDto(EntityDto Entity, IReadOnlyList<CoMentionDto> CoMentions, IReadOnlyList<NewsItemDto> RecentNews);

internal sealed record CoMentionsDto(EntityDto Entity, string Window, IReadOnlyList<CoMentionDto> Items);

internal sealed record SignalOutcomeDto(string Horizon, DateTimeOffset EvaluatedAt, double ReturnPercent, bool Hit);

internal sealed record SignalDetailDto(Signal Signal, IReadOnlyList<SignalOutcomeDto> Outcomes);

internal sealed record SignalKindStatsDto(SignalKind Kind, int Count, int Up, int Down, double AverageConfidence, DateTimeOffset Latest);

internal sealed record SignalStatsDto(string Window, DateTimeOffset Since, int Total, IReadOnlyList<SignalKindStatsDto> ByKind);

internal sealed record TrackRecordEntryDto(SignalKind Kind, string Horizon, int Evaluated, int Hits, double HitRate, double AverageReturnPercent, double AverageConfidence);

internal sealed record TrackRecordDto(DateTimeOffset? Since, IReadOnlyList<TrackRecordEntryDto> Items);

internal sealed record SourceStatusDto(
    string Source,
    bool Healthy,
    DateTimeOffset LastRunAt,
    DateTimeOffset? LastSuccessAt,
    string? LastError,
    string? LastErrorKind,
    long LastDurationMs,
    int LastItems,
    int Runs24h,
    int Failures24h,
    double AverageDurationMs24h)
{
    public static SourceStatusDto From(SourceHealth h) => new(
        h.Latest.Source, h.Latest.Succeeded, h.Latest.Timestamp, h.LastSuccessAt, h.Latest.Error, h.Latest.ErrorKind,
        h.Latest.DurationMs, h.Latest.Items, h.Runs24h, h.Failures24h, h.AverageDurationMs24h);
}

internal sealed record QuotaDto(string Source, string Period, long Used, long? Limit, double? UsedFraction, DateTimeOffset UpdatedAt)
{
    public static QuotaDto From(QuotaUsage q) => new(
        q.Source, q.Period, q.Used, q.Limit, q.Limit is > 0 ? (double)q.Used / q.Limit.Value : null, q.Timestamp);
}

internal sealed record CycleDto(string Id, DateTimeOffset StartedAt, long DurationMs, int SourcesSucceeded, int SourcesTotal, int NewSignals, string? Error, IReadOnlyDictionary<string, int> Counts)
{
    public static CycleDto From(CycleRecord c) => new(c.Id, c.StartedAt, c.DurationMs, c.SourcesSucceeded, c.SourcesTotal, c.NewSignals, c.Error, c.Counts);
}

internal sealed record WatchlistDto(string Id, string Name, IReadOnlyList<AssetId> Assets, DateTimeOffset CreatedAt, string? Owner)
{
    public static WatchlistDto From(Watchlist w) => new(w.Id, w.Name, w.Assets, w.CreatedAt, w.Owner);
}

/// <summary>The body of <c>POST /api/watchlists</c>.</summary>
internal sealed record CreateWatchlistRequest(string? Name, [P.Items(1, UserEndpoints.MaxAssets)] IReadOnlyList<string>? Assets);

internal sealed record AlertRuleDto(
    string Id,
    string Name,
    SignalKind? Kind,
    AssetId? Asset,
    string? WatchlistId,
    SignalDirection? Direction,
    double MinConfidence,
    bool Enabled,
    DateTimeOffset CreatedAt,
    string? Owner)
{
    public static AlertRuleDto From(AlertRule r) =>
        new(r.Id, r.Name, r.Kind, r.Asset, r.WatchlistId, r.Direction, r.MinConfidence, r.Enabled, r.CreatedAt, r.Owner);
}

/// <summary>
/// The body of <c>POST /api/alert-rules</c>. Only <c>name</c> is required (the handler says so); the defaults here
/// tell the OpenAPI document that the other members may be left out, as they always could.
/// </summary>
internal sealed record CreateAlertRuleRequest(
    string? Name,
    [P.SignalKind] string? Kind = null,
    string? Asset = null,
    string? WatchlistId = null,
    [P.Direction] string? Direction = null,
    [P.Number(0, 1, Default = UserEndpoints.DefaultMinConfidence)] double? MinConfidence = null);
