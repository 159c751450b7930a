namespace CryptoIntel.Realtime;

/// <summary>Names of the hub's topics.</summary>
public static class RealtimeTopics
{
    /// <summary>Every signal.</summary>
    public const string All = "all";

    /// <summary>The topic of one signal kind: <c>kind:volume-spike</c>.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The topic name.</returns>
    public static string Kind(SignalKind kind) => "kind:" + kind.Value;

    /// <summary>The topic of one asset: <c>asset:bitcoin</c>.</summary>
    /// <param name="asset">The asset.</param>
    /// <returns>The topic name.</returns>
    public static string Asset(AssetId asset) => "asset:" + asset.Value;

    /// <summary>The topic of one entity: <c>entity:aave</c>.</summary>
    /// <param name="entityId">The entity id.</param>
    /// <returns>The topic name.</returns>
    /// <exception cref="ArgumentException"><paramref name="entityId"/> is null or white space.</exception>
    public static string Entity(string entityId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entityId);
        return "entity:" + entityId.Trim().ToLowerInvariant();
    }

    /// <summary>The topic of a configured watchlist: <c>watchlist:majors</c>.</summary>
    /// <param name="name">The watchlist name.</param>
    /// <returns>The topic name.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null or white space.</exception>
    public static string Watchlist(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return "watchlist:" + name.Trim().ToLowerInvariant();
    }
}
