namespace CryptoIntel.Sources.GeckoTerminal;

/// <summary>A network (chain) GeckoTerminal tracks (<c>/networks</c>).</summary>
/// <param name="Id">The network id used in paths, e.g. <c>eth</c> (<c>id</c>).</param>
/// <param name="Name">The display name (<c>attributes.name</c>).</param>
/// <param name="CoinGeckoAssetPlatformId">CoinGecko's asset platform id, when it has one (<c>attributes.coingecko_asset_platform_id</c>).</param>
public sealed record GeckoNetwork(string Id, string Name, string? CoinGeckoAssetPlatformId);
