namespace CryptoIntel.Web.Hosting;

/// <summary>Registers the store and, in embedded mode, the in-process collection pipeline.</summary>
internal static class DataRegistration
{
    /// <summary>The connection string name that switches the store to PostgreSQL.</summary>
    public const string PostgreSqlConnectionName = "PostgreSql";

    public static WebApplicationBuilder AddCryptoIntelData(this WebApplicationBuilder builder)
    {
        var cryptoIntel = builder.Services.AddCryptoIntel();

        // SQLite by default (CryptoIntel:Storage:SqlitePath); ConnectionStrings:PostgreSql switches to PostgreSQL.
        var storage = cryptoIntel.AddStorage(builder.Configuration.GetSection(CryptoIntelBuilderStorageExtensions.StorageSectionName));
        if (builder.Configuration.GetConnectionString(PostgreSqlConnectionName) is { Length: > 0 } postgres)
        {
            storage.UsePostgreSql(postgres);
        }

        // Embedded mode: the collection pipeline runs in this process once CryptoIntel.Storage's pipeline lands
        // (cryptoIntel.AddCollectionPipeline(...)); reader mode only reads what a separate worker writes.
        return builder;
    }
}
