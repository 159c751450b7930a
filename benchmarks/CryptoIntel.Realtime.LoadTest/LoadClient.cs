using System.Buffers.Binary;
using System.Buffers.Text;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CryptoIntel.Realtime.LoadTest;

/// <summary>
/// One hub connection on a raw TCP socket: an HTTP/1.1 WebSocket upgrade and RFC 6455 framing done here (cheaper per
/// message than <c>ClientWebSocket</c> over the HTTP connection stream), speaking the SignalR JSON protocol: handshake,
/// <c>Subscribe("all")</c> (with the last epoch and offset when resuming), then receiving (driven by the
/// <see cref="EpollReceiver"/>) that records offsets and delivery latency.
/// </summary>
/// <remarks>
/// Two buffers per client: <c>_raw</c> holds the bytes as received (a partial frame header or control frame is kept for
/// the next receive); data-frame payloads (text, binary, continuation) are appended as they arrive to <c>_buffer</c>,
/// the SignalR text stream, whose record separators delimit the messages whatever the frame boundaries.
/// </remarks>
internal sealed class LoadClient
{
    private const string AcceptGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private const byte OpContinuation = 0x0;
    private const byte OpText = 0x1;
    private const byte OpBinary = 0x2;
    private const byte OpClose = 0x8;
    private const byte OpPing = 0x9;
    private const byte OpPong = 0xA;
    private static readonly byte[] Handshake = Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}\u001e");
    private static readonly byte[] Ping = Encoding.UTF8.GetBytes("{\"type\":6}\u001e");
    private readonly Metrics _metrics;
    private readonly EpollReceiver _receiver;
    private readonly Lock _sendLock = new();
    private readonly Lock _receiveLock = new();
    private Socket? _socket;
    private Socket? _polled;
    private TaskCompletionSource? _done;
    private CancellationTokenRegistration _registration;
    private byte[] _raw = new byte[4096];
    private int _rawLength;
    private byte[] _buffer = new byte[4096];
    private int _length;
    private byte[] _sendBuffer = new byte[256];
    private long _payloadLeft;
    private bool _fragmented;
    private bool _closed;

    public LoadClient(int id, Uri uri, Metrics metrics, int maxOffset, EpollReceiver receiver)
    {
        Id = id;
        _receiver = receiver;
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

    /// <summary>
    /// Connects, upgrades and subscribes with blocking calls (see <see cref="EpollReceiver"/> for why never asynchronously);
    /// returns 101, the HTTP status of a refused upgrade, or -1 when the connection failed.
    /// </summary>
    public int Connect()
    {
        _rawLength = 0;
        _length = 0;
        _payloadLeft = 0;
        _fragmented = false;
        _closed = false;
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)
        {
            NoDelay = true,
            ReceiveTimeout = 30_000,
            SendTimeout = 30_000,
        };
        try
        {
            socket.Connect(new IPEndPoint(IPAddress.Parse(Uri.Host), Uri.Port));
            var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            var request = Encoding.ASCII.GetBytes(
                $"GET /hubs/signals?access_token={Server.Key} HTTP/1.1\r\nHost: {Uri.Authority}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
                $"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n");
            for (var sent = 0; sent < request.Length;)
            {
                sent += socket.Send(request.AsSpan(sent));
            }

            var head = ReadResponseHead(socket);
            var status = head is null ? -1 : ParseStatus(head);
            if (status != 101)
            {
                socket.Dispose();
                return status;
            }

            // RFC 6455 defines the accept value as base64(SHA-1(key + GUID)): a handshake check, not a security use.
#pragma warning disable CA5350
            var expected = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + AcceptGuid)));
