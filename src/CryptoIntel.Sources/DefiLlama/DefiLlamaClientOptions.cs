namespace CryptoIntel.Sources.DefiLlama;

/// <summary>
/// Settings of <see cref="DefiLlamaClient"/>, bound from <c>CryptoIntel:Sources:DefiLlama</c>. The free API needs no
/// key and spreads over four hosts: TVL on <see cref="SourceClientOptions.BaseAddress"/> (<c>https://api.llama.fi</c>),
/// prices on <see cref="CoinsAddress"/> (<c>https://coins.llama.fi</c>), stablecoins on <see cref="StablecoinsAddress"/>
/// (<c>https://stablecoins.llama.fi</c>) and yields on <see cref="YieldsAddress"/> (<c>https://yields.llama.fi</c>).
/// Its limit is undocumented (fair use is about 300 requests a minute per IP), so the default is a conservative 120 a
/// minute with no monthly quota; the data refreshes about hourly, so every cache duration is at least a minute.
/// </summary>
/// <remarks>
/// <para>
/// The paid plan (<see cref="SourcePlan.Paid"/>) uses <c>https://pro-api.llama.fi</c> with the paths
/// <c>/api/...</c>, <c>/coins/...</c>, <c>/stablecoins/...</c> and <c>/yields/...</c>. The Pro API takes the key as the
/// <b>first path segment</b> (<c>https://pro-api.llama.fi/&lt;key&gt;/api/protocols</c>), not in a header. The client
/// therefore inserts it in the last handler before the network: the recording handler, the client's logs and its
/// exception messages only ever see the key-less path, and the HTTP client factory's own request logging is turned
/// off for this client because it runs after that handler. Lower-level .NET HTTP tracing (the <c>System.Net.Http</c>
/// activity's <c>url.full</c>) does see the real URL: do not export those spans for this client when you use a Pro key.
/// </para>
/// </remarks>
public sealed class DefiLlamaClientOptions : SourceClientOptions
{
    private static readonly Uri ProHost = new("https://pro-api.llama.fi/");

    /// <summary>Creates options with the free API's budget and per-operation cache durations.</summary>
    public DefiLlamaClientOptions()
    {
        RequestsPerMinute = 120;
        MonthlyQuota = 0;
        DefaultCacheDuration = TimeSpan.FromMinutes(5);
        CacheDurations["protocols"] = TimeSpan.FromMinutes(10);
        CacheDurations["protocol"] = TimeSpan.FromMinutes(10);
        CacheDurations["tvl"] = TimeSpan.FromMinutes(5);
        CacheDurations["chains"] = TimeSpan.FromMinutes(10);
        CacheDurations["chains.historical_tvl"] = TimeSpan.FromHours(1);
        CacheDurations["stablecoins"] = TimeSpan.FromMinutes(10);
        CacheDurations["yields.pools"] = TimeSpan.FromMinutes(10);
        CacheDurations["coins.prices_current"] = TimeSpan.FromMinutes(1);
        CacheDurations["fees.summary"] = TimeSpan.FromHours(1);
    }

    /// <summary>Gets or sets the address of the prices API; null selects the plan's (<c>https://coins.llama.fi/</c> or <c>https://pro-api.llama.fi/coins/</c>).</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public Uri? CoinsAddress { get; set; }

    /// <summary>Gets or sets the address of the stablecoins API; null selects the plan's (<c>https://stablecoins.llama.fi/</c> or <c>https://pro-api.llama.fi/stablecoins/</c>).</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public Uri? StablecoinsAddress { get; set; }

    /// <summary>Gets or sets the address of the yields API; null selects the plan's (<c>https://yields.llama.fi/</c> or <c>https://pro-api.llama.fi/yields/</c>).</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public Uri? YieldsAddress { get; set; }

    /// <inheritdoc />
    public override Uri GetDefaultBaseAddress() => Plan == SourcePlan.Paid ? new Uri(ProHost, "api/") : new Uri("https://api.llama.fi/");

    /// <summary>Gets the effective address of the prices API, ending with a slash.</summary>
    /// <returns>The address.</returns>
    public Uri GetCoinsAddress() => WithSlash(CoinsAddress ?? (Plan == SourcePlan.Paid ? new Uri(ProHost, "coins/") : new Uri("https://coins.llama.fi/")));

    /// <summary>Gets the effective address of the stablecoins API, ending with a slash.</summary>
    /// <returns>The address.</returns>
    public Uri GetStablecoinsAddress() => WithSlash(StablecoinsAddress ?? (Plan == SourcePlan.Paid ? new Uri(ProHost, "stablecoins/") : new Uri("https://stablecoins.llama.fi/")));

    /// <summary>Gets the effective address of the yields API, ending with a slash.</summary>
    /// <returns>The address.</returns>
    public Uri GetYieldsAddress() => WithSlash(YieldsAddress ?? (Plan == SourcePlan.Paid ? new Uri(ProHost, "yields/") : new Uri("https://yields.llama.fi/")));

    private static Uri WithSlash(Uri address) => address.AbsoluteUri.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/");
}
