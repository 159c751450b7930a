using CryptoIntel.Storage;
using CryptoIntel.Storage.Internal;
using CryptoIntel.Storage.PostgreSql;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Chooses PostgreSQL for CryptoIntel.Storage.</summary>
public static class StorageBuilderPostgreSqlExtensions
{
    /// <summary>
    /// Stores in PostgreSQL instead of the embedded SQLite file: same interface, schema, migrations (applied under an
    /// advisory lock, so several processes may start at once) and queries.
    /// </summary>
    /// <param name="builder">The storage builder returned by <c>AddStorage()</c>.</param>
    /// <param name="connectionString">An Npgsql connection string, e.g. <c>Host=127.0.0.1;Port=5432;Username=postgres;Database=cryptointel</c>.</param>
    /// <returns>The storage builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is null, blank or not a valid connection string.</exception>
    public static IStorageBuilder UsePostgreSql(this IStorageBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        try
        {
            _ = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new ArgumentException("The PostgreSQL connection string is not valid: " + e.Message, nameof(connectionString), e);
        }

        builder.Services.Replace(ServiceDescriptor.Singleton<StorageProvider>(_ => new PostgreSqlProvider(connectionString)));
        return builder;
    }
}
