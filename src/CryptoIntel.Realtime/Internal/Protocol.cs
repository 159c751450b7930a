namespace CryptoIntel.Realtime.Internal;

/// <summary>The argument of the hub's <c>Subscribe</c> method (see docs/realtime-protocol.md).</summary>
internal sealed class SubscribeRequest
{
    /// <summary>Gets or sets the topic: <c>all</c>, <c>kind:&lt;kind&gt;</c>, <c>asset:&lt;id&gt;</c>, <c>entity:&lt;id&gt;</c>, <c>watchlist:&lt;name&gt;</c>.</summary>
    public string? Topic { get; set; }

    /// <summary>Gets or sets the kinds to receive (all when null or empty).</summary>
    public IList<string>? Kinds { get; set; }

    /// <summary>Gets or sets the minimum confidence (0..1) to receive.</summary>
    public double? MinConfidence { get; set; }

    /// <summary>Gets or sets the assets to receive (all when null or empty).</summary>
    public IList<string>? Assets { get; set; }

    /// <summary>Gets or sets the epoch of <see cref="Offset"/> when resuming.</summary>
    public string? Epoch { get; set; }

    /// <summary>Gets or sets the last offset the client has when resuming; messages after it are replayed.</summary>
    public long? Offset { get; set; }
}

/// <summary>The answer to <c>Subscribe</c>.</summary>
/// <param name="Topic">The topic (normalized).</param>
/// <param name="Epoch">The topic's current epoch.</param>
/// <param name="Offset">The topic's last offset when the subscription started.</param>
/// <param name="Recovered">False when the requested resume point is no longer in history (or the epoch changed): reload from the API.</param>
/// <param name="Replayed">How many messages are replayed before live ones.</param>
internal sealed record SubscribeResult(string Topic, string Epoch, long Offset, bool Recovered, int Replayed);

/// <summary>Sent as <c>gap</c> when messages of a topic could not be delivered and are not in history any more.</summary>
/// <param name="Topic">The topic.</param>
/// <param name="Epoch">The epoch.</param>
/// <param name="FromOffset">The first missing offset.</param>
/// <param name="ToOffset">The last missing offset.</param>
/// <param name="Recovered">Always false: the range is lost for this client; reload it from the API.</param>
/// <param name="Reason"><c>history</c> (beyond the bounded history) or <c>epoch</c> (the topic's history was reset).</param>
internal sealed record GapNotice(string Topic, string Epoch, long FromOffset, long ToOffset, bool Recovered, string Reason);
