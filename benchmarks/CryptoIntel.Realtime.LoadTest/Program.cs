using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using CryptoIntel.Realtime.LoadTest;

// Usage:
//   run    --connections 10000 [--nodes 1|2] [--redis 127.0.0.1:16379] [--messages 20] [--extra 500] [--fd-headroom 800] [--plain] [--inline-io] [--gc workstation|server] [--gen0-mb 64] [--pool-arrays 4096] [--warmup 10] [--broadcast-only]
//          (--inline-io: the servers run Kestrel with UnsafePreferInlineScheduling and inline socket completions)
//          (--plain: the baseline, a plain SignalR hub broadcasting with Clients.All.SendAsync; broadcast phase only)
//   server --port 5100 [--redis host:port] [--prefix p] [--max-connections n]
var options = ParseArgs(args.Skip(1));
return args.FirstOrDefault() switch
{
    "server" => await Server.RunAsync(options),
    "run" => await Runner.RunAsync(options),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: run --connections N [--nodes 1|2] [--redis host:port] | server --port P");
    return 2;
}

static Dictionary<string, string> ParseArgs(IEnumerable<string> args)
{
    var result = new Dictionary<string, string>(StringComparer.Ordinal);
    string? key = null;
    foreach (var arg in args)
    {
        if (arg.StartsWith("--", StringComparison.Ordinal))
        {
            key = arg[2..];
            result[key] = "true";
        }
        else if (key is not null)
        {
            result[key] = arg;
            key = null;
        }
    }

    return result;
}

/// <summary>Starts the server process(es), opens the connections, runs the phases, prints the figures.</summary>
internal static class Runner
{
    public static async Task<int> RunAsync(Dictionary<string, string> args)
    {
        var started = new List<ServerProcess>();
        try
        {
            return await RunCoreAsync(args, started);
        }
        finally
        {
            foreach (var server in started)
            {
                server.Kill();
            }
        }
    }

