namespace CryptoIntel.Signals.Internal;

/// <summary>The shared checks and key of the engines over <see cref="MarketTick"/>: per (asset, source).</summary>
internal abstract class MarketEngine<TState>(DetectorContext context, SignalDetectorOptions options)
    : KeyedEngine<MarketTick, MarketKey, TState>(context, options)
    where TState : SubjectState
{
    public override string SubjectOf(in MarketTick input) => input.Asset.Value;

    protected override string? Validate(in MarketTick input) => MarketTicks.Validate(in input);

    protected override DateTimeOffset TimestampOf(in MarketTick input) => input.Timestamp;

    protected override MarketKey KeyOf(in MarketTick input) => new(input.Asset, input.Source);
}

/// <summary>The checks every market detector makes on a tick.</summary>
internal static class MarketTicks
{
    /// <summary>Checks asset, source, price (finite, &gt; 0) and volume (finite, ≥ 0).</summary>
    public static string? Validate(in MarketTick input)
    {
        if (input.Asset.IsEmpty || string.IsNullOrEmpty(input.Source))
        {
            return RejectReason.MissingKey;
        }

        if (!double.IsFinite(input.Price) || !double.IsFinite(input.Volume))
        {
            return RejectReason.NotFinite;
        }

        if (input.Price <= 0)
        {
            return RejectReason.NonPositive;
        }

        return input.Volume < 0 ? RejectReason.Negative : null;
    }
}

/// <summary>The key of per-series state of market detectors.</summary>
internal readonly record struct MarketKey(AssetId Asset, string Source);
