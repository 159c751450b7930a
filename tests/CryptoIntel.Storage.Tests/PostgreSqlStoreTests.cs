using CryptoIntel.Storage.Internal;
using CryptoIntel.Storage.PostgreSql;
using CryptoIntel.Testing;
using Npgsql;

namespace CryptoIntel.Storage.Tests;

/// <summary>
/// The conformance suite on a real PostgreSQL server (<c>CRYPTOINTEL_TEST_POSTGRES</c>, started by <c>.ci/run</c>):
/// each test gets a schema of its own, dropped afterwards.
/// </summary>
public sealed class PostgreSqlStoreTests : StoreConformanceTests
{
    private readonly string _schema = "t_" + Guid.NewGuid().ToString("N");
    private string? _server;

    internal override async Task<StorageProvider> CreateProviderAsync()
    {
        _server = TestServices.RequirePostgres();
        await using (var connection = new NpgsqlConnection(_server))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = new NpgsqlCommand($"CREATE SCHEMA {_schema}", connection);
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        return new PostgreSqlProvider(new NpgsqlConnectionStringBuilder(_server) { SearchPath = _schema }.ConnectionString);
    }

    protected override async Task CleanupAsync()
    {
        if (_server is null)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {_schema} CASCADE", connection);
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task PostgreSql_ConcurrentMigrations_ApplyOnce()
    {
        var cs = new NpgsqlConnectionStringBuilder(TestServices.RequirePostgres()) { SearchPath = _schema }.ConnectionString;
        var stores = Enumerable.Range(0, 4).Select(_ => new SqlStore(new PostgreSqlProvider(cs), new StorageOptions(), TimeProvider.System)).ToList();
        var versions = await Task.WhenAll(stores.Select(s => s.MigrateAsync(TestContext.Current.CancellationToken)));
        Assert.All(versions, v => Assert.Equal(Schema.LatestVersion, v));
        foreach (var s in stores)
        {
            await s.DisposeAsync();
        }
    }
}
