using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;

namespace CryptoIntel;

/// <summary>
/// A scored market-intelligence signal: what a detector saw, about what, in which direction, how strongly and how
/// confidently, with the evidence that made it fire. Immutable; its <see cref="Id"/> is deterministic so that storing
/// or publishing the same detection twice is idempotent.
/// </summary>
/// <param name="Id">The deterministic id (see <see cref="CreateId"/>).</param>
/// <param name="Kind">What kind of signal this is.</param>
/// <param name="Subject">
/// What the signal is about: an asset id (<c>bitcoin</c>), or a prefixed subject for non-asset signals
/// (<c>protocol:aave</c>, <c>chain:ethereum</c>, <c>pool:eth_0x...</c>, <c>market</c>).
/// </param>
/// <param name="Direction">The direction the signal points to.</param>
/// <param name="Magnitude">The size of what was seen, in the detector's unit (e.g. a z-score or a fractional change).</param>
/// <param name="Confidence">How likely the signal is to be borne out, in 0..1.</param>
/// <param name="DetectedAt">When the detector fired, on the detection clock (the data's time in a backtest).</param>
/// <param name="Detector">The detector's name, e.g. <c>volume-spike</c>.</param>
/// <param name="DetectorVersion">The detector's version, so that track records of two versions stay apart.</param>
public sealed record Signal(
    string Id,
    SignalKind Kind,
    string Subject,
    SignalDirection Direction,
    double Magnitude,
    double Confidence,
    DateTimeOffset DetectedAt,
    string Detector,
    string DetectorVersion)
{
    /// <summary>Gets the asset the signal is about, when it is about one asset.</summary>
    public AssetId? Asset { get; init; }

    /// <summary>Gets the ids of the entities (assets, protocols, people, organisations) the signal concerns; empty when none.</summary>
    public IReadOnlyList<string> Entities { get; init; } = [];

    /// <summary>Gets the values and thresholds that made the detector fire.</summary>
    public IReadOnlyList<SignalEvidence> Evidence { get; init; } = [];

    /// <summary>Gets how the confidence was scored: <c>rules</c>, or the name of the model that scored it.</summary>
    public string Scorer { get; init; } = "rules";

    /// <summary>Gets a short human-readable summary, e.g. <c>BTC volume 4.2σ above its 24 h baseline</c>.</summary>
    public string? Summary { get; init; }

    /// <summary>
    /// Creates the deterministic id of a signal: the same kind, subject, detector, version and detection time always
    /// give the same id (32 lower-case hex characters).
    /// </summary>
    /// <param name="kind">The kind.</param>
    /// <param name="subject">The subject.</param>
    /// <param name="detector">The detector name.</param>
    /// <param name="detectorVersion">The detector version.</param>
    /// <param name="detectedAt">The detection time.</param>
    /// <returns>The id.</returns>
    public static string CreateId(SignalKind kind, string subject, string detector, string detectorVersion, DateTimeOffset detectedAt)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(detector);
        ArgumentNullException.ThrowIfNull(detectorVersion);
        // The UTF-8 of "kind\nsubject\ndetector\nversion\nticks", written straight into a stack (or pooled) buffer:
        // the id string is the only allocation.
        var maxBytes = Encoding.UTF8.GetMaxByteCount(kind.Value.Length + subject.Length + detector.Length + detectorVersion.Length) + 24;
        byte[]? rented = null;
        Span<byte> buffer = maxBytes <= 512 ? stackalloc byte[512] : (rented = ArrayPool<byte>.Shared.Rent(maxBytes));
        try
        {
            if (!Utf8.TryWrite(buffer, CultureInfo.InvariantCulture, $"{kind.Value}\n{subject}\n{detector}\n{detectorVersion}\n{detectedAt.UtcTicks}", out var written))
            {
                throw new InvalidOperationException("The signal id buffer was too small."); // unreachable: sized for the worst case
            }

            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(buffer[..written], hash);
            return Convert.ToHexStringLower(hash[..16]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}

/// <summary>One value that made a detector fire, with the threshold it crossed when there is one.</summary>
/// <param name="Name">The name of the value, e.g. <c>zScore</c>, <c>volume</c>, <c>change1h</c>.</param>
/// <param name="Value">The observed value.</param>
/// <param name="Threshold">The threshold it was compared with, when there is one.</param>
public sealed record SignalEvidence(string Name, double Value, double? Threshold = null);

/// <summary>The direction a signal points to.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<SignalDirection>))]
public enum SignalDirection
{
    /// <summary>No direction (e.g. a volume spike or a news surge without a price move).</summary>
    Neutral = 0,

    /// <summary>Up: bullish, inflow, price rise.</summary>
    Up = 1,

    /// <summary>Down: bearish, outflow, price fall, de-peg.</summary>
    Down = 2,
}

/// <summary>
/// The kind of a signal: a case-insensitive, lower-case kebab name. The well-known kinds are static properties;
/// detectors of your own may use any other name.
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(Serialization.SignalKindJsonConverter))]
public readonly struct SignalKind : IEquatable<SignalKind>
{
    private readonly string? _value;

    /// <summary>Creates a kind; the value is trimmed and lower-cased.</summary>
    /// <param name="value">The kind's name, e.g. <c>volume-spike</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, empty or white space.</exception>
    public SignalKind(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        _value = value.Trim().ToLowerInvariant();
    }

    /// <summary>Gets the kind's name, or an empty string for <c>default</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Trading volume far above its baseline.</summary>
    public static SignalKind VolumeSpike { get; } = new("volume-spike");

    /// <summary>A large price move or a breakout of a recent range.</summary>
    public static SignalKind PriceMove { get; } = new("price-move");

    /// <summary>A large TVL inflow or outflow of a protocol or chain.</summary>
    public static SignalKind TvlChange { get; } = new("tvl-change");

    /// <summary>A stablecoin trading away from its peg.</summary>
    public static SignalKind Depeg { get; } = new("depeg");

    /// <summary>News sentiment about an asset shifting away from its baseline.</summary>
    public static SignalKind SentimentShift { get; } = new("sentiment-shift");

    /// <summary>A surge of news mentions of an entity.</summary>
    public static SignalKind NewsVelocity { get; } = new("news-velocity");

    /// <summary>Prices of one asset diverging across sources.</summary>
    public static SignalKind PriceDivergence { get; } = new("price-divergence");

    /// <summary>The Fear &amp; Greed index changing regime.</summary>
    public static SignalKind FearGreedRegime { get; } = new("fear-greed-regime");

    /// <summary>A DEX pool trending or its liquidity jumping.</summary>
    public static SignalKind DexPool { get; } = new("dex-pool");

    /// <summary>Several detectors agreeing on one subject within a window.</summary>
    public static SignalKind Confluence { get; } = new("confluence");

    /// <summary>Converts a string to a <see cref="SignalKind"/>.</summary>
    /// <param name="value">The kind's name.</param>
    public static implicit operator SignalKind(string value) => new(value);

    /// <summary>Compares two kinds for equality.</summary>
    public static bool operator ==(SignalKind left, SignalKind right) => left.Equals(right);

    /// <summary>Compares two kinds for inequality.</summary>
    public static bool operator !=(SignalKind left, SignalKind right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(SignalKind other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SignalKind other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
