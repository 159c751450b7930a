using CryptoIntel.Pipeline;
using CryptoIntel.Realtime;
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
        var demo = configuration.GetValue<bool>("Web:Demo");
        if (web.Mode == WebHostMode.Embedded && (web.RunPipeline || demo))
        {
            cryptoIntel.AddSources(configuration.GetSection("CryptoIntel:Sources"));
            cryptoIntel.AddEntities(configuration.GetSection("CryptoIntel:Entities"));
            cryptoIntel.AddSignals(configuration.GetSection("CryptoIntel:Signals"));
            cryptoIntel.AddCollectionPipeline(configuration.GetSection(CryptoIntelBuilderPipelineExtensions.PipelineSectionName));
            if (demo)
            {
                // --demo: every source answered by the market simulator on an accelerated clock (a 5-minute market
                // step every 5 s), a collection cycle every 10 s: signals appear within the first minute, offline.
                cryptoIntel.AddDemoMarket(o =>
                {
                    o.Accelerate();
                    configuration.GetSection("CryptoIntel:Demo").Bind(o);
                });
                builder.Services.PostConfigure<CollectionPipelineOptions>(o => o.Schedule = "*/10 * * * * *");
            }
        }

        // Realtime: new signals of the in-process pipeline go to the hub at /hubs/signals (CryptoIntel:Realtime;
        // Redis scale-out with CryptoIntel:Realtime:Redis). Unless the hub has keys or bearer schemes of its own
        // (CryptoIntel:Realtime:ApiKeys, :BearerSchemes), it follows the read API: open while reads are open
        // (Web:RequireKeyForReads false, the default; always in the demo), else the Web:ApiKeys open it.
        var realtime = cryptoIntel.AddRealtime(configuration.GetSection("CryptoIntel:Realtime"));
        builder.Services.PostConfigure<RealtimeOptions>(o =>
        {
            if (o.ApiKeys.Count > 0 || o.BearerSchemes.Count > 0)
            {
                return;
            }

            if (demo || !web.RequireKeyForReads)
            {
                o.RequireAuthentication = false;
                return;
            }

            foreach (var key in web.ApiKeys)
            {
                o.ApiKeys.Add(new RealtimeApiKey { Name = key.Name, Key = key.Key });
            }
        });

        if (configuration.GetSection("CryptoIntel:Realtime:Redis").Exists())
        {
            realtime.UseRedis(configuration.GetSection("CryptoIntel:Realtime:Redis"));
        }

        return builder;
    }
}
