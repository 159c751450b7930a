using Microsoft.Extensions.Options;

namespace CryptoIntel.Signals.Internal.Validators;

/// <summary>
/// Rules of the detectors' options that DataAnnotations cannot express (an exit threshold below its entry
/// threshold, a warm-up within the window...). Register it beside the generated validators.
/// </summary>
internal sealed partial class DetectorOptionsCustomValidator :
    IValidateOptions<VolumeSpikeDetectorOptions>,
    IValidateOptions<PriceMoveDetectorOptions>,
    IValidateOptions<TvlFlowDetectorOptions>,
    IValidateOptions<DepegDetectorOptions>,
    IValidateOptions<SentimentShiftDetectorOptions>,
    IValidateOptions<NewsVelocityDetectorOptions>,
    IValidateOptions<PriceDivergenceDetectorOptions>,
    IValidateOptions<FearGreedRegimeDetectorOptions>,
    IValidateOptions<DexPoolDetectorOptions>
{
    public static DetectorOptionsCustomValidator Instance { get; } = new();

    public ValidateOptionsResult Validate(string? name, VolumeSpikeDetectorOptions options)
    {
        var builder = new ValidateOptionsResultBuilder();
        ExitBelowEntry(builder, options.ExitThreshold, options.Threshold, nameof(options.ExitThreshold));
        WarmUpWithinWindow(builder, options.WarmUp, options.Window, nameof(options.WarmUp));
        return builder.Build();
    }

    public ValidateOptionsResult Validate(string? name, PriceMoveDetectorOptions options)
    {
        var builder = new ValidateOptionsResultBuilder();
        ExitBelowEntry(builder, options.ExitThreshold, options.Threshold, nameof(options.ExitThreshold));
        ExitBelowEntry(builder, options.BreakoutMinZ, options.Threshold, nameof(options.BreakoutMinZ));
        if (options.RangePeriods >= options.History)
        {
            builder.AddError($"RangePeriods ({options.RangePeriods}) must be below History ({options.History}).", nameof(options.RangePeriods));
        }

        return builder.Build();
    }

    public ValidateOptionsResult Validate(string? name, TvlFlowDetectorOptions options)
    {
        var builder = new ValidateOptionsResultBuilder();
        ExitBelowEntry(builder, options.ExitThreshold, options.Threshold, nameof(options.ExitThreshold));
        WarmUpWithinWindow(builder, options.WarmUp, options.Window, nameof(options.WarmUp));
        return builder.Build();
    }

    public ValidateOptionsResult Validate(string? name, DepegDetectorOptions options)
    {
        var builder = new ValidateOptionsResultBuilder();
        ExitBelowEntry(builder, options.ExitThreshold, options.Threshold, nameof(options.ExitThreshold));
        if (options.SevereThreshold <= options.Threshold)
        {
            builder.AddError($"SevereThreshold ({options.SevereThreshold}) must be above Threshold ({options.Threshold}).", nameof(options.SevereThreshold));
        }

        foreach (var id in options.Stablecoins)
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                builder.AddError("A stablecoin id is empty.", nameof(options.Stablecoins));
            }
        }

        return builder.Build();
    }

    public ValidateOptionsResult Validate(string? name, SentimentShiftDetectorOptions options)
    {
        var builder = new ValidateOptionsResultBuilder();
        ExitBelowEntry(builder, options.ExitThreshold, options.Threshold, nameof(options.ExitThreshold));
        if (options.MinItems > options.MaxWindowItems)
        {
            builder.AddError($"MinItems ({options.MinItems}) must not exceed MaxWindowItems ({options.MaxWindowItems}).", nameof(options.MinItems));
        }

        return builder.Build();
    }

    public ValidateOptionsResult Validate(string? name, NewsVelocityDetectorOptions options)
    {
        var builder = new ValidateOptionsResultBuilder();
        ExitBelowEntry(builder, options.ExitThreshold, options.Threshold, nameof(options.ExitThreshold));
        return builder.Build();
    }

    public ValidateOptionsResult Validate(string? name, PriceDivergenceDetectorOptions options)
    {
        var builder = new ValidateOptionsResultBuilder();
        ExitBelowEntry(builder, options.ExitThreshold, options.Threshold, nameof(options.ExitThreshold));
        return builder.Build();
    }

    public ValidateOptionsResult Validate(string? name, FearGreedRegimeDetectorOptions options)
    {
        var builder = new ValidateOptionsResultBuilder();
        if (!(options.FearFrom < options.NeutralFrom && options.NeutralFrom < options.GreedFrom && options.GreedFrom < options.ExtremeGreedFrom))
        {
            builder.AddError("The regime boundaries must increase: FearFrom < NeutralFrom < GreedFrom < ExtremeGreedFrom.", nameof(options.NeutralFrom));
        }

        return builder.Build();
    }

    public ValidateOptionsResult Validate(string? name, DexPoolDetectorOptions options) => ValidateOptionsResult.Success;

    private static void ExitBelowEntry(ValidateOptionsResultBuilder builder, double exit, double entry, string member)
    {
        if (exit >= entry)
        {
            builder.AddError($"{member} ({exit}) must be below the entry threshold ({entry}).", member);
        }
    }

    private static void WarmUpWithinWindow(ValidateOptionsResultBuilder builder, int warmUp, int window, string member)
    {
        if (warmUp > window)
        {
            builder.AddError($"{member} ({warmUp}) must not exceed the window ({window}).", member);
        }
    }
}
