using System.Diagnostics.Metrics;
using CryptoIntel.Realtime.Internal;
using CryptoIntel.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace CryptoIntel.Realtime.Tests;

/// <summary>Two hosts behind one Redis (<c>CRYPTOINTEL_TEST_REDIS</c>): SignalR backplane plus history in Redis Streams.</summary>
public sealed class ScaleOutTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static Task<RealtimeTestHost> StartNodeAsync(string redis, string prefix, int port = 0)
        => RealtimeTestHost.StartAsync(o => o.HistoryPerTopic = 100, rt => rt.UseRedis(r =>
        {
            r.Configuration = redis;
            r.KeyPrefix = prefix;
        }), port: port);

    [Fact]
    public async Task PublishOnNodeA_ReachesSubscribersOnNodeB_AndResumeWorksAcrossNodesAndRestarts()
    {
        var redis = TestServices.RequireRedis();
        var prefix = $"ci-test:{Guid.NewGuid():N}:";
        await using var nodeA = await StartNodeAsync(redis, prefix);
        var nodeB = await StartNodeAsync(redis, prefix);
        var port = nodeB.BaseUri.Port;
        try
        {
            // Publish on A, receive on B (and on A).
            var onB = new Received();
            var onA = new Received();
            await using var clientB = nodeB.Connect(handlers: onB.Attach);
            await using var clientA = nodeA.Connect(handlers: onA.Attach);
            await clientB.StartAsync(Token);
            await clientA.StartAsync(Token);
            var start = await clientB.InvokeAsync<SubscribeAnswer>("Subscribe", new { topic = "all" }, Token);
            await clientA.InvokeAsync<SubscribeAnswer>("Subscribe", new { topic = "asset:bitcoin" }, Token);
            await nodeA.Publisher.PublishAsync([RealtimeTestHost.MakeSignal(1), RealtimeTestHost.MakeSignal(2, asset: "ethereum")], Token);
            await nodeB.Publisher.PublishAsync([RealtimeTestHost.MakeSignal(3), RealtimeTestHost.MakeSignal(1)], Token);
            await onB.WaitForAsync(r => r.Signals.Count == 3);
            await onA.WaitForAsync(r => r.Signals.Count == 2);
            Assert.Equal([1, 2, 3], onB.Signals.Select(s => s.Offset));
            Assert.Equal([1, 2], onA.Signals.Select(s => s.Offset));
            Assert.All(onB.Signals, s => Assert.Equal(start.Epoch, s.Epoch));

            // Leave B; publish on A; resume on A from B's last offset.
            await clientB.StopAsync(Token);
            await nodeA.Publisher.PublishAsync([RealtimeTestHost.MakeSignal(4), RealtimeTestHost.MakeSignal(5)], Token);
            var moved = new Received();
            await using var clientMoved = nodeA.Connect(handlers: moved.Attach);
            await clientMoved.StartAsync(Token);
            var resumed = await clientMoved.InvokeAsync<SubscribeAnswer>("Subscribe", new { topic = "all", epoch = start.Epoch, offset = 3L }, Token);
            await moved.WaitForAsync(r => r.Signals.Count == 2);
            Assert.True(resumed.Recovered);
            Assert.Equal([4, 5], moved.Signals.Select(s => s.Offset));

            // Restart B: a client of the old B resumes on the new B (same port) with nothing lost.
            await nodeB.DisposeAsync();
            await nodeA.Publisher.PublishAsync([RealtimeTestHost.MakeSignal(6)], Token);
            nodeB = await StartNodeAsync(redis, prefix, port);
            var again = new Received();
            await using var clientAgain = nodeB.Connect(handlers: again.Attach);
            await clientAgain.StartAsync(Token);
            var answer = await clientAgain.InvokeAsync<SubscribeAnswer>("Subscribe", new { topic = "all", epoch = start.Epoch, offset = 3L }, Token);
            await nodeA.Publisher.PublishAsync([RealtimeTestHost.MakeSignal(7)], Token);
            await again.WaitForAsync(r => r.Signals.Count == 4);
            Assert.True(answer.Recovered);
            Assert.Equal(start.Epoch, answer.Epoch);
            Assert.Equal([4, 5, 6, 7], again.Signals.Select(s => s.Offset));
        }
        finally
        {
            await nodeB.DisposeAsync();
        }
    }

    [Fact]
    public async Task MessageMissedDuringBackplaneOutage_IsCaughtUpWhenTheSubscriptionIsRestored()
    {
        var redis = TestServices.RequireRedis();
        var prefix = $"ci-test:{Guid.NewGuid():N}:";
        var name = $"ci-node-{Guid.NewGuid():N}";
        await using var node = await StartNodeAsync($"{redis},name={name}", prefix);
        var meters = node.Services.GetRequiredService<IMeterFactory>();
        using var caughtUp = new MetricCollector<long>(meters, RealtimeMetrics.MeterName, "cryptointel.realtime.fanout.caught_up");
        using var replayed = new MetricCollector<long>(meters, RealtimeMetrics.MeterName, "cryptointel.realtime.messages.replayed");
        var received = new Received();
        var other = new Received();
        await using var client = node.Connect(handlers: received.Attach);
        await using var otherClient = node.Connect(handlers: other.Attach);
        await client.StartAsync(Token);
        await otherClient.StartAsync(Token);
        await client.InvokeAsync<SubscribeAnswer>("Subscribe", new { topic = "all" }, Token);
        await otherClient.InvokeAsync<SubscribeAnswer>("Subscribe", new { topic = "all" }, Token);
        await node.Publisher.PublishAsync([RealtimeTestHost.MakeSignal(1)], Token);
        await received.WaitForAsync(r => r.Signals.Count == 1);
        await other.WaitForAsync(r => r.Signals.Count == 1);

        // Offset 2 of 'all' goes into Redis the way the publish script writes it, but its notice never reaches the node
        // (as when the node's subscription is down); then the node's subscription connection is killed and comes back.
        await using var admin = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(redis + ",allowAdmin=true");
        var db = admin.GetDatabase();
        var offset = await db.HashIncrementAsync(prefix + "m:all", "offset");
        var json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(RealtimeTestHost.MakeSignal(2), RealtimeJsonContext.Default.Signal);
        await db.StreamAddAsync(prefix + "s:all", [new("d", json), new("p", 1767225602000)], $"{offset}-1");
        var clients = (string)(await db.ExecuteAsync("CLIENT", "LIST", "TYPE", "pubsub"))!;
        var ids = clients.Split('\n').Where(l => l.Contains($" name={name} ", StringComparison.Ordinal))
            .Select(l => System.Text.RegularExpressions.Regex.Match(l, @"\bid=([0-9]+)").Groups[1].Value).ToList();
        Assert.NotEmpty(ids);
        Assert.All(ids, id => Assert.Matches("^[0-9]+$", id));
        foreach (var id in ids)
        {
            // This node's subscriptions only (the topic store's, and SignalR's backplane's): other tests share this Redis.
            await db.ExecuteAsync("CLIENT", "KILL", "ID", id);
        }

        await received.WaitForAsync(r => r.Signals.Count == 2);
        await other.WaitForAsync(r => r.Signals.Count == 2);
        Assert.Equal([1, 2], received.Signals.Select(s => s.Offset));
        Assert.Equal([1, 2], other.Signals.Select(s => s.Offset));
        Assert.Equal(2, (int)received.Signals[1].Signal.Magnitude);
        Assert.Empty(received.Gaps);
        Assert.Empty(other.Gaps);

        // The node read offset 2 from history once and fanned it out to both subscribers (no per-subscription replay).
        Assert.Equal(1, caughtUp.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.Equal(0, replayed.GetMeasurementSnapshot().Sum(m => m.Value));
    }

    [Fact]
    public async Task SignalStreamClient_NodeRestarts_ReconnectsAndResumesWithoutLoss()
    {
        var redis = TestServices.RequireRedis();
        var prefix = $"ci-test:{Guid.NewGuid():N}:";
        await using var publisherNode = await StartNodeAsync(redis, prefix);
        var node = await StartNodeAsync(redis, prefix);
        var port = node.BaseUri.Port;
        var statuses = new List<Client.SignalStreamStatus>();
        await using var client = new Client.SignalStreamClient(new Client.SignalStreamClientOptions
        {
            Url = node.HubUri,
            ApiKey = RealtimeTestHost.Key,
            MaxReconnectDelay = TimeSpan.FromMilliseconds(200),
            OnStatus = s =>
            {
                lock (statuses)
                {
                    statuses.Add(s.Status);
                }
            },
        });
        try
        {
            var reading = ReadAsync(client, 6);
            await client.StartAsync(Token);
            await publisherNode.Publisher.PublishAsync([RealtimeTestHost.MakeSignal(1), RealtimeTestHost.MakeSignal(2)], Token);
            await WaitUntilAsync(() => client.Positions.TryGetValue("all", out var p) && p.Offset == 2);

            await node.DisposeAsync();
            await publisherNode.Publisher.PublishAsync([RealtimeTestHost.MakeSignal(3), RealtimeTestHost.MakeSignal(4)], Token);
            node = await StartNodeAsync(redis, prefix, port);
            await publisherNode.Publisher.PublishAsync([RealtimeTestHost.MakeSignal(5), RealtimeTestHost.MakeSignal(6)], Token);

            var signals = await reading.WaitAsync(TimeSpan.FromSeconds(60), Token);
            Assert.Equal([1, 2, 3, 4, 5, 6], signals.Select(s => (int)s.Magnitude));
            lock (statuses)
            {
                Assert.Contains(Client.SignalStreamStatus.Reconnecting, statuses);
            }
        }
        finally
        {
            await node.DisposeAsync();
        }
    }

    internal static async Task<List<Signal>> ReadAsync(Client.SignalStreamClient client, int count)
    {
        var list = new List<Signal>();
        await foreach (var signal in client.ReadAllAsync(TestContext.Current.CancellationToken))
        {
            list.Add(signal);
            if (list.Count == count)
            {
                break;
            }
        }

        return list;
    }

    internal static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        while (!condition())
        {
            // Polls a condition another thread makes true; the timeout only bounds a failing test.
            await Task.Delay(20, timeout.Token);
        }
    }
}
