using Microsoft.AspNetCore.OutputCaching;

namespace CryptoIntel.Web.Http;

/// <summary>
/// Output caching for the hot read endpoints: GET/HEAD answers with status 200 are kept for
/// <c>Web:OutputCacheDuration</c>, varied by the whole query string. Unlike the default policy it also caches
/// requests that carry an API key: the read data does not depend on who asks (authorization still runs first).
/// The cached answer keeps its ETag, so the cache itself answers If-None-Match with 304.
/// </summary>
internal sealed class ApiOutputCachePolicy(TimeSpan duration) : IOutputCachePolicy
{
    public const string Name = "api";
    public const string Tag = "api";

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var method = context.HttpContext.Request.Method;
        var cacheable = duration > TimeSpan.Zero && (HttpMethods.IsGet(method) || HttpMethods.IsHead(method));
        context.EnableOutputCaching = cacheable;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = duration;
        context.CacheVaryByRules.QueryKeys = "*";
        context.Tags.Add(Tag);
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
