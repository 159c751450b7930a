using System.Data.Common;

namespace CryptoIntel.Storage.Internal;

internal sealed partial class SqlStore
{
    private const string SnapshotSelect = "asset, source, ts, price, symbol, name, volume, market_cap, change24h, rank";

    // The newest snapshot of each asset across sources (ties: the first source by name).
    private const string LatestPerAsset =
        "(SELECT * FROM (SELECT l.*, ROW_NUMBER() OVER (PARTITION BY l.asset ORDER BY l.ts DESC, l.source) AS rn FROM latest_snapshots l) ranked WHERE rn = 1) c";

    private static MarketSnapshot ReadSnapshot(DbDataReader r) => new(new AssetId(r.GetString(0)), r.GetString(1), r.TimeV(2), r.DecV(3))
    {
        Symbol = r.Str(4),
        Name = r.Str(5),
        Volume24hUsd = r.DecN(6),
        MarketCapUsd = r.DecN(7),
        Change24hPercent = r.DblN(8),
        Rank = r.IntN(9),
    };

    private static GlobalMetrics ReadGlobal(DbDataReader r) => new(r.GetString(0), r.TimeV(1))
    {
        TotalMarketCapUsd = r.DecN(2),
        TotalVolume24hUsd = r.DecN(3),
        BtcDominancePercent = r.DblN(4),
        EthDominancePercent = r.DblN(5),
        MarketCapChange24hPercent = r.DblN(6),
        ActiveCryptocurrencies = r.IntN(7),
    };

    private const string GlobalSelect = "source, ts, total_market_cap, total_volume, btc_dominance, eth_dominance, market_cap_change, active";

