using System.Diagnostics.CodeAnalysis;

namespace CryptoIntel;

/// <summary>
/// A quote currency such as <c>usd</c> or <c>eur</c> (also <c>btc</c>, which the providers accept as a
/// "vs currency"). An open set: any code the provider accepts is valid.
/// </summary>
public readonly struct FiatCurrency : IEquatable<FiatCurrency>
{
    private readonly string? _code;

    /// <summary>Creates a currency from its code; the code is trimmed and lower-cased.</summary>
    /// <param name="code">The code, e.g. <c>usd</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="code"/> is null, empty or white space.</exception>
    public FiatCurrency(string code)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        _code = code.Trim().ToLowerInvariant();
    }

    /// <summary>Gets the lower-case code; <c>usd</c> for <c>default</c>.</summary>
    public string Code => _code ?? "usd";

    /// <summary>US dollar.</summary>
    public static FiatCurrency Usd { get; } = new("usd");

    /// <summary>Euro.</summary>
    public static FiatCurrency Eur { get; } = new("eur");

    /// <summary>Bitcoin as a quote currency.</summary>
    public static FiatCurrency Btc { get; } = new("btc");

    /// <summary>Converts a code to a <see cref="FiatCurrency"/>.</summary>
    /// <param name="code">The code.</param>
    public static implicit operator FiatCurrency(string code) => new(code);

    /// <summary>Compares two currencies for equality.</summary>
    public static bool operator ==(FiatCurrency left, FiatCurrency right) => left.Equals(right);

    /// <summary>Compares two currencies for inequality.</summary>
    public static bool operator !=(FiatCurrency left, FiatCurrency right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(FiatCurrency other) => string.Equals(Code, other.Code, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is FiatCurrency other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Code);

    /// <summary>Gets the upper-case code (<c>USD</c>), as CoinMarketCap expects it.</summary>
    /// <returns>The upper-case code.</returns>
    public string ToUpperCode() => Code.ToUpperInvariant();

    /// <inheritdoc />
    public override string ToString() => Code;
}
