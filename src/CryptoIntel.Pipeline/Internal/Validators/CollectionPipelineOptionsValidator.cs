using Microsoft.Extensions.Options;

namespace CryptoIntel.Pipeline.Internal.Validators;

[OptionsValidator]
internal sealed partial class CollectionPipelineOptionsValidator : IValidateOptions<CollectionPipelineOptions>;

/// <summary>Rules the attributes cannot say: the schedule must parse as cron.</summary>
internal sealed class CollectionPipelineScheduleValidator : IValidateOptions<CollectionPipelineOptions>
{
    public ValidateOptionsResult Validate(string? name, CollectionPipelineOptions options) =>
        CronSchedule.TryParse(options.Schedule, out var error)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"CollectionPipelineOptions.Schedule '{options.Schedule}' is not a cron expression: {error}");
}
