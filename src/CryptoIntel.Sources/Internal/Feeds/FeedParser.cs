using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace CryptoIntel.Sources.Internal.Feeds;

/// <summary>
/// The one parser of news feeds (RSS 2.0, RSS 1.0/RDF and Atom) into <see cref="NewsItem"/>, shared by the news RSS
/// client and CryptoPanic's RSS feed. DTDs are prohibited and no external resource is ever resolved (no XXE, no
/// entity expansion bombs); malformed XML raises <see cref="XmlException"/>, which the caller reports as an invalid response.
/// </summary>
internal static class FeedParser
{
    private const long MaxCharacters = 32L * 1024 * 1024;

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";

    private static readonly XmlReaderSettings Settings = new()
    {
        Async = true,
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxCharacters,
        MaxCharactersFromEntities = 0,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    /// <summary>Creates a parser that names every item's <see cref="NewsItem.Source"/> <paramref name="source"/>.</summary>
    public static ResponseParser<IReadOnlyList<NewsItem>> For(string source) =>
        (body, cancellationToken) => ParseAsync(body, source, cancellationToken);

    public static async ValueTask<IReadOnlyList<NewsItem>> ParseAsync(Stream body, string source, CancellationToken cancellationToken)
    {
        using var reader = XmlReader.Create(body, Settings);
        var document = await XDocument.LoadAsync(reader, LoadOptions.None, cancellationToken).ConfigureAwait(false);
        var root = document.Root ?? throw new FormatException("The body has no root element.");
        IEnumerable<XElement> items = root.Name.LocalName switch
        {
            "rss" => root.Elements("channel").Elements("item"),
            "RDF" => root.Elements().Where(e => e.Name.LocalName == "item"),
            "feed" when root.Name.Namespace == Atom => root.Elements(Atom + "entry"),
            _ => throw new FormatException($"The body is not an RSS or Atom feed (its root element is <{Clip(root.Name.LocalName)}>)."),
        };

        var result = new List<NewsItem>();
        foreach (var item in items)
        {
            if ((item.Name.Namespace == Atom ? Entry(item, source) : Item(item, source)) is { } news)
            {
                result.Add(news);
            }
        }

        return result;
    }

    /// <summary>Removes <c>utm_*</c> tracking parameters from a link; null when the text is not an absolute http(s) address.</summary>
    public static Uri? CleanLink(string? text)
    {
        if (!Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return null;
        }

        if (uri.Query.Length <= 1)
        {
            return uri;
        }

        var kept = uri.Query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.StartsWith("utm_", StringComparison.OrdinalIgnoreCase))
            .ToArray();
        return new UriBuilder(uri) { Query = string.Join('&', kept) }.Uri;
    }

    // RSS 2.0 <item> (no namespace) and RSS 1.0 <item> (its own namespace).
    private static NewsItem? Item(XElement item, string source)
    {
        var ns = item.Name.Namespace;
        var title = PlainText.FromHtml(Text(item.Element(ns + "title")));
        var link = CleanLink(Text(item.Element(ns + "link")));
        var guid = Text(item.Element(ns + "guid"))?.Trim();
        var published = FeedDates.Parse(Text(item.Element(ns + "pubDate")) ?? Text(item.Element(Dc + "date")));
        if (published is null || (title.Length == 0 && link is null))
        {
            return null; // an item without a readable date or without title and link cannot be placed
        }

        var summary = PlainText.FromHtml(Text(item.Element(ns + "description")) ?? Text(item.Element(Content + "encoded")));
        var author = Text(item.Element(Dc + "creator")) ?? Text(item.Element(ns + "author"));
        var outlet = Text(item.Element(ns + "source"))?.Trim();
        return new NewsItem(Id(guid, link, title), source, title, link, published.Value)
        {
            Summary = summary.Length > 0 ? summary : null,
            Author = string.IsNullOrWhiteSpace(author) ? null : PlainText.FromHtml(author),
            Outlet = string.IsNullOrEmpty(outlet) ? Host(link) : outlet,
            Categories = [.. item.Elements(ns + "category").Select(c => PlainText.FromHtml(c.Value)).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal)],
        };
    }

    private static NewsItem? Entry(XElement entry, string source)
    {
        var title = PlainText.FromHtml(Text(entry.Element(Atom + "title")));
        var links = entry.Elements(Atom + "link").ToList();
        var href = (links.FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate") ?? links.FirstOrDefault())?.Attribute("href")?.Value;
        var link = CleanLink(href);
        var published = FeedDates.Parse(Text(entry.Element(Atom + "published")) ?? Text(entry.Element(Atom + "updated")));
        if (published is null || (title.Length == 0 && link is null))
        {
            return null;
        }

        var summary = PlainText.FromHtml(Text(entry.Element(Atom + "summary")) ?? Text(entry.Element(Atom + "content")));
        var author = Text(entry.Element(Atom + "author")?.Element(Atom + "name"));
        return new NewsItem(Id(Text(entry.Element(Atom + "id"))?.Trim(), link, title), source, title, link, published.Value)
        {
            Summary = summary.Length > 0 ? summary : null,
            Author = string.IsNullOrWhiteSpace(author) ? null : author.Trim(),
            Outlet = Host(link),
            Categories = [.. entry.Elements(Atom + "category").Select(c => (string?)c.Attribute("term")).OfType<string>().Where(c => c.Length > 0).Distinct(StringComparer.Ordinal)],
        };
    }

    private static string? Text(XElement? element) => element?.Value is { Length: > 0 } value ? value : null;

    private static string Id(string? guid, Uri? link, string title) =>
        !string.IsNullOrEmpty(guid) ? guid : link?.AbsoluteUri ?? "title:" + title;

    private static string? Host(Uri? link) =>
        link is null ? null : link.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? link.Host[4..] : link.Host;

    private static string Clip(string text) => text.Length <= 40 ? text : string.Create(CultureInfo.InvariantCulture, $"{text[..40]}...");
}
