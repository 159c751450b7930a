using System.Diagnostics;
using System.Net;
using CryptoIntel;
using CryptoIntel.Realtime;
using Microsoft.AspNetCore.SignalR;

namespace CryptoIntel.Realtime.LoadTest;

/// <summary>The hub under test, with two test endpoints: publish at a rate, and process stats.</summary>
internal static class Server
{
    public const string Key = "loadtest-key-0123456789abcdef";

    public static async Task<int> RunAsync(Dictionary<string, string> args)
    {
        var port = int.Parse(args.GetValueOrDefault("port", "5100"));
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("CryptoIntel.Realtime.Internal.HubGate", LogLevel.Information);
        // --inline-io: Kestrel runs socket continuations and sends inline on its I/O threads instead of queuing them to the
        // thread pool (a documented Kestrel option; safe here: no blocking code runs on those threads).
        var inline = args.ContainsKey("inline-io");
        builder.WebHost.UseSockets(o => o.UnsafePreferInlineScheduling = inline);
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, port);
            k.Limits.MaxRequestBodySize = 1024 * 1024;
        });
        if (args.ContainsKey("plain"))
        {
            return await RunPlainAsync(builder);
        }

        var realtime = builder.Services.AddCryptoIntel().AddRealtime(o =>
        {
            o.ApiKeys.Add(new RealtimeApiKey { Name = "loadtest", Key = Key });
            o.MaxConnections = int.Parse(args.GetValueOrDefault("max-connections", "0"));
            o.AllowStatefulReconnect = false;
        });
        if (args.TryGetValue("redis", out var redis))
        {
            realtime.UseRedis(r =>
            {
                r.Configuration = redis;
                r.KeyPrefix = args.GetValueOrDefault("prefix", "cryptointel:rt:loadtest:");
            });
        }

        var app = builder.Build();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.Zero });
        app.MapCryptoIntelHub("/hubs/signals");
        var publisher = app.Services.GetRequiredService<ISignalPublisher>();
        MapEndpoints(app, (signal, _) => publisher.PublishAsync([signal], CancellationToken.None));
        await app.RunAsync();
        return 0;
    }

    /// <summary>The baseline: a plain SignalR hub, broadcast with <c>Clients.All.SendAsync</c> (one by one), same envelope.</summary>
    private static async Task<int> RunPlainAsync(WebApplicationBuilder builder)
    {
        builder.Services.AddSignalR();
        var app = builder.Build();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.Zero });
        app.MapHub<PlainHub>("/hubs/signals");
        var hub = app.Services.GetRequiredService<Microsoft.AspNetCore.SignalR.IHubContext<PlainHub>>();
        MapEndpoints(app, (signal, n) => new ValueTask(hub.Clients.All.SendAsync("signal", new PlainEnvelope("all", "plain", n, DateTimeOffset.UtcNow, signal))));
        await app.RunAsync();
        return 0;
    }

    private static void MapEndpoints(WebApplication app, Func<Signal, long, ValueTask> publish)
    {
        var sequence = 0;
        var probe = new Probe();
        var sampler = Environment.GetEnvironmentVariable("CRYPTOINTEL_LOADTEST_ALLOCS") == "1" ? new AllocationSampler() : null;
        app.Lifetime.ApplicationStopping.Register(probe.Dispose);
        app.MapPost("/loadtest/publish", (int count, int intervalMs) =>
        {
            _ = Task.Run(async () =>
            {
                for (var i = 0; i < count; i++)
                {
                    var n = Interlocked.Increment(ref sequence);
                    var at = DateTimeOffset.UnixEpoch.AddSeconds(n).AddTicks(Environment.ProcessId);
                    var signal = new Signal(Signal.CreateId("volume-spike", "bitcoin", "loadtest", "1", at), "volume-spike", "bitcoin",
                        SignalDirection.Up, n, 0.9, at, "loadtest", "1")
                    { Asset = "bitcoin", Summary = "BTC volume 4.2 sigma above its 24 h baseline" };
                    var start = Stopwatch.GetTimestamp();
                    await publish(signal, n);
                    probe.Published(Stopwatch.GetElapsedTime(start));
                    if (intervalMs > 0)
                    {
                        await Task.Delay(intervalMs, CancellationToken.None);
                    }
                }
            }, CancellationToken.None);
            return Results.Accepted();
        });
        app.MapGet("/loadtest/stats", () =>
        {
            sampler?.Print();
            using var process = Process.GetCurrentProcess();
            // Read the GC and thread-pool figures before the induced collection that measures the heap.
            var gcs = new[] { GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2) };
            var pause = GC.GetTotalPauseDuration().TotalMilliseconds;
            var (publishes, publishMs, maxPublishMs, maxQueue) = probe.Take();
            GC.Collect();
            var afterCollect = new[] { GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2) };
            return Results.Json(new Stats(
                process.WorkingSet64,
                GC.GetTotalMemory(false),
                process.TotalProcessorTime.TotalMilliseconds,
                process.Threads.Count)
            {
                Gen0 = gcs[0],
                Gen1 = gcs[1],
                Gen2 = gcs[2],
                GcPauseMs = pause,
                GcPauseAfterMs = GC.GetTotalPauseDuration().TotalMilliseconds,
                Gen0After = afterCollect[0],
                Gen1After = afterCollect[1],
                Gen2After = afterCollect[2],
                SysCpuMs = process.PrivilegedProcessorTime.TotalMilliseconds,
                Allocated = GC.GetTotalAllocatedBytes(),
                WorkItems = ThreadPool.CompletedWorkItemCount,
                PoolThreads = ThreadPool.ThreadCount,
                Publishes = publishes,
                PublishMs = publishMs,
                MaxPublishMs = maxPublishMs,
                MaxQueue = maxQueue,
            }, LoadTestJsonContext.Default.Stats);
        });
    }
}

