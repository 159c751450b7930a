using System.Buffers.Text;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace CryptoIntel.Realtime.LoadTest;

/// <summary>
/// One hub connection on a bare WebSocket speaking the SignalR JSON protocol: handshake, <c>Subscribe("all")</c> (with
/// the last epoch and offset when resuming), then a receive loop that records offsets and delivery latency.
/// </summary>
internal sealed class LoadClient
{
    private static readonly byte[] Handshake = Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}\u001e");
    private static readonly byte[] Ping = Encoding.UTF8.GetBytes("{\"type\":6}\u001e");
    private readonly Metrics _metrics;
    private readonly Lock _sendLock = new();
    private ClientWebSocket? _socket;
    private byte[] _buffer = new byte[4096];
    private int _length;

    public LoadClient(int id, Uri uri, Metrics metrics, int maxOffset)
    {
        Id = id;
        Uri = uri;
        _metrics = metrics;
        Seen = new bool[maxOffset + 1];
    }

    public int Id { get; }

    public Uri Uri { get; set; }

    public bool[] Seen { get; }

    public string? Epoch { get; private set; }

    public long LastOffset { get; private set; }

    public long StartOffset { get; private set; } = -1;

    public int Gaps { get; private set; }

    public bool Connected { get; private set; }

    public bool ForcedClose { get; set; }

    public int Reconnects { get; set; }

    public async Task<int> ConnectAsync(CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        socket.Options.SetBuffer(4096, 1024);
        socket.Options.CollectHttpResponseDetails = true;
        var uri = new UriBuilder(Uri) { Scheme = "ws", Path = "/hubs/signals", Query = "access_token=" + Server.Key }.Uri;
        try
        {
            await socket.ConnectAsync(uri, cancellationToken);
        }
        catch (WebSocketException)
        {
            var status = (int)socket.HttpStatusCode;
            socket.Dispose();
            return status == 0 ? -1 : status;
        }

        await socket.SendAsync(Handshake, WebSocketMessageType.Text, true, cancellationToken);
        _socket = socket;
        _length = 0;
        var handshake = await ReadFrameAsync(cancellationToken);
        if (handshake != "{}")
        {
            throw new InvalidOperationException("handshake failed: " + handshake);
        }

        var subscribe = Epoch is null
            ? "{\"type\":1,\"invocationId\":\"1\",\"target\":\"Subscribe\",\"arguments\":[{\"topic\":\"all\"}]}\u001e"
            : $"{{\"type\":1,\"invocationId\":\"1\",\"target\":\"Subscribe\",\"arguments\":[{{\"topic\":\"all\",\"epoch\":\"{Epoch}\",\"offset\":{LastOffset}}}]}}\u001e";
        await socket.SendAsync(Encoding.UTF8.GetBytes(subscribe), WebSocketMessageType.Text, true, cancellationToken);
        while (true)
        {
            var frame = await ReadFrameAsync(cancellationToken) ?? throw new InvalidOperationException("closed while subscribing");
            if (frame.Contains("\"type\":3", StringComparison.Ordinal))
            {
                using var doc = JsonDocument.Parse(frame);
                if (doc.RootElement.TryGetProperty("error", out var error))
                {
                    throw new InvalidOperationException("subscribe failed: " + error.GetString());
                }

                var result = doc.RootElement.GetProperty("result");
                if (Epoch is null)
                {
                    Epoch = result.GetProperty("epoch").GetString();
                    LastOffset = result.GetProperty("offset").GetInt64();
                    StartOffset = LastOffset;
                }
                else if (!result.GetProperty("recovered").GetBoolean())
                {
                    Gaps++;
                }

                break;
            }

            if (frame.Contains("\"target\":\"signal\"", StringComparison.Ordinal))
            {
                Record(Encoding.UTF8.GetBytes(frame), live: false);
            }
        }

        Connected = true;
        return 101;
    }

    /// <summary>Receives until the socket closes; returns normally when it does.</summary>
    public async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        var socket = _socket!;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                if (_length == _buffer.Length)
                {
                    Array.Resize(ref _buffer, _buffer.Length * 2);
                }

                var result = await socket.ReceiveAsync(_buffer.AsMemory(_length), cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                _length += result.Count;
                ProcessBuffer();
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
        }
        finally
        {
            Connected = false;
            socket.Dispose();
        }
    }

    public void Abort()
    {
        ForcedClose = true;
        _socket?.Abort();
    }

    public void SendPing()
    {
        var socket = _socket;
        if (socket is { State: WebSocketState.Open } && Connected)
        {
            lock (_sendLock)
            {
                try
                {
                    _ = socket.SendAsync(Ping, WebSocketMessageType.Text, true, CancellationToken.None).ContinueWith(static _ => { }, TaskScheduler.Default);
                }
                catch (Exception ex) when (ex is ObjectDisposedException or WebSocketException or InvalidOperationException)
                {
                    // Closed meanwhile (forced disconnect or node restart): the receive loop reconnects.
                }
            }
        }
    }

    private void ProcessBuffer()
    {
        var start = 0;
        var span = _buffer.AsSpan(0, _length);
        int end;
        while ((end = span[start..].IndexOf((byte)0x1e)) >= 0)
        {
            var frame = span.Slice(start, end);
            if (frame.IndexOf("\"target\":\"signal\""u8) >= 0)
            {
                Record(frame, live: true);
            }
            else if (frame.IndexOf("\"target\":\"gap\""u8) >= 0)
            {
                Gaps++;
            }

            start += end + 1;
        }

        if (start > 0)
        {
            span[start..].CopyTo(_buffer);
            _length -= start;
        }
    }

    private void Record(ReadOnlySpan<byte> frame, bool live)
    {
        var now = DateTimeOffset.UtcNow;
        var offset = ReadNumber(frame, "\"offset\":"u8);
        var at = frame.IndexOf("\"publishedAt\":\""u8);
        if (offset < 0 || at < 0)
        {
            return;
        }

        if (offset < Seen.Length)
        {
            Seen[offset] = true;
        }

        if (offset > LastOffset)
        {
            LastOffset = offset;
        }

        // The JSON string token itself (quotes included), parsed without allocating.
        var quote = frame[(at + 15)..].IndexOf((byte)'"');
        var reader = new Utf8JsonReader(frame.Slice(at + 14, quote + 2));
        if (quote > 0 && reader.Read() && reader.TryGetDateTimeOffset(out var published))
        {
            _metrics.Delivered(offset, (now - published).TotalMilliseconds, live);
        }
    }

    private static long ReadNumber(ReadOnlySpan<byte> frame, ReadOnlySpan<byte> name)
    {
        var at = frame.IndexOf(name);
        return at >= 0 && Utf8Parser.TryParse(frame[(at + name.Length)..], out long value, out _) ? value : -1;
    }

    private async Task<string?> ReadFrameAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var end = _buffer.AsSpan(0, _length).IndexOf((byte)0x1e);
            if (end >= 0)
            {
                var text = Encoding.UTF8.GetString(_buffer, 0, end);
                _buffer.AsSpan(end + 1, _length - end - 1).CopyTo(_buffer);
                _length -= end + 1;
                return text;
            }

            if (_length == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            var result = await _socket!.ReceiveAsync(_buffer.AsMemory(_length), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            _length += result.Count;
        }
    }
}

/// <summary>Delivery latencies, by phase.</summary>
internal sealed class Metrics
{
    private readonly Lock _gate = new();
    private List<Sample> _current = [];

    public long Deliveries;

    public void Delivered(long offset, double milliseconds, bool live)
    {
        Interlocked.Increment(ref Deliveries);
        if (live)
        {
            lock (_gate)
            {
                _current.Add(new Sample(offset, milliseconds));
            }
        }
    }

    /// <summary>
    /// Gets or sets the deliveries expected in a phase: the sample list is allocated at that size up front, so it never grows
    /// (a growing list reallocates on the large-object heap and triggers full collections that stall every receive loop).
    /// </summary>
    public int ExpectedPerPhase { get; set; }

    public List<Sample> TakePhase()
    {
        lock (_gate)
        {
            var phase = _current;
            _current = new List<Sample>(ExpectedPerPhase);
            return phase;
        }
    }
}

/// <summary>One live delivery: the message's offset and its latency.</summary>
internal readonly record struct Sample(long Offset, double Milliseconds);
