using Microsoft.Extensions.Options;

namespace CryptoIntel.Realtime.Internal;

/// <summary>Knows the topics: which ones a signal goes to, and whether a name a client sends is one.</summary>
internal sealed class TopicRouter
{
    public const int MaxTopicLength = 200;

    private readonly Dictionary<string, HashSet<string>> _watchlists;

    public TopicRouter(IOptions<RealtimeOptions> options)
    {
        _watchlists = options.Value.Watchlists.ToDictionary(
            w => w.Key.Trim().ToLowerInvariant(),
            w => w.Value.Select(v => v.Trim().ToLowerInvariant()).ToHashSet(StringComparer.Ordinal),
            StringComparer.Ordinal);
    }

    /// <summary>The topics a signal is published on, <c>all</c> first.</summary>
    public List<string> Route(Signal signal)
    {
        var topics = new List<string>(6) { RealtimeTopics.All, "kind:" + signal.Kind.Value };
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (signal.Asset is { IsEmpty: false } asset)
        {
            topics.Add("asset:" + asset.Value);
            ids.Add(asset.Value);
        }

        var entities = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entity in signal.Entities)
        {
            if (!string.IsNullOrWhiteSpace(entity))
            {
                var id = entity.Trim().ToLowerInvariant();
                if (entities.Add(id))
                {
                    topics.Add("entity:" + id);
                    ids.Add(id);
                }
            }
        }

        foreach (var (name, members) in _watchlists)
        {
            if (ids.Overlaps(members))
            {
                topics.Add("watchlist:" + name);
            }
        }

        return topics;
    }

    /// <summary>Normalizes a topic name a client sent, or says what is wrong with it.</summary>
    public bool TryNormalize(string? topic, out string normalized, out string error)
    {
        normalized = string.Empty;
        if (string.IsNullOrWhiteSpace(topic))
        {
            error = "A topic is required: all, kind:<kind>, asset:<asset id>, entity:<entity id> or watchlist:<name>.";
            return false;
        }

        if (topic.Length > MaxTopicLength)
        {
            error = $"The topic is longer than {MaxTopicLength} characters.";
            return false;
        }

        var text = topic.Trim().ToLowerInvariant();
        if (text == RealtimeTopics.All)
        {
            normalized = text;
            error = string.Empty;
            return true;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var prefix = colon > 0 ? text[..colon] : text;
        var value = colon > 0 ? text[(colon + 1)..].Trim() : string.Empty;
        if (prefix is not ("kind" or "asset" or "entity" or "watchlist"))
        {
            error = $"Unknown topic '{Truncate(topic)}': use all, kind:<kind>, asset:<asset id>, entity:<entity id> or watchlist:<name>.";
            return false;
        }

        if (value.Length == 0 || value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            error = $"The topic '{Truncate(topic)}' needs a value after '{prefix}:' without spaces.";
            return false;
        }

        if (prefix == "watchlist" && !_watchlists.ContainsKey(value))
        {
            error = $"Unknown watchlist '{Truncate(value)}'.";
            return false;
        }

        normalized = prefix + ":" + value;
        error = string.Empty;
        return true;
    }

    private static string Truncate(string text) => text.Length <= 64 ? text : text[..64] + "...";
}
