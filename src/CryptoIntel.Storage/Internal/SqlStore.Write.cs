using System.Data.Common;
using System.Globalization;
using System.Text.Json;

namespace CryptoIntel.Storage.Internal;

internal sealed partial class SqlStore
{
    private const string SnapshotColumns = "asset, source, ts, price, symbol, name, volume, market_cap, change24h, rank";
    private const string SnapshotValues = "@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9";
    private const string SnapshotUpdate = "price = excluded.price, symbol = excluded.symbol, name = excluded.name, volume = excluded.volume, market_cap = excluded.market_cap, change24h = excluded.change24h, rank = excluded.rank";

    private static readonly string InsertSnapshot =
        $"INSERT INTO snapshots ({SnapshotColumns}) VALUES ({SnapshotValues}) ON CONFLICT (asset, source, ts) DO UPDATE SET {SnapshotUpdate}";

    private static readonly string UpsertLatestSnapshot =
        $"INSERT INTO latest_snapshots ({SnapshotColumns}) VALUES ({SnapshotValues}) ON CONFLICT (asset, source) DO UPDATE SET ts = excluded.ts, {SnapshotUpdate} WHERE excluded.ts >= latest_snapshots.ts";

    // Open/high/low/close of the hour, folded in idempotently: writing the same snapshot again changes nothing.
    private const string UpsertHourlyBar = """
        INSERT INTO hourly_bars (asset, source, hour, open, high, low, close, open_ts, close_ts, volume, market_cap)
        VALUES (@p0, @p1, @p2, @p3, @p3, @p3, @p3, @p4, @p4, @p5, @p6)
        ON CONFLICT (asset, source, hour) DO UPDATE SET
          high = CASE WHEN excluded.high > hourly_bars.high THEN excluded.high ELSE hourly_bars.high END,
          low = CASE WHEN excluded.low < hourly_bars.low THEN excluded.low ELSE hourly_bars.low END,
          open = CASE WHEN excluded.open_ts < hourly_bars.open_ts THEN excluded.open ELSE hourly_bars.open END,
          open_ts = CASE WHEN excluded.open_ts < hourly_bars.open_ts THEN excluded.open_ts ELSE hourly_bars.open_ts END,
          close = CASE WHEN excluded.close_ts >= hourly_bars.close_ts THEN excluded.close ELSE hourly_bars.close END,
          volume = CASE WHEN excluded.close_ts >= hourly_bars.close_ts THEN excluded.volume ELSE hourly_bars.volume END,
          market_cap = CASE WHEN excluded.close_ts >= hourly_bars.close_ts THEN excluded.market_cap ELSE hourly_bars.market_cap END,
          close_ts = CASE WHEN excluded.close_ts >= hourly_bars.close_ts THEN excluded.close_ts ELSE hourly_bars.close_ts END
        """;

    private const string DexColumns = "network, address, ts, name, dex, price, reserve, volume, change24h, transactions";
    private const string DexUpdate = "name = excluded.name, dex = excluded.dex, price = excluded.price, reserve = excluded.reserve, volume = excluded.volume, change24h = excluded.change24h, transactions = excluded.transactions";

