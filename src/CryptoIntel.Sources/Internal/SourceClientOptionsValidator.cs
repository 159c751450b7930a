using Microsoft.Extensions.Options;

namespace CryptoIntel.Sources.Internal;

/// <summary>The rules that span several settings of a source (the per-field rules are on the properties).</summary>
internal sealed class SourceClientOptionsValidator<TOptions> : IValidateOptions<TOptions>
    where TOptions : SourceClientOptions
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var builder = new ValidateOptionsResultBuilder();
        var type = typeof(TOptions).Name;
        if (options.AttemptTimeout >= options.TotalTimeout)
        {
            builder.AddError($"{nameof(options.AttemptTimeout)} ({options.AttemptTimeout}) must be shorter than {nameof(options.TotalTimeout)} ({options.TotalTimeout}).", type);
        }

        if (options.BaseAddress is { } address && (!address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp)))
        {
            builder.AddError($"{nameof(options.BaseAddress)} must be an absolute http or https address.", type);
        }

        if (options.Plan == SourcePlan.Paid && string.IsNullOrWhiteSpace(options.ApiKey) && options.GetApiKeyHeaderName() is not null)
        {
            builder.AddError($"The paid plan needs an {nameof(options.ApiKey)}.", type);
        }

        foreach (var (operation, duration) in options.CacheDurations)
        {
            if (duration < TimeSpan.Zero)
            {
                builder.AddError($"The cache duration of '{operation}' is negative.", type);
            }
        }

        return builder.Build();
    }
}
