using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CryptoIntel.Sources.Internal;

/// <summary>
/// Reads the provider's error code and message from an error body of any of the shapes the providers use:
/// <c>{"status":{"error_code","error_message"}}</c> (CoinGecko, CoinMarketCap), <c>{"code","msg"}</c> (Binance),
/// <c>{"error":"..."}</c> or <c>{"error":["..."]}</c> (CoinGecko, Kraken), <c>{"message"}</c>/<c>{"detail"}</c>,
/// and HTML pages (a CDN or firewall block).
/// </summary>
internal static class ErrorBodyReader
{
    private const int MaxMessageLength = 300;

    public static (string? Code, string Message) Read(ReadOnlySpan<byte> body, string? mediaType)
    {
        if (body.IsEmpty)
        {
            return (null, "empty body");
        }

        if (LooksLikeHtml(body, mediaType))
        {
            return (null, "an HTML page instead of JSON (often a CDN or firewall block)" + HtmlTitle(body));
        }

        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                if (root.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.Object)
                {
                    return (Text(status, "error_code"), Text(status, "error_message") ?? "error");
                }

                if (root.TryGetProperty("code", out _) && root.TryGetProperty("msg", out _))
                {
                    return (Text(root, "code"), Text(root, "msg") ?? "error");
                }

                if (root.TryGetProperty("error", out var error))
                {
                    return error.ValueKind switch
                    {
                        JsonValueKind.String => (null, Clip(error.GetString())),
                        JsonValueKind.Array when error.GetArrayLength() > 0 => (null, Clip(string.Join("; ", error.EnumerateArray().Select(e => e.ToString())))),
                        JsonValueKind.Object => (Text(error, "code"), Text(error, "message") ?? Clip(error.GetRawText())),
                        _ => (null, Clip(error.GetRawText())),
                    };
                }

                foreach (var name in (ReadOnlySpan<string>)["message", "detail", "msg", "status_message"])
                {
                    if (Text(root, name) is { } message)
                    {
                        return (null, message);
                    }
                }
            }

            return (null, "an unrecognised error body");
        }
        catch (JsonException)
        {
            return (null, "a body that is not JSON");
        }
    }

    public static bool LooksLikeHtml(ReadOnlySpan<byte> body, string? mediaType)
    {
        if (mediaType is not null && mediaType.Contains("html", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var trimmed = body.TrimStart(" \t\r\n"u8);
        if (trimmed.StartsWith("\uFEFF"u8))
        {
            trimmed = trimmed[3..];
        }

        return trimmed.Length > 0 && trimmed[0] == (byte)'<';
    }

    private static string HtmlTitle(ReadOnlySpan<byte> body)
    {
        var text = Encoding.UTF8.GetString(body[..Math.Min(body.Length, 8192)]);
        var start = text.IndexOf("<title>", StringComparison.OrdinalIgnoreCase);
        var end = start < 0 ? -1 : text.IndexOf("</title>", start, StringComparison.OrdinalIgnoreCase);
        return start >= 0 && end > start ? ": \"" + Clip(text[(start + 7)..end].Trim()) + "\"" : string.Empty;
    }

    private static string? Text(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => Clip(value.GetString()),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.Null => null,
            _ => Clip(value.GetRawText()),
        };
    }

    private static string Clip(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var oneLine = text.ReplaceLineEndings(" ");
        return oneLine.Length <= MaxMessageLength ? oneLine : string.Concat(oneLine.AsSpan(0, MaxMessageLength), "...");
    }

    public static string FormatStatus(int status) => status.ToString(CultureInfo.InvariantCulture);
}
