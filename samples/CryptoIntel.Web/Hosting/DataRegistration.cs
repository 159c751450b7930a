namespace CryptoIntel.Web.Hosting;

/// <summary>Registers the store and, in embedded mode, the in-process collection pipeline.</summary>
internal static class DataRegistration
{
    public static WebApplicationBuilder AddCryptoIntelData(this WebApplicationBuilder builder)
    {
        // Filled in when CryptoIntel.Storage's SQLite store lands.
        return builder;
    }
}
