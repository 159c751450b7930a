using System.Data.Common;

namespace CryptoIntel.Storage.Internal;

internal sealed partial class SqlStore
{
    private const string ProtocolSelect = "slug, name, updated_at, category, chains, symbol, tvl, change1d, change7d";

    private static DefiProtocol ReadProtocol(DbDataReader r) => new(r.GetString(0), r.GetString(1), r.TimeV(2))
    {
        Category = r.Str(3),
        Chains = JsonList(r.Str(4)),
        Symbol = r.Str(5),
        TvlUsd = r.DecN(6),
        Change1dPercent = r.DblN(7),
        Change7dPercent = r.DblN(8),
    };

    public async Task<Page<DefiProtocol>> GetProtocolsAsync(ProtocolQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = CheckLimit(query.Limit);
        CheckText(query.Search, nameof(query.Search));
        CheckText(query.Category, nameof(query.Category));
        CheckText(query.Chain, nameof(query.Chain));
        var (keyExpr, isText) = query.Sort switch
        {
            ProtocolSort.Tvl => ("COALESCE(tvl, -1.0e300)", false),
            ProtocolSort.Change1d => ("COALESCE(change1d, -1.0e300)", false),
            ProtocolSort.Change7d => ("COALESCE(change7d, -1.0e300)", false),
            ProtocolSort.Slug => ("slug", true),
            _ => throw new ArgumentOutOfRangeException(nameof(query), query.Sort, "Unknown sort."),
        };
        var tag = "protocols:" + query.Sort + ":" + (query.Descending ? "d" : "a");
        var cursor = Cursor.Decode(query.Cursor, tag);
        var sql = new Sql();
        sql.Append($"SELECT {ProtocolSelect}, {keyExpr} FROM protocols WHERE 1 = 1");
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var like = sql.P(Db.Contains(query.Search));
            sql.Append($" AND (slug LIKE {like} ESCAPE '\\' OR name_lower LIKE {like} ESCAPE '\\')");
        }

        if (Db.Lower(query.Category) is { } category)
        {
            sql.Append($" AND category_lower = {sql.P(category)}");
        }

        if (Db.Lower(query.Chain) is { } chain)
        {
            sql.Append($" AND chains_key LIKE {sql.P("%|" + Db.Escape(chain) + "|%")} ESCAPE '\\'");
        }

        if (query.MinTvlUsd is { } minTvl)
        {
            sql.Append($" AND tvl >= {sql.P(Db.Num(minTvl))}");
        }

        if (cursor is { } c)
        {
            After(sql, keyExpr, isText ? c.Key : c.DoubleKey, "slug", c.Id, query.Descending);
        }

        var dir = query.Descending ? "DESC" : "ASC";
        sql.Append($" ORDER BY {keyExpr} {dir}, slug {dir} LIMIT {sql.P(limit + 1)}");
        var rows = await QueryAsync(sql, r => (ReadProtocol(r), isText ? (object)r.GetString(9) : r.Dbl(9)), cancellationToken).ConfigureAwait(false);
        return ToPage(rows, limit, tag, p => p.Slug);
    }

    public async Task<DefiProtocol?> GetProtocolAsync(string slug, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(slug);
        CheckText(slug, nameof(slug));
        var sql = new Sql();
        sql.Append($"SELECT {ProtocolSelect} FROM protocols WHERE slug = {sql.P(slug.Trim().ToLowerInvariant())}");
        return (await QueryAsync(sql, ReadProtocol, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
    }

    public async Task<IReadOnlyList<TvlPoint>> GetTvlHistoryAsync(TvlSeriesKind kind, string subject, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        CheckText(subject, nameof(subject));
        CheckRange(from, to);
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown series kind.");
        }

        var sql = new Sql();
        var s = subject.Trim().ToLowerInvariant();
        sql.Append($"SELECT ts, tvl FROM tvl_points WHERE kind = {sql.P((int)kind)} AND subject = {sql.P(s)} AND ts >= {sql.P(Db.Ticks(from))} AND ts < {sql.P(Db.Ticks(to))} ORDER BY ts LIMIT {MaxRows}");
        return await QueryAsync(sql, r => new TvlPoint(kind, s, r.TimeV(0), r.DecV(1)), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ChainTvl>> GetChainsAsync(CancellationToken cancellationToken = default)
    {
        var sql = new Sql();
        var kind = sql.P((int)TvlSeriesKind.Chain);
        sql.Append($"""
            SELECT t.subject, t.ts, t.tvl,
              (SELECT p.tvl FROM tvl_points p WHERE p.kind = t.kind AND p.subject = t.subject AND p.ts <= t.ts - {sql.P(TimeSpan.TicksPerDay)} ORDER BY p.ts DESC LIMIT 1)
            FROM tvl_points t JOIN (SELECT subject, MAX(ts) AS ts FROM tvl_points WHERE kind = {kind} GROUP BY subject) m ON m.subject = t.subject AND m.ts = t.ts
            WHERE t.kind = {kind} ORDER BY t.tvl DESC, t.subject LIMIT {MaxRows}
            """);
        return await QueryAsync(sql, r =>
        {
            var tvl = r.Dbl(2);
            double? change = r.IsDBNull(3) || r.Dbl(3) == 0 ? null : ((tvl / r.Dbl(3)) - 1) * 100;
            return new ChainTvl(r.GetString(0), r.TimeV(1), Db.Dec(tvl), change);
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Page<DexPool>> GetDexPoolsAsync(DexPoolQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = CheckLimit(query.Limit);
        CheckText(query.Search, nameof(query.Search));
        CheckText(query.Network, nameof(query.Network));
        var keyExpr = query.Sort switch
        {
            DexPoolSort.Volume => "COALESCE(volume, -1.0e300)",
            DexPoolSort.Liquidity => "COALESCE(reserve, -1.0e300)",
            DexPoolSort.Change24h => "COALESCE(change24h, -1.0e300)",
            _ => throw new ArgumentOutOfRangeException(nameof(query), query.Sort, "Unknown sort."),
        };
        var tag = "pools:" + query.Sort + ":" + (query.Descending ? "d" : "a");
        var cursor = Cursor.Decode(query.Cursor, tag);
        var sql = new Sql();
        sql.Append($"SELECT network, address, ts, name, dex, price, reserve, volume, change24h, transactions, {keyExpr}, pool_key FROM latest_dex_pools WHERE 1 = 1");
        if (!string.IsNullOrWhiteSpace(query.Network))
        {
            sql.Append($" AND network = {sql.P(query.Network.Trim())}");
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            sql.Append($" AND search LIKE {sql.P(Db.Contains(query.Search))} ESCAPE '\\'");
        }

        if (cursor is { } c)
        {
            After(sql, keyExpr, c.DoubleKey, "pool_key", c.Id, query.Descending);
        }

        var dir = query.Descending ? "DESC" : "ASC";
        sql.Append($" ORDER BY {keyExpr} {dir}, pool_key {dir} LIMIT {sql.P(limit + 1)}");
        var rows = await QueryAsync(sql, r => (Pool: new DexPool(r.GetString(0), r.GetString(1), r.TimeV(2))
        {
            Name = r.Str(3),
            Dex = r.Str(4),
            BaseTokenPriceUsd = r.DecN(5),
            ReserveUsd = r.DecN(6),
            Volume24hUsd = r.DecN(7),
            PriceChange24hPercent = r.DblN(8),
            Transactions24h = r.IntN(9),
        }, Key: (object)r.Dbl(10)), cancellationToken).ConfigureAwait(false);
        return ToPage(rows, limit, tag, p => p.Network + ":" + p.Address);
    }
}
