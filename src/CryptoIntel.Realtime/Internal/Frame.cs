using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace CryptoIntel.Realtime.Internal;

/// <summary>
/// One message of one topic, serialized once as a complete SignalR JSON-protocol invocation frame
/// (<c>{"type":1,"target":"signal","arguments":[envelope]}</c> + record separator) and shared by every connection it goes to.
/// </summary>
internal sealed class Frame
{
    private SerializedHubMessage? _message;
    private Frame? _position;

    public Frame(string topic, string epoch, long offset, DateTimeOffset publishedAt, Signal signal, ReadOnlyMemory<byte> signalJson, long createdTimestamp)
    {
        Topic = topic;
        Epoch = epoch;
        Offset = offset;
        PublishedAt = publishedAt;
        Signal = signal;
        CreatedTimestamp = createdTimestamp;
        Bytes = Build(topic, epoch, offset, publishedAt, signalJson.Span);
    }

    /// <summary>The sentinel that wakes the fan-out loop (its empty topic has no subscribers).</summary>
    private Frame()
    {
        Topic = string.Empty;
        Epoch = string.Empty;
        Signal = null!;
        Bytes = [];
    }

    private Frame(Frame of)
    {
        Topic = of.Topic;
        Epoch = of.Epoch;
        Offset = of.Offset;
        PublishedAt = of.PublishedAt;
        Signal = of.Signal;
        CreatedTimestamp = of.CreatedTimestamp;
        IsPosition = true;
        Bytes = BuildPosition(of.Topic, of.Epoch, of.Offset);
    }

    /// <summary>
    /// Gets a value indicating whether this is a <c>position</c> notice (<c>{"type":1,"target":"position","arguments":[{topic,
    /// epoch, offset}]}</c>): no signal for the client, only how far the topic has gone past its filters.
    /// </summary>
    public bool IsPosition { get; }

    /// <summary>Gets the frame the dispatcher queues to wake its fan-out loop; it is never sent.</summary>
    public static Frame Wake { get; } = new();

    public string Topic { get; }

    public string Epoch { get; }

    public long Offset { get; }

    public DateTimeOffset PublishedAt { get; }

    public Signal Signal { get; }

    /// <summary>Gets the <see cref="System.Diagnostics.Stopwatch"/> timestamp of when the frame was made (send-latency metric).</summary>
    public long CreatedTimestamp { get; }

    public byte[] Bytes { get; }

    /// <summary>Gets the frame as a message SignalR writes as is (built once, shared).</summary>
    public SerializedHubMessage Message => _message ??= new SerializedHubMessage([new SerializedMessage(FrameWriter.ProtocolName, Bytes)]);

    /// <summary>Gets the <c>position</c> notice at this frame's offset (built once, shared by every subscription it skips).</summary>
    public Frame Position => _position ??= IsPosition ? this : new Frame(this);

    private static byte[] Build(string topic, string epoch, long offset, DateTimeOffset publishedAt, ReadOnlySpan<byte> signalJson)
        => Build("signal"u8, topic, epoch, offset, publishedAt, signalJson);

    private static byte[] BuildPosition(string topic, string epoch, long offset)
        => Build("position"u8, topic, epoch, offset, null, default);

    /// <summary>One invocation frame: <c>{"type":1,"target":…,"arguments":[{topic, epoch, offset[, publishedAt, signal]}]}</c> + separator.</summary>
    private static byte[] Build(ReadOnlySpan<byte> target, string topic, string epoch, long offset, DateTimeOffset? publishedAt, ReadOnlySpan<byte> signalJson)
    {
        var buffer = new ArrayBufferWriter<byte>(signalJson.Length + 160);
        using (var writer = new Utf8JsonWriter(buffer, FrameWriter.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteNumber("type"u8, 1);
            writer.WriteString("target"u8, target);
            writer.WriteStartArray("arguments"u8);
            writer.WriteStartObject();
            writer.WriteString("topic"u8, topic);
            writer.WriteString("epoch"u8, epoch);
            writer.WriteNumber("offset"u8, offset);
            if (publishedAt is { } at)
            {
                writer.WriteString("publishedAt"u8, at);
                writer.WritePropertyName("signal"u8);
                writer.WriteRawValue(signalJson, skipInputValidation: true);
            }

            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        buffer.Write([FrameWriter.RecordSeparator]);
        return buffer.WrittenSpan.ToArray();
    }
}

internal static class FrameWriter
{
    public const string ProtocolName = "json";
    public const byte RecordSeparator = 0x1e;

    public static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = true };

    /// <summary>Serializes a signal the way every frame carries it (camelCase, source-generated).</summary>
    public static byte[] SerializeSignal(Signal signal) => JsonSerializer.SerializeToUtf8Bytes(signal, RealtimeJsonContext.Default.Signal);

    public static Signal? DeserializeSignal(ReadOnlySpan<byte> json) => JsonSerializer.Deserialize(json, RealtimeJsonContext.Default.Signal);
}
