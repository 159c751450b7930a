using Cronos;

namespace CryptoIntel.Pipeline.Internal;

/// <summary>A parsed cron schedule (UTC), with the shortest gap between runs for the budget checks.</summary>
internal sealed class CronSchedule(CronExpression expression)
{
    public static CronSchedule Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var fields = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return new CronSchedule(CronExpression.Parse(text.Trim(), fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard));
    }

    public static bool TryParse(string? text, out string? error)
    {
        try
        {
            _ = Parse(text!);
            error = null;
            return true;
        }
        catch (Exception e) when (e is CronFormatException or ArgumentException)
        {
            error = e.Message;
            return false;
        }
    }

    public DateTimeOffset? Next(DateTimeOffset after) =>
        expression.GetNextOccurrence(after.UtcDateTime, TimeZoneInfo.Utc) is { } next ? new DateTimeOffset(next, TimeSpan.Zero) : null;

    /// <summary>The shortest gap between the next 200 runs (a schedule's worst case for the budget).</summary>
    public TimeSpan ShortestGap(DateTimeOffset from)
    {
        var shortest = TimeSpan.MaxValue;
        var previous = Next(from);
        for (var i = 0; i < 200 && previous is { } p; i++)
        {
            var next = Next(p);
            if (next is null)
            {
                break;
            }

            var gap = next.Value - p;
            shortest = gap < shortest ? gap : shortest;
            previous = next;
        }

        return shortest == TimeSpan.MaxValue ? TimeSpan.FromDays(1) : shortest;
    }
}
