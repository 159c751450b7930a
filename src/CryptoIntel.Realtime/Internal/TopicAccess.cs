using System.Security.Claims;

namespace CryptoIntel.Realtime.Internal;

/// <summary>Decides whether a principal may read a topic, from its <see cref="RealtimeOptions.TopicsClaimType"/> claims.</summary>
internal static class TopicAccess
{
    public static bool IsAllowed(ClaimsPrincipal? user, string topic)
    {
        if (user is null)
        {
            return true;
        }

        var any = false;
        foreach (var claim in user.FindAll(RealtimeOptions.TopicsClaimType))
        {
            foreach (var pattern in claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                any = true;
                if (Matches(pattern, topic))
                {
                    return true;
                }
            }
        }

        return !any;
    }

    public static bool Matches(string pattern, string topic)
    {
        if (pattern == "*")
        {
            return true;
        }

        return pattern.EndsWith('*')
            ? topic.StartsWith(pattern[..^1], StringComparison.OrdinalIgnoreCase)
            : string.Equals(pattern, topic, StringComparison.OrdinalIgnoreCase);
    }
}