    public async Task<MarketOverview> GetMarketOverviewAsync(int movers = 10, CancellationToken cancellationToken = default)
    {
        CheckLimit(movers, 100, nameof(movers));
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var asOf = (await QueryAsync(connection, null, new Sql("SELECT MAX(ts) FROM latest_snapshots"), r => r.IsDBNull(0) ? (long?)null : r.Long(0), cancellationToken).ConfigureAwait(false))[0];
            var global = (await QueryAsync(connection, null, new Sql($"SELECT {GlobalSelect} FROM global_metrics ORDER BY ts DESC, source LIMIT 1"), ReadGlobal, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
            var fearGreed = (await QueryAsync(connection, null, new Sql("SELECT ts, value, classification FROM fear_greed ORDER BY ts DESC LIMIT 1"), ReadFearGreed, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
            if (asOf is null)
            {
                return new MarketOverview(null, 0, global, fearGreed, [], [], []);
            }

            // Assets seen within a day of the newest snapshot; the lists are cut in SQL.
            var since = asOf.Value - TimeSpan.TicksPerDay;
            async Task<List<MarketSnapshot>> Top(string order, string? where = null)
            {
                var sql = new Sql();
                sql.Append($"SELECT {SnapshotSelect} FROM {LatestPerAsset} WHERE ts >= {sql.P(since)}{where} ORDER BY {order}, asset LIMIT {sql.P(movers)}");
                return await QueryAsync(connection, null, sql, ReadSnapshot, cancellationToken).ConfigureAwait(false);
            }

            var countSql = new Sql();
            countSql.Append($"SELECT COUNT(*) FROM {LatestPerAsset} WHERE ts >= {countSql.P(since)}");
            var count = (await QueryAsync(connection, null, countSql, r => r.Int(0), cancellationToken).ConfigureAwait(false))[0];
            var top = await Top("COALESCE(market_cap, -1) DESC").ConfigureAwait(false);
            var gainers = await Top("change24h DESC", " AND change24h IS NOT NULL AND change24h > 0").ConfigureAwait(false);
            var losers = await Top("change24h ASC", " AND change24h IS NOT NULL AND change24h < 0").ConfigureAwait(false);
            return new MarketOverview(Db.Time(asOf.Value), count, global, fearGreed, top, gainers, losers);
        }
    }

    public async Task<Page<MarketSnapshot>> GetCoinsAsync(CoinQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = CheckLimit(query.Limit);
        CheckText(query.Search, nameof(query.Search));
        CheckText(query.Source, nameof(query.Source));
        var (keyExpr, isText) = query.Sort switch
        {
            CoinSort.MarketCap => ("COALESCE(market_cap, -1.0e300)", false),
            CoinSort.Volume => ("COALESCE(volume, -1.0e300)", false),
            CoinSort.Change24h => ("COALESCE(change24h, -1.0e300)", false),
            CoinSort.Price => ("price", false),
            CoinSort.Asset => ("asset", true),
            _ => throw new ArgumentOutOfRangeException(nameof(query), query.Sort, "Unknown sort."),
        };
        var tag = "coins:" + query.Sort + ":" + (query.Descending ? "d" : "a") + ":" + (query.Source ?? string.Empty);
        var cursor = Cursor.Decode(query.Cursor, tag);
        var sql = new Sql();
        sql.Append($"SELECT {SnapshotSelect}, {keyExpr} FROM ");
        sql.Append(string.IsNullOrWhiteSpace(query.Source) ? LatestPerAsset : $"latest_snapshots c");
        sql.Append(" WHERE 1 = 1");
        if (!string.IsNullOrWhiteSpace(query.Source))
        {
            sql.Append($" AND source = {sql.P(query.Source.Trim().ToLowerInvariant())}");
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var like = sql.P(Db.Contains(query.Search));
            sql.Append($" AND (asset LIKE {like} ESCAPE '\\' OR LOWER(COALESCE(symbol, '')) LIKE {like} ESCAPE '\\' OR LOWER(COALESCE(name, '')) LIKE {like} ESCAPE '\\')");
        }

        if (query.MinMarketCapUsd is { } minCap)
        {
            sql.Append($" AND market_cap >= {sql.P(Db.Num(minCap))}");
        }

        if (query.MinVolume24hUsd is { } minVolume)
        {
            sql.Append($" AND volume >= {sql.P(Db.Num(minVolume))}");
        }

        if (query.Assets is { Count: > 0 } assets)
        {
            if (assets.Count > 1000)
            {
                throw new ArgumentException("At most 1,000 assets can be listed.", nameof(query));
            }

            sql.Append($" AND asset IN ({sql.List(assets.Select(a => a.Value).Distinct(StringComparer.Ordinal))})");
        }

        if (cursor is { } c)
        {
            After(sql, keyExpr, isText ? c.Key : c.DoubleKey, "asset", c.Id, query.Descending);
        }

        var dir = query.Descending ? "DESC" : "ASC";
        sql.Append($" ORDER BY {keyExpr} {dir}, asset {dir} LIMIT {sql.P(limit + 1)}");
        var rows = await QueryAsync(sql, r => (ReadSnapshot(r), isText ? (object)r.GetString(10) : r.Dbl(10)), cancellationToken).ConfigureAwait(false);
        return ToPage(rows, limit, tag, s => s.Asset.Value);
    }

    public async Task<CoinDetail?> GetCoinAsync(AssetId asset, CancellationToken cancellationToken = default)
    {
        if (asset.IsEmpty)
        {
            throw new ArgumentException("The asset is empty.", nameof(asset));
        }

        var sql = new Sql();
        sql.Append($"SELECT {SnapshotSelect} FROM latest_snapshots WHERE asset = {sql.P(asset.Value)} ORDER BY ts DESC, source");
        var rows = await QueryAsync(sql, ReadSnapshot, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : new CoinDetail(asset, rows[0], rows);
    }

    public async Task<IReadOnlyList<PriceBar>> GetPriceHistoryAsync(AssetId asset, DateTimeOffset from, DateTimeOffset to, HistoryInterval interval, string? source = null, CancellationToken cancellationToken = default)
    {
        if (asset.IsEmpty)
        {
            throw new ArgumentException("The asset is empty.", nameof(asset));
        }

        CheckRange(from, to);
        CheckText(source, nameof(source));
        if (!Enum.IsDefined(interval))
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "Unknown interval.");
        }

        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var f = Db.Ticks(from);
            var t = Db.Ticks(to);
            var table = interval == HistoryInterval.Raw ? "snapshots" : "hourly_bars";
            var timeColumn = interval == HistoryInterval.Raw ? "ts" : "hour";
            if (string.IsNullOrWhiteSpace(source))
            {
                var pick = new Sql();
                pick.Append($"SELECT source FROM {table} WHERE asset = {pick.P(asset.Value)} AND {timeColumn} >= {pick.P(interval == HistoryInterval.Raw ? f : f - (f % TimeSpan.TicksPerHour))} AND {timeColumn} < {pick.P(t)} GROUP BY source ORDER BY COUNT(*) DESC, source LIMIT 1");
                source = (await QueryAsync(connection, null, pick, r => r.GetString(0), cancellationToken).ConfigureAwait(false)).FirstOrDefault();
                if (source is null)
                {
                    return [];
                }
            }
            else
            {
                source = source.Trim().ToLowerInvariant();
            }

            var sql = new Sql();
            if (interval == HistoryInterval.Raw)
            {
                sql.Append($"SELECT ts, price, price, price, price, volume, market_cap FROM snapshots WHERE asset = {sql.P(asset.Value)} AND source = {sql.P(source)} AND ts >= {sql.P(f)} AND ts < {sql.P(t)} ORDER BY ts LIMIT {MaxRows}");
            }
            else
            {
                var start = interval == HistoryInterval.Day ? f - (f % TimeSpan.TicksPerDay) : f - (f % TimeSpan.TicksPerHour);
                sql.Append($"SELECT hour, open, high, low, close, volume, market_cap FROM hourly_bars WHERE asset = {sql.P(asset.Value)} AND source = {sql.P(source)} AND hour >= {sql.P(start)} AND hour < {sql.P(t)} ORDER BY hour LIMIT {sql.P(interval == HistoryInterval.Day ? MaxRows * 24 : MaxRows)}");
            }

            var bars = await QueryAsync(connection, null, sql, r => new PriceBar(r.TimeV(0), r.DecV(1), r.DecV(2), r.DecV(3), r.DecV(4), r.DecN(5), r.DecN(6)), cancellationToken).ConfigureAwait(false);
            return interval == HistoryInterval.Day ? ToDays(bars) : bars;
        }
    }

    private static List<PriceBar> ToDays(List<PriceBar> hours)
    {
        var days = new List<PriceBar>();
        foreach (var day in hours.GroupBy(h => h.Timestamp.UtcTicks - (h.Timestamp.UtcTicks % TimeSpan.TicksPerDay)))
        {
            var list = day.ToList();
            days.Add(new PriceBar(Db.Time(day.Key), list[0].Open, list.Max(b => b.High), list.Min(b => b.Low), list[^1].Close, list[^1].Volume24hUsd, list[^1].MarketCapUsd));
        }

        return days;
    }

    public async Task<IReadOnlyList<GlobalMetrics>> GetGlobalMetricsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        CheckRange(from, to);
        var sql = new Sql();
        sql.Append($"SELECT {GlobalSelect} FROM global_metrics WHERE ts >= {sql.P(Db.Ticks(from))} AND ts < {sql.P(Db.Ticks(to))} ORDER BY ts, source LIMIT {MaxRows}");
        return await QueryAsync(sql, ReadGlobal, cancellationToken).ConfigureAwait(false);
    }

    private static FearGreedReading ReadFearGreed(DbDataReader r) => new(r.TimeV(0), r.Int(1), r.GetString(2));

    public async Task<IReadOnlyList<FearGreedReading>> GetFearGreedAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        CheckRange(from, to);
        var sql = new Sql();
        sql.Append($"SELECT ts, value, classification FROM fear_greed WHERE ts >= {sql.P(Db.Ticks(from))} AND ts < {sql.P(Db.Ticks(to))} ORDER BY ts LIMIT {MaxRows}");
        return await QueryAsync(sql, ReadFearGreed, cancellationToken).ConfigureAwait(false);
    }
}
