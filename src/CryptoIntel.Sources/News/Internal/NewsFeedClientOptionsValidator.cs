using Microsoft.Extensions.Options;

namespace CryptoIntel.Sources.News.Internal;

/// <summary>Checks <see cref="NewsFeedClientOptions"/>: the DataAnnotations (generated) and every feed's name and address.</summary>
[OptionsValidator]
internal sealed partial class NewsFeedClientOptionsDataValidator : IValidateOptions<NewsFeedClientOptions>;

/// <summary>Checks the DataAnnotations and the feed list of <see cref="NewsFeedClientOptions"/>.</summary>
internal sealed class NewsFeedClientOptionsValidator : IValidateOptions<NewsFeedClientOptions>
{
    private readonly NewsFeedClientOptionsDataValidator _data = new();

    public ValidateOptionsResult Validate(string? name, NewsFeedClientOptions options)
    {
        var builder = new ValidateOptionsResultBuilder();
        builder.AddResult(_data.Validate(name, options));
        foreach (var problem in options.Problems())
        {
            builder.AddError(problem, nameof(NewsFeedClientOptions.Feeds));
        }

        return builder.Build();
    }
}
