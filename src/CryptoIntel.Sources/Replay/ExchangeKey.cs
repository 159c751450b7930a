using System.Text;
using CryptoIntel.Sources.Internal;

namespace CryptoIntel.Sources.Replay;

/// <summary>How a request is matched to a recording: method, path and the query with parameters sorted and secrets removed.</summary>
internal static class ExchangeKey
{
    public static string Of(string method, string path, string query) =>
        method.ToUpperInvariant() + " " + path + (query.Length > 0 ? "?" + query : string.Empty);

    public static string Of(HttpRequestMessage request)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        return Of(request.Method.Method, uri.AbsolutePath, CanonicalQuery(uri.Query));
    }

    /// <summary>Sorts the parameters by name (then value) and drops those that carry secrets.</summary>
    public static string CanonicalQuery(string query)
    {
        var text = query.StartsWith('?') ? query[1..] : query;
        if (text.Length == 0)
        {
            return string.Empty;
        }

        var pairs = text.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => !SourceHeaders.IsSecretParameter(pair.AsSpan(0, pair.IndexOf('=') is var i and >= 0 ? i : pair.Length)))
            .Order(StringComparer.Ordinal);
        return string.Join('&', pairs);
    }

    public static string FileStem(string path)
    {
        var builder = new StringBuilder();
        foreach (var c in path.Trim('/'))
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_');
            if (builder.Length >= 80)
            {
                break;
            }
        }

        return builder.Length == 0 ? "root" : builder.ToString();
    }
}
