namespace CryptoIntel.Web.Hosting;

/// <summary>Registers the store and, in embedded mode, the in-process collection pipeline.</summary>
internal static class DataRegistration
{
    /// <summary>The connection string name that switches the store to PostgreSQL.</summary>
    public const string PostgreSqlConnectionName = "PostgreSql";

    public static WebApplicationBuilder AddCryptoIntelData(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var cryptoIntel = builder.Services.AddCryptoIntel();

        // SQLite by default (CryptoIntel:Storage:SqlitePath); ConnectionStrings:PostgreSql (or, as for the worker,
        // CryptoIntel:Storage:PostgreSql) switches to PostgreSQL.
        var storage = cryptoIntel.AddStorage(configuration.GetSection(CryptoIntelBuilderStorageExtensions.StorageSectionName));
        if ((configuration.GetConnectionString(PostgreSqlConnectionName) ?? configuration["CryptoIntel:Storage:PostgreSql"]) is { Length: > 0 } postgres)
        {
            storage.UsePostgreSql(postgres);
        }

        // Embedded mode: the collection pipeline runs in this process (sources, entities, cycles on the
        // CryptoIntel:Pipeline schedule). Reader mode only reads what a separate worker writes.
        var web = configuration.GetSection(WebOptions.SectionName).Get<WebOptions>() ?? new WebOptions();
        if (web.Mode == WebHostMode.Embedded && web.RunPipeline)
        {
            cryptoIntel.AddSources(configuration.GetSection("CryptoIntel:Sources"));
            cryptoIntel.AddEntities(configuration.GetSection("CryptoIntel:Entities"));
            cryptoIntel.AddCollectionPipeline(configuration.GetSection(CryptoIntelBuilderPipelineExtensions.PipelineSectionName));
        }

        return builder;
    }
}
