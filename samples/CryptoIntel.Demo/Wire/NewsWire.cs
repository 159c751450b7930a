using System.Globalization;
using System.Xml.Linq;

namespace CryptoIntel.Demo.Wire;

/// <summary>News: CryptoPanic (RSS and the posts API) and plain RSS feeds, all from the simulator's templated news.</summary>
internal static class NewsWire
{
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

    public static WireResponse CryptoPanic(MarketSimulator sim, WireRequest request)
    {
        if (request.Path.Contains("/posts", StringComparison.Ordinal))
        {
            return Posts(sim, request);
        }

        return Rss(sim, "CryptoPanic (demo)", "https://cryptopanic.com/", sim.NewsNow(50), withSource: true);
    }

    /// <summary>A news site's feed: each outlet's own items when the host is one, else every outlet's.</summary>
    public static WireResponse Feed(MarketSimulator sim, WireRequest request)
    {
        var news = sim.NewsNow(200);
        // The default feeds (two sites) split the outlets between them, so merged they hold each item once.
        var half = request.Path.Contains("outboundfeeds", StringComparison.Ordinal) ? 0 : request.Path.EndsWith("/rss", StringComparison.Ordinal) ? 1 : -1;
        var items = news.Where(n => half < 0 || (n.Id % 2) == half).Take(40).ToList();
        return Rss(sim, "Demo desk: " + request.Host, "https://" + request.Host + "/", items, withSource: false);
    }

    private static WireResponse Rss(MarketSimulator sim, string title, string link, IReadOnlyList<DemoNews> items, bool withSource)
    {
        var channel = new XElement("channel",
            new XElement("title", title),
            new XElement("link", link),
            new XElement("description", "Simulated news of the CryptoIntel demo market"),
            new XElement("lastBuildDate", sim.Now.ToString("r", CultureInfo.InvariantCulture)));
        foreach (var n in items)
        {
            var item = new XElement("item",
                new XElement("title", n.Title),
                new XElement("link", n.Url.AbsoluteUri),
                new XElement("guid", new XAttribute("isPermaLink", "false"), "demo-" + n.Id.ToString(CultureInfo.InvariantCulture)),
                new XElement("pubDate", n.Time.ToString("r", CultureInfo.InvariantCulture)),
                new XElement("description", n.Summary),
                new XElement(Dc + "creator", "Demo Desk"));
            foreach (var symbol in n.Symbols)
            {
                item.Add(new XElement("category", symbol));
            }

            if (withSource)
            {
                item.Add(new XElement("source", new XAttribute("url", "https://" + n.Outlet), n.Outlet));
            }

            channel.Add(item);
        }

        var document = new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement("rss", new XAttribute("version", "2.0"), new XAttribute(XNamespace.Xmlns + "dc", Dc.NamespaceName), channel));
        return WireResponse.Xml(document.Declaration + "\n" + document.ToString(SaveOptions.DisableFormatting));
    }

    private static WireResponse Posts(MarketSimulator sim, WireRequest request)
    {
        var currencies = request.List("currencies").Select(c => c.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
        var page = request.Int("page", 1, 1, 10);
        var all = sim.NewsNow(200).Where(n => currencies.Count == 0 || n.Symbols.Any(currencies.Contains)).ToList();
        var items = all.Skip((page - 1) * 20).Take(20).ToList();
        var hasNext = all.Count > page * 20;
        return WireResponse.Json(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("count", all.Count);
            if (hasNext)
            {
                w.WriteString("next", "https://cryptopanic.com/api/developer/v2/posts/?page=" + (page + 1).ToString(CultureInfo.InvariantCulture) + (currencies.Count > 0 ? "&currencies=" + string.Join(',', currencies) : string.Empty));
            }
            else
            {
                w.WriteNull("next");
            }

            w.WriteNull("previous");
            w.WriteStartArray("results");
            foreach (var n in items)
            {
                w.WriteStartObject();
                w.WriteNumber("id", n.Id);
                w.WriteString("kind", "news");
                w.WriteString("domain", n.Outlet);
                w.WriteStartObject("source");
                w.WriteString("title", n.Outlet);
                w.WriteString("region", "en");
                w.WriteString("domain", n.Outlet);
                w.WriteNull("path");
                w.WriteEndObject();
                w.WriteString("title", n.Title);
                w.WriteString("description", n.Summary);
                w.WriteString("published_at", n.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                w.WriteString("created_at", n.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                w.WriteString("url", "https://cryptopanic.com/news/" + n.Id.ToString(CultureInfo.InvariantCulture) + "/demo");
                w.WriteString("original_url", n.Url.AbsoluteUri);
                w.WriteStartArray("currencies");
                foreach (var symbol in n.Symbols)
                {
                    var asset = sim.Assets.FirstOrDefault(a => string.Equals(a.Symbol, symbol, StringComparison.OrdinalIgnoreCase));
                    w.WriteStartObject();
                    w.WriteString("code", symbol);
                    w.WriteString("title", asset?.Name ?? symbol);
                    w.WriteString("slug", asset?.Id ?? symbol.ToLowerInvariant());
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteStartObject("votes");
                var weight = (int)Math.Round(Math.Abs(n.Sentiment) * 12);
                w.WriteNumber("negative", n.Sentiment < 0 ? weight : 0);
                w.WriteNumber("positive", n.Sentiment > 0 ? weight : 0);
                w.WriteNumber("important", Math.Abs(n.Sentiment) > 0.5 ? 3 : 0);
                w.WriteNumber("liked", 0);
                w.WriteNumber("disliked", 0);
                w.WriteNumber("lol", 0);
                w.WriteNumber("toxic", 0);
                w.WriteNumber("saved", 0);
                w.WriteNumber("comments", 0);
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }
}
