using System.Data.Common;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CryptoIntel.Storage.Internal;

/// <summary>
/// The one implementation of <see cref="ICryptoIntelStore"/> over ADO.NET; a <see cref="StorageProvider"/> supplies
/// what differs between SQLite and PostgreSQL (connections, preparation, the migration lock).
/// </summary>
internal sealed partial class SqlStore : ICryptoIntelStore, IStorageMaintenance, IDisposable, IAsyncDisposable
{
    internal static readonly ActivitySource ActivitySource = new("CryptoIntel.Storage");

    private const int MaxRows = 10_000;
    private readonly StorageProvider _provider;
    private readonly StorageOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _migrationGate = new(1, 1);
    private readonly Counter<long>? _rowsWritten;
    private readonly Histogram<double>? _writeDuration;
    private volatile bool _migrated;

    public SqlStore(StorageProvider provider, StorageOptions options, TimeProvider time, ILogger? logger = null, IMeterFactory? meterFactory = null)
    {
        _provider = provider;
        _options = options;
        _time = time;
        _logger = logger ?? NullLogger.Instance;
        if (meterFactory is not null)
        {
            var meter = meterFactory.Create("CryptoIntel.Storage");
            _rowsWritten = meter.CreateCounter<long>("cryptointel.storage.rows_written", "{row}", "Rows inserted or updated by batch writes.");
            _writeDuration = meter.CreateHistogram<double>("cryptointel.storage.write.duration", "s", "Duration of batch writes.");
        }
    }

    public SqlStore(StorageProvider provider, IOptions<StorageOptions> options, TimeProvider time, ILogger<SqlStore> logger, IMeterFactory meterFactory)
        : this(provider, options.Value, time, (ILogger)logger, meterFactory)
    {
    }

    public string ProviderName => _provider.Name;

    /// <summary>Test seam: throw after this many rows of a batch are written (a crash in the middle of a cycle).</summary>
    internal int? FailAfterRows { get; set; }

    public ValueTask DisposeAsync()
    {
        _migrationGate.Dispose();
        return _provider.DisposeAsync();
    }

    public void Dispose()
    {
        _migrationGate.Dispose();
        _provider.Dispose();
    }

    public async Task<int> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await _migrationGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var version = await MigrateCoreAsync(cancellationToken).ConfigureAwait(false);
            _migrated = true;
            return version;
        }
        finally
        {
            _migrationGate.Release();
        }
    }

    private async Task<int> MigrateCoreAsync(CancellationToken cancellationToken)
    {
        var connection = await _provider.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await _provider.PrepareAsync(connection, cancellationToken).ConfigureAwait(false);
            var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (tx.ConfigureAwait(false))
            {
                if (_provider.MigrationLockSql is { } lockSql)
                {
                    await ExecAsync(connection, tx, new Sql(lockSql), cancellationToken).ConfigureAwait(false);
                }

                await ExecAsync(connection, tx, new Sql("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, description TEXT NOT NULL, applied_at BIGINT NOT NULL)"), cancellationToken).ConfigureAwait(false);
                var current = 0;
                using (var command = new Sql("SELECT COALESCE(MAX(version), 0) FROM schema_version").Create(connection, tx, _options.CommandTimeoutSeconds))
                {
                    current = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
                }

                if (current > Schema.LatestVersion)
                {
                    throw new InvalidOperationException($"The database's schema version {current} is newer than this library's {Schema.LatestVersion}; upgrade CryptoIntel.Storage.");
                }

                foreach (var (version, description, statements) in Schema.Migrations.Where(m => m.Version > current))
                {
                    foreach (var statement in statements)
                    {
                        await ExecAsync(connection, tx, new Sql(statement), cancellationToken).ConfigureAwait(false);
                    }

                    var record = new Sql();
                    record.Append($"INSERT INTO schema_version (version, description, applied_at) VALUES ({record.P(version)}, {record.P(description)}, {record.P(Db.Ticks(_time.GetUtcNow()))})");
                    await ExecAsync(connection, tx, record, cancellationToken).ConfigureAwait(false);
                    Log.Migrated(_logger, _provider.Name, version, description);
                    current = version;
                }

                await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
                return current;
            }
        }
    }

    private ValueTask EnsureMigratedAsync(CancellationToken cancellationToken) =>
        _migrated ? ValueTask.CompletedTask : new ValueTask(MigrateAsync(cancellationToken));

    private async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        return await _provider.OpenAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<int> ExecAsync(DbConnection connection, DbTransaction? tx, Sql sql, CancellationToken cancellationToken)
    {
        using var command = sql.Create(connection, tx, _options.CommandTimeoutSeconds);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs a query on a fresh pooled connection and maps every row.</summary>
    private async Task<List<T>> QueryAsync<T>(Sql sql, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await QueryAsync(connection, null, sql, map, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<List<T>> QueryAsync<T>(DbConnection connection, DbTransaction? tx, Sql sql, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        using var command = sql.Create(connection, tx, _options.CommandTimeoutSeconds);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            var list = new List<T>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                list.Add(map(reader));
            }

            return list;
        }
    }

    private async Task<T?> ScalarAsync<T>(Sql sql, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = sql.Create(connection, null, _options.CommandTimeoutSeconds);
            var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return value is null or DBNull ? default : (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private static int CheckLimit(int limit, int max = PageQuery.MaxLimit, string name = "limit")
    {
        if (limit < 1 || limit > max)
        {
            throw new ArgumentOutOfRangeException(name, limit, $"The limit must be between 1 and {max}.");
        }

        return limit;
    }

    private static void CheckText(string? text, string name, int max = 200)
    {
        if (text is { Length: > 0 } && text.Length > max)
        {
            throw new ArgumentException($"'{name}' is longer than {max} characters.", name);
        }

        if (text is not null && text.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{name}' contains a NUL character.", name);
        }
    }

    private static void CheckRange(DateTimeOffset from, DateTimeOffset to)
    {
        if (to < from)
        {
            throw new ArgumentException("The range's end is before its start.", nameof(to));
        }
    }

    /// <summary>Cuts the extra row off and makes the cursor from the last item's sort key as the database returned it.</summary>
    private static Page<T> ToPage<T>(List<(T Item, object Key)> rows, int limit, string tag, Func<T, string> id)
    {
        if (rows.Count <= limit)
        {
            return new Page<T>(rows.ConvertAll(r => r.Item), null);
        }

        var (last, key) = rows[limit - 1];
        var cursor = key switch
        {
            double d => Cursor.Encode(tag, d, id(last)),
            long l => Cursor.Encode(tag, l, id(last)),
            _ => Cursor.Encode(tag, Convert.ToString(key, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, id(last)),
        };
        return new Page<T>(rows.GetRange(0, limit).ConvertAll(r => r.Item), cursor);
    }

    /// <summary>Appends a keyset condition: rows after (<paramref name="key"/>, <paramref name="id"/>) in the given order.</summary>
    private static void After(Sql sql, string keyExpr, object key, string idExpr, string id, bool descending)
    {
        var op = descending ? "<" : ">";
        var k = sql.P(key);
        sql.Append($" AND ({keyExpr} {op} {k} OR ({keyExpr} = {k} AND {idExpr} {op} {sql.P(id)}))");
    }
}
