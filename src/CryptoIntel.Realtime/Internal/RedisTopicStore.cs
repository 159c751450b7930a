using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CryptoIntel.Realtime.Internal;

/// <summary>
/// The scaled-out store. One Lua script per signal, atomically: checks the signal id was not published before, assigns
/// each topic's next offset (<c>HINCRBY</c> on the topic's meta hash, which also holds its epoch), appends the signal to
/// the topic's Redis Stream with the offset as entry id (<c>XADD ... MAXLEN ~ history</c>), and <c>PUBLISH</c>es one
/// notice to every node. Because the script runs atomically, every node hears of a topic's messages in offset order.
/// Resume reads <c>XRANGE</c> from the client's offset, so it works on any node, and after a node restart.
/// </summary>
internal sealed class RedisTopicStore : ITopicStore, IHostedService, IAsyncDisposable
{
    private const string PublishScript = """
        if redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[3]) == false then return 0 end
        local parts = {}
        local n = (#KEYS - 1) / 2
        for i = 1, n do
          local meta = KEYS[2 * i]
          local stream = KEYS[2 * i + 1]
          redis.call('HSETNX', meta, 'epoch', ARGV[4] .. i)
          local epoch = redis.call('HGET', meta, 'epoch')
          local offset = redis.call('HINCRBY', meta, 'offset', 1)
          redis.call('XADD', stream, 'MAXLEN', '~', ARGV[2], offset .. '-1', 'd', ARGV[1], 'p', ARGV[5])
          parts[#parts + 1] = ARGV[6 + i] .. '\t' .. epoch .. '\t' .. offset
        end
        redis.call('PUBLISH', ARGV[6], ARGV[5] .. '\n' .. table.concat(parts, '\n') .. '\n\n' .. ARGV[1])
        return n
        """;

    private const string PositionScript = """
        redis.call('HSETNX', KEYS[1], 'epoch', ARGV[1])
        return redis.call('HMGET', KEYS[1], 'epoch', 'offset')
        """;

    private readonly RealtimeRedisOptions _options;
    private readonly RealtimeOptions _realtime;
    private readonly Dispatcher _dispatcher;
    private readonly ILogger<RedisTopicStore> _logger;
    private readonly TimeProvider _time;
    private readonly RedisChannel _channel;
    private ConnectionMultiplexer? _connection;
    private ChannelMessageQueue? _queue;

    public RedisTopicStore(IOptions<RealtimeRedisOptions> options, IOptions<RealtimeOptions> realtime, Dispatcher dispatcher, TimeProvider time, ILogger<RedisTopicStore> logger)
    {
        _time = time;
        _options = options.Value;
        _realtime = realtime.Value;
        _dispatcher = dispatcher;
        _logger = logger;
        _channel = RedisChannel.Literal(_options.KeyPrefix + "published");
    }

    private IDatabase Database => (_connection ?? throw new InvalidOperationException("The Redis topic store is not started.")).GetDatabase();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _connection = await ConnectionMultiplexer.ConnectAsync(_options.Configuration).ConfigureAwait(false);
        _queue = await _connection.GetSubscriber().SubscribeAsync(_channel).ConfigureAwait(false);

        // Handled one at a time, in the order Redis published them.
        _queue.OnMessage(message => OnPublished(message.Message));

        // Messages published while this node's subscription was down never reach it: the node catches up from history.
        _connection.ConnectionRestored += (_, e) =>
        {
            if (e.ConnectionType == ConnectionType.Subscription)
            {
                Log.BackplaneRestored(_logger);
                _dispatcher.CatchUpAll();
            }
        };
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_queue is not null)
        {
            await _queue.UnsubscribeAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask PublishAsync(Signal signal, IReadOnlyList<string> topics, CancellationToken cancellationToken)
    {
        var keys = new RedisKey[1 + (2 * topics.Count)];
        keys[0] = _options.KeyPrefix + "id:" + signal.Id;
        var args = new RedisValue[6 + topics.Count];
        args[0] = FrameWriter.SerializeSignal(signal);
        args[1] = _realtime.HistoryPerTopic;
        args[2] = (long)Math.Max(1, _options.DeduplicationWindow.TotalSeconds);
        args[3] = NewEpoch();
        args[4] = _time.GetUtcNow().ToUnixTimeMilliseconds();
        args[5] = _channel.ToString();
        for (var i = 0; i < topics.Count; i++)
        {
            keys[1 + (2 * i)] = MetaKey(topics[i]);
            keys[2 + (2 * i)] = StreamKey(topics[i]);
            args[6 + i] = topics[i];
        }

        await Database.ScriptEvaluateAsync(PublishScript, keys, args).ConfigureAwait(false);
    }

    public async ValueTask<TopicPosition> GetPositionAsync(string topic, CancellationToken cancellationToken)
    {
        var result = (RedisValue[])(await Database.ScriptEvaluateAsync(PositionScript, [MetaKey(topic)], [NewEpoch()]).ConfigureAwait(false))!;
        return new TopicPosition(result[0].ToString(), result[1].IsNull ? 0 : (long)result[1]);
    }

    public async ValueTask<HistoryRead> ReadAsync(string topic, long afterOffset, int max, CancellationToken cancellationToken)
    {
        var position = await GetPositionAsync(topic, cancellationToken).ConfigureAwait(false);
        if (afterOffset >= position.Offset)
        {
            return new HistoryRead([], position);
        }

        var entries = await Database.StreamRangeAsync(StreamKey(topic), (afterOffset + 1).ToString(CultureInfo.InvariantCulture) + "-1", "+", max).ConfigureAwait(false);
        var frames = new List<Frame>(entries.Length);
        var timestamp = Stopwatch.GetTimestamp();
        foreach (var entry in entries)
        {
            var id = entry.Id.ToString();
            var offset = long.Parse(id.AsSpan(0, id.IndexOf('-', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
            byte[] json = entry["d"]!;
            var publishedAt = DateTimeOffset.FromUnixTimeMilliseconds((long)entry["p"]);
            if (FrameWriter.DeserializeSignal(json) is { } signal)
            {
                frames.Add(new Frame(topic, position.Epoch, offset, publishedAt, signal, json, timestamp));
            }
        }

        return new HistoryRead(frames, position);
    }

    private void OnPublished(RedisValue message)
    {
        try
        {
            // "<publishedAtMs>\n<topic>\t<epoch>\t<offset>\n...\n\n<signal json>"
            byte[] bytes = message!;
            var split = bytes.AsSpan().IndexOf("\n\n"u8);
            var header = Encoding.UTF8.GetString(bytes, 0, split);
            var json = bytes.AsMemory(split + 2);
            if (FrameWriter.DeserializeSignal(json.Span) is not { } signal)
            {
                return;
            }

            var lines = header.Split('\n');
            var publishedAt = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(lines[0], CultureInfo.InvariantCulture));
            var timestamp = Stopwatch.GetTimestamp();
            for (var i = 1; i < lines.Length; i++)
            {
                var fields = lines[i].Split('\t');
                _dispatcher.Dispatch(new Frame(fields[0], fields[1], long.Parse(fields[2], CultureInfo.InvariantCulture), publishedAt, signal, json, timestamp));
            }
        }
        catch (Exception ex) when (ex is FormatException or System.Text.Json.JsonException or IndexOutOfRangeException or ArgumentException)
        {
            Log.RedisMessageFailed(_logger, ex);
        }
    }

    private RedisKey MetaKey(string topic) => _options.KeyPrefix + "m:" + topic;

    private RedisKey StreamKey(string topic) => _options.KeyPrefix + "s:" + topic;

    private static string NewEpoch() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
