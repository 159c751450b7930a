namespace CryptoIntel.Storage;

/// <summary>
/// Everything CryptoIntel stores, and the queries the web API and the dashboards make. One implementation per
/// database (embedded SQLite by default, PostgreSQL through <c>CryptoIntel.Storage.PostgreSql</c>), one
/// conformance suite for all. Thread-safe; register as a singleton.
/// </summary>
/// <remarks>
/// Writes go through <see cref="WriteAsync"/>: a <see cref="StorageBatch"/> is written in one transaction, with
/// deterministic ids and upserts, so a cycle written twice leaves the same rows and a cycle that fails half-way
/// leaves none. Every filter value is passed as a parameter, never spliced into SQL. The schema is created and
/// migrated on first use (and at host start by the migration service when hosted).
/// Paged lists take a <see cref="PageQuery"/> and return a <see cref="Page{T}"/> whose cursor is opaque.
/// </remarks>
public interface ICryptoIntelStore
{
    /// <summary>Writes a batch in one transaction: all of it or nothing.</summary>
    /// <param name="batch">What to write.</param>
    /// <param name="cancellationToken">Cancels the write (the transaction is rolled back).</param>
    /// <returns>What was written, including which signals are new.</returns>
    Task<StorageWriteResult> WriteAsync(StorageBatch batch, CancellationToken cancellationToken = default);

    // ---- market ----

    /// <summary>Gets the market overview: global figures, fear &amp; greed, top assets and movers.</summary>
    /// <param name="movers">How many assets each list holds (1 to 100).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The overview; empty lists when nothing is stored.</returns>
    Task<MarketOverview> GetMarketOverviewAsync(int movers = 10, CancellationToken cancellationToken = default);

    /// <summary>Lists the newest snapshot of each asset, filtered and ordered.</summary>
    /// <param name="query">Filters, order and page.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>One page.</returns>
    Task<Page<MarketSnapshot>> GetCoinsAsync(CoinQuery query, CancellationToken cancellationToken = default);

    /// <summary>Gets the newest snapshots of one asset.</summary>
    /// <param name="asset">The asset.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The detail, or null when the asset has no snapshot.</returns>
    Task<CoinDetail?> GetCoinAsync(AssetId asset, CancellationToken cancellationToken = default);

    /// <summary>Gets an asset's price history in a time range.</summary>
    /// <param name="asset">The asset.</param>
    /// <param name="from">The range's start (inclusive).</param>
    /// <param name="to">The range's end (exclusive).</param>
    /// <param name="interval">The bar size.</param>
    /// <param name="source">The source to read; null takes the source with the most data in the range.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The bars, oldest first (at most 10,000).</returns>
    Task<IReadOnlyList<PriceBar>> GetPriceHistoryAsync(AssetId asset, DateTimeOffset from, DateTimeOffset to, HistoryInterval interval, string? source = null, CancellationToken cancellationToken = default);

