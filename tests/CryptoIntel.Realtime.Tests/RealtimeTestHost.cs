using System.Net;
using CryptoIntel.Realtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CryptoIntel.Realtime.Tests;

/// <summary>A real Kestrel host on loopback with the hub at /hubs/signals (real sockets, not TestServer).</summary>
internal sealed class RealtimeTestHost : IAsyncDisposable
{
    public const string Key = "test-key-0123456789abcdef";
    public const string RestrictedKey = "restricted-key-0123456789";

    private readonly WebApplication _app;

    private RealtimeTestHost(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public Uri HubUri => new(BaseUri, "/hubs/signals");

    public IServiceProvider Services => _app.Services;

    public ISignalPublisher Publisher => _app.Services.GetRequiredService<ISignalPublisher>();

    public static async Task<RealtimeTestHost> StartAsync(
        Action<RealtimeOptions>? configure = null,
        Action<IRealtimeBuilder>? realtime = null,
        Action<WebApplicationBuilder>? host = null,
        int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        host?.Invoke(builder);
        var rt = builder.Services.AddCryptoIntel().AddRealtime(o =>
        {
            o.ApiKeys.Add(new RealtimeApiKey { Name = "test", Key = Key });
            var restricted = new RealtimeApiKey { Name = "restricted", Key = RestrictedKey };
            restricted.Topics.Add("asset:*");
            o.ApiKeys.Add(restricted);
            o.Watchlists["majors"] = ["bitcoin", "ethereum"];
            configure?.Invoke(o);
        });
        realtime?.Invoke(rt);
        var app = builder.Build();
        app.UseWebSockets();
        if (builder.Services.Any(s => s.ServiceType.Name == "IAuthenticationService"))
        {
            app.UseAuthentication();
        }

        app.MapCryptoIntelHub("/hubs/signals");
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RealtimeTestHost(app, new Uri(address));
    }

    public HubConnection Connect(string? key = Key, Action<HubConnection>? handlers = null)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(HubUri, o =>
            {
                if (key is not null)
                {
                    o.AccessTokenProvider = () => Task.FromResult<string?>(key);
                }
            })
            .Build();
        handlers?.Invoke(connection);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    public static Signal MakeSignal(int i, string asset = "bitcoin", string kind = "volume-spike", double confidence = 0.8, int summaryLength = 0)
    {
        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(i);
        return new Signal(Signal.CreateId(kind, asset, "test", "1", at), kind, asset, SignalDirection.Up, i, confidence, at, "test", "1")
        {
            Asset = asset,
            Summary = summaryLength > 0 ? new string('x', summaryLength) : null,
        };
    }
}

/// <summary>Collects what a hub connection receives.</summary>
internal sealed class Received
{
    private readonly Lock _gate = new();
    private readonly List<Envelope> _signals = [];
    private readonly List<Gap> _gaps = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<Envelope> Signals
    {
        get
        {
            lock (_gate)
            {
                return [.. _signals];
            }
        }
    }

    public IReadOnlyList<Gap> Gaps
    {
        get
        {
            lock (_gate)
            {
                return [.. _gaps];
            }
        }
    }

    public void Attach(HubConnection connection)
    {
        connection.On<Envelope>("signal", e => Add(() => _signals.Add(e)));
        connection.On<Gap>("gap", g => Add(() => _gaps.Add(g)));
    }

    public async Task WaitForAsync(Func<Received, bool> condition, int seconds = 20)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(seconds));
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }

            if (condition(this))
            {
                return;
            }

            try
            {
                await changed.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                Assert.Fail($"Timed out: {_signals.Count} signals, {_gaps.Count} gaps received.");
            }
        }
    }

    private void Add(Action add)
    {
        TaskCompletionSource previous;
        lock (_gate)
        {
            add();
            previous = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        previous.TrySetResult();
    }
}

internal sealed record Envelope(string Topic, string Epoch, long Offset, DateTimeOffset PublishedAt, Signal Signal);

internal sealed record Gap(string Topic, string Epoch, long FromOffset, long ToOffset, bool Recovered, string Reason);

internal sealed record SubscribeAnswer(string Topic, string Epoch, long Offset, bool Recovered, int Replayed);
