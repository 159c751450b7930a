using System.Diagnostics.Metrics;

namespace CryptoIntel.Realtime.Internal;

/// <summary>The instruments of Meter <c>CryptoIntel.Realtime</c>.</summary>
internal sealed class RealtimeMetrics
{
    public const string MeterName = "CryptoIntel.Realtime";

    private readonly UpDownCounter<long> _connections;
    private readonly UpDownCounter<long> _subscriptions;
    private readonly Counter<long> _published;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _replayed;
    private readonly Histogram<double> _sendLatency;
    private readonly Counter<long> _dropped;
    private readonly Counter<long> _slowDisconnected;
    private readonly Counter<long> _refused;
    private readonly Counter<long> _gaps;
    private readonly Counter<long> _fanOutOverflows;
    private readonly Counter<long> _caughtUp;

    public RealtimeMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _connections = meter.CreateUpDownCounter<long>("cryptointel.realtime.connections", "{connection}", "Open hub connections on this node.");
        _subscriptions = meter.CreateUpDownCounter<long>("cryptointel.realtime.subscriptions", "{subscription}", "Topic subscriptions on this node.");
        _published = meter.CreateCounter<long>("cryptointel.realtime.messages.published", "{message}", "Topic messages published (one signal on three topics counts three).");
        _sent = meter.CreateCounter<long>("cryptointel.realtime.messages.sent", "{message}", "Live messages written to connections.");
        _replayed = meter.CreateCounter<long>("cryptointel.realtime.messages.replayed", "{message}", "History messages written to resuming or recovering connections.");
        _sendLatency = meter.CreateHistogram<double>("cryptointel.realtime.send.duration", "s", "Time from publication to the write of a live message to a connection.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] });
        _dropped = meter.CreateCounter<long>("cryptointel.realtime.messages.dropped", "{message}", "Messages dropped from full connection buffers (slow consumers).");
        _slowDisconnected = meter.CreateCounter<long>("cryptointel.realtime.slow_consumers.disconnected", "{connection}", "Connections closed because they could not keep up.");
        _refused = meter.CreateCounter<long>("cryptointel.realtime.connections.refused", "{connection}", "Connection attempts refused (reason: capacity, unauthorized, token_expired).");
        _fanOutOverflows = meter.CreateCounter<long>("cryptointel.realtime.fanout.overflows", "{message}", "Frames dropped from this node's full fan-out queue (read back from history and fanned out in order).");
        _caughtUp = meter.CreateCounter<long>("cryptointel.realtime.fanout.caught_up", "{message}", "Frames this node read back from history and fanned out because it had not received them (fan-out queue overflow, backplane outage).");
        _gaps = meter.CreateCounter<long>("cryptointel.realtime.gaps", "{gap}", "Gap notices sent: messages a client missed that history no longer held.");
    }

    public void Connected() => _connections.Add(1);

    public void Disconnected() => _connections.Add(-1);

    public void Subscribed() => _subscriptions.Add(1);

    public void Unsubscribed(int count = 1) => _subscriptions.Add(-count);

    public void Published(int count) => _published.Add(count);

    public void Sent(int count, TimeSpan oldestAge)
    {
        _sent.Add(count);
        _sendLatency.Record(oldestAge.TotalSeconds);
    }

    public void Replayed(int count) => _replayed.Add(count);

    public void Dropped() => _dropped.Add(1);

    public void SlowConsumerDisconnected() => _slowDisconnected.Add(1);

    public void Refused(string reason) => _refused.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void Gap() => _gaps.Add(1);

    public void FanOutOverflow() => _fanOutOverflows.Add(1);

    public void CaughtUp(int count) => _caughtUp.Add(count);
}