    private static async Task<int> RunCoreAsync(Dictionary<string, string> args, List<ServerProcess> started)
    {
        var connections = int.Parse(args.GetValueOrDefault("connections", "1000"));
        var nodes = int.Parse(args.GetValueOrDefault("nodes", "1"));
        var redis = args.GetValueOrDefault("redis");
        var messages = int.Parse(args.GetValueOrDefault("messages", "20"));
        var extra = int.Parse(args.GetValueOrDefault("extra", "500"));
        var headroom = int.Parse(args.GetValueOrDefault("fd-headroom", "800"));
        if (nodes == 2 && redis is null)
        {
            Console.Error.WriteLine("--nodes 2 needs --redis");
            return 2;
        }

        var plain = args.ContainsKey("plain");
        var inlineIo = args.ContainsKey("inline-io");
        var runtime = new ServerRuntime(
            args.GetValueOrDefault("gc", "workstation") == "server",
            args.TryGetValue("gen0-mb", out var gen0) ? int.Parse(gen0, CultureInfo.InvariantCulture) : null,
            args.TryGetValue("pool-arrays", out var poolArrays) ? int.Parse(poolArrays, CultureInfo.InvariantCulture) : null);
        var prefix = $"cryptointel:rt:loadtest:{Guid.NewGuid():N}:";
        var perNode = (connections + nodes - 1) / nodes;
        var fdLimit = perNode + headroom;
        var servers = new ServerProcess[nodes];
        for (var i = 0; i < nodes; i++)
        {
            servers[i] = new ServerProcess(5100 + i, redis, prefix, fdLimit, plain, inlineIo, runtime);
            started.Add(servers[i]);
            servers[i].Start();
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        foreach (var server in servers)
        {
            await server.WaitReadyAsync(http);
        }

        Console.WriteLine($"load average at start: {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine($"server sockets: {(inlineIo ? "Kestrel UnsafePreferInlineScheduling + inline socket completions (--inline-io)" : "Kestrel defaults (I/O queues, thread-pool completions)")}; server GC: {runtime}; generator: one epoll thread receiving");
        Console.WriteLine(plain ? "BASELINE: plain SignalR hub, Clients.All.SendAsync (no offsets, no resume, no cap)" : string.Empty);
        Console.WriteLine($"nodes: {nodes}{(redis is null ? " (in-memory history)" : $" (Redis {redis})")}; server open-file limit {fdLimit} -> connection cap {fdLimit - 512} per node (ulimit -n minus the 512 reserve)");
        var before = await Task.WhenAll(servers.Select(s => s.StatsAsync(http)));

        var warmup = int.Parse(args.GetValueOrDefault("warmup", "0"));
        var totalMessages = (messages * 3) + 10 + warmup;
        var metrics = new Metrics { ExpectedPerPhase = (messages + 2) * (connections + extra) };
        using var receiver = new EpollReceiver();
        var clients = Enumerable.Range(0, connections).Select(i => new LoadClient(i, servers[i % nodes].Uri, metrics, totalMessages, receiver)).ToArray();
        using var stop = new CancellationTokenSource();
        var loops = new Task[connections];
        var connectWatch = Stopwatch.StartNew();
        var refused = 0;
        // Blocking connects (see EpollReceiver), 64 at a time on pool threads.
        ThreadPool.SetMinThreads(96, 96);
        Parallel.ForEach(clients, new ParallelOptions { MaxDegreeOfParallelism = 64 }, client =>
        {
            var status = client.Connect();
            if (status == 101)
            {
                loops[client.Id] = RunClientAsync(client, stop.Token);
            }
            else
            {
                Interlocked.Increment(ref refused);
                loops[client.Id] = Task.CompletedTask;
            }
        });
        var held = clients.Count(c => c.Connected);
        Console.WriteLine($"connections: {held} of {connections} held (connect + subscribe took {connectWatch.Elapsed.TotalSeconds:F1} s, {refused} refused)");
        using var pinger = new Timer(_ =>
        {
            foreach (var client in clients)
            {
                client.SendPing();
            }
        }, null, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10));

        var after = await Task.WhenAll(servers.Select(s => s.StatsAsync(http)));
        var rss = after.Sum(s => s.WorkingSet) - before.Sum(s => s.WorkingSet);
        var heap = after.Sum(s => s.GcHeap) - before.Sum(s => s.GcHeap);
        Console.WriteLine($"server memory per connection: {rss / (double)held / 1024:F1} KB working set, {heap / (double)held / 1024:F1} KB managed heap");

        var published = 0;
        if (warmup > 0)
        {
            // Optional (--warmup N): N broadcasts first, reported on their own and left out of the phase-1 figures, so those
            // show the warm process (the JIT has tiered up the send path); the very first message is printed here.
            metrics.TakePhase();
            published += await PublishAsync(http, servers[0], warmup, 1000);
            await WaitAllAsync(clients, published, TimeSpan.FromSeconds(30));
            var warm = metrics.TakePhase();
            Report($"warm-up ({warmup} messages x {held} connections, 1/s; NOT in the broadcast figures below)", warm);
            ReportByMessage(warm);
        }

        // Phase 1: clean broadcasts to everyone, one a second.
        metrics.TakePhase();

        // The generator's own full collection before the phase, not in it (the servers' stats read does the same for them).
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var cpu0 = await Task.WhenAll(servers.Select(s => s.StatsAsync(http)));
        var ownCpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var (ownGcs0, ownPause0, ownAllocated0) = (GC.CollectionCount(0), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes(precise: true));
        using var sampler = Environment.GetEnvironmentVariable("CRYPTOINTEL_LOADTEST_ALLOCS") == "1" ? new AllocationSampler() : null;
        var wall = Stopwatch.StartNew();
        published += await PublishAsync(http, servers[0], messages, 1000);
        await WaitAllAsync(clients, published, TimeSpan.FromSeconds(30));

        // The generator's own figures as the last delivery came in (before the report's lists are built).
        var ownCpu = (Process.GetCurrentProcess().TotalProcessorTime - ownCpu0).TotalMilliseconds;
        var (ownGcs, ownPause, ownAllocated) = (GC.CollectionCount(0) - ownGcs0, GC.GetTotalPauseDuration() - ownPause0, GC.GetTotalAllocatedBytes(precise: true) - ownAllocated0);
        var phase1 = metrics.TakePhase();
        var cpu1 = await Task.WhenAll(servers.Select(s => s.StatsAsync(http)));
        var serverCpu = cpu1.Sum(s => s.CpuMs) - cpu0.Sum(s => s.CpuMs);
        Report($"broadcast to all ({messages} messages x {held} connections, 1/s)", phase1);
        ReportByMessage(phase1);
        Console.WriteLine($"  cpu during broadcast: server {serverCpu / wall.Elapsed.TotalMilliseconds * 100:F0}% of one core, generator {ownCpu / wall.Elapsed.TotalMilliseconds * 100:F0}% ({ownCpu * 1000 / Math.Max(1, phase1.Count):F1} us per delivery, {ownGcs} GCs, {ownPause.TotalMilliseconds:F0} ms GC pause, {ownAllocated / Math.Max(1, phase1.Count)} B allocated per delivery, {receiver.EventsPerWait:F1} ready sockets per epoll wake-up)");
        ReportServer(cpu0, cpu1, phase1.Count);
        sampler?.Print();

        if (plain || args.ContainsKey("broadcast-only"))
        {
            await stop.CancelAsync();
            servers[0].Kill();
            Console.WriteLine($"load average at end: {File.ReadAllText("/proc/loadavg").Trim()}");
            return 0;
        }

        // Phase 2: force 20% of the clients to drop and reconnect (resuming) while messages flow.
        var victims = clients.Where(c => c.Connected).OrderBy(c => (c.Id * 7919) % connections).Take(held / 5).ToArray();
        var publishing = PublishAsync(http, servers[0], messages, 250);
        await Task.Delay(1200);
        foreach (var victim in victims)
        {
            victim.Abort();
        }

        published += await publishing;
        var reconnected = await WaitAllAsync(clients, published, TimeSpan.FromSeconds(90));
        var phase2 = metrics.TakePhase();
        Console.WriteLine($"forced disconnect of {victims.Length} clients (20%): {victims.Count(v => v.Connected)} reconnected and resumed; lost so far: {Lost(clients, published)}; {(reconnected ? "all caught up" : "NOT all caught up")}");
        Report("  deliveries during the reconnect phase", phase2);

        // Phase 3 (two nodes): restart node 2 while node 1 publishes.
        if (nodes == 2)
        {
            publishing = PublishAsync(http, servers[0], messages, 250);
            await Task.Delay(1000);
            servers[1].Kill();
            await Task.Delay(2000);
            servers[1].Start();
            await servers[1].WaitReadyAsync(http);
            published += await publishing;
            var caughtUp = await WaitAllAsync(clients, published, TimeSpan.FromSeconds(120));
            var phase3 = metrics.TakePhase();
            Console.WriteLine($"restart of node 2 ({clients.Count(c => c.Uri == servers[1].Uri)} clients): {(caughtUp ? "all caught up" : "NOT all caught up")}; lost so far: {Lost(clients, published)}");
            Report("  deliveries during the restart phase", phase3);
        }

        // Phase 4: connections beyond the cap are refused with 503; the others live on.
        var extras = Enumerable.Range(0, extra).Select(i => new LoadClient(connections + i, servers[0].Uri, metrics, totalMessages, receiver)).ToArray();
        var statuses = new int[extra];
        var extraLoops = new List<Task>();
        Parallel.ForEach(Enumerable.Range(0, extra), new ParallelOptions { MaxDegreeOfParallelism = 32 }, i =>
        {
            try
            {
                statuses[i] = extras[i].Connect();
                if (statuses[i] == 101)
                {
                    lock (extraLoops)
                    {
                        extraLoops.Add(RunClientAsync(extras[i], stop.Token, reconnect: false));
                    }
                }
            }
            catch (Exception ex)
            {
                statuses[i] = -1;
                Console.WriteLine($"  extra connection failed: {ex.GetType().Name}: {ex.Message}");
            }
        });
        published += await PublishAsync(http, servers[0], 1, 0);
        var lived = await WaitAllAsync(clients, published, TimeSpan.FromSeconds(30));
        Console.WriteLine($"beyond the cap: {extra} more connections to node 1 -> {statuses.Count(s => s == 101)} accepted, {statuses.Count(s => s == 503)} refused with 503, {statuses.Count(s => s != 101 && s != 503)} other; existing connections {(lived ? "all received the next message" : "did NOT all receive the next message")} ({clients.Count(c => c.Connected)} connected)");
        foreach (var server in servers)
        {
            Console.WriteLine($"  node {server.Uri.Port}: alive={server.IsAlive}");
        }

        var lost = Lost(clients, published);
        var gaps = clients.Sum(c => c.Gaps);
        Console.WriteLine($"messages: {published} published; deliveries {metrics.Deliveries:N0}; lost (offsets never received, after resume): {lost}; gap notices: {gaps}");
        Console.WriteLine($"load average at end: {File.ReadAllText("/proc/loadavg").Trim()}");

        await stop.CancelAsync();
        foreach (var server in servers)
        {
            server.Kill();
        }

        return lost == 0 ? 0 : 1;
    }

    private static async Task RunClientAsync(LoadClient client, CancellationToken cancellationToken, bool reconnect = true)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await client.ReceiveUntilClosedAsync(cancellationToken);
            if (!reconnect || cancellationToken.IsCancellationRequested)
            {
                return;
            }

            // Reconnect and resume from the last offset, retrying while the node is away.
            for (var attempt = 1; !cancellationToken.IsCancellationRequested; attempt++)
            {
                try
                {
                    if (await Task.Run(client.Connect, cancellationToken) == 101)
                    {
                        break;
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                }

                await Task.Delay(Math.Min(2000, 100 * attempt) + Random.Shared.Next(200), cancellationToken);
            }
        }
    }

