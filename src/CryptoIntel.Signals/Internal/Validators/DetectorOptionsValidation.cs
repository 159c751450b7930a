using Microsoft.Extensions.Options;

namespace CryptoIntel.Signals.Internal.Validators;

/// <summary>Validates options where a detector is built without DI (the DI registration validates at start-up).</summary>
internal static class DetectorOptionsValidation
{
    private static DetectorOptionsCustomValidator Custom => DetectorOptionsCustomValidator.Instance;

    public static void ThrowIfInvalid(VolumeSpikeDetectorOptions options) =>
        Throw<VolumeSpikeDetectorOptions>(new VolumeSpikeDetectorOptionsValidator().Validate(null, options), Custom.Validate(null, options));

    public static void ThrowIfInvalid(PriceMoveDetectorOptions options) =>
        Throw<PriceMoveDetectorOptions>(new PriceMoveDetectorOptionsValidator().Validate(null, options), Custom.Validate(null, options));

    public static void ThrowIfInvalid(TvlFlowDetectorOptions options) =>
        Throw<TvlFlowDetectorOptions>(new TvlFlowDetectorOptionsValidator().Validate(null, options), Custom.Validate(null, options));

    public static void ThrowIfInvalid(DepegDetectorOptions options) =>
        Throw<DepegDetectorOptions>(new DepegDetectorOptionsValidator().Validate(null, options), Custom.Validate(null, options));

    public static void ThrowIfInvalid(SentimentShiftDetectorOptions options) =>
        Throw<SentimentShiftDetectorOptions>(new SentimentShiftDetectorOptionsValidator().Validate(null, options), Custom.Validate(null, options));

    public static void ThrowIfInvalid(NewsVelocityDetectorOptions options) =>
        Throw<NewsVelocityDetectorOptions>(new NewsVelocityDetectorOptionsValidator().Validate(null, options), Custom.Validate(null, options));

    public static void ThrowIfInvalid(PriceDivergenceDetectorOptions options) =>
        Throw<PriceDivergenceDetectorOptions>(new PriceDivergenceDetectorOptionsValidator().Validate(null, options), Custom.Validate(null, options));

    public static void ThrowIfInvalid(FearGreedRegimeDetectorOptions options) =>
        Throw<FearGreedRegimeDetectorOptions>(new FearGreedRegimeDetectorOptionsValidator().Validate(null, options), Custom.Validate(null, options));

    public static void ThrowIfInvalid(DexPoolDetectorOptions options) =>
        Throw<DexPoolDetectorOptions>(new DexPoolDetectorOptionsValidator().Validate(null, options), Custom.Validate(null, options));

    public static void ThrowIfInvalid(SignalPipelineOptions options) =>
        Throw<SignalPipelineOptions>(new SignalPipelineOptionsValidator().Validate(null, options), ValidateOptionsResult.Success);

    public static void ThrowIfInvalid(ConfluenceOptions options) =>
        Throw<ConfluenceOptions>(new ConfluenceOptionsValidator().Validate(null, options), ValidateOptionsResult.Success);

    private static void Throw<TOptions>(ValidateOptionsResult generated, ValidateOptionsResult custom)
    {
        var failures = new List<string>();
        foreach (var result in (ReadOnlySpan<ValidateOptionsResult>)[generated, custom])
        {
            if (result.Failed)
            {
                failures.AddRange(result.Failures ?? [result.FailureMessage]);
            }
        }

        if (failures.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(TOptions), failures);
        }
    }
}
