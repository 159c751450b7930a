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
                    await publish(signal, n);
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
            using var process = Process.GetCurrentProcess();
            GC.Collect();
            return Results.Json(new Stats(
                process.WorkingSet64,
                GC.GetTotalMemory(false),
                process.TotalProcessorTime.TotalMilliseconds,
                process.Threads.Count), LoadTestJsonContext.Default.Stats);
        });
    }
}

internal sealed class PlainHub : Microsoft.AspNetCore.SignalR.Hub
{
    public object Subscribe(System.Text.Json.JsonElement request) => new { topic = "all", epoch = "plain", offset = 0L, recovered = true, replayed = 0 };
}

internal sealed record PlainEnvelope(string Topic, string Epoch, long Offset, DateTimeOffset PublishedAt, Signal Signal);

internal sealed record Stats(long WorkingSet, long GcHeap, double CpuMs, int Threads);

[System.Text.Json.Serialization.JsonSerializable(typeof(Stats))]
[System.Text.Json.Serialization.JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
internal sealed partial class LoadTestJsonContext : System.Text.Json.Serialization.JsonSerializerContext
{
}
