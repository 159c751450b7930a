using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace CryptoIntel.Realtime.Internal;

/// <summary>Source-generated DataAnnotations validation of <see cref="RealtimeOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class RealtimeOptionsValidator : IValidateOptions<RealtimeOptions>
{
}

/// <summary>Source-generated DataAnnotations validation of <see cref="RealtimeRedisOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class RealtimeRedisOptionsValidator : IValidateOptions<RealtimeRedisOptions>
{
}

/// <summary>Rules across fields: timeouts, keys, watchlists, the need for some way to authenticate.</summary>
internal sealed class RealtimeOptionsCustomValidator : IValidateOptions<RealtimeOptions>
{
    public ValidateOptionsResult Validate(string? name, RealtimeOptions options)
    {
        var builder = new ValidateOptionsResultBuilder();
        if (options.KeepAliveInterval < TimeSpan.FromSeconds(1) || options.KeepAliveInterval > TimeSpan.FromMinutes(5))
        {
            builder.AddError("KeepAliveInterval must be between 1 second and 5 minutes.", nameof(options.KeepAliveInterval));
        }

        if (options.ClientTimeout < 2 * options.KeepAliveInterval)
        {
            builder.AddError($"ClientTimeout ({options.ClientTimeout}) must be at least twice KeepAliveInterval ({options.KeepAliveInterval}).", nameof(options.ClientTimeout));
        }

        if (options.RequireAuthentication && options.ApiKeys.Count == 0 && options.BearerSchemes.Count == 0)
        {
            builder.AddError("RequireAuthentication is true but there are no ApiKeys and no BearerSchemes: nobody could connect.", nameof(options.RequireAuthentication));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in options.ApiKeys)
        {
            if (string.IsNullOrWhiteSpace(key.Name) || key.Key is null || key.Key.Length < 16)
            {
                builder.AddError("Every API key needs a Name and a Key of at least 16 characters.", nameof(options.ApiKeys));
            }
            else if (!seen.Add(key.Key))
            {
                builder.AddError($"The API key named '{key.Name}' is listed twice.", nameof(options.ApiKeys));
            }
        }

        foreach (var (watchlist, members) in options.Watchlists)
        {
            if (string.IsNullOrWhiteSpace(watchlist) || watchlist.Any(char.IsWhiteSpace) || members.Count == 0)
            {
                builder.AddError($"Watchlist '{watchlist}' needs a name without spaces and at least one member.", nameof(options.Watchlists));
            }
        }

        return builder.Build();
    }
}

/// <summary>Applies <see cref="RealtimeOptions"/> (after SignalR copied its global options) to the hub's SignalR options (timeouts, message size, stateful reconnect buffer).</summary>
internal sealed class ConfigureSignalHubOptions(IOptions<RealtimeOptions> options) : IPostConfigureOptions<HubOptions<SignalHub>>
{
    public void PostConfigure(string? name, HubOptions<SignalHub> hub)
    {
        var realtime = options.Value;
        hub.KeepAliveInterval = realtime.KeepAliveInterval;
        hub.ClientTimeoutInterval = realtime.ClientTimeout;
        hub.HandshakeTimeout = TimeSpan.FromSeconds(15);
        hub.MaximumReceiveMessageSize = realtime.MaxReceiveMessageSize;
        hub.MaximumParallelInvocationsPerClient = 1;
        hub.EnableDetailedErrors = false;
        hub.StatefulReconnectBufferSize = 256 * 1024;
    }
}