#pragma warning restore CA5350
            if (Header(head!, "Sec-WebSocket-Accept") != expected)
            {
                throw new InvalidOperationException("upgrade answered with a wrong Sec-WebSocket-Accept");
            }

            _socket = socket;
            SendFrame(socket, OpText, Handshake);
            var handshake = ReadMessage(socket);
            if (handshake != "{}")
            {
                throw new InvalidOperationException("handshake failed: " + handshake);
            }

            var subscribe = Epoch is null
                ? "{\"type\":1,\"invocationId\":\"1\",\"target\":\"Subscribe\",\"arguments\":[{\"topic\":\"all\"}]}\u001e"
                : $"{{\"type\":1,\"invocationId\":\"1\",\"target\":\"Subscribe\",\"arguments\":[{{\"topic\":\"all\",\"epoch\":\"{Epoch}\",\"offset\":{LastOffset}}}]}}\u001e";
            SendFrame(socket, OpText, Encoding.UTF8.GetBytes(subscribe));
            while (true)
            {
                var frame = ReadMessage(socket) ?? throw new InvalidOperationException("closed while subscribing");
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
        }
        catch (SocketException)
        {
            _socket = null;
            socket.Dispose();
            return -1;
        }
        catch
        {
            _socket = null;
            socket.Dispose();
            throw;
        }

        Connected = true;
        return 101;
    }

    /// <summary>
    /// Hands the connected socket to the receiver; the task completes when the connection has closed (end of stream, a
    /// close frame, an error, <see cref="Abort"/> or cancellation).
    /// </summary>
    public Task ReceiveUntilClosedAsync(CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_receiveLock)
        {
            _done = done;
            _polled = _socket;

            // Messages that came with the subscribe answer.
            ProcessBuffer();
            if (_closed || cancellationToken.IsCancellationRequested)
            {
                Close();
                return done.Task;
            }

            // (Cancelled meanwhile: the callback ran here and closed it.)
            _registration = cancellationToken.UnsafeRegister(static c => ((LoadClient)c!).Close(), this);
            if (_polled is { } socket)
            {
                _receiver.Add(this, socket);
            }
        }

        return done.Task;
    }

    /// <summary>Called by the receiver when the socket has data (or has closed): one receive, then the messages it completed.</summary>
    public void OnReadable()
    {
        lock (_receiveLock)
        {
            if (_polled is not { } socket)
            {
                return;
            }

            var received = EpollReceiver.Receive(socket, ReceiveSpace().Span);
            if (received == EpollReceiver.WouldBlock)
            {
                return;
            }

            try
            {
                if (received < 0 || !Received(socket, received))
                {
                    // What arrived before a close frame still counts.
                    ProcessBuffer();
                    Close();
                    return;
                }

                ProcessBuffer();
            }
            catch (Exception ex) when (ex is SocketException or InvalidDataException)
            {
                Console.WriteLine($"  client {Id}: {ex.Message}; reconnecting");
                Close();
            }
        }
    }

    public void Abort()
    {
        Close();
    }

    /// <summary>Takes the socket out of the receiver, closes it and completes the receive task; once.</summary>
    private void Close()
    {
        lock (_receiveLock)
        {
            if (_polled is not { } socket)
            {
                return;
            }

            _polled = null;
            _receiver.Remove(socket);
            Connected = false;
            lock (_sendLock)
            {
                _socket = null;
                socket.Dispose();
            }

            _registration.Unregister();
            _done?.TrySetResult();
        }
    }

    /// <summary>Sends a SignalR ping (thread-safe with the other sends; called from a timer).</summary>
    public void SendPing()
    {
        lock (_sendLock)
        {
            if (_socket is { } socket && Connected)
            {
                try
                {
                    SendFrame(socket, OpText, Ping);
                }
                catch (SocketException)
                {
                    // Closed meanwhile by the server (node restart): the receiver notices and the client reconnects.
                }
            }
        }
    }

    private static int ParseStatus(string head)
    {
        // "HTTP/1.1 101 Switching Protocols"
        var parts = head.Split(' ', 3);
        return parts.Length >= 2 && parts[0].StartsWith("HTTP/", StringComparison.Ordinal) && int.TryParse(parts[1], out var status) ? status : -1;
    }

    private static string? Header(string head, string name)
    {
        foreach (var line in head.Split("\r\n"))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line.AsSpan(0, colon).Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return line[(colon + 1)..].Trim();
            }
        }

        return null;
    }

    /// <summary>Reads the HTTP response head (up to the blank line) into <c>_raw</c>; bytes after it stay there as frames.</summary>
    private string? ReadResponseHead(Socket socket)
    {
        while (true)
        {
            var end = _raw.AsSpan(0, _rawLength).IndexOf("\r\n\r\n"u8);
            if (end >= 0)
            {
                var head = Encoding.ASCII.GetString(_raw, 0, end);
                _raw.AsSpan(end + 4, _rawLength - end - 4).CopyTo(_raw);
                _rawLength -= end + 4;
                return head;
            }

            var received = socket.Receive(ReceiveSpace().Span);
            if (received == 0)
            {
                return null;
            }

            _rawLength += received;
        }
    }

    /// <summary>The free end of <c>_raw</c> for the next receive (the buffer doubles when full).</summary>
    private Memory<byte> ReceiveSpace()
    {
        if (_rawLength == _raw.Length)
        {
            Array.Resize(ref _raw, _raw.Length * 2);
        }

        return _raw.AsMemory(_rawLength);
    }

    /// <summary>Takes in the bytes one receive put in <c>_raw</c>; false when the connection closed (end of stream or a close frame).</summary>
    private bool Received(Socket socket, int received)
    {
        if (received == 0)
        {
            return false;
        }

        _rawLength += received;
        Unframe(socket);
        return !_closed;
    }

    /// <summary>
    /// Parses every complete frame header in <c>_raw</c> and moves data payloads to <c>_buffer</c> as they arrive (a payload
    /// may span receives); answers pings, notes a close; keeps an incomplete header or control frame for the next receive.
    /// </summary>
    private void Unframe(Socket socket)
    {
        var raw = _raw.AsSpan(0, _rawLength);
        var pos = 0;
        while (pos < raw.Length && !_closed)
        {
            if (_payloadLeft > 0)
            {
                var take = (int)Math.Min(_payloadLeft, raw.Length - pos);
                Append(raw.Slice(pos, take));
                pos += take;
                _payloadLeft -= take;
                continue;
            }

            var rest = raw[pos..];
            if (rest.Length < 2)
            {
                break;
            }

            var fin = (rest[0] & 0x80) != 0;
            var opcode = (byte)(rest[0] & 0x0F);
            if ((rest[0] & 0x70) != 0 || (rest[1] & 0x80) != 0)
            {
                throw new InvalidDataException($"bad frame from the server: RSV bits or mask set (0x{rest[0]:x2} 0x{rest[1]:x2})");
            }

            long length = rest[1] & 0x7F;
            var header = 2;
            if (length == 126)
            {
                if (rest.Length < 4)
                {
                    break;
                }

                length = BinaryPrimitives.ReadUInt16BigEndian(rest[2..]);
                header = 4;
            }
            else if (length == 127)
            {
                if (rest.Length < 10)
                {
                    break;
                }

                length = BinaryPrimitives.ReadInt64BigEndian(rest[2..]);
                header = 10;
                if (length < 0)
                {
                    throw new InvalidDataException("bad frame from the server: 64-bit length with the top bit set");
                }
            }

            if (opcode >= OpClose)
            {
                if (!fin || length > 125)
                {
                    throw new InvalidDataException($"bad control frame from the server (opcode {opcode}, fin {fin}, length {length})");
                }

                if (rest.Length < header + length)
                {
                    break;
                }

                var payload = rest.Slice(header, (int)length);
                switch (opcode)
                {
                    case OpClose:
                        _closed = true;
                        break;
                    case OpPing:
                        SendFrame(socket, OpPong, payload);
                        break;
                    case OpPong:
                        break;
                    default:
                        throw new InvalidDataException($"unknown control opcode {opcode} from the server");
                }

                pos += header + (int)length;
                continue;
            }

            switch (opcode)
            {
                case OpContinuation when !_fragmented:
                    throw new InvalidDataException("continuation frame from the server outside a fragmented message");
                case OpText or OpBinary when _fragmented:
                    throw new InvalidDataException("new data frame from the server inside a fragmented message");
                case OpContinuation or OpText or OpBinary:
                    _fragmented = !fin;
                    _payloadLeft = length;
                    pos += header;
                    break;
                default:
                    throw new InvalidDataException($"unknown data opcode {opcode} from the server");
            }
        }

        if (pos > 0)
        {
            raw[pos..].CopyTo(_raw);
            _rawLength -= pos;
        }
    }

    private void Append(ReadOnlySpan<byte> payload)
    {
        if (_buffer.Length - _length < payload.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + payload.Length));
        }

        payload.CopyTo(_buffer.AsSpan(_length));
        _length += payload.Length;
    }

    /// <summary>Sends one masked, final frame (client frames must be masked; a fresh random mask each frame), under the send lock.</summary>
    private void SendFrame(Socket socket, byte opcode, ReadOnlySpan<byte> payload)
    {
        lock (_sendLock)
        {
            var header = payload.Length < 126 ? 2 : payload.Length <= ushort.MaxValue ? 4 : 10;
            var size = header + 4 + payload.Length;
            if (_sendBuffer.Length < size)
            {
                _sendBuffer = new byte[size];
            }

            var frame = _sendBuffer.AsSpan(0, size);
            frame[0] = (byte)(0x80 | opcode);
            switch (header)
            {
                case 2:
                    frame[1] = (byte)(0x80 | payload.Length);
                    break;
                case 4:
                    frame[1] = 0x80 | 126;
                    BinaryPrimitives.WriteUInt16BigEndian(frame[2..], (ushort)payload.Length);
                    break;
                default:
                    frame[1] = 0x80 | 127;
                    BinaryPrimitives.WriteInt64BigEndian(frame[2..], payload.Length);
                    break;
            }

            var mask = frame.Slice(header, 4);
            Random.Shared.NextBytes(mask);
            var body = frame[(header + 4)..];
            for (var i = 0; i < payload.Length; i++)
            {
                body[i] = (byte)(payload[i] ^ mask[i & 3]);
            }

            for (var sent = 0; sent < size;)
            {
                sent += socket.Send(frame[sent..]);
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

    /// <summary>The next SignalR message (without its record separator) as text, or null when the connection closed (blocking).</summary>
    private string? ReadMessage(Socket socket)
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

            if (_closed || !Received(socket, socket.Receive(ReceiveSpace().Span)))
            {
                return null;
            }
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
