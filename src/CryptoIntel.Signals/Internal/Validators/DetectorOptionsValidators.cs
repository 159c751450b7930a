using Microsoft.Extensions.Options;

namespace CryptoIntel.Signals.Internal.Validators;

/// <summary>Source-generated DataAnnotations validation of <see cref="VolumeSpikeDetectorOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class VolumeSpikeDetectorOptionsValidator : IValidateOptions<VolumeSpikeDetectorOptions>
{
}

/// <summary>Source-generated DataAnnotations validation of <see cref="PriceMoveDetectorOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class PriceMoveDetectorOptionsValidator : IValidateOptions<PriceMoveDetectorOptions>
{
}

/// <summary>Source-generated DataAnnotations validation of <see cref="TvlFlowDetectorOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class TvlFlowDetectorOptionsValidator : IValidateOptions<TvlFlowDetectorOptions>
{
}
