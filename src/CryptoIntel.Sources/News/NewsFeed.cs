namespace CryptoIntel.Sources.News;

/// <summary>One news feed (RSS 2.0, RSS 1.0 or Atom) that <see cref="NewsFeedClient"/> reads.</summary>
public sealed class NewsFeed
{
    /// <summary>Creates an empty feed entry (for configuration binding).</summary>
    public NewsFeed()
    {
    }

    /// <summary>Creates a feed entry.</summary>
    /// <param name="name">The short name, used as <see cref="NewsItem.Source"/>, e.g. <c>coindesk</c>.</param>
    /// <param name="uri">The feed address (absolute, or relative to <see cref="SourceClientOptions.BaseAddress"/>).</param>
    public NewsFeed(string name, Uri uri)
    {
        Name = name;
        Uri = uri;
    }

    /// <summary>Gets or sets the short name, used as <see cref="NewsItem.Source"/>, e.g. <c>coindesk</c>.</summary>
    /// <value>The default is an empty string (invalid).</value>
    public string Name { get; set; } = string.Empty;

    /// <summary>Gets or sets the feed address (absolute, or relative to <see cref="SourceClientOptions.BaseAddress"/>).</summary>
    /// <value>The default is <see langword="null"/> (invalid).</value>
    public Uri? Uri { get; set; }
}