    private static async Task<int> PublishAsync(HttpClient http, ServerProcess server, int count, int intervalMs)
    {
        using var response = await http.PostAsync(new Uri(server.Uri, $"/loadtest/publish?count={count}&intervalMs={intervalMs}"), null);
        response.EnsureSuccessStatusCode();
        await Task.Delay(count * intervalMs);
        return count;
    }

    private static async Task<bool> WaitAllAsync(LoadClient[] clients, int lastOffset, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            if (clients.All(c => c.LastOffset >= lastOffset))
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }

    private static long Lost(LoadClient[] clients, int lastOffset)
    {
        long lost = 0;
        foreach (var client in clients)
        {
            for (var offset = client.StartOffset + 1; offset <= lastOffset; offset++)
            {
                if (!client.Seen[offset])
                {
                    lost++;
                }
            }
        }

        return lost;
    }

    /// <summary>The servers' side of a phase: publish-call time, GCs, thread-pool work items and the longest queue sampled.</summary>
    private static void ReportServer(Stats[] before, Stats[] after, int deliveries)
    {
        var publishes = after.Sum(s => s.Publishes);
        var publishMs = after.Sum(s => s.PublishMs);
        var cpu = after.Sum(s => s.CpuMs) - before.Sum(s => s.CpuMs);
        var workItems = after.Sum(s => s.WorkItems) - before.Sum(s => s.WorkItems);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  server: publish call {(publishes == 0 ? 0 : publishMs / publishes):F1} ms avg, {after.Max(s => s.MaxPublishMs):F1} ms max; " +
            $"cpu {(deliveries == 0 ? 0 : cpu * 1000 / deliveries):F1} us per delivery ({(cpu == 0 ? 0 : (after.Sum(s => s.SysCpuMs) - before.Sum(s => s.SysCpuMs)) / cpu * 100):F0}% in the kernel); thread-pool work items {(deliveries == 0 ? 0 : workItems / (double)deliveries):F2} per delivery, " +
            $"queue max {after.Max(s => s.MaxQueue)}, threads {after.Max(s => s.PoolThreads)}; " +
            $"GCs gen0/1/2 {after.Sum(s => s.Gen0) - before.Sum(s => s.Gen0After)}/{after.Sum(s => s.Gen1) - before.Sum(s => s.Gen1After)}/{after.Sum(s => s.Gen2) - before.Sum(s => s.Gen2After)}, pause {after.Sum(s => s.GcPauseMs) - before.Sum(s => s.GcPauseAfterMs):F0} ms, " +
            $"allocated {(deliveries == 0 ? 0 : (after.Sum(s => s.Allocated) - before.Sum(s => s.Allocated)) / (double)deliveries):F0} B per delivery"));
    }

    /// <summary>The first message of the phase on its own (cold: JIT, first buffers), then the p99 of each later message.</summary>
    private static void ReportByMessage(List<Sample> samples)
    {
        var byMessage = samples.GroupBy(s => s.Offset).OrderBy(g => g.Key)
            .Select(g => (Offset: g.Key, P99: Percentile(g.Select(s => s.Milliseconds).Order().ToList(), 0.99), Max: g.Max(s => s.Milliseconds)))
            .ToList();
        if (byMessage.Count == 0)
        {
            return;
        }

        var first = byMessage[0];
        var rest = byMessage.Skip(1).ToList();
        var later = samples.Where(s => s.Offset != first.Offset).Select(s => s.Milliseconds).Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  first message (offset {first.Offset}): p99 {first.P99:F1} ms, max {first.Max:F1} ms; the {rest.Count} later ones: p99 {Percentile(later, 0.99):F1} ms overall, per message p99 {string.Join(' ', rest.Select(r => r.P99.ToString("F0", CultureInfo.InvariantCulture)))}"));
    }

    private static double Percentile(List<double> sorted, double q) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(q * sorted.Count))];

    private static void Report(string title, List<Sample> samples)
    {
        var latencies = samples.Select(s => s.Milliseconds).ToList();
        if (latencies.Count == 0)
        {
            Console.WriteLine($"{title}: no deliveries");
            return;
        }

        latencies.Sort();
        double P(double q) => latencies[Math.Min(latencies.Count - 1, (int)(q * latencies.Count))];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{title}: {latencies.Count:N0} deliveries, latency p50 {P(0.50):F1} ms, p95 {P(0.95):F1} ms, p99 {P(0.99):F1} ms, max {latencies[^1]:F1} ms"));
    }
}

