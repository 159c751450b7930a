using CryptoIntel.Storage.Internal;
using Microsoft.Data.Sqlite;

namespace CryptoIntel.Storage.Tests;

/// <summary>The conformance suite on the embedded default: a fresh SQLite file per test.</summary>
public sealed class SqliteStoreTests : StoreConformanceTests
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "cryptointel-tests", Guid.NewGuid().ToString("N"));

    internal override Task<StorageProvider> CreateProviderAsync() => Task.FromResult<StorageProvider>(new SqliteProvider(Path.Combine(_dir, "sub", "store.db")));

    protected override Task CleanupAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }

        return Task.CompletedTask;
    }

    [Fact]
    public async Task Sqlite_OneFile_InWalMode()
    {
        await Store.MigrateAsync(TestContext.Current.CancellationToken);
        var path = Path.Combine(_dir, "sub", "store.db");
        Assert.True(File.Exists(path));
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }
}
