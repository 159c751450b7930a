using System.Buffers;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CryptoIntel.Web.Http;

/// <summary>
/// Reads and checks request parameters (given as raw strings so every bad value gets a clear message), collecting
/// every error; <see cref="Problem"/> turns them into one RFC 7807 validation problem (400).
/// </summary>
internal sealed class QueryValidator
{
    /// <summary>The longest free-text parameter accepted.</summary>
    public const int MaxTextLength = 100;

    private static readonly SearchValues<char> IdChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.");

    private static readonly DateTimeOffset Earliest = new(2009, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The longest cursor accepted.</summary>
    public const int MaxCursorLength = 1024;

    /// <summary>The message for a cursor this API did not issue.</summary>
    public const string CursorMessage = "'cursor' is not a cursor this API issued; pass back 'nextCursor' unchanged.";

    private static readonly SearchValues<char> CursorChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~=:+/");

    private Dictionary<string, string[]>? _errors;

    public bool HasErrors => _errors is not null;

    public ValidationProblem Problem() => TypedResults.ValidationProblem(
        _errors ?? [],
        detail: "One or more parameters are not valid.",
        title: "Invalid parameters");

    public void Error(string name, string message)
    {
        _errors ??= new Dictionary<string, string[]>(StringComparer.Ordinal);
        _errors[name] = _errors.TryGetValue(name, out var existing) ? [.. existing, message] : [message];
    }

    /// <summary>A page size between 1 and <paramref name="max"/>.</summary>
    public int Limit(string? value, int defaultValue, int max, string name = "limit") =>
        Integer(value, name, defaultValue, 1, max);

    public int Integer(string? value, string name, int defaultValue, int min, int max)
    {
        if (value is null)
        {
            return defaultValue;
        }

        if (value.Length > 12 || !int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            Error(name, string.Create(CultureInfo.InvariantCulture, $"'{name}' must be a whole number between {min} and {max}."));
            return defaultValue;
        }

        if (parsed < min || parsed > max)
        {
            Error(name, string.Create(CultureInfo.InvariantCulture, $"'{name}' must be between {min} and {max}."));
            return defaultValue;
        }

        return parsed;
    }

    public double Number(string? value, string name, double defaultValue, double min, double max)
    {
        if (value is null)
        {
            return defaultValue;
        }

        if (value.Length > 24 || !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
            || !double.IsFinite(parsed) || parsed < min || parsed > max)
        {
            Error(name, string.Create(CultureInfo.InvariantCulture, $"'{name}' must be a number between {min} and {max}."));
            return defaultValue;
        }

        return parsed;
    }

    /// <summary>An opaque cursor from a previous page (checked for shape here, for meaning by the store).</summary>
    public string? Cursor(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Length is 0 or > MaxCursorLength || value.AsSpan().ContainsAnyExcept(CursorChars))
        {
            Error("cursor", CursorMessage);
            return null;
        }

        return value;
    }

    /// <summary>One of <paramref name="allowed"/> (case-insensitive), returned in its canonical spelling.</summary>
    public string OneOf(string? value, string name, IReadOnlyList<string> allowed, string defaultValue)
    {
        if (value is null)
        {
            return defaultValue;
        }

        if (value.Length <= 40)
        {
            foreach (var candidate in allowed)
            {
                if (string.Equals(candidate, value, StringComparison.OrdinalIgnoreCase))
                {
                    return candidate;
                }
            }
        }

        Error(name, $"'{name}' must be one of: {string.Join(", ", allowed)}.");
        return defaultValue;
    }

    /// <summary>An identifier: 1 to 100 letters, digits, '-', '_' or '.', lower-cased.</summary>
    public string Id(string? value, string name, bool required = true)
    {
        if (value is null)
        {
            if (required)
            {
                Error(name, $"'{name}' is required.");
            }

            return string.Empty;
        }

        if (value.Length is 0 or > 100 || value.AsSpan().ContainsAnyExcept(IdChars) || value[0] is '.' or '-')
        {
            Error(name, $"'{name}' must be 1 to 100 letters, digits, '-', '_' or '.'.");
            return string.Empty;
        }

        return value.ToLowerInvariant();
    }

    /// <summary>An optional identifier (null when absent).</summary>
    public string? OptionalId(string? value, string name) => value is null ? null : Id(value, name);

    /// <summary>Free text up to <see cref="MaxTextLength"/> characters with no control characters.</summary>
    public string? Text(string? value, string name)
    {
        if (value is null)
        {
            return null;
        }

        var trimmed = value.Trim();
        if (trimmed.Length is 0 or > MaxTextLength || trimmed.AsSpan().ContainsAnyInRange('\0', '\u001f'))
        {
            Error(name, string.Create(CultureInfo.InvariantCulture, $"'{name}' must be 1 to {MaxTextLength} printable characters."));
            return null;
        }

        return trimmed;
    }

    /// <summary>An ISO 8601 instant between 2009 and a day from now.</summary>
    public DateTimeOffset? Instant(string? value, string name, DateTimeOffset now)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Length > 40
            || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            Error(name, $"'{name}' must be an ISO 8601 date or date-time, e.g. 2025-01-31T12:00:00Z.");
            return null;
        }

        if (parsed < Earliest || parsed > now.AddDays(1))
        {
            Error(name, $"'{name}' must be between 2009-01-01 and tomorrow.");
            return null;
        }

        return parsed.ToUniversalTime();
    }

    /// <summary>Checks that <paramref name="from"/> is before <paramref name="to"/>.</summary>
    public void Range(DateTimeOffset? from, DateTimeOffset? to)
    {
        if (from is { } f && to is { } t && f >= t)
        {
            Error("from", "'from' must be before 'to'.");
        }
    }
}
