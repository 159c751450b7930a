namespace CryptoIntel.Signals.Internal;

/// <summary>The <c>reason</c> tag values of <c>cryptointel.signals.rejected_inputs</c> and <c>state_resets</c>.</summary>
internal static class RejectReason
{
    public const string NotFinite = "not-finite";
    public const string NonPositive = "non-positive";
    public const string Negative = "negative";
    public const string ZeroVolume = "zero-volume";
    public const string OutOfRange = "out-of-range";
    public const string MissingKey = "missing-key";
    public const string OutOfOrder = "out-of-order";
    public const string Duplicate = "duplicate";
    public const string Capacity = "capacity";
    public const string Error = "error";

    // State resets
    public const string Gap = "gap";
    public const string ClockJump = "clock-jump";

    // Evictions
    public const string Inactive = "inactive";
    public const string OverCapacity = "over-capacity";
}
