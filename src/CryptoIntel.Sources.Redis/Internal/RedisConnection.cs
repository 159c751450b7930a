using StackExchange.Redis;

namespace CryptoIntel.Sources.Redis.Internal;

/// <summary>
/// One lazily opened connection for the budget. A connection made from a configuration string is opened with
/// <c>abortConnect=false</c>, so that start-up does not depend on Redis and the connection heals when Redis comes
/// back, and with <see cref="BacklogPolicy.FailFast"/>, so that while it is down every call fails at once with
/// <see cref="RedisConnectionException"/> instead of waiting in a backlog for seconds.
/// </summary>
internal sealed class RedisConnection : IDisposable
{
    private readonly Lazy<IConnectionMultiplexer> _multiplexer;
    private readonly bool _owned;

    public RedisConnection(string? configuration, Func<IConnectionMultiplexer>? factory)
    {
        if (factory is not null)
        {
            _multiplexer = new Lazy<IConnectionMultiplexer>(factory);
            return;
        }

        if (string.IsNullOrWhiteSpace(configuration))
        {
            throw new InvalidOperationException("Redis needs either a configuration string or a connection multiplexer factory.");
        }

        _owned = true;
        _multiplexer = new Lazy<IConnectionMultiplexer>(() =>
        {
            return ConnectionMultiplexer.Connect(Options(configuration));
        });
    }

    public IConnectionMultiplexer Multiplexer => _multiplexer.Value;

    /// <summary>Parses a configuration string: lazy, self-healing connection; calls fail fast while it is down.</summary>
    public static ConfigurationOptions Options(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        return options;
    }

    public IDatabase Database => _multiplexer.Value.GetDatabase();

    public void Dispose()
    {
        if (_owned && _multiplexer.IsValueCreated)
        {
            _multiplexer.Value.Dispose();
        }
    }
}
