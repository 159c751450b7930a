using CryptoIntel.Entities.Internal;

namespace CryptoIntel.Entities;

/// <summary>
/// Groups syndicated copies of one story (near-identical titles from several outlets) so that counts and signals
/// are not inflated. Titles are cut into word shingles (single words and word pairs, case and punctuation
/// folded); a 64-value MinHash signature estimates their Jaccard similarity, and locality-sensitive hashing
/// (16 bands of 4 rows) finds candidate stories without comparing against every open story.
/// </summary>
/// <remarks>Thread-safe. Memory is bounded by <see cref="StoryDeduplicatorOptions.MaxStories"/> and the window.</remarks>
public sealed class StoryDeduplicator
{
    private const int Hashes = 64;
    private const int Bands = 16;
    private const int Rows = Hashes / Bands;

    private static readonly (ulong A, ulong B)[] Permutations = CreatePermutations();

    private readonly TimeProvider _timeProvider;
    private readonly StoryDeduplicatorOptions _options;
    private readonly Lock _gate = new();
    private readonly Dictionary<ulong, List<StoryState>> _bands = [];
    private readonly LinkedList<StoryState> _byAge = new();

    /// <summary>Creates a deduplicator.</summary>
    /// <param name="timeProvider">The clock that stamps items and expires stories.</param>
    /// <param name="options">The options; null for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="timeProvider"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range.</exception>
    public StoryDeduplicator(TimeProvider timeProvider, StoryDeduplicatorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        options ??= new StoryDeduplicatorOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.SimilarityThreshold, 0.05, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.SimilarityThreshold, 1.0, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Window, TimeSpan.FromMinutes(1), nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Window, TimeSpan.FromDays(30), nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxStories, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxMembersPerStory, 1, nameof(options));
        _timeProvider = timeProvider;
        _options = options;
    }

    /// <summary>Gets the number of open stories.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _byAge.Count;
            }
        }
    }

    /// <summary>Adds an item: it joins the most similar open story, or starts a new one.</summary>
    /// <param name="item">The news item.</param>
    /// <returns>The story and whether the item started it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is null.</exception>
    public StoryAssignment Add(NewsItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var signature = Signature(item.Title ?? string.Empty);
        var now = _timeProvider.GetUtcNow();
        lock (_gate)
        {
            Expire(now);
            StoryState? best = null;
            var bestSimilarity = 0.0;
            if (signature is not null)
            {
                for (var b = 0; b < Bands; b++)
                {
                    if (!_bands.TryGetValue(BandKey(signature, b), out var list))
                    {
                        continue;
                    }

                    foreach (var story in list)
                    {
                        var similarity = Similarity(signature, story.Signature!);
                        if (similarity > bestSimilarity)
                        {
                            bestSimilarity = similarity;
                            best = story;
                        }
                    }
                }
            }

            if (best is not null && bestSimilarity >= _options.SimilarityThreshold)
            {
                best.MemberCount++;
                if (best.Members.Count < _options.MaxMembersPerStory)
                {
                    best.Members.Add(item);
                }

                best.LastSeen = now;
                _byAge.Remove(best.Node);
                _byAge.AddLast(best.Node);
                return new StoryAssignment(best.Snapshot(), false, bestSimilarity);
            }

            var created = new StoryState($"{item.Source}:{item.Id}", item, signature, now);
            created.Node = _byAge.AddLast(created);
            if (signature is not null)
            {
                for (var b = 0; b < Bands; b++)
                {
                    var key = BandKey(signature, b);
                    if (!_bands.TryGetValue(key, out var list))
                    {
                        list = new List<StoryState>(1);
                        _bands.Add(key, list);
                    }

                    list.Add(created);
                }
            }

            while (_byAge.Count > _options.MaxStories)
            {
                Remove(_byAge.First!.Value);
            }

            return new StoryAssignment(created.Snapshot(), true, 1.0);
        }
    }

    /// <summary>Estimates the Jaccard similarity of two titles' word shingles (0 to 1), as the deduplicator sees it.</summary>
    /// <param name="first">A title.</param>
    /// <param name="second">Another title.</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="first"/> or <paramref name="second"/> is null.</exception>
    public static double EstimateSimilarity(string first, string second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var a = Signature(first);
        var b = Signature(second);
        return a is null || b is null ? 0 : Similarity(a, b);
    }

    private static double Similarity(ulong[] a, ulong[] b)
    {
        var same = 0;
        for (var i = 0; i < Hashes; i++)
        {
            if (a[i] == b[i])
            {
                same++;
            }
        }

        return (double)same / Hashes;
    }

    private static ulong BandKey(ulong[] signature, int band)
    {
        var h = 14695981039346656037UL ^ (ulong)band;
        for (var r = 0; r < Rows; r++)
        {
            h = (h ^ signature[(band * Rows) + r]) * 1099511628211UL;
        }

        return h;
    }

    /// <summary>MinHash over word unigrams and bigrams; null when the title has no words.</summary>
    private static ulong[]? Signature(string title)
    {
        var signature = new ulong[Hashes];
        Array.Fill(signature, ulong.MaxValue);
        var span = title.AsSpan();
        ulong previous = 0;
        var words = 0;
        var i = 0;
        while (i < span.Length)
        {
            while (i < span.Length && !TextRules.IsWordChar(span[i]))
            {
                i++;
            }

            var start = i;
            var h = 14695981039346656037UL;
            while (i < span.Length && TextRules.IsWordChar(span[i]))
            {
                h = (h ^ TextRules.Fold(span[i])) * 1099511628211UL;
                i++;
            }

            if (i == start)
            {
                break;
            }

            words++;
            Mix(signature, h);
            if (words > 1)
            {
                Mix(signature, (previous * 31) ^ h ^ 0x9E3779B97F4A7C15UL);
            }

            previous = h;
        }

        return words == 0 ? null : signature;
    }

    private static void Mix(ulong[] signature, ulong shingle)
    {
        for (var k = 0; k < Hashes; k++)
        {
            var (a, b) = Permutations[k];
            var v = (shingle * a) + b;
            v ^= v >> 29;
            if (v < signature[k])
            {
                signature[k] = v;
            }
        }
    }

    private static (ulong, ulong)[] CreatePermutations()
    {
        // A fixed SplitMix64 sequence: signatures are stable across processes and machines.
        var state = 0x5DEECE66DUL;
        ulong Next()
        {
            state += 0x9E3779B97F4A7C15UL;
            var z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        var result = new (ulong, ulong)[Hashes];
        for (var i = 0; i < Hashes; i++)
        {
            result[i] = (Next() | 1UL, Next());
        }

        return result;
    }

    private void Expire(DateTimeOffset now)
    {
        while (_byAge.First is { } first && now - first.Value.LastSeen > _options.Window)
        {
            Remove(first.Value);
        }
    }

    private void Remove(StoryState story)
    {
        _byAge.Remove(story.Node);
        if (story.Signature is null)
        {
            return;
        }

        for (var b = 0; b < Bands; b++)
        {
            var key = BandKey(story.Signature, b);
            if (_bands.TryGetValue(key, out var list))
            {
                list.Remove(story);
                if (list.Count == 0)
                {
                    _bands.Remove(key);
                }
            }
        }
    }

    private sealed class StoryState(string id, NewsItem lead, ulong[]? signature, DateTimeOffset firstSeen)
    {
        public string Id { get; } = id;

        public NewsItem Lead { get; } = lead;

        public ulong[]? Signature { get; } = signature;

        public List<NewsItem> Members { get; } = [lead];

        public int MemberCount { get; set; } = 1;

        public DateTimeOffset FirstSeen { get; } = firstSeen;

        public DateTimeOffset LastSeen { get; set; } = firstSeen;

        public LinkedListNode<StoryState> Node { get; set; } = null!;

        public NewsStory Snapshot() => new(Id, Lead, [.. Members], MemberCount, FirstSeen, LastSeen);
    }
}
