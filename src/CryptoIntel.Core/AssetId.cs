using System.Diagnostics.CodeAnalysis;

namespace CryptoIntel;

/// <summary>
/// The canonical identity of a crypto asset: the lower-case CoinGecko coin id (<c>bitcoin</c>, <c>ethereum</c>,
/// <c>chainlink</c>), which, unlike a ticker, is unique.
/// </summary>
/// <remarks>
/// Tickers collide (<c>LINK</c>, <c>ONE</c>, <c>GAS</c>); ids do not. Providers that key assets differently
/// (CoinMarketCap numeric ids, Binance symbols) are mapped onto this id by the caller or by an entity resolver.
/// </remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(Serialization.AssetIdJsonConverter))]
public readonly struct AssetId : IEquatable<AssetId>, IComparable<AssetId>
{
    private readonly string? _value;

    /// <summary>Creates an asset id; the value is trimmed and lower-cased.</summary>
    /// <param name="value">The id, e.g. <c>bitcoin</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, empty or white space.</exception>
    public AssetId(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        _value = value.Trim().ToLowerInvariant();
    }

    /// <summary>Gets the id text, or an empty string for <c>default</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Gets a value indicating whether this is the default, empty id.</summary>
    public bool IsEmpty => string.IsNullOrEmpty(_value);

    /// <summary>Bitcoin.</summary>
    public static AssetId Bitcoin { get; } = new("bitcoin");

    /// <summary>Ether.</summary>
    public static AssetId Ethereum { get; } = new("ethereum");

    /// <summary>Converts a string to an <see cref="AssetId"/>.</summary>
    /// <param name="value">The id text.</param>
    public static implicit operator AssetId(string value) => new(value);

    /// <summary>Compares two ids for equality.</summary>
    public static bool operator ==(AssetId left, AssetId right) => left.Equals(right);

    /// <summary>Compares two ids for inequality.</summary>
    public static bool operator !=(AssetId left, AssetId right) => !left.Equals(right);

    /// <summary>Orders two ids.</summary>
    public static bool operator <(AssetId left, AssetId right) => left.CompareTo(right) < 0;

    /// <summary>Orders two ids.</summary>
    public static bool operator >(AssetId left, AssetId right) => left.CompareTo(right) > 0;

    /// <summary>Orders two ids.</summary>
    public static bool operator <=(AssetId left, AssetId right) => left.CompareTo(right) <= 0;

    /// <summary>Orders two ids.</summary>
    public static bool operator >=(AssetId left, AssetId right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public bool Equals(AssetId other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is AssetId other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc />
    public int CompareTo(AssetId other) => string.CompareOrdinal(Value, other.Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
