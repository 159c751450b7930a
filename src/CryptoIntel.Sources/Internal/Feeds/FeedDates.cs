using System.Globalization;

namespace CryptoIntel.Sources.Internal.Feeds;

/// <summary>Reads feed dates: RFC 822/1123 (RSS, with numeric offsets or named zones) and ISO 8601 (Atom).</summary>
internal static class FeedDates
{
    private static readonly Dictionary<string, TimeSpan> Zones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UT"] = TimeSpan.Zero, ["UTC"] = TimeSpan.Zero, ["GMT"] = TimeSpan.Zero, ["Z"] = TimeSpan.Zero,
        ["EST"] = TimeSpan.FromHours(-5), ["EDT"] = TimeSpan.FromHours(-4),
        ["CST"] = TimeSpan.FromHours(-6), ["CDT"] = TimeSpan.FromHours(-5),
        ["MST"] = TimeSpan.FromHours(-7), ["MDT"] = TimeSpan.FromHours(-6),
        ["PST"] = TimeSpan.FromHours(-8), ["PDT"] = TimeSpan.FromHours(-7),
    };

    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>Parses a date, returning it in UTC, or null when it cannot be read.</summary>
    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        return Rfc822(text) ?? (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var iso)
            ? iso.ToUniversalTime()
            : null);
    }

    // [Day, ] DD Mon YYYY HH:MM[:SS] Zone
    private static DateTimeOffset? Rfc822(string text)
    {
        var comma = text.IndexOf(',', StringComparison.Ordinal);
        var rest = comma >= 0 ? text[(comma + 1)..] : text;
        var parts = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length is < 4 or > 5
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || parts[1].Length < 3
            || Array.IndexOf(Months, parts[1][..3].ToLowerInvariant()) is var month && month < 0
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return null;
        }

        if (year < 100)
        {
            year += year < 50 ? 2000 : 1900;
        }

        var time = parts[3].Split(':');
        if (time.Length is < 2 or > 3
            || !int.TryParse(time[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hour)
            || !int.TryParse(time[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minute))
        {
            return null;
        }

        var second = 0;
        if (time.Length == 3 && !int.TryParse(time[2], NumberStyles.None, CultureInfo.InvariantCulture, out second))
        {
            return null;
        }

        TimeSpan offset;
        if (parts.Length == 4)
        {
            offset = TimeSpan.Zero;
        }
        else if (Zones.TryGetValue(parts[4], out var named))
        {
            offset = named;
        }
        else if (parts[4] is [('+' or '-') and var sign, _, _, _, _] zone
            && int.TryParse(zone.AsSpan(1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var oh)
            && int.TryParse(zone.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var om))
        {
            offset = new TimeSpan(oh, om, 0) * (sign == '-' ? -1 : 1);
        }
        else
        {
            return null;
        }

        try
        {
            return new DateTimeOffset(year, month + 1, day, hour, minute, second, offset).ToUniversalTime();
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
