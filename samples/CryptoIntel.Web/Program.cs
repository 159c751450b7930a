// The CryptoIntel web host: JSON API under /api, health under /health, the dashboards from wwwroot.
var builder = WebApplication.CreateBuilder(args);

var app = builder.Build();

// Dashboards (static files under wwwroot/, written by the dashboards' build).
app.UseDefaultFiles();
app.UseStaticFiles();

app.MapGet("/health/live", () => TypedResults.Ok(new { status = "live" }));

// Realtime: the lead wires CryptoIntel.Realtime here (builder.Services...AddRealtime(); app.MapCryptoIntelHub("/hubs/signals")).

await app.RunAsync().ConfigureAwait(false);

/// <summary>The entry point; public so that WebApplicationFactory in the tests can find it.</summary>
public partial class Program;
