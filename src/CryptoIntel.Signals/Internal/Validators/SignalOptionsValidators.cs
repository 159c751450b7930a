using CryptoIntel.Signals.Confidence;
using Microsoft.Extensions.Options;

namespace CryptoIntel.Signals.Internal.Validators;

/// <summary>Source-generated DataAnnotations validation of <see cref="SignalScoringOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class SignalScoringOptionsValidator : IValidateOptions<SignalScoringOptions>
{
}

/// <summary>Source-generated DataAnnotations validation of <see cref="DetectorScoringOptions"/> (one entry of the dictionary).</summary>
[OptionsValidator]
internal sealed partial class DetectorScoringOptionsValidator : IValidateOptions<DetectorScoringOptions>
{
}

/// <summary>Rules DataAnnotations cannot express: every per-detector flag is valid; the model file exists when named.</summary>
internal sealed class SignalScoringOptionsCustomValidator : IValidateOptions<SignalScoringOptions>
{
    private readonly DetectorScoringOptionsValidator _detector = new();

    public ValidateOptionsResult Validate(string? name, SignalScoringOptions options)
    {
        var builder = new ValidateOptionsResultBuilder();
        foreach (var (detector, flag) in options.Detectors)
        {
            if (string.IsNullOrWhiteSpace(detector))
            {
                builder.AddError("A detector name in Detectors is empty.", nameof(options.Detectors));
            }

            if (flag is null)
            {
                builder.AddError($"Detectors:{detector} is null.", nameof(options.Detectors));
                continue;
            }

            var result = _detector.Validate(name, flag);
            if (result.Failed)
            {
                builder.AddError($"Detectors:{detector}: {result.FailureMessage}", nameof(options.Detectors));
            }
        }

        if (options.ModelPath is { } path && !File.Exists(path))
        {
            builder.AddError($"The confidence model file '{path}' does not exist.", nameof(options.ModelPath));
        }

        return builder.Build();
    }
}
