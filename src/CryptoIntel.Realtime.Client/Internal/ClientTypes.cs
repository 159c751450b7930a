using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging;

namespace CryptoIntel.Realtime.Client.Internal;

internal sealed record SignalEnvelope(string? Topic, string? Epoch, long Offset, DateTimeOffset PublishedAt, Signal? Signal);

internal sealed record PositionMessage(string? Topic, string? Epoch, long Offset);

internal sealed record GapMessage(string? Topic, string? Epoch, long FromOffset, long ToOffset, bool Recovered, string? Reason);

internal sealed record SubscribeMessage(string Topic, IReadOnlyList<string>? Kinds, double? MinConfidence, IReadOnlyList<string>? Assets, string? Epoch, long? Offset);

internal sealed record SubscribeAnswer(string Topic, string Epoch, long Offset, bool Recovered, int Replayed);

internal sealed record ClientCacheState(Dictionary<string, SignalStreamPosition> Positions, List<Signal> Latest);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = false)]
[JsonSerializable(typeof(ClientCacheState))]
internal sealed partial class ClientJsonContext : JsonSerializerContext
{
}

/// <summary>Retries for ever: 0, 1, 2, 4, ... seconds, capped, with jitter.</summary>
internal sealed class ForeverRetryPolicy(TimeSpan max) : IRetryPolicy
{
    public TimeSpan? NextRetryDelay(RetryContext retryContext) => Delay((int)retryContext.PreviousRetryCount, max);

    public static TimeSpan Delay(int attempt, TimeSpan max)
    {
        if (attempt == 0)
        {
            return TimeSpan.Zero;
        }

        var seconds = Math.Min(max.TotalSeconds, Math.Pow(2, Math.Min(attempt - 1, 16)));
#pragma warning disable CA5394 // Jitter, not security.
        return TimeSpan.FromSeconds(seconds * (0.8 + (Random.Shared.NextDouble() * 0.4)));
#pragma warning restore CA5394
    }
}

/// <summary>The ids of the last signals yielded, to yield a signal delivered on several topics once.</summary>
internal sealed class RecentIds(int capacity)
{
    private readonly HashSet<string> _set = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public bool Add(string id)
    {
        if (!_set.Add(id))
        {
            return false;
        }

        _order.Enqueue(id);
        if (_order.Count > capacity)
        {
            _set.Remove(_order.Dequeue());
        }

        return true;
    }
}

internal sealed class LatestSignals(int capacity)
{
    private readonly Queue<Signal> _items = new();

    public bool Dirty { get; set; }

    public void Add(Signal signal)
    {
        Dirty = true;
        if (capacity == 0)
        {
            return;
        }

        _items.Enqueue(signal);
        while (_items.Count > capacity)
        {
            _items.Dequeue();
        }
    }

    public void AddRange(IEnumerable<Signal> signals)
    {
        foreach (var signal in signals)
        {
            Add(signal);
        }

        Dirty = false;
    }

    public List<Signal> ToList() => [.. _items];
}

/// <summary>The offline cache: one small JSON file, written to a temporary file and moved into place.</summary>
internal sealed class ClientCache(string path)
{
    public ClientCacheState? Load()
    {
        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize(stream, ClientJsonContext.Default.ClientCacheState);
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            // No cache, or an unreadable one: start empty.
            return null;
        }
    }

    public void Save(ClientCacheState state)
    {
        var temporary = path + ".tmp";
        using (var stream = File.Create(temporary))
        {
            JsonSerializer.Serialize(stream, state, ClientJsonContext.Default.ClientCacheState);
        }

        File.Move(temporary, path, overwrite: true);
    }
}

internal static partial class Log
{
    [LoggerMessage(4100, LogLevel.Warning, "Connecting to the realtime hub failed (attempt {Attempt})", EventName = "ConnectFailed")]
    public static partial void ConnectFailed(ILogger logger, int attempt, Exception exception);

    [LoggerMessage(4101, LogLevel.Error, "A status callback threw", EventName = "CallbackFailed")]
    public static partial void CallbackFailed(ILogger logger, Exception exception);
}
