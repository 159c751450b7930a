using Microsoft.Extensions.Options;

namespace CryptoIntel.Sources.Internal;

/// <summary>Adds the API key in the provider's header (never the URL) and the User-Agent.</summary>
internal sealed class ApiKeyHandler<TOptions>(IOptionsMonitor<TOptions> options) : DelegatingHandler
    where TOptions : SourceClientOptions
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var current = options.CurrentValue;
        if (!string.IsNullOrEmpty(current.ApiKey) && current.GetApiKeyHeaderName() is { } header)
        {
            request.Headers.Remove(header);
            request.Headers.TryAddWithoutValidation(header, current.ApiKey);
        }

        if (request.Headers.UserAgent.Count == 0)
        {
            request.Headers.TryAddWithoutValidation("User-Agent", current.UserAgent);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
