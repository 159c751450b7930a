using System.Text.Json.Serialization;

namespace CryptoIntel.Sources.CoinGecko;

/// <summary>An entry of <c>/coins/list</c>: every coin CoinGecko knows, with its contract address per platform.</summary>
public sealed record CoinListEntry
{
    /// <summary>Gets the CoinGecko id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>Gets the ticker (<c>symbol</c>).</summary>
    [JsonPropertyName("symbol")]
    public string Symbol { get; init; } = string.Empty;

    /// <summary>Gets the name (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = string.Empty;

    /// <summary>Gets the contract address per platform (<c>platforms</c>), when requested; empty for native coins.</summary>
    [JsonPropertyName("platforms")]
    public IReadOnlyDictionary<string, string?> Platforms { get; init; } = new Dictionary<string, string?>();
}
