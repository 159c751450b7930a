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

/// <summary>Source-generated DataAnnotations validation of <see cref="DepegDetectorOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class DepegDetectorOptionsValidator : IValidateOptions<DepegDetectorOptions>
{
}

/// <summary>Source-generated DataAnnotations validation of <see cref="SentimentShiftDetectorOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class SentimentShiftDetectorOptionsValidator : IValidateOptions<SentimentShiftDetectorOptions>
{
}

/// <summary>Source-generated DataAnnotations validation of <see cref="NewsVelocityDetectorOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class NewsVelocityDetectorOptionsValidator : IValidateOptions<NewsVelocityDetectorOptions>
{
}

/// <summary>Source-generated DataAnnotations validation of <see cref="PriceDivergenceDetectorOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class PriceDivergenceDetectorOptionsValidator : IValidateOptions<PriceDivergenceDetectorOptions>
{
}

/// <summary>Source-generated DataAnnotations validation of <see cref="FearGreedRegimeDetectorOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class FearGreedRegimeDetectorOptionsValidator : IValidateOptions<FearGreedRegimeDetectorOptions>
{
}

/// <summary>Source-generated DataAnnotations validation of <see cref="DexPoolDetectorOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class DexPoolDetectorOptionsValidator : IValidateOptions<DexPoolDetectorOptions>
{
}

/// <summary>Source-generated DataAnnotations validation of <see cref="ConfluenceOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class ConfluenceOptionsValidator : IValidateOptions<ConfluenceOptions>
{
}

/// <summary>Source-generated DataAnnotations validation of <see cref="SignalPipelineOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class SignalPipelineOptionsValidator : IValidateOptions<SignalPipelineOptions>
{
}
