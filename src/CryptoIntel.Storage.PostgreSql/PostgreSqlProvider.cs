using System.Data.Common;
using CryptoIntel.Storage.Internal;
using Npgsql;

namespace CryptoIntel.Storage.PostgreSql;

/// <summary>PostgreSQL through one pooled <see cref="NpgsqlDataSource"/>; migrations serialised by an advisory lock.</summary>
internal sealed class PostgreSqlProvider : StorageProvider
{
    private readonly NpgsqlDataSource _dataSource;

    public PostgreSqlProvider(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _dataSource = NpgsqlDataSource.Create(connectionString);
    }

    public override string Name => "postgresql";

    // Any constant: the migration transaction holds it, so two processes starting at once migrate one after the other.
    public override string? MigrationLockSql => "SELECT pg_advisory_xact_lock(4242427001)";

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _dataSource.Dispose();
        }

        base.Dispose(disposing);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await _dataSource.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsyncCore().ConfigureAwait(false);
    }
}
