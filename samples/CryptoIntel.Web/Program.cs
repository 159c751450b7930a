// The CryptoIntel web host: JSON API under /api (OpenAPI at /openapi/v1.json, reference UI at /scalar), health at
// /health/live and /health/ready, Prometheus metrics at /metrics, and the dashboards from wwwroot/.
using CryptoIntel.Web.Api;
using CryptoIntel.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddCryptoIntelWeb();
builder.Services.AddSingleton<ApiContext>();

// Data: the store (SQLite by default; PostgreSQL or a shared file in reader mode) and, in embedded mode, the
// collection pipeline running in-process.
builder.AddCryptoIntelData();

// Realtime: the lead wires CryptoIntel.Realtime here:
//   builder.Services.AddCryptoIntel().AddRealtime(...);   and below:   app.MapCryptoIntelHub("/hubs/signals");

var app = builder.Build();

app.MapCryptoIntelWeb();

await app.RunAsync().ConfigureAwait(false);

/// <summary>The entry point; public so that WebApplicationFactory in the tests can find it.</summary>
public partial class Program;
