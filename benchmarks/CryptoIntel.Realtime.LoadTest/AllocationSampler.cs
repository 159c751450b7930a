using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace CryptoIntel.Realtime.LoadTest;

/// <summary>
/// Diagnostics (CRYPTOINTEL_LOADTEST_ALLOCS=1): samples the runtime's allocation ticks (one per ~100 KB allocated) by type,
/// and GC pauses, and prints the top types at every stats read.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private readonly ConcurrentDictionary<string, long> _bytes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _gcs = new();
    private long _suspendStart;

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        switch (e.EventName)
        {
            case "GCAllocationTick_V4" or "GCAllocationTick_V3" or "GCAllocationTick_V2":
                var type = e.Payload?[e.PayloadNames!.IndexOf("TypeName")] as string ?? "?";
                var amount = Convert.ToInt64(e.Payload![e.PayloadNames!.IndexOf("AllocationAmount64")] ?? 0);
                _bytes.AddOrUpdate(type, amount, (_, v) => v + amount);
                break;
            case "GCSuspendEEBegin_V1":
                _suspendStart = e.TimeStamp.Ticks;
                break;
            case "GCSuspendEEEnd_V1":
                _gcs.Enqueue($"  suspended in {(e.TimeStamp.Ticks - _suspendStart) / 10_000.0:F1} ms");
                break;
            case "GCHeapStats_V2":
                _gcs.Enqueue($"  promoted gen0->1 {Convert.ToInt64(e.Payload![e.PayloadNames!.IndexOf("TotalPromotedSize0")]) / 1024} KB, pinned {e.Payload![e.PayloadNames!.IndexOf("PinnedObjectCount")]}, handles {e.Payload![e.PayloadNames!.IndexOf("GCHandleCount")]}");
                break;
            case "GCStart_V2":
                _gcs.Enqueue($"gen{e.Payload![e.PayloadNames!.IndexOf("Depth")]} reason {e.Payload![e.PayloadNames!.IndexOf("Reason")]}");
                break;
            case "GCRestartEEEnd_V1":
                _gcs.Enqueue($"  pause {(e.TimeStamp.Ticks - _suspendStart) / 10_000.0:F1} ms");
                break;
        }
    }

    public void Print()
    {
        var total = _bytes.Values.Sum();
        Console.Error.WriteLine($"alloc samples: {total / 1024 / 1024} MB");
        foreach (var (type, bytes) in _bytes.OrderByDescending(p => p.Value).Take(25))
        {
            Console.Error.WriteLine($"  {bytes / 1024,10} KB  {type}");
        }

        while (_gcs.TryDequeue(out var gc))
        {
            Console.Error.WriteLine("  " + gc);
        }

        _bytes.Clear();
    }
}
