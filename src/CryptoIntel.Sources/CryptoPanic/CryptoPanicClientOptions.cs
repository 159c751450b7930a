using System.ComponentModel.DataAnnotations;

namespace CryptoIntel.Sources.CryptoPanic;

/// <summary>
/// Settings of <see cref="CryptoPanicClient"/>, bound from <c>CryptoIntel:Sources:CryptoPanic</c>. The defaults:
/// <c>https://cryptopanic.com/</c>, posts API at <c>api/{ApiPlan}/v2/posts/</c> with <see cref="ApiPlan"/>
/// <c>developer</c>, 10 requests a minute, no monthly quota (set <see cref="SourceClientOptions.MonthlyQuota"/> from
/// your plan), posts cached 5 minutes and the RSS feed 5 minutes.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="SourceClientOptions.ApiKey"/> is the CryptoPanic <c>auth_token</c>. CryptoPanic accepts it only as a
/// query parameter (the one exception to "keys in headers"): the client adds it to the request URI only, keeps it out
/// of cache keys, logs and exception messages, removes it from the <c>next</c> links the API echoes it in, and
/// recordings drop it.
/// </para>
/// <para>
/// CryptoPanic discontinued its free plan, so without an <see cref="SourceClientOptions.ApiKey"/> the default
/// collection path (<see cref="CryptoPanicClient.GetLatestAsync"/>) reads the free RSS feed (<c>news/rss/</c>, 20
/// items, no votes or currencies) instead of the posts API. <see cref="SourceClientOptions.Enabled"/> stays true.
/// </para>
/// </remarks>
public sealed class CryptoPanicClientOptions : SourceClientOptions
{
    /// <summary>Creates options with the defaults.</summary>
    public CryptoPanicClientOptions()
    {
        RequestsPerMinute = 10;
        MonthlyQuota = 0;
        DefaultCacheDuration = TimeSpan.FromMinutes(5);
        CacheDurations["posts"] = TimeSpan.FromMinutes(5);
        CacheDurations["rss"] = TimeSpan.FromMinutes(5);
    }

    /// <summary>Gets or sets the plan segment of the posts path: <c>developer</c>, <c>growth</c> or <c>enterprise</c>.</summary>
    /// <value>The default is <c>developer</c>.</value>
    [Required]
    [RegularExpression("^[a-z]+$")]
    public string ApiPlan { get; set; } = "developer";

    /// <summary>Gets or sets a value indicating whether the legacy <c>api/v1/posts/</c> path is used instead of <c>api/{ApiPlan}/v2/posts/</c>.</summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool UseLegacyV1Path { get; set; }

    /// <summary>Gets or sets the path of the RSS feed, relative to the base address.</summary>
    /// <value>The default is <c>news/rss/</c>.</value>
    [Required]
    public string RssPath { get; set; } = "news/rss/";

    /// <summary>Gets the path of the posts API, relative to the base address.</summary>
    /// <returns><c>api/v1/posts/</c> or <c>api/{ApiPlan}/v2/posts/</c>.</returns>
    public string GetPostsPath() => UseLegacyV1Path ? "api/v1/posts/" : "api/" + Uri.EscapeDataString(ApiPlan) + "/v2/posts/";

    /// <inheritdoc />
    public override Uri GetDefaultBaseAddress() => new("https://cryptopanic.com/");
}
