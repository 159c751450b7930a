using System.Text.Json;
using CryptoIntel.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

const string Usage = """
    CryptoIntel worker: collects from every enabled source every 15 minutes (CryptoIntel:Worker:Interval).

      --once            run one cycle, print one JSON summary per source to stdout, exit 0 if any source succeeded
      --replay <dir>    answer every request from recorded exchanges in <dir>/<provider>/ (offline)
      --record <dir>    record every real exchange into <dir>/<provider>/ for a later --replay
      --demo            answer every source from a simulated market (no network), accelerated: a 5-minute market
                        step every 5 seconds, a cycle every 10 seconds, events (volume spike, TVL drain, de-peg)
                        in the first minute; CryptoIntel:Demo:Seed, :Assets, :StepInterval tune it
      --help            this text

    Settings: appsettings.json, environment (CryptoIntel__Sources__CoinGecko__ApiKey=...), command line
    (--CryptoIntel:Sources:CoinGecko:BaseAddress=http://127.0.0.1:5000/api/v3).
    """;

var once = false;
var demo = false;
string? replay = null;
string? record = null;
var hostArgs = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--once":
            once = true;
            break;
        case "--demo":
            demo = true;
            break;
        case "--replay" when i + 1 < args.Length:
            replay = Path.GetFullPath(args[++i]);
            break;
        case "--record" when i + 1 < args.Length:
            record = Path.GetFullPath(args[++i]);
            break;
        case "--help" or "-h":
            Console.WriteLine(Usage);
            return 0;
        case "--replay" or "--record":
            await Console.Error.WriteLineAsync($"{args[i]} needs a directory.\n\n{Usage}");
            return 2;
        default:
            hostArgs.Add(args[i]);
            break;
    }
}

if (replay is not null && !Directory.Exists(replay))
{
    await Console.Error.WriteLineAsync($"The replay directory '{replay}' does not exist.");
    return 2;
}

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [.. hostArgs], ContentRootPath = AppContext.BaseDirectory });
if (once)
{
    // stdout carries the JSON summaries; logs go to stderr.
    builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
}

builder.Services.AddCollectionWorker(builder.Configuration, sources =>
{
    if (replay is not null)
    {
        sources.ReplayDirectory = replay;
        sources.QuotaStateDirectory = null; // replaying spends no real quota
    }

    if (record is not null)
    {
        sources.RecordDirectory = record;
    }
});

if (demo)
{
    builder.Services.AddCryptoIntel().AddDemoMarket(o =>
    {
        o.Accelerate();
        builder.Configuration.GetSection("CryptoIntel:Demo").Bind(o);
    });
    builder.Services.PostConfigure<WorkerOptions>(o => o.Interval = TimeSpan.FromSeconds(10));
}

if (!once)
{
    builder.Services.AddHostedService<CollectionService>();
    await builder.Build().RunAsync();
    return 0;
}

using var host = builder.Build();
host.Services.GetRequiredService<IStartupValidator>().Validate();
var cycle = host.Services.GetRequiredService<CollectionCycle>();
cycle.CheckBudgets();
using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cts.Cancel();
};
var summary = await cycle.RunAsync(cts.Token);
foreach (var source in summary.Sources)
{
    Console.WriteLine(JsonSerializer.Serialize(source, WorkerJsonContext.Default.SourceSummary));
}

return summary.AnySucceeded ? 0 : 1;
