using System.Data.Common;
using System.Text.Json;

namespace CryptoIntel.Storage.Internal;

internal sealed partial class SqlStore
{
    private const string SignalSelect = "s.id, s.kind, s.subject, s.direction, s.magnitude, s.confidence, s.detected_at, s.detector, s.detector_version, s.asset, s.entities, s.evidence, s.scorer, s.summary";

    private static Signal ReadSignal(DbDataReader r) =>
        new(r.GetString(0), new SignalKind(r.GetString(1)), r.GetString(2), (SignalDirection)r.Int(3), r.Dbl(4), r.Dbl(5), r.TimeV(6), r.GetString(7), r.GetString(8))
        {
            Asset = r.Str(9) is { Length: > 0 } a ? new AssetId(a) : (AssetId?)null,
            Entities = JsonList(r.Str(10)),
            Evidence = r.Str(11) is { Length: > 2 } e ? JsonSerializer.Deserialize(e, StorageJsonContext.Default.SignalEvidenceArray) ?? [] : [],
            Scorer = r.GetString(12),
            Summary = r.Str(13),
        };

    public async Task<Page<Signal>> GetSignalsAsync(SignalQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = CheckLimit(query.Limit);
        CheckText(query.Subject, nameof(query.Subject));
        if (query.MinConfidence is { } mc && (double.IsNaN(mc) || mc < 0 || mc > 1))
        {
            throw new ArgumentOutOfRangeException(nameof(query), mc, "MinConfidence must be between 0 and 1.");
        }

        if (query.Direction is { } d && !Enum.IsDefined(d))
        {
            throw new ArgumentOutOfRangeException(nameof(query), d, "Unknown direction.");
        }

        const string Tag = "signals";
        var cursor = Cursor.Decode(query.Cursor, Tag);
        var sql = new Sql();
        sql.Append($"SELECT {SignalSelect} FROM signals s WHERE 1 = 1");
        if (query.Kind is { } kind && !string.IsNullOrEmpty(kind.Value))
        {
            sql.Append($" AND s.kind = {sql.P(kind.Value)}");
        }

        if (query.Asset is { IsEmpty: false } asset)
        {
            sql.Append($" AND s.asset = {sql.P(asset.Value)}");
        }

        if (!string.IsNullOrWhiteSpace(query.Subject))
        {
            sql.Append($" AND s.subject = {sql.P(query.Subject.Trim())}");
        }

        if (query.Direction is { } direction)
        {
            sql.Append($" AND s.direction = {sql.P((int)direction)}");
        }

        if (query.MinConfidence is { } minConfidence)
        {
            sql.Append($" AND s.confidence >= {sql.P(minConfidence)}");
        }

        if (query.Since is { } since)
        {
            sql.Append($" AND s.detected_at >= {sql.P(Db.Ticks(since))}");
        }

        if (query.Until is { } until)
        {
            sql.Append($" AND s.detected_at < {sql.P(Db.Ticks(until))}");
        }

        if (cursor is { } c)
        {
            After(sql, "s.detected_at", c.LongKey, "s.id", c.Id, descending: true);
        }

        sql.Append($" ORDER BY s.detected_at DESC, s.id DESC LIMIT {sql.P(limit + 1)}");
        var rows = await QueryAsync(sql, r => (ReadSignal(r), (object)r.Long(6)), cancellationToken).ConfigureAwait(false);
        return ToPage(rows, limit, Tag, s => s.Id);
    }

    public async Task<StoredSignal?> GetSignalAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        CheckText(id, nameof(id));
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var sql = new Sql();
            sql.Append($"SELECT {SignalSelect} FROM signals s WHERE s.id = {sql.P(id)}");
            var signal = (await QueryAsync(connection, null, sql, ReadSignal, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
            if (signal is null)
            {
                return null;
            }

            var outcomes = new Sql();
            outcomes.Append($"SELECT signal_id, horizon, evaluated_at, return_pct, hit FROM signal_outcomes WHERE signal_id = {outcomes.P(id)} ORDER BY evaluated_at, horizon");
            return new StoredSignal(signal, await QueryAsync(connection, null, outcomes, r => new SignalOutcome(r.GetString(0), r.GetString(1), r.TimeV(2), r.Dbl(3), r.Bool(4)), cancellationToken).ConfigureAwait(false));
        }
    }

    public async Task<SignalStatistics> GetSignalStatisticsAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        var sql = new Sql();
        sql.Append($"""
            SELECT kind, COUNT(*), SUM(CASE WHEN direction = {sql.P((int)SignalDirection.Up)} THEN 1 ELSE 0 END), SUM(CASE WHEN direction = {sql.P((int)SignalDirection.Down)} THEN 1 ELSE 0 END),
              AVG(confidence), MAX(detected_at)
            FROM signals WHERE detected_at >= {sql.P(Db.Ticks(since))} GROUP BY kind ORDER BY COUNT(*) DESC, kind
            """);
        var kinds = await QueryAsync(sql, r => new SignalKindStatistics(new SignalKind(r.GetString(0)), r.Int(1), r.Int(2), r.Int(3), r.Dbl(4), r.TimeV(5)), cancellationToken).ConfigureAwait(false);
        return new SignalStatistics(since, kinds.Sum(k => k.Count), kinds);
    }

    public async Task<IReadOnlyList<SignalTrackRecord>> GetTrackRecordAsync(SignalKind? kind = null, DateTimeOffset? since = null, CancellationToken cancellationToken = default)
    {
        var sql = new Sql();
        sql.Append("SELECT s.kind, o.horizon, COUNT(*), SUM(o.hit), AVG(o.return_pct), AVG(s.confidence) FROM signal_outcomes o JOIN signals s ON s.id = o.signal_id WHERE 1 = 1");
        if (kind is { } k && !string.IsNullOrEmpty(k.Value))
        {
            sql.Append($" AND s.kind = {sql.P(k.Value)}");
        }

        if (since is { } from)
        {
            sql.Append($" AND s.detected_at >= {sql.P(Db.Ticks(from))}");
        }

        sql.Append(" GROUP BY s.kind, o.horizon ORDER BY s.kind, o.horizon");
        return await QueryAsync(sql, r => new SignalTrackRecord(new SignalKind(r.GetString(0)), r.GetString(1), r.Int(2), r.Int(3), r.Dbl(4), r.Dbl(5)), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Signal>> GetSignalsAwaitingOutcomeAsync(string horizon, DateTimeOffset detectedBefore, int limit = 100, DateTimeOffset? detectedFrom = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(horizon);
        CheckText(horizon, nameof(horizon), 20);
        CheckLimit(limit);
        var sql = new Sql();
        sql.Append($"""
            SELECT {SignalSelect} FROM signals s
            WHERE s.detected_at < {sql.P(Db.Ticks(detectedBefore))} AND s.detected_at >= {sql.P(Db.Ticks(detectedFrom ?? DateTimeOffset.MinValue))} AND NOT EXISTS (SELECT 1 FROM signal_outcomes o WHERE o.signal_id = s.id AND o.horizon = {sql.P(horizon)})
            ORDER BY s.detected_at, s.id LIMIT {sql.P(limit)}
            """);
        return await QueryAsync(sql, ReadSignal, cancellationToken).ConfigureAwait(false);
    }
}
