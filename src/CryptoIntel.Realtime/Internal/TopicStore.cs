namespace CryptoIntel.Realtime.Internal;

/// <summary>Where a topic stands: its epoch and its last offset (0 before the first message).</summary>
internal readonly record struct TopicPosition(string Epoch, long Offset);

/// <summary>What a history read found: the frames after the requested offset, oldest first, and the topic's position.</summary>
internal readonly record struct HistoryRead(IReadOnlyList<Frame> Frames, TopicPosition Position);

/// <summary>
/// Assigns offsets and keeps the bounded history of every topic, and hands new frames to the local
/// <see cref="Dispatcher"/> in offset order (in memory: at once; with Redis: when the node hears of them).
/// </summary>
internal interface ITopicStore
{
    /// <summary>Appends a signal to its topics (unless its id was published before) and dispatches the frames.</summary>
    ValueTask PublishAsync(Signal signal, IReadOnlyList<string> topics, CancellationToken cancellationToken);

    /// <summary>Gets a topic's epoch and last offset, creating the epoch of a new topic.</summary>
    ValueTask<TopicPosition> GetPositionAsync(string topic, CancellationToken cancellationToken);

    /// <summary>Reads up to <paramref name="max"/> frames with offsets above <paramref name="afterOffset"/>.</summary>
    ValueTask<HistoryRead> ReadAsync(string topic, long afterOffset, int max, CancellationToken cancellationToken);
}
