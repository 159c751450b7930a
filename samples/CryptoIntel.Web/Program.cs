// The CryptoIntel web host: JSON API under /api (OpenAPI at /openapi/v1.json, reference UI at /scalar), health at
// /health/live and /health/ready, Prometheus metrics at /metrics, and the dashboards from wwwroot/.
using CryptoIntel.Web.Api;
using CryptoIntel.Web.Hosting;

// --demo: the embedded host on a simulated market (no network needed); the same as Web:Demo=true.
var demo = args.Contains("--demo", StringComparer.Ordinal);
var builder = WebApplication.CreateBuilder(demo ? [.. args.Where(a => a != "--demo"), "--Web:Demo=true"] : args);

builder.AddCryptoIntelWeb();
builder.Services.AddSingleton<ApiContext>();

// Data: the store (SQLite by default; PostgreSQL or a shared file in reader mode) and, in embedded mode, the
// collection pipeline running in-process.
builder.AddCryptoIntelData();

var app = builder.Build();

app.UseWebSockets();
app.MapCryptoIntelWeb();
app.MapCryptoIntelHub("/hubs/signals");

await app.RunAsync().ConfigureAwait(false);

/// <summary>The entry point; public so that WebApplicationFactory in the tests can find it.</summary>
public partial class Program;
