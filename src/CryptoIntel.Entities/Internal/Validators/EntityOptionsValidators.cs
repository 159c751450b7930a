using Microsoft.Extensions.Options;

namespace CryptoIntel.Entities.Internal.Validators;

/// <summary>Source-generated DataAnnotations validation of <see cref="EntityExtractorOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class EntityExtractorOptionsValidator : IValidateOptions<EntityExtractorOptions>
{
}

/// <summary>Source-generated DataAnnotations validation of <see cref="EntityTrackerOptions"/> (and its story options).</summary>
[OptionsValidator]
internal sealed partial class EntityTrackerOptionsValidator : IValidateOptions<EntityTrackerOptions>
{
}

/// <summary>Rules DataAnnotations cannot express: the gazetteer files exist; something will be loaded; the story window is in range.</summary>
internal sealed class EntityOptionsCustomValidator : IValidateOptions<EntityExtractorOptions>, IValidateOptions<EntityTrackerOptions>
{
    public ValidateOptionsResult Validate(string? name, EntityExtractorOptions options)
    {
        var builder = new ValidateOptionsResultBuilder();
        foreach (var file in options.GazetteerFiles)
        {
            if (string.IsNullOrWhiteSpace(file))
            {
                builder.AddError("A gazetteer file path is empty.", nameof(options.GazetteerFiles));
            }
            else if (!File.Exists(file))
            {
                builder.AddError($"The gazetteer file '{file}' does not exist.", nameof(options.GazetteerFiles));
            }
        }

        if (!options.IncludeSeed && options.GazetteerFiles.Count == 0)
        {
            builder.AddError("IncludeSeed is false and no GazetteerFiles are given: the extractor would find nothing.", nameof(options.IncludeSeed));
        }

        return builder.Build();
    }

    public ValidateOptionsResult Validate(string? name, EntityTrackerOptions options)
    {
        var window = options.Stories.Window;
        return window < TimeSpan.FromMinutes(1) || window > TimeSpan.FromDays(30)
            ? ValidateOptionsResult.Fail($"Stories.Window must be between 1 minute and 30 days; it is {window}.")
            : ValidateOptionsResult.Success;
    }
}