/// <summary>A hub server in its own process, under its own open-file limit.</summary>
/// <summary>The runtime settings both kinds of server run under (the same for this hub and the plain baseline).</summary>
/// <param name="ServerGc">--gc server (ASP.NET Core's default) instead of workstation (the smallest footprint).</param>
/// <param name="Gen0Mb">--gen0-mb N: the GC's minimum gen0 budget; fewer gen0 collections for the same allocations.</param>
/// <param name="PoolArrays">
/// --pool-arrays N: how many arrays of each size ArrayPool&lt;byte&gt;.Shared keeps per core (default 32). SignalR's connection
/// pipes rent their 4 KB segments from it; a broadcast has thousands in flight, and beyond what the pool keeps each one
/// returned is garbage.
/// </param>
internal sealed record ServerRuntime(bool ServerGc, int? Gen0Mb, int? PoolArrays)
{
    public override string ToString() => (ServerGc ? "server" : "workstation")
        + (Gen0Mb is { } mb ? $", gen0 budget {mb} MB" : string.Empty)
        + (PoolArrays is { } n ? $"; shared array pool: {n} arrays per size per core" : string.Empty);

    public void Apply(ProcessStartInfo info)
    {
        info.Environment["DOTNET_gcServer"] = ServerGc ? "1" : "0";

        // Set or removed, never inherited from the generator's own settings (see realtime-load.sh).
        Set(info, "DOTNET_GCgen0size", Gen0Mb is { } mb ? ((long)mb << 20).ToString("x", CultureInfo.InvariantCulture) : null);
        Set(info, "DOTNET_SYSTEM_BUFFERS_SHAREDARRAYPOOL_MAXARRAYSPERPARTITION", PoolArrays?.ToString(CultureInfo.InvariantCulture));
    }

