using System.Diagnostics.CodeAnalysis;

namespace CryptoIntel;

/// <summary>
/// A blockchain network, by its lower-case DeFi Llama style name (<c>ethereum</c>, <c>solana</c>, <c>arbitrum</c>).
/// An open set: providers add chains all the time.
/// </summary>
public readonly struct Chain : IEquatable<Chain>
{
    private readonly string? _name;

    /// <summary>Creates a chain from its name; the name is trimmed and lower-cased.</summary>
    /// <param name="name">The chain name.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null, empty or white space.</exception>
    public Chain(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _name = name.Trim().ToLowerInvariant();
    }

    /// <summary>Gets the lower-case name, or an empty string for <c>default</c>.</summary>
    public string Name => _name ?? string.Empty;

    /// <summary>Ethereum mainnet.</summary>
    public static Chain Ethereum { get; } = new("ethereum");

    /// <summary>Solana.</summary>
    public static Chain Solana { get; } = new("solana");

    /// <summary>Converts a name to a <see cref="Chain"/>.</summary>
    /// <param name="name">The chain name.</param>
    public static implicit operator Chain(string name) => new(name);

    /// <summary>Compares two chains for equality.</summary>
    public static bool operator ==(Chain left, Chain right) => left.Equals(right);

    /// <summary>Compares two chains for inequality.</summary>
    public static bool operator !=(Chain left, Chain right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(Chain other) => string.Equals(Name, other.Name, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is Chain other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);

    /// <inheritdoc />
    public override string ToString() => Name;
}
