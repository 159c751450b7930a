using System.Net;
using System.Reactive.Linq;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using CryptoIntel.Realtime.Client.Internal;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CryptoIntel.Realtime.Client;

/// <summary>
/// A client of the CryptoIntel realtime hub: subscribes to topics, reconnects by itself, resumes every topic from its last
/// offset, yields each signal once (even when it arrives on several topics), and optionally keeps the latest state in a
/// file so an app starts with it offline.
/// </summary>
public sealed class SignalStreamClient : IAsyncDisposable
{
    private readonly SignalStreamClientOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly HubConnection _connection;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SignalStreamPosition> _positions = new(StringComparer.Ordinal);

    /// <summary>Whether a position moved since the last cache save (see <see cref="SetPosition"/>).</summary>
    private bool _positionsDirty;
    private readonly RecentIds _recent = new(4096);
    private readonly List<Channel<Signal>> _readers = [];
    private readonly LatestSignals _latest;
    private readonly CancellationTokenSource _disposing = new();
    private readonly ClientCache? _cache;
    private ITimer? _flushTimer;
    private Task _connectLoop = Task.CompletedTask;
    private Exception? _fatal;

    /// <summary>Creates a client; call <see cref="StartAsync"/> to connect.</summary>
    /// <param name="options">The settings.</param>
    /// <param name="logger">A logger, or null.</param>
    /// <param name="timeProvider">The clock for reconnect delays and cache writes, or null for the system clock.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The options have no URL.</exception>
    public SignalStreamClient(SignalStreamClientOptions options, ILogger<SignalStreamClient>? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Url is null)
        {
            throw new ArgumentException("SignalStreamClientOptions.Url is required.", nameof(options));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(options.CacheSize);
        _options = options;
        _logger = logger ?? NullLogger<SignalStreamClient>.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _latest = new LatestSignals(options.CacheSize);
        if (options.CacheFile is { } file)
        {
            _cache = new ClientCache(file);
            if (_cache.Load() is { } state)
            {
                foreach (var (topic, position) in state.Positions)
                {
                    _positions[topic] = position;
                }

                _latest.AddRange(state.Latest);
            }
        }

        _connection = new HubConnectionBuilder()
            .WithUrl(options.Url, http =>
            {
                http.AccessTokenProvider = options.AccessTokenProvider ?? (() => Task.FromResult(options.ApiKey));
                if (options.ApiKey is { } key && options.AccessTokenProvider is null)
                {
                    http.Headers["X-Api-Key"] = key;
                }
            })
            .WithAutomaticReconnect(new ForeverRetryPolicy(options.MaxReconnectDelay))
            .Build();
        _connection.On<SignalEnvelope>("signal", OnSignal);
        _connection.On<GapMessage>("gap", OnGap);
        _connection.On<PositionMessage>("position", OnPosition);
        _connection.Reconnecting += error =>
        {
            Status(SignalStreamStatus.Reconnecting, error);
            return Task.CompletedTask;
        };
        _connection.Reconnected += _ => SubscribeAllAsync(_disposing.Token);
        _connection.Closed += error =>
        {
            if (!_disposing.IsCancellationRequested && _fatal is null)
            {
                Status(SignalStreamStatus.Reconnecting, error);
                _connectLoop = Task.Run(() => ConnectLoopAsync(_disposing.Token));
            }

            return Task.CompletedTask;
        };
    }

    /// <summary>Gets every signal as it arrives (each subscriber gets all of them, from when it subscribes).</summary>
    public IObservable<Signal> Signals => Observable.Create<Signal>(async (observer, cancellationToken) =>
    {
        await foreach (var signal in ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            observer.OnNext(signal);
        }

        observer.OnCompleted();
    });

    /// <summary>Gets the latest signals received (newest last), including those loaded from the cache file.</summary>
    public IReadOnlyList<Signal> LatestSignals
    {
        get
        {
            lock (_gate)
            {
                return _latest.ToList();
            }
        }
    }