    private static void Set(ProcessStartInfo info, string name, string? value)
    {
        if (value is null)
        {
            info.Environment.Remove(name);
        }
        else
        {
            info.Environment[name] = value;
        }
    }
}

internal sealed class ServerProcess(int port, string? redis, string prefix, int fdLimit, bool plain, bool inlineIo, ServerRuntime runtime)
{
    private Process? _process;

    public Uri Uri { get; } = new($"http://127.0.0.1:{port}");

    public bool IsAlive => _process is { HasExited: false };

    public void Start()
    {
        var dll = typeof(Server).Assembly.Location;
        var command = $"ulimit -n {fdLimit} && exec \"{Environment.ProcessPath}\" \"{dll}\" server --port {port} --prefix {prefix}{(plain ? " --plain" : string.Empty)}{(inlineIo ? " --inline-io" : string.Empty)}{(redis is null ? string.Empty : " --redis " + redis)}";
        var info = new ProcessStartInfo("bash", ["-c", command]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        runtime.Apply(info);
        info.Environment["DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS"] = inlineIo ? "1" : "0";
        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) Console.WriteLine($"  [node {port}] {line}"); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) Console.WriteLine($"  [node {port}] {line}"); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public async Task WaitReadyAsync(HttpClient http)
    {
        for (var i = 0; i < 1200; i++)
        {
            try
            {
                await StatsAsync(http);
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException($"node {Uri} did not start");
    }

    public async Task<Stats> StatsAsync(HttpClient http)
        => (await http.GetFromJsonAsync(new Uri(Uri, "/loadtest/stats"), LoadTestJsonContext.Default.Stats))!;

    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }
}
