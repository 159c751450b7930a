using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using CryptoIntel.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CryptoIntel.Web.Security;

/// <summary>The API key scheme: a key in the <c>X-Api-Key</c> header, checked in constant time.</summary>
internal static class ApiKeyDefaults
{
    public const string Scheme = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string ScopeClaim = "scope";
    public const string ReadPolicy = "read";
    public const string WritePolicy = "write";
}

/// <summary>The configured keys, stored as SHA-256 hashes so the comparison takes the same time for every key.</summary>
internal sealed class ApiKeyRegistry
{
    private readonly (byte[] Hash, string Name, string Scope)[] _keys;

    public ApiKeyRegistry(IOptions<WebOptions> options)
    {
        _keys = options.Value.ApiKeys
            .Select(k => (SHA256.HashData(Encoding.UTF8.GetBytes(k.Key)), k.Name, k.Scope))
            .ToArray();
    }

    public bool HasKeys => _keys.Length > 0;

    /// <summary>Finds the key; every configured key is compared, so the time does not tell which matched.</summary>
    public bool TryFind(ReadOnlySpan<char> presented, out string name, out string scope)
    {
        name = string.Empty;
        scope = string.Empty;
        if (presented.IsEmpty || presented.Length > 256)
        {
            return false;
        }

        Span<byte> utf8 = stackalloc byte[1024];
        var length = Encoding.UTF8.GetBytes(presented, utf8);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(utf8[..length], hash);
        var found = false;
        foreach (var key in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, key.Hash))
            {
                found = true;
                name = key.Name;
                scope = key.Scope;
            }
        }

        return found;
    }
}

/// <summary>Authenticates a request by its <c>X-Api-Key</c> header; no header means anonymous (no result).</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyRegistry registry)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKeyDefaults.HeaderName, out var values) || values.Count == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (values.Count != 1 || !registry.TryFind(values[0], out var name, out var scope))
        {
            return Task.FromResult(AuthenticateResult.Fail("The API key is not valid."));
        }

        Claim[] claims = scope == "write"
            ? [new(ClaimTypes.Name, name), new(ApiKeyDefaults.ScopeClaim, "read"), new(ApiKeyDefaults.ScopeClaim, "write")]
            : [new(ClaimTypes.Name, name), new(ApiKeyDefaults.ScopeClaim, "read")];
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, ApiKeyDefaults.Scheme));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, ApiKeyDefaults.Scheme)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = ApiKeyDefaults.Scheme + " header=\"" + ApiKeyDefaults.HeaderName + "\"";
        return Task.CompletedTask;
    }
}
