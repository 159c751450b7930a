using System.Globalization;
using System.Text.Json;
using CryptoIntel.Pipeline;
using CryptoIntel.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

const string Usage = """
    CryptoIntel worker: runs the collection pipeline on its schedule (CryptoIntel:Pipeline:Schedule, cron, default
    every 15 minutes): collect from every enabled source, extract entities, detect, store (SQLite file
    CryptoIntel:Storage:SqlitePath, or PostgreSQL with CryptoIntel:Storage:PostgreSql), publish.

      --once              run one cycle, print one JSON summary per source to stdout, exit 0 if any source succeeded
      --backfill <days>   load <days> of history (CoinGecko market charts, DeFi Llama TVL) into the store, then exit
      --replay <dir>      answer every request from recorded exchanges in <dir>/<provider>/ (offline)
      --record <dir>      record every real exchange into <dir>/<provider>/ for a later --replay
      --demo              answer every source from a simulated market (no network), accelerated: a 5-minute market
                          step every 5 seconds, a cycle every 10 seconds, events (volume spike, TVL drain, de-peg)
                          in the first minute; CryptoIntel:Demo:Seed, :Assets, :StepInterval tune it
      --help              this text

    Settings: appsettings.json, environment (CryptoIntel__Sources__CoinGecko__ApiKey=...), command line
    (--CryptoIntel:Sources:CoinGecko:BaseAddress=http://127.0.0.1:5000/api/v3).
    --CryptoIntel:Signals:EmbeddingSentiment:Enabled=true scores headlines with the fine-tuned transformer of
    CryptoIntel.Signals.Embeddings (more accurate; about 3 ms a headline and 470 MB) instead of the fast model.
    """;

var once = false;
int? backfill = null;
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
        case "--backfill" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= 365:
            backfill = days;
            i++;
            break;
        case "--help" or "-h":
            Console.WriteLine(Usage);
            return 0;
        case "--replay" or "--record":
            await Console.Error.WriteLineAsync($"{args[i]} needs a directory.\n\n{Usage}");
            return 2;
        case "--backfill":
            await Console.Error.WriteLineAsync($"--backfill needs a number of days from 1 to 365.\n\n{Usage}");
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
if (once || backfill is not null)
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
    builder.Services.PostConfigure<CollectionPipelineOptions>(o => o.Schedule = "*/10 * * * * *");
}

if (!once && backfill is null)
{
    await builder.Build().RunAsync();
    return 0;
}

using var host = builder.Build();
host.Services.GetRequiredService<IStartupValidator>().Validate();
using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cts.Cancel();
};

if (backfill is { } backfillDays)
{
    var progress = new Progress<BackfillProgress>(p =>
        Console.Error.WriteLine($"[{p.Stage}] {p.Done}/{p.Total} {p.Item}: {(p.Error is null ? $"{p.Rows:N0} rows" : "FAILED " + p.Error)}"));
    var rows = await host.Services.GetRequiredService<HistoryBackfill>().RunAsync(backfillDays, progress: progress, cancellationToken: cts.Token);
    Console.WriteLine($"backfilled {backfillDays} days: {rows:N0} rows");
    return 0;
}

var cycle = host.Services.GetRequiredService<CollectionCycle>();
cycle.CheckBudgets();
var summary = await cycle.RunAsync(cts.Token);
foreach (var source in summary.Sources)
{
    Console.WriteLine(JsonSerializer.Serialize(source, WorkerJsonContext.Default.SourceSummary));
}

await Console.Error.WriteLineAsync($"cycle {summary.Id}: {summary.DurationMs} ms, {string.Join(", ", summary.Counts.Select(c => $"{c.Key}={c.Value}"))}, {summary.NewSignals.Count} new signals{(summary.Error is null ? string.Empty : ", error: " + summary.Error)}");
return summary.AnySucceeded ? 0 : 1;
