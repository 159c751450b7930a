using System.Net;
using System.Text;

namespace CryptoIntel.Sources.Internal.Feeds;

/// <summary>Turns the HTML fragments that news sources put in titles and descriptions into plain text.</summary>
internal static class PlainText
{
    /// <summary>Removes tags (and the content of <c>script</c> and <c>style</c>), decodes entities and collapses white space.</summary>
    public static string FromHtml(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return string.Empty;
        }

        var text = html.AsSpan();
        var builder = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '<' && i + 1 < text.Length && (char.IsAsciiLetter(text[i + 1]) || text[i + 1] is '/' or '!' or '?'))
            {
                var end = text[i..].IndexOf('>');
                if (end < 0)
                {
                    break; // an unterminated tag: drop the rest rather than show markup
                }

                var tag = text.Slice(i + 1, end - 1);
                i += end + 1;
                if (StartsWithName(tag, "script") || StartsWithName(tag, "style"))
                {
                    var close = text[i..].IndexOf(StartsWithName(tag, "script") ? "</script" : "</style", StringComparison.OrdinalIgnoreCase);
                    if (close < 0)
                    {
                        break;
                    }

                    var closeEnd = text[(i + close)..].IndexOf('>');
                    i = closeEnd < 0 ? text.Length : i + close + closeEnd + 1;
                }

                // Block elements separate words; inline ones (b, em, span, a) sit inside text.
                if (IsBlock(tag))
                {
                    builder.Append(' ');
                }

                continue;
            }

            builder.Append(c);
            i++;
        }

        var decoded = WebUtility.HtmlDecode(builder.ToString());
        return Collapse(decoded);
    }

    private static readonly string[] BlockNames =
    [
        "p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table",
        "img", "hr", "blockquote", "section", "article", "figure", "figcaption", "pre", "script", "style",
    ];

    private static bool IsBlock(ReadOnlySpan<char> tag)
    {
        var name = tag.TrimStart('/');
        foreach (var block in BlockNames)
        {
            if (StartsWithName(name, block))
            {
                return true;
            }
        }

        return false;
    }

    private static bool StartsWithName(ReadOnlySpan<char> tag, string name) =>
        tag.StartsWith(name, StringComparison.OrdinalIgnoreCase) && (tag.Length == name.Length || !char.IsAsciiLetterOrDigit(tag[name.Length]));

    private static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
