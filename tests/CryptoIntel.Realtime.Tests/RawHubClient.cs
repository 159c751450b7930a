using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace CryptoIntel.Realtime.Tests;

/// <summary>A SignalR JSON-protocol client on a bare WebSocket, which reads only when asked (a deliberately slow consumer).</summary>
internal sealed class RawHubClient : IAsyncDisposable
{
    private const char Separator = '\u001e';
    private readonly ClientWebSocket _socket;
    private readonly StringBuilder _pending = new();
    private int _invocation;

    private RawHubClient(ClientWebSocket socket) => _socket = socket;

    public static async Task<RawHubClient> ConnectAsync(Uri hub, string key, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetBuffer(4096, 4096);
        var uri = new UriBuilder(hub) { Scheme = "ws", Query = "access_token=" + Uri.EscapeDataString(key) }.Uri;
        await socket.ConnectAsync(uri, cancellationToken);
        var client = new RawHubClient(socket);
        await client.SendAsync("{\"protocol\":\"json\",\"version\":1}", cancellationToken);
        var handshake = await client.ReceiveMessageAsync(cancellationToken);
        Assert.Equal("{}", handshake);
        return client;
    }

    public async Task SubscribeAsync(string topic, CancellationToken cancellationToken)
    {
        var id = (++_invocation).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await SendAsync(JsonSerializer.Serialize(new { type = 1, invocationId = id, target = "Subscribe", arguments = new object[] { new { topic } } }), cancellationToken);
        while (true)
        {
            using var doc = JsonDocument.Parse(await ReceiveMessageAsync(cancellationToken));
            if (doc.RootElement.GetProperty("type").GetInt32() == 3)
            {
                Assert.False(doc.RootElement.TryGetProperty("error", out _));
                return;
            }
        }
    }

    public async Task<(List<long> Offsets, List<(long From, long To)> Gaps)> ReadUntilOffsetAsync(long last, CancellationToken cancellationToken)
    {
        var offsets = new List<long>();
        var gaps = new List<(long, long)>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (offsets.Count == 0 || offsets[^1] < last)
        {
            using var doc = JsonDocument.Parse(await ReceiveMessageAsync(timeout.Token));
            var root = doc.RootElement;
            if (root.GetProperty("type").GetInt32() != 1)
            {
                continue;
            }

            var argument = root.GetProperty("arguments")[0];
            switch (root.GetProperty("target").GetString())
            {
                case "signal":
                    offsets.Add(argument.GetProperty("offset").GetInt64());
                    break;
                case "gap":
                    gaps.Add((argument.GetProperty("fromOffset").GetInt64(), argument.GetProperty("toOffset").GetInt64()));
                    break;
            }
        }

        return (offsets, gaps);
    }

    public async ValueTask DisposeAsync()
    {
        _socket.Abort();
        _socket.Dispose();
        await Task.CompletedTask;
    }

    private Task SendAsync(string json, CancellationToken cancellationToken)
        => _socket.SendAsync(Encoding.UTF8.GetBytes(json + Separator), WebSocketMessageType.Text, true, cancellationToken);

    private async Task<string> ReceiveMessageAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[65536];
        while (true)
        {
            var text = _pending.ToString();
            var end = text.IndexOf(Separator, StringComparison.Ordinal);
            if (end >= 0)
            {
                _pending.Remove(0, end + 1);
                return text[..end];
            }

            var result = await _socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new WebSocketException("closed by the server");
            }

            _pending.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
        }
    }
}
