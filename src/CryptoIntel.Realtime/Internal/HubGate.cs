using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CryptoIntel.Realtime.Internal;

/// <summary>
/// Runs in front of the hub's endpoints (negotiate and connect): refuses connections beyond the node's cap with 503
/// (before the process runs out of file descriptors), and authenticates with an API key or a bearer token (401 with a
/// JSON reason, <c>token_expired</c> for an expired token).
/// </summary>
internal sealed class HubGate
{
    private readonly RealtimeOptions _options;
    private readonly Dispatcher _dispatcher;
    private readonly RealtimeMetrics _metrics;
    private readonly ILogger<HubGate> _logger;
    private readonly (byte[] Hash, RealtimeApiKey Key)[] _keys;
    private int _open;

    public HubGate(IOptions<RealtimeOptions> options, Dispatcher dispatcher, RealtimeMetrics metrics, ILogger<HubGate> logger)
    {
        _options = options.Value;
        _dispatcher = dispatcher;
        _metrics = metrics;
        _logger = logger;
        _keys = [.. _options.ApiKeys.Select(k => (SHA256.HashData(Encoding.UTF8.GetBytes(k.Key)), k))];
        (MaxConnections, var source) = ResolveCap(_options);
        Log.ConnectionCap(logger, MaxConnections, source);
    }

    public int MaxConnections { get; }

    /// <summary>Gets the long-lived connection requests in flight (WebSocket and SSE), counted before SignalR sees them.</summary>
    public int OpenRequests => Volatile.Read(ref _open);

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var isNegotiate = context.Request.Path.Value?.EndsWith("/negotiate", StringComparison.OrdinalIgnoreCase) == true;
        var longLived = !isNegotiate && (context.WebSockets.IsWebSocketRequest || HttpMethods.IsGet(context.Request.Method));
        var counted = false;
        try
        {
            if (!isNegotiate && !longLived)
            {
                // Long-polling sends and polls of a connection that already passed the gate.
                await next(context).ConfigureAwait(false);
                return;
            }

            if (longLived)
            {
                counted = true;
                if (Interlocked.Increment(ref _open) > MaxConnections)
                {
                    await RefuseAsync(context, StatusCodes.Status503ServiceUnavailable, "capacity",
                        $"This node holds its maximum of {MaxConnections} connections; retry later or on another node.").ConfigureAwait(false);
                    return;
                }
            }
            else if (Math.Max(OpenRequests, _dispatcher.ConnectionCount) >= MaxConnections)
            {
                await RefuseAsync(context, StatusCodes.Status503ServiceUnavailable, "capacity",
                    $"This node holds its maximum of {MaxConnections} connections; retry later or on another node.").ConfigureAwait(false);
                return;
            }

            if (_options.RequireAuthentication && !await AuthenticateAsync(context).ConfigureAwait(false))
            {
                return;
            }

            await next(context).ConfigureAwait(false);
        }
        finally
        {
            if (counted)
            {
                Interlocked.Decrement(ref _open);
            }
        }
    }

    private async Task<bool> AuthenticateAsync(HttpContext context)
    {
        var presented = ReadCredential(context.Request);
        if (presented is not null && FindKey(presented) is { } key)
        {
            var identity = new ClaimsIdentity("ApiKey", ClaimTypes.Name, ClaimTypes.Role);
            identity.AddClaim(new Claim(ClaimTypes.Name, key.Name));
            foreach (var topic in key.Topics)
            {
                identity.AddClaim(new Claim(RealtimeOptions.TopicsClaimType, topic));
            }

            context.User = new ClaimsPrincipal(identity);
            return true;
        }

        if (presented is not null && _options.BearerSchemes.Count > 0)
        {
            if (context.Request.Headers.Authorization.Count == 0 && context.Request.Query.TryGetValue("access_token", out var token))
            {
                // Browsers cannot set headers on WebSockets: SignalR clients send the token in the query.
                context.Request.Headers.Authorization = "Bearer " + token;
            }

            Exception? failure = null;
            foreach (var scheme in _options.BearerSchemes)
            {
                var result = await context.AuthenticateAsync(scheme).ConfigureAwait(false);
                if (result.Succeeded)
                {
                    context.User = result.Principal;
                    context.Features.Set<IAuthenticateResultFeature>(new AuthenticateResultFeature(result));
                    return true;
                }

                failure ??= result.Failure;
            }

            if (failure is not null && failure.GetType().Name.Contains("Expired", StringComparison.Ordinal))
            {
                context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\", error_description=\"The token expired\"";
                await RefuseAsync(context, StatusCodes.Status401Unauthorized, "token_expired", "The bearer token has expired: get a new one and reconnect.").ConfigureAwait(false);
                return false;
            }
        }

        context.Response.Headers.WWWAuthenticate = _options.BearerSchemes.Count > 0 ? "Bearer" : "ApiKey";
        await RefuseAsync(context, StatusCodes.Status401Unauthorized, "unauthorized",
            presented is null
                ? "An API key (X-Api-Key header or access_token) or a bearer token is required."
                : "The API key or bearer token is not valid.").ConfigureAwait(false);
        return false;
    }

    private static string? ReadCredential(HttpRequest request)
    {
        if (request.Headers.TryGetValue("X-Api-Key", out var header) && header.ToString() is { Length: > 0 } apiKey)
        {
            return apiKey;
        }

        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization["Bearer ".Length..].Trim();
        }

        return request.Query.TryGetValue("access_token", out var query) && query.ToString() is { Length: > 0 } token ? token : null;
    }

    private RealtimeApiKey? FindKey(string presented)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        RealtimeApiKey? found = null;
        foreach (var (keyHash, key) in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, keyHash))
            {
                found = key;
            }
        }

        return found;
    }

    private async Task RefuseAsync(HttpContext context, int status, string reason, string message)
    {
        _metrics.Refused(reason);
        Log.ConnectionRefused(_logger, reason, status);
        context.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = "5";
        }

        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, new GateError(reason, message), RealtimeJsonContext.Default.GateError, context.RequestAborted).ConfigureAwait(false);
    }

    internal static (int Max, string Source) ResolveCap(RealtimeOptions options)
    {
        if (options.MaxConnections > 0)
        {
            return (options.MaxConnections, "configured");
        }

        return ReadOpenFileLimit() is { } limit
            ? ((int)Math.Max(1, Math.Min(int.MaxValue, limit - options.FileDescriptorReserve)), $"open-file limit {limit} minus {options.FileDescriptorReserve}")
            : (int.MaxValue, "unlimited");
    }

    /// <summary>Reads the soft open-file limit from <c>/proc/self/limits</c> (Linux); null elsewhere.</summary>
    internal static long? ReadOpenFileLimit()
    {
        try
        {
            if (!File.Exists("/proc/self/limits"))
            {
                return null;
            }

            foreach (var line in File.ReadLines("/proc/self/limits"))
            {
                if (line.StartsWith("Max open files", StringComparison.Ordinal))
                {
                    var parts = line["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    return parts.Length > 0 && long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var soft) ? soft : null;
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return null;
    }

    private sealed class AuthenticateResultFeature(AuthenticateResult result) : IAuthenticateResultFeature
    {
        public AuthenticateResult? AuthenticateResult { get; set; } = result;
    }
}