internal sealed class PlainHub : Microsoft.AspNetCore.SignalR.Hub
{
    public object Subscribe(System.Text.Json.JsonElement request) => new { topic = "all", epoch = "plain", offset = 0L, recovered = true, replayed = 0 };
}

internal sealed record PlainEnvelope(string Topic, string Epoch, long Offset, DateTimeOffset PublishedAt, Signal Signal);

internal sealed record Stats(long WorkingSet, long GcHeap, double CpuMs, int Threads)
{
    public int Gen0 { get; init; }

    public int Gen1 { get; init; }

    public int Gen2 { get; init; }

    public double GcPauseMs { get; init; }

    /// <summary>Gets the GC figures after the stats read's own induced collection (a phase is measured from these to the next read's before-figures).</summary>
    public double GcPauseAfterMs { get; init; }

    public int Gen0After { get; init; }

    public int Gen1After { get; init; }

    public int Gen2After { get; init; }

    public long Allocated { get; init; }

    public double SysCpuMs { get; init; }

    public long WorkItems { get; init; }

    public int PoolThreads { get; init; }

    /// <summary>Gets the publish calls since the last stats read, their summed and longest time (the dispatch on the publishing thread).</summary>
    public int Publishes { get; init; }

    public double PublishMs { get; init; }

    public double MaxPublishMs { get; init; }

    /// <summary>Gets the longest thread-pool queue sampled (every 5 ms) since the last stats read.</summary>
    public long MaxQueue { get; init; }
}

/// <summary>Server-side figures of the broadcast: publish-call time, and the thread-pool queue sampled every 5 ms.</summary>
internal sealed class Probe : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Timer _sampler;
    private int _publishes;
    private double _publishMs;
    private double _maxPublishMs;
    private long _maxQueue;

    public Probe() => _sampler = new Timer(_ =>
    {
        var pending = ThreadPool.PendingWorkItemCount;
        lock (_gate)
        {
            _maxQueue = Math.Max(_maxQueue, pending);
        }
    }, null, 5, 5);

    public void Dispose() => _sampler.Dispose();

    public void Published(TimeSpan elapsed)
    {
        lock (_gate)
        {
            _publishes++;
            _publishMs += elapsed.TotalMilliseconds;
            _maxPublishMs = Math.Max(_maxPublishMs, elapsed.TotalMilliseconds);
        }
    }

    public (int Publishes, double PublishMs, double MaxPublishMs, long MaxQueue) Take()
    {
        lock (_gate)
        {
            var result = (_publishes, _publishMs, _maxPublishMs, _maxQueue);
            (_publishes, _publishMs, _maxPublishMs, _maxQueue) = (0, 0, 0, 0);
            return result;
        }
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(Stats))]
[System.Text.Json.Serialization.JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
internal sealed partial class LoadTestJsonContext : System.Text.Json.Serialization.JsonSerializerContext
{
}
