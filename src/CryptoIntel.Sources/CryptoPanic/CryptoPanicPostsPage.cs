namespace CryptoIntel.Sources.CryptoPanic;

/// <summary>One page of the CryptoPanic posts API.</summary>
/// <param name="Items">The posts as news items (<c>results</c>).</param>
/// <param name="TotalCount">How many posts match in all (<c>count</c>), when sent.</param>
/// <param name="NextPage">The next page's address with the <c>auth_token</c> removed (<c>next</c>), or null on the last page.</param>
public sealed record CryptoPanicPostsPage(IReadOnlyList<NewsItem> Items, long? TotalCount, Uri? NextPage);