    public async Task<StorageWriteResult> WriteAsync(StorageBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        Validate(batch);
        using var activity = ActivitySource.StartActivity("CryptoIntelStore.Write");
        var started = _time.GetTimestamp();
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (tx.ConfigureAwait(false))
            {
                var writer = new BatchWriter(this, connection, tx, cancellationToken);
                var newSignals = await writer.WriteAsync(batch).ConfigureAwait(false);
                await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
                var elapsed = _time.GetElapsedTime(started);
                _rowsWritten?.Add(writer.Rows);
                _writeDuration?.Record(elapsed.TotalSeconds);
                Log.BatchWritten(_logger, _provider.Name, writer.Rows, (long)elapsed.TotalMilliseconds, newSignals.Count);
                return new StorageWriteResult(writer.Rows, newSignals);
            }
        }
    }

    private static void Validate(StorageBatch batch)
    {
        static void Require(bool ok, string what)
        {
            if (!ok)
            {
                throw new ArgumentException($"The batch holds an invalid {what}.", nameof(batch));
            }
        }

        foreach (var s in batch.Snapshots)
        {
            Require(s is not null && !s.Asset.IsEmpty && !string.IsNullOrWhiteSpace(s.Source), "market snapshot (asset and source are required)");
        }

        foreach (var p in batch.Protocols)
        {
            Require(p is not null && !string.IsNullOrWhiteSpace(p.Slug) && p.Name is not null, "protocol (slug and name are required)");
        }

        foreach (var t in batch.Tvl)
        {
            Require(t is not null && !string.IsNullOrWhiteSpace(t.Subject), "TVL point (subject is required)");
        }

        foreach (var d in batch.DexPools)
        {
            Require(d is not null && !string.IsNullOrWhiteSpace(d.Network) && !string.IsNullOrWhiteSpace(d.Address), "DEX pool (network and address are required)");
        }

        foreach (var n in batch.News)
        {
            Require(n?.Item is not null && !string.IsNullOrWhiteSpace(n.Item.Id) && n.Item.Title is not null && n.Item.Source is not null, "news item (id, source and title are required)");
        }

        foreach (var m in batch.Mentions)
        {
            Require(m is not null && !string.IsNullOrWhiteSpace(m.NewsId) && !string.IsNullOrWhiteSpace(m.EntityId), "entity mention (news id and entity id are required)");
        }

        foreach (var s in batch.Signals)
        {
            Require(s is not null && !string.IsNullOrWhiteSpace(s.Id), "signal (id is required)");
        }

        foreach (var g in batch.GlobalMetrics)
        {
            Require(g is not null && !string.IsNullOrWhiteSpace(g.Source), "global metrics (source is required)");
        }

        foreach (var s in batch.SourceStatuses)
        {
            Require(s is not null && !string.IsNullOrWhiteSpace(s.Source), "source status (source is required)");
        }

        foreach (var q in batch.QuotaUsage)
        {
            Require(q is not null && !string.IsNullOrWhiteSpace(q.Source) && !string.IsNullOrWhiteSpace(q.Period), "quota use (source and period are required)");
        }

        Require(batch.Cycle is null || !string.IsNullOrWhiteSpace(batch.Cycle.Id), "cycle (id is required)");
    }

    internal static string Json(IReadOnlyList<string> values) => JsonSerializer.Serialize(values as string[] ?? [.. values], StorageJsonContext.Default.StringArray);

    internal static string[] JsonList(string? text) => string.IsNullOrEmpty(text) ? [] : JsonSerializer.Deserialize(text, StorageJsonContext.Default.StringArray) ?? [];

    /// <summary>Writes one batch inside one transaction, reusing one command per statement.</summary>
    private sealed class BatchWriter(SqlStore store, DbConnection connection, DbTransaction tx, CancellationToken cancellationToken)
    {
        private readonly Dictionary<string, DbCommand> _commands = [];

        public int Rows { get; private set; }

        public async Task<IReadOnlyList<string>> WriteAsync(StorageBatch batch)
        {
            try
            {
                await WriteMarketAsync(batch).ConfigureAwait(false);
                await WriteDefiAsync(batch).ConfigureAwait(false);
                await WriteNewsAsync(batch).ConfigureAwait(false);
                var newSignals = await WriteSignalsAsync(batch).ConfigureAwait(false);
                await WriteOperationsAsync(batch).ConfigureAwait(false);
                return newSignals;
            }
            finally
            {
                foreach (var command in _commands.Values)
                {
                    await command.DisposeAsync().ConfigureAwait(false);
                }
            }
        }

        private async Task<int> RunAsync(string sql, params object?[] values)
        {
            if (!_commands.TryGetValue(sql, out var command))
            {
                command = connection.CreateCommand();
                command.CommandText = sql;
                command.Transaction = tx;
                command.CommandTimeout = store._options.CommandTimeoutSeconds;
                for (var i = 0; i < values.Length; i++)
                {
                    var p = command.CreateParameter();
                    p.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
                    command.Parameters.Add(p);
                }

                _commands[sql] = command;
            }

            for (var i = 0; i < values.Length; i++)
            {
                // PostgreSQL text cannot hold NUL; neither database should be handed one from a feed.
                command.Parameters[i].Value = values[i] switch
                {
                    null => DBNull.Value,
                    string s when s.Contains('\0', StringComparison.Ordinal) => s.Replace("\0", string.Empty, StringComparison.Ordinal),
                    var v => v,
                };
            }

            var n = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            Rows += n;
            if (store.FailAfterRows is { } fail && Rows >= fail)
            {
                throw new InvalidOperationException("Simulated failure in the middle of a batch.");
            }

            return n;
        }

        private async Task WriteMarketAsync(StorageBatch batch)
        {
            foreach (var s in batch.Snapshots)
            {
                var ts = Db.Ticks(s.Timestamp);
                object?[] row = [s.Asset.Value, s.Source, ts, Db.Num(s.PriceUsd), s.Symbol, s.Name, Db.Num(s.Volume24hUsd), Db.Num(s.MarketCapUsd), s.Change24hPercent, s.Rank];
                await RunAsync(InsertSnapshot, row).ConfigureAwait(false);
                await RunAsync(UpsertLatestSnapshot, row).ConfigureAwait(false);
                await RunAsync(UpsertHourlyBar, s.Asset.Value, s.Source, ts - (ts % TimeSpan.TicksPerHour), Db.Num(s.PriceUsd), ts, Db.Num(s.Volume24hUsd), Db.Num(s.MarketCapUsd)).ConfigureAwait(false);
            }

            foreach (var g in batch.GlobalMetrics)
            {
                await RunAsync(
                    "INSERT INTO global_metrics (source, ts, total_market_cap, total_volume, btc_dominance, eth_dominance, market_cap_change, active) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7) " +
                    "ON CONFLICT (source, ts) DO UPDATE SET total_market_cap = excluded.total_market_cap, total_volume = excluded.total_volume, btc_dominance = excluded.btc_dominance, eth_dominance = excluded.eth_dominance, market_cap_change = excluded.market_cap_change, active = excluded.active",
                    g.Source, Db.Ticks(g.Timestamp), Db.Num(g.TotalMarketCapUsd), Db.Num(g.TotalVolume24hUsd), g.BtcDominancePercent, g.EthDominancePercent, g.MarketCapChange24hPercent, g.ActiveCryptocurrencies).ConfigureAwait(false);
            }

            foreach (var f in batch.FearGreed)
            {
                await RunAsync(
                    "INSERT INTO fear_greed (ts, value, classification) VALUES (@p0, @p1, @p2) ON CONFLICT (ts) DO UPDATE SET value = excluded.value, classification = excluded.classification",
                    Db.Ticks(f.Timestamp), f.Value, f.Classification ?? string.Empty).ConfigureAwait(false);
            }
        }

        private async Task WriteDefiAsync(StorageBatch batch)
        {
            foreach (var p in batch.Protocols)
            {
                var chains = p.Chains ?? [];
                await RunAsync(
                    "INSERT INTO protocols (slug, name, name_lower, category, category_lower, chains, chains_key, symbol, tvl, change1d, change7d, updated_at) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11) " +
                    "ON CONFLICT (slug) DO UPDATE SET name = excluded.name, name_lower = excluded.name_lower, category = excluded.category, category_lower = excluded.category_lower, chains = excluded.chains, chains_key = excluded.chains_key, " +
                    "symbol = excluded.symbol, tvl = excluded.tvl, change1d = excluded.change1d, change7d = excluded.change7d, updated_at = excluded.updated_at WHERE excluded.updated_at >= protocols.updated_at",
                    p.Slug.Trim().ToLowerInvariant(), p.Name, p.Name.ToLowerInvariant(), p.Category, Db.Lower(p.Category), Json(chains), "|" + string.Join('|', chains.Select(c => c.Trim().ToLowerInvariant())) + "|",
                    p.Symbol, Db.Num(p.TvlUsd), p.Change1dPercent, p.Change7dPercent, Db.Ticks(p.UpdatedAt)).ConfigureAwait(false);
            }

            foreach (var t in batch.Tvl)
            {
                await RunAsync(
                    "INSERT INTO tvl_points (kind, subject, ts, tvl) VALUES (@p0, @p1, @p2, @p3) ON CONFLICT (kind, subject, ts) DO UPDATE SET tvl = excluded.tvl",
                    (int)t.Kind, t.Subject.Trim().ToLowerInvariant(), Db.Ticks(t.Timestamp), Db.Num(t.TvlUsd)).ConfigureAwait(false);
            }

            foreach (var d in batch.DexPools)
            {
                var ts = Db.Ticks(d.Timestamp);
                await RunAsync(
                    $"INSERT INTO dex_pools ({DexColumns}) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9) ON CONFLICT (network, address, ts) DO UPDATE SET {DexUpdate}",
                    d.Network, d.Address, ts, d.Name, d.Dex, Db.Num(d.BaseTokenPriceUsd), Db.Num(d.ReserveUsd), Db.Num(d.Volume24hUsd), d.PriceChange24hPercent, d.Transactions24h).ConfigureAwait(false);
                await RunAsync(
                    $"INSERT INTO latest_dex_pools (pool_key, search, {DexColumns}) VALUES (@p10, @p11, @p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9) " +
                    $"ON CONFLICT (pool_key) DO UPDATE SET ts = excluded.ts, search = excluded.search, {DexUpdate} WHERE excluded.ts >= latest_dex_pools.ts",
                    d.Network, d.Address, ts, d.Name, d.Dex, Db.Num(d.BaseTokenPriceUsd), Db.Num(d.ReserveUsd), Db.Num(d.Volume24hUsd), d.PriceChange24hPercent, d.Transactions24h,
                    d.Network + ":" + d.Address, ((d.Name ?? string.Empty) + " " + (d.Dex ?? string.Empty)).ToLowerInvariant()).ConfigureAwait(false);
            }
        }

        private async Task WriteNewsAsync(StorageBatch batch)
        {
            var touchedStories = new HashSet<string>(StringComparer.Ordinal);
            if (batch.News.Count > 0)
            {
                // Items re-written into another story leave their old story: recompute it too.
                foreach (var chunk in batch.News.Select(n => n.Item.Id).Distinct(StringComparer.Ordinal).Chunk(500))
                {
                    var sql = new Sql();
                    sql.Append($"SELECT story_id FROM news WHERE id IN ({sql.List(chunk)})");
                    foreach (var story in await store.QueryAsync(connection, tx, sql, r => r.GetString(0), cancellationToken).ConfigureAwait(false))
                    {
                        touchedStories.Add(story);
                    }
                }
            }

            foreach (var n in batch.News)
            {
                var item = n.Item;
                var story = string.IsNullOrWhiteSpace(n.StoryId) ? item.Id : n.StoryId;
                touchedStories.Add(story);
                var assets = (n.Assets ?? []).Where(a => !a.IsEmpty).Select(a => a.Value).Distinct(StringComparer.Ordinal).ToArray();
                var ts = Db.Ticks(item.PublishedAt);
                await RunAsync(
                    "INSERT INTO news (id, source, title, title_lower, url, published_at, outlet, summary, author, currencies, categories, votes, sentiment, sentiment_label, story_id, assets) " +
                    "VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13, @p14, @p15) ON CONFLICT (id) DO UPDATE SET source = excluded.source, title = excluded.title, " +
                    "title_lower = excluded.title_lower, url = excluded.url, published_at = excluded.published_at, outlet = excluded.outlet, summary = excluded.summary, author = excluded.author, " +
                    "currencies = excluded.currencies, categories = excluded.categories, votes = excluded.votes, sentiment = excluded.sentiment, sentiment_label = excluded.sentiment_label, story_id = excluded.story_id, assets = excluded.assets",
                    item.Id, item.Source, item.Title, item.Title.ToLowerInvariant(), item.Url?.ToString(), ts, item.Outlet, item.Summary, item.Author,
                    Json(item.Currencies ?? []), Json(item.Categories ?? []), JsonSerializer.Serialize(new Dictionary<string, int>(item.Votes ?? new Dictionary<string, int>()), StorageJsonContext.Default.DictionaryStringInt32),
                    n.Sentiment, n.SentimentLabel, story, Json(assets)).ConfigureAwait(false);
                await RunAsync("DELETE FROM news_assets WHERE news_id = @p0", item.Id).ConfigureAwait(false);
                foreach (var asset in assets)
                {
                    await RunAsync("INSERT INTO news_assets (news_id, asset, published_at) VALUES (@p0, @p1, @p2)", item.Id, asset, ts).ConfigureAwait(false);
                }
            }

            await RecomputeStoriesAsync(touchedStories).ConfigureAwait(false);

            var touchedEntities = new Dictionary<string, EntityMention>(StringComparer.Ordinal);
            foreach (var m in batch.Mentions)
            {
                await RunAsync(
                    "INSERT INTO mentions (news_id, entity_id, name, kind, asset, published_at, mention_count) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6) " +
                    "ON CONFLICT (news_id, entity_id) DO UPDATE SET name = excluded.name, kind = excluded.kind, asset = excluded.asset, published_at = excluded.published_at, mention_count = excluded.mention_count",
                    m.NewsId, m.EntityId, m.Name ?? m.EntityId, (m.Kind ?? string.Empty).ToLowerInvariant(), m.Asset?.Value, Db.Ticks(m.PublishedAt), Math.Max(1, m.Count)).ConfigureAwait(false);
                touchedEntities[m.EntityId] = m;
            }

            foreach (var chunk in touchedEntities.Keys.Chunk(500))
            {
                var sql = new Sql();
                sql.Append($"SELECT entity_id, COUNT(*), MIN(published_at), MAX(published_at) FROM mentions WHERE entity_id IN ({sql.List(chunk)}) GROUP BY entity_id");
                var counts = await store.QueryAsync(connection, tx, sql, r => (Id: r.GetString(0), Count: r.Int(1), First: r.Long(2), Last: r.Long(3)), cancellationToken).ConfigureAwait(false);
                foreach (var (id, count, first, last) in counts)
                {
                    var m = touchedEntities[id];
                    var name = m.Name ?? id;
                    await RunAsync(
                        "INSERT INTO entities (entity_id, name, search, kind, asset, mentions, first_seen, last_seen) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7) " +
                        "ON CONFLICT (entity_id) DO UPDATE SET name = excluded.name, search = excluded.search, kind = excluded.kind, asset = excluded.asset, mentions = excluded.mentions, first_seen = excluded.first_seen, last_seen = excluded.last_seen",
                        id, name, (id + " " + name).ToLowerInvariant(), (m.Kind ?? string.Empty).ToLowerInvariant(), m.Asset?.Value, count, first, last).ConfigureAwait(false);
                }
            }
        }

        private async Task RecomputeStoriesAsync(HashSet<string> stories)
        {
            foreach (var chunk in stories.Chunk(500))
            {
                var sql = new Sql();
                sql.Append($"SELECT story_id, id, title, source, outlet, published_at, sentiment FROM news WHERE story_id IN ({sql.List(chunk)})");
                var items = await store.QueryAsync(connection, tx, sql, r => (Story: r.GetString(0), Id: r.GetString(1), Title: r.GetString(2), Source: r.GetString(3), Outlet: r.Str(4), At: r.Long(5), Sentiment: r.DblN(6)), cancellationToken).ConfigureAwait(false);
                var groups = items.GroupBy(i => i.Story, StringComparer.Ordinal).ToDictionary(g => g.Key, StringComparer.Ordinal);
                foreach (var story in chunk)
                {
                    if (!groups.TryGetValue(story, out var group))
                    {
                        await RunAsync("DELETE FROM stories WHERE id = @p0", story).ConfigureAwait(false);
                        continue;
                    }

                    var ordered = group.OrderBy(i => i.At).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();
                    var sources = ordered.Select(i => i.Outlet ?? i.Source).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
                    var scored = ordered.Where(i => i.Sentiment is not null).Select(i => i.Sentiment!.Value).ToList();
                    await RunAsync(
                        "INSERT INTO stories (id, title, first_seen, last_seen, item_count, sources, sentiment) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6) " +
                        "ON CONFLICT (id) DO UPDATE SET title = excluded.title, first_seen = excluded.first_seen, last_seen = excluded.last_seen, item_count = excluded.item_count, sources = excluded.sources, sentiment = excluded.sentiment",
                        story, ordered[0].Title, ordered[0].At, ordered[^1].At, ordered.Count, Json(sources), scored.Count == 0 ? null : scored.Average()).ConfigureAwait(false);
                }
            }
        }

        private async Task<IReadOnlyList<string>> WriteSignalsAsync(StorageBatch batch)
        {
            var fresh = new List<string>();
            foreach (var s in batch.Signals)
            {
                // A signal's id is derived from what it says, so a signal seen again is the same row: keep the first.
                var n = await RunAsync(
                    "INSERT INTO signals (id, kind, subject, direction, magnitude, confidence, detected_at, detector, detector_version, asset, entities, evidence, scorer, summary) " +
                    "VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13) ON CONFLICT (id) DO NOTHING",
                    s.Id, s.Kind.Value, s.Subject ?? string.Empty, (int)s.Direction, s.Magnitude, s.Confidence, Db.Ticks(s.DetectedAt), s.Detector ?? string.Empty, s.DetectorVersion ?? string.Empty,
                    s.Asset?.Value, Json(s.Entities ?? []), JsonSerializer.Serialize(s.Evidence as SignalEvidence[] ?? [.. s.Evidence ?? []], StorageJsonContext.Default.SignalEvidenceArray),
                    s.Scorer ?? "rules", s.Summary).ConfigureAwait(false);
                if (n > 0)
                {
                    fresh.Add(s.Id);
                }
            }

            foreach (var o in batch.Outcomes)
            {
                await RunAsync(
                    "INSERT INTO signal_outcomes (signal_id, horizon, evaluated_at, return_pct, hit) VALUES (@p0, @p1, @p2, @p3, @p4) " +
                    "ON CONFLICT (signal_id, horizon) DO UPDATE SET evaluated_at = excluded.evaluated_at, return_pct = excluded.return_pct, hit = excluded.hit",
                    o.SignalId, o.Horizon, Db.Ticks(o.EvaluatedAt), o.ReturnPercent, o.Hit ? 1 : 0).ConfigureAwait(false);
            }

            return fresh;
        }

        private async Task WriteOperationsAsync(StorageBatch batch)
        {
            foreach (var s in batch.SourceStatuses)
            {
                await RunAsync(
                    "INSERT INTO source_status (source, ts, cycle_id, succeeded, calls, from_cache, stale, duration_ms, items, error, error_kind) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10) " +
                    "ON CONFLICT (source, ts) DO UPDATE SET cycle_id = excluded.cycle_id, succeeded = excluded.succeeded, calls = excluded.calls, from_cache = excluded.from_cache, stale = excluded.stale, " +
                    "duration_ms = excluded.duration_ms, items = excluded.items, error = excluded.error, error_kind = excluded.error_kind",
                    s.Source, Db.Ticks(s.Timestamp), s.CycleId, s.Succeeded ? 1 : 0, s.Calls, s.FromCache, s.Stale, s.DurationMs, s.Items, s.Error, s.ErrorKind).ConfigureAwait(false);
            }

            foreach (var q in batch.QuotaUsage)
            {
                await RunAsync(
                    "INSERT INTO quota_usage (source, period, ts, used, quota_limit) VALUES (@p0, @p1, @p2, @p3, @p4) " +
                    "ON CONFLICT (source, period) DO UPDATE SET ts = excluded.ts, used = excluded.used, quota_limit = excluded.quota_limit WHERE excluded.ts >= quota_usage.ts",
                    q.Source, q.Period, Db.Ticks(q.Timestamp), q.Used, q.Limit).ConfigureAwait(false);
            }

            if (batch.Cycle is { } c)
            {
                await RunAsync(
                    "INSERT INTO cycles (id, started_at, duration_ms, sources_succeeded, sources_total, counts, new_signals, error) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7) " +
                    "ON CONFLICT (id) DO UPDATE SET started_at = excluded.started_at, duration_ms = excluded.duration_ms, sources_succeeded = excluded.sources_succeeded, sources_total = excluded.sources_total, " +
                    "counts = excluded.counts, new_signals = excluded.new_signals, error = excluded.error",
                    c.Id, Db.Ticks(c.StartedAt), c.DurationMs, c.SourcesSucceeded, c.SourcesTotal,
                    JsonSerializer.Serialize(new Dictionary<string, int>(c.Counts ?? new Dictionary<string, int>()), StorageJsonContext.Default.DictionaryStringInt32), c.NewSignals, c.Error).ConfigureAwait(false);
            }
        }
    }
}
