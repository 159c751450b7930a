using System.Data.Common;
using System.Text.Json;

namespace CryptoIntel.Storage.Internal;

internal sealed partial class SqlStore
{
    private const string StatusSelect = "s.source, s.ts, s.succeeded, s.cycle_id, s.calls, s.from_cache, s.stale, s.duration_ms, s.items, s.error, s.error_kind";

    private static SourceStatus ReadStatus(DbDataReader r) => new(r.GetString(0), r.TimeV(1), r.Bool(2))
    {
        CycleId = r.Str(3),
        Calls = r.Int(4),
        FromCache = r.Int(5),
        Stale = r.Int(6),
        DurationMs = r.Long(7),
        Items = r.Int(8),
        Error = r.Str(9),
        ErrorKind = r.Str(10),
    };

    public async Task<IReadOnlyList<SourceHealth>> GetSourceHealthAsync(CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            const string Latest = "(SELECT source, MAX(ts) AS ts FROM source_status GROUP BY source) l";
            var latest = await QueryAsync(connection, null, new Sql($"SELECT {StatusSelect} FROM source_status s JOIN {Latest} ON l.source = s.source AND l.ts = s.ts ORDER BY s.source"), ReadStatus, cancellationToken).ConfigureAwait(false);
            var day = new Sql();
            day.Append($"""
                SELECT s.source, COUNT(*), SUM(CASE WHEN s.succeeded = 0 THEN 1 ELSE 0 END), AVG(s.duration_ms)
                FROM source_status s JOIN {Latest} ON l.source = s.source WHERE s.ts > l.ts - {day.P(TimeSpan.TicksPerDay)} GROUP BY s.source
                """);
            var stats = (await QueryAsync(connection, null, day, r => (Source: r.GetString(0), Runs: r.Int(1), Failures: r.Int(2), Duration: r.Dbl(3)), cancellationToken).ConfigureAwait(false))
                .ToDictionary(x => x.Source, StringComparer.Ordinal);
            var success = (await QueryAsync(connection, null, new Sql("SELECT source, MAX(ts) FROM source_status WHERE succeeded = 1 GROUP BY source"), r => (Source: r.GetString(0), At: r.TimeV(1)), cancellationToken).ConfigureAwait(false))
                .ToDictionary(x => x.Source, x => x.At, StringComparer.Ordinal);
            return [.. latest.Select(s =>
            {
                var st = stats.GetValueOrDefault(s.Source);
                return new SourceHealth(s, success.TryGetValue(s.Source, out var at) ? at : null, st.Runs, st.Failures, st.Duration);
            })];
        }
    }

    public async Task<IReadOnlyList<QuotaUsage>> GetQuotaUsageAsync(CancellationToken cancellationToken = default)
    {
        var sql = new Sql("""
            SELECT q.source, q.period, q.ts, q.used, q.quota_limit FROM quota_usage q
            JOIN (SELECT source, MAX(ts) AS ts FROM quota_usage GROUP BY source) l ON l.source = q.source AND l.ts = q.ts
            ORDER BY q.source, q.period
            """);
        var rows = await QueryAsync(sql, r => new QuotaUsage(r.GetString(0), r.GetString(1), r.TimeV(2), r.Long(3), r.IsDBNull(4) ? null : r.Long(4)), cancellationToken).ConfigureAwait(false);

        // Two periods written at the same instant: keep one per source (the later period).
        return [.. rows.GroupBy(q => q.Source, StringComparer.Ordinal).Select(g => g.OrderByDescending(q => q.Period, StringComparer.Ordinal).First())];
    }

    public async Task<Page<CycleRecord>> GetCyclesAsync(int limit = 50, string? cursor = null, CancellationToken cancellationToken = default)
    {
        CheckLimit(limit);
        const string Tag = "cycles";
        var c = Cursor.Decode(cursor, Tag);
        var sql = new Sql();
        sql.Append("SELECT id, started_at, duration_ms, sources_succeeded, sources_total, counts, new_signals, error FROM cycles WHERE 1 = 1");
        if (c is { } after)
        {
            After(sql, "started_at", after.LongKey, "id", after.Id, descending: true);
        }

        sql.Append($" ORDER BY started_at DESC, id DESC LIMIT {sql.P(limit + 1)}");
        var rows = await QueryAsync(sql, r => (new CycleRecord(r.GetString(0), r.TimeV(1), r.Long(2), r.Int(3), r.Int(4))
        {
            Counts = r.Str(5) is { Length: > 2 } counts ? JsonSerializer.Deserialize(counts, StorageJsonContext.Default.DictionaryStringInt32) ?? [] : new Dictionary<string, int>(),
            NewSignals = r.Int(6),
            Error = r.Str(7),
        }, (object)r.Long(1)), cancellationToken).ConfigureAwait(false);
        return ToPage(rows, limit, Tag, x => x.Id);
    }

    private static void CheckId(string id, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id, name);
        CheckText(id, name, 100);
    }

    public async Task SaveWatchlistAsync(Watchlist watchlist, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(watchlist);
        CheckId(watchlist.Id, nameof(watchlist));
        ArgumentNullException.ThrowIfNull(watchlist.Name, nameof(watchlist));
        CheckText(watchlist.Name, nameof(watchlist), 200);
        CheckText(watchlist.Owner, nameof(watchlist), 200);
        var assets = (watchlist.Assets ?? []).Where(a => !a.IsEmpty).Select(a => a.Value).Distinct(StringComparer.Ordinal).ToArray();
        if (assets.Length > 1000)
        {
            throw new ArgumentException("A watchlist holds at most 1,000 assets.", nameof(watchlist));
        }

        var sql = new Sql();
        sql.Append($"""
            INSERT INTO watchlists (id, name, owner, assets, created_at) VALUES ({sql.P(watchlist.Id)}, {sql.P(watchlist.Name)}, {sql.P(watchlist.Owner)}, {sql.P(Json(assets))}, {sql.P(Db.Ticks(watchlist.CreatedAt))})
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, owner = excluded.owner, assets = excluded.assets, created_at = excluded.created_at
            """);
        await ExecuteAsync(sql, cancellationToken).ConfigureAwait(false);
    }

    private static Watchlist ReadWatchlist(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), [.. JsonList(r.Str(3)).Select(a => new AssetId(a))], r.TimeV(4)) { Owner = r.Str(2) };

    public async Task<IReadOnlyList<Watchlist>> GetWatchlistsAsync(string? owner = null, CancellationToken cancellationToken = default)
    {
        CheckText(owner, nameof(owner));
        var sql = new Sql("SELECT id, name, owner, assets, created_at FROM watchlists");
        if (owner is not null)
        {
            sql.Append($" WHERE owner = {sql.P(owner)}");
        }

        sql.Append(" ORDER BY created_at, id LIMIT 1000");
        return await QueryAsync(sql, ReadWatchlist, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Watchlist?> GetWatchlistAsync(string id, CancellationToken cancellationToken = default)
    {
        CheckId(id, nameof(id));
        var sql = new Sql();
        sql.Append($"SELECT id, name, owner, assets, created_at FROM watchlists WHERE id = {sql.P(id)}");
        return (await QueryAsync(sql, ReadWatchlist, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
    }

    public async Task<bool> DeleteWatchlistAsync(string id, CancellationToken cancellationToken = default)
    {
        CheckId(id, nameof(id));
        var sql = new Sql();
        sql.Append($"DELETE FROM watchlists WHERE id = {sql.P(id)}");
        return await ExecuteAsync(sql, cancellationToken).ConfigureAwait(false) > 0;
    }

    public async Task SaveAlertRuleAsync(AlertRule rule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        CheckId(rule.Id, nameof(rule));
        ArgumentNullException.ThrowIfNull(rule.Name, nameof(rule));
        CheckText(rule.Name, nameof(rule), 200);
        CheckText(rule.Owner, nameof(rule), 200);
        CheckText(rule.WatchlistId, nameof(rule), 100);
        if (double.IsNaN(rule.MinConfidence) || rule.MinConfidence < 0 || rule.MinConfidence > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(rule), rule.MinConfidence, "MinConfidence must be between 0 and 1.");
        }

        if (rule.Direction is { } d && !Enum.IsDefined(d))
        {
            throw new ArgumentOutOfRangeException(nameof(rule), d, "Unknown direction.");
        }

        var sql = new Sql();
        sql.Append($"""
            INSERT INTO alert_rules (id, name, owner, kind, asset, watchlist_id, direction, min_confidence, enabled, created_at)
            VALUES ({sql.P(rule.Id)}, {sql.P(rule.Name)}, {sql.P(rule.Owner)}, {sql.P(rule.Kind?.Value)}, {sql.P(rule.Asset?.Value)}, {sql.P(rule.WatchlistId)},
              {sql.P(rule.Direction is { } dir ? (int)dir : null)}, {sql.P(rule.MinConfidence)}, {sql.P(rule.Enabled ? 1 : 0)}, {sql.P(Db.Ticks(rule.CreatedAt))})
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, owner = excluded.owner, kind = excluded.kind, asset = excluded.asset, watchlist_id = excluded.watchlist_id,
              direction = excluded.direction, min_confidence = excluded.min_confidence, enabled = excluded.enabled, created_at = excluded.created_at
            """);
        await ExecuteAsync(sql, cancellationToken).ConfigureAwait(false);
    }

    private static AlertRule ReadRule(DbDataReader r) => new(r.GetString(0), r.GetString(1), r.TimeV(9))
    {
        Owner = r.Str(2),
        Kind = r.Str(3) is { Length: > 0 } k ? new SignalKind(k) : (SignalKind?)null,
        Asset = r.Str(4) is { Length: > 0 } a ? new AssetId(a) : (AssetId?)null,
        WatchlistId = r.Str(5),
        Direction = r.IsDBNull(6) ? null : (SignalDirection)r.Int(6),
        MinConfidence = r.Dbl(7),
        Enabled = r.Bool(8),
    };

    private const string RuleSelect = "id, name, owner, kind, asset, watchlist_id, direction, min_confidence, enabled, created_at";

    public async Task<IReadOnlyList<AlertRule>> GetAlertRulesAsync(string? owner = null, CancellationToken cancellationToken = default)
    {
        CheckText(owner, nameof(owner));
        var sql = new Sql($"SELECT {RuleSelect} FROM alert_rules");
        if (owner is not null)
        {
            sql.Append($" WHERE owner = {sql.P(owner)}");
        }

        sql.Append(" ORDER BY created_at, id LIMIT 1000");
        return await QueryAsync(sql, ReadRule, cancellationToken).ConfigureAwait(false);
    }

    public async Task<AlertRule?> GetAlertRuleAsync(string id, CancellationToken cancellationToken = default)
    {
        CheckId(id, nameof(id));
        var sql = new Sql();
        sql.Append($"SELECT {RuleSelect} FROM alert_rules WHERE id = {sql.P(id)}");
        return (await QueryAsync(sql, ReadRule, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
    }

    public async Task<bool> DeleteAlertRuleAsync(string id, CancellationToken cancellationToken = default)
    {
        CheckId(id, nameof(id));
        var sql = new Sql();
        sql.Append($"DELETE FROM alert_rules WHERE id = {sql.P(id)}");
        return await ExecuteAsync(sql, cancellationToken).ConfigureAwait(false) > 0;
    }

    public async Task<int> CompactAsync(CancellationToken cancellationToken = default)
    {
        var now = Db.Ticks(_time.GetUtcNow());
        var raw = now - _options.RawRetention.Ticks;
        var operational = now - _options.OperationalRetention.Ticks;
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var deleted = 0;
            foreach (var (table, column, before) in new[] { ("snapshots", "ts", raw), ("dex_pools", "ts", operational), ("source_status", "ts", operational) })
            {
                var sql = new Sql();
                sql.Append($"DELETE FROM {table} WHERE {column} < {sql.P(before)}");
                deleted += await ExecAsync(connection, null, sql, cancellationToken).ConfigureAwait(false);
            }

            Log.Compacted(_logger, _provider.Name, deleted);
            return deleted;
        }
    }

    private async Task<int> ExecuteAsync(Sql sql, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await ExecAsync(connection, null, sql, cancellationToken).ConfigureAwait(false);
        }
    }
}

internal sealed partial class SqlStore
{
    private static readonly HashSet<string> Tables = new(
        Schema.Migrations.SelectMany(m => m.Statements)
            .Where(s => s.StartsWith("CREATE TABLE ", StringComparison.Ordinal))
            .Select(s => s["CREATE TABLE ".Length..].Split(' ', 2)[0]),
        StringComparer.Ordinal);

    /// <summary>Counts a table's rows (tests, the seed tool); only the schema's own table names are accepted.</summary>
    internal async Task<long> CountRowsAsync(string table, CancellationToken cancellationToken = default)
    {
        if (!Tables.Contains(table))
        {
            throw new ArgumentException("Unknown table.", nameof(table));
        }

        return await ScalarAsync<long>(new Sql($"SELECT COUNT(*) FROM {table}"), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Gets the schema's table names.</summary>
    internal static IReadOnlyCollection<string> TableNames => Tables;
}