    /// <summary>Gets the last position received on each topic.</summary>
    public IReadOnlyDictionary<string, SignalStreamPosition> Positions
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, SignalStreamPosition>(_positions, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>Connects and subscribes, retrying until it succeeds, the client is disposed, or the hub refuses the credentials.</summary>
    /// <param name="cancellationToken">Cancels the first connection attempt's wait.</param>
    /// <returns>A task that completes when connected and subscribed.</returns>
    /// <exception cref="HttpRequestException">The hub refused the key or token (401/403).</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        _flushTimer ??= _cache is null ? null : _time.CreateTimer(_ => FlushCache(), null, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2));
        Status(SignalStreamStatus.Connecting, null);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposing.Token);
        await ConnectLoopAsync(linked.Token).ConfigureAwait(false);
        if (_fatal is not null)
        {
            throw _fatal;
        }
    }

    /// <summary>Reads signals as they arrive, each once, until cancelled or the client stops.</summary>
    /// <param name="cancellationToken">Ends the enumeration.</param>
    /// <returns>The signals.</returns>
    public async IAsyncEnumerable<Signal> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateUnbounded<Signal>(new UnboundedChannelOptions { SingleReader = true });
        lock (_gate)
        {
            _readers.Add(channel);
        }

        try
        {
            await foreach (var signal in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return signal;
            }
        }
        finally
        {
            lock (_gate)
            {
                _readers.Remove(channel);
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_disposing.IsCancellationRequested)
        {
            return;
        }

        await _disposing.CancelAsync().ConfigureAwait(false);
        if (_flushTimer is not null)
        {
            await _flushTimer.DisposeAsync().ConfigureAwait(false);
        }

        try
        {
            await _connectLoop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        await _connection.DisposeAsync().ConfigureAwait(false);
        FlushCache();
        Complete(null);
        Status(SignalStreamStatus.Stopped, null);
        _disposing.Dispose();
    }

    private async Task ConnectLoopAsync(CancellationToken cancellationToken)
    {
        var attempt = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (_connection.State == HubConnectionState.Disconnected)
                {
                    await _connection.StartAsync(cancellationToken).ConfigureAwait(false);
                }

                await SubscribeAllAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (HttpRequestException ex) when (ex.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                _fatal = ex;
                Status(SignalStreamStatus.Stopped, ex);
                Complete(ex);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Log.ConnectFailed(_logger, attempt, ex);
                Status(SignalStreamStatus.Reconnecting, ex);
                await Task.Delay(ForeverRetryPolicy.Delay(attempt++, _options.MaxReconnectDelay), _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task SubscribeAllAsync(CancellationToken cancellationToken)
    {
        var topics = _options.Topics.Count > 0 ? _options.Topics : [new SignalTopicSubscription("all")];
        foreach (var topic in topics)
        {
            SignalStreamPosition? position;
            lock (_gate)
            {
                position = _positions.TryGetValue(topic.Topic.Trim().ToLowerInvariant(), out var p) ? p : null;
            }

            var request = new SubscribeMessage(topic.Topic, topic.Kinds.Count > 0 ? topic.Kinds : null, topic.MinConfidence,
                topic.Assets.Count > 0 ? topic.Assets : null, position?.Epoch, position?.Offset);
            var result = await _connection.InvokeAsync<SubscribeAnswer>("Subscribe", request, cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                if (!_positions.ContainsKey(result.Topic) || !result.Recovered)
                {
                    // A fresh start (or an unrecoverable resume) starts from the topic's current offset.
                    SetPosition(result.Topic, new SignalStreamPosition(result.Epoch, result.Offset));
                }
            }

            if (!result.Recovered && position is { } lost)
            {
                _options.OnGap?.Invoke(new SignalGapArguments(result.Topic, lost.Offset + 1, result.Offset, "resume"));
            }
        }

        Status(SignalStreamStatus.Connected, null);
    }

    private void OnSignal(SignalEnvelope envelope)
    {
        if (envelope.Signal is null || envelope.Topic is null || envelope.Epoch is null)
        {
            return;
        }

        lock (_gate)
        {
            if (_positions.TryGetValue(envelope.Topic, out var position) && position.Epoch == envelope.Epoch && envelope.Offset <= position.Offset)
            {
                return;
            }

            SetPosition(envelope.Topic, new SignalStreamPosition(envelope.Epoch, envelope.Offset));
            if (!_recent.Add(envelope.Signal.Id))
            {
                return;
            }

            _latest.Add(envelope.Signal);
            foreach (var reader in _readers)
            {
                reader.Writer.TryWrite(envelope.Signal);
            }
        }
    }

    /// <summary>The topic went this far without a signal that passed the filters: resume from here, not from the last signal.</summary>
    private void OnPosition(PositionMessage message)
    {
        if (message.Topic is null || message.Epoch is null)
        {
            return;
        }

        lock (_gate)
        {
            if (_positions.TryGetValue(message.Topic, out var position) && position.Epoch == message.Epoch && message.Offset > position.Offset)
            {
                SetPosition(message.Topic, new SignalStreamPosition(message.Epoch, message.Offset));
            }
        }
    }

    private void OnGap(GapMessage gap)
    {
        if (gap.Topic is null)
        {
            return;
        }

        lock (_gate)
        {
            if (gap.Epoch is not null && _positions.TryGetValue(gap.Topic, out var position))
            {
                SetPosition(gap.Topic, new SignalStreamPosition(gap.Epoch, gap.ToOffset == long.MaxValue ? 0 : Math.Max(position.Offset, gap.ToOffset)));
            }
        }

        _options.OnGap?.Invoke(new SignalGapArguments(gap.Topic, gap.FromOffset, gap.ToOffset, gap.Reason ?? "history"));
    }

    private void Complete(Exception? error)
    {
        lock (_gate)
        {
            foreach (var reader in _readers)
            {
                reader.Writer.TryComplete(error);
            }
        }
    }

    /// <summary>Moves a topic's resume point (under <see cref="_gate"/>); the offline cache saves it at its next flush.</summary>
    private void SetPosition(string topic, SignalStreamPosition position)
    {
        _positions[topic] = position;
        _positionsDirty = true;
    }

    private void FlushCache()
    {
        if (_cache is null)
        {
            return;
        }

        ClientCacheState state;
        lock (_gate)
        {
            if (!_latest.Dirty && !_positionsDirty)
            {
                return;
            }

            _latest.Dirty = false;
            _positionsDirty = false;
            state = new ClientCacheState(new Dictionary<string, SignalStreamPosition>(_positions, StringComparer.Ordinal), _latest.ToList());
        }

        try
        {
            _cache.Save(state);
        }
        catch (IOException ex)
        {
            Status(SignalStreamStatus.Connected, ex);
        }
    }

    private void Status(SignalStreamStatus status, Exception? error)
    {
        try
        {
            _options.OnStatus?.Invoke(new SignalStreamStatusArguments(status, error));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Log.CallbackFailed(_logger, ex);
        }
    }
}