    /// <summary>Gets the global market figures in a time range.</summary>
    /// <param name="from">The range's start (inclusive).</param>
    /// <param name="to">The range's end (exclusive).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The figures, oldest first (at most 10,000).</returns>
    Task<IReadOnlyList<GlobalMetrics>> GetGlobalMetricsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);

    /// <summary>Gets the Fear &amp; Greed readings in a time range.</summary>
    /// <param name="from">The range's start (inclusive).</param>
    /// <param name="to">The range's end (exclusive).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The readings, oldest first (at most 10,000).</returns>
    Task<IReadOnlyList<FearGreedReading>> GetFearGreedAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);

    // ---- DeFi ----

    /// <summary>Lists DeFi protocols, filtered and ordered.</summary>
    /// <param name="query">Filters, order and page.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>One page.</returns>
    Task<Page<DefiProtocol>> GetProtocolsAsync(ProtocolQuery query, CancellationToken cancellationToken = default);

    /// <summary>Gets one protocol.</summary>
    /// <param name="slug">The protocol's slug.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The protocol, or null.</returns>
    Task<DefiProtocol?> GetProtocolAsync(string slug, CancellationToken cancellationToken = default);

    /// <summary>Gets a TVL series in a time range.</summary>
    /// <param name="kind">Protocol or chain.</param>
    /// <param name="subject">The protocol slug or chain name.</param>
    /// <param name="from">The range's start (inclusive).</param>
    /// <param name="to">The range's end (exclusive).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The points, oldest first (at most 10,000).</returns>
    Task<IReadOnlyList<TvlPoint>> GetTvlHistoryAsync(TvlSeriesKind kind, string subject, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);

    /// <summary>Gets every chain's newest TVL, largest first.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The chains.</returns>
    Task<IReadOnlyList<ChainTvl>> GetChainsAsync(CancellationToken cancellationToken = default);

    /// <summary>Lists the newest figures of each DEX pool, filtered and ordered.</summary>
    /// <param name="query">Filters, order and page.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>One page.</returns>
    Task<Page<DexPool>> GetDexPoolsAsync(DexPoolQuery query, CancellationToken cancellationToken = default);

    // ---- news and entities ----

    /// <summary>Lists news items, newest first.</summary>
    /// <param name="query">Filters and page.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>One page.</returns>
    Task<Page<StoredNewsItem>> GetNewsAsync(NewsQuery query, CancellationToken cancellationToken = default);

    /// <summary>Lists stories (de-duplicated groups of items), newest activity first.</summary>
    /// <param name="query">Filters and page.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>One page.</returns>
    Task<Page<NewsStory>> GetStoriesAsync(StoryQuery query, CancellationToken cancellationToken = default);

    /// <summary>Lists entities with their mention counts.</summary>
    /// <param name="query">Filters, order and page.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>One page.</returns>
    Task<Page<EntitySummary>> GetEntitiesAsync(EntityQuery query, CancellationToken cancellationToken = default);

    /// <summary>Gets one entity with its all-time mention counts.</summary>
    /// <param name="entityId">The entity's id.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The entity, or null when it was never mentioned.</returns>
    Task<EntitySummary?> GetEntityAsync(string entityId, CancellationToken cancellationToken = default);

    /// <summary>Gets the entities whose mentions rise the most: the window ending now against the window before it.</summary>
    /// <param name="window">The window (1 hour to 30 days).</param>
    /// <param name="limit">How many (1 to 500).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The entities, hottest first.</returns>
    Task<IReadOnlyList<TrendingEntity>> GetTrendingEntitiesAsync(TimeSpan window, int limit = 20, CancellationToken cancellationToken = default);

    /// <summary>Gets the entities mentioned in the same items as one entity.</summary>
    /// <param name="entityId">The entity's id.</param>
    /// <param name="since">The earliest publication time counted; null counts all.</param>
    /// <param name="limit">How many (1 to 500).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The co-mentioned entities, most frequent first.</returns>
    Task<IReadOnlyList<CoMention>> GetCoMentionsAsync(string entityId, DateTimeOffset? since = null, int limit = 20, CancellationToken cancellationToken = default);

    // ---- signals ----

    /// <summary>Lists signals, newest first.</summary>
    /// <param name="query">Filters and page.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>One page.</returns>
    Task<Page<Signal>> GetSignalsAsync(SignalQuery query, CancellationToken cancellationToken = default);

    /// <summary>Gets one signal with its evidence and outcomes.</summary>
    /// <param name="id">The signal's id.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The signal, or null.</returns>
    Task<StoredSignal?> GetSignalAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Gets signal counts per kind since a time.</summary>
    /// <param name="since">The window's start.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The statistics.</returns>
    Task<SignalStatistics> GetSignalStatisticsAsync(DateTimeOffset since, CancellationToken cancellationToken = default);

    /// <summary>Gets the track record (hit rate, mean move) per kind and horizon.</summary>
    /// <param name="kind">One kind, or null for all.</param>
    /// <param name="since">The earliest detection time counted; null counts all.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>One entry per kind and horizon.</returns>
    Task<IReadOnlyList<SignalTrackRecord>> GetTrackRecordAsync(SignalKind? kind = null, DateTimeOffset? since = null, CancellationToken cancellationToken = default);

    /// <summary>Gets signals detected in a range that have no outcome at a horizon yet (for the outcome evaluator).</summary>
    /// <param name="horizon">The horizon, e.g. <c>24h</c>.</param>
    /// <param name="detectedBefore">Only signals detected before this time (now minus the horizon).</param>
    /// <param name="limit">How many (1 to 500).</param>
    /// <param name="detectedFrom">Only signals detected at or after this time (a window, or the next page's start); null for no bound.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The signals, oldest first.</returns>
    Task<IReadOnlyList<Signal>> GetSignalsAwaitingOutcomeAsync(string horizon, DateTimeOffset detectedBefore, int limit = 100, DateTimeOffset? detectedFrom = null, CancellationToken cancellationToken = default);

    // ---- sources and cycles ----

    /// <summary>Gets every source's health.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>One entry per source, by name.</returns>
    Task<IReadOnlyList<SourceHealth>> GetSourceHealthAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets every source's quota use in its newest period.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>One entry per source, by name.</returns>
    Task<IReadOnlyList<QuotaUsage>> GetQuotaUsageAsync(CancellationToken cancellationToken = default);

    /// <summary>Lists cycle summaries, newest first.</summary>
    /// <param name="limit">The page size (1 to 500).</param>
    /// <param name="cursor">The previous page's cursor, or null.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>One page.</returns>
    Task<Page<CycleRecord>> GetCyclesAsync(int limit = 50, string? cursor = null, CancellationToken cancellationToken = default);

    // ---- watchlists and alert rules ----

    /// <summary>Creates or replaces a watchlist.</summary>
    /// <param name="watchlist">The watchlist.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when it is stored.</returns>
    Task SaveWatchlistAsync(Watchlist watchlist, CancellationToken cancellationToken = default);

    /// <summary>Lists watchlists, oldest first.</summary>
    /// <param name="owner">The owner to match; null lists every list.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The watchlists (at most 1,000).</returns>
    Task<IReadOnlyList<Watchlist>> GetWatchlistsAsync(string? owner = null, CancellationToken cancellationToken = default);

    /// <summary>Gets one watchlist.</summary>
    /// <param name="id">The id.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The watchlist, or null.</returns>
    Task<Watchlist?> GetWatchlistAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Deletes a watchlist.</summary>
    /// <param name="id">The id.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>Whether it existed.</returns>
    Task<bool> DeleteWatchlistAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Creates or replaces an alert rule.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when it is stored.</returns>
    Task SaveAlertRuleAsync(AlertRule rule, CancellationToken cancellationToken = default);

    /// <summary>Lists alert rules, oldest first.</summary>
    /// <param name="owner">The owner to match; null lists every rule.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The rules (at most 1,000).</returns>
    Task<IReadOnlyList<AlertRule>> GetAlertRulesAsync(string? owner = null, CancellationToken cancellationToken = default);

    /// <summary>Gets one alert rule.</summary>
    /// <param name="id">The id.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The rule, or null.</returns>
    Task<AlertRule?> GetAlertRuleAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Deletes an alert rule.</summary>
    /// <param name="id">The id.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>Whether it existed.</returns>
    Task<bool> DeleteAlertRuleAsync(string id, CancellationToken cancellationToken = default);
}

/// <summary>Schema and retention upkeep of a store: migrations and compaction.</summary>
public interface IStorageMaintenance
{
    /// <summary>Applies the migrations the database lacks (idempotent; safe from several processes at once).</summary>
    /// <param name="cancellationToken">Cancels the migration.</param>
    /// <returns>The schema version after migrating.</returns>
    Task<int> MigrateAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes rows older than their retention (raw snapshots, DEX pool figures, source statuses); hourly bars are kept.</summary>
    /// <param name="cancellationToken">Cancels the compaction.</param>
    /// <returns>How many rows were deleted.</returns>
    Task<int> CompactAsync(CancellationToken cancellationToken = default);
}

/// <summary>What <see cref="ICryptoIntelStore.WriteAsync"/> wrote.</summary>
/// <param name="Rows">Rows inserted or updated.</param>
/// <param name="NewSignalIds">The ids of the batch's signals that were not stored before (publish these).</param>
public sealed record StorageWriteResult(int Rows, IReadOnlyList<string> NewSignalIds);
