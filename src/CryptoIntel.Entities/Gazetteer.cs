using System.Collections.Frozen;
using CryptoIntel.Entities.Internal;

namespace CryptoIntel.Entities;

/// <summary>
/// An immutable, compiled set of entities the extractor matches against: the entries, and a word-level
/// multi-pattern matcher over their names, aliases and tickers. Build one with <see cref="CreateBuilder"/>; swap it into a
/// running <see cref="EntityExtractor"/> with <see cref="EntityExtractor.UpdateGazetteer(Gazetteer)"/>.
/// </summary>
/// <remarks>Thread-safe: instances never change after they are built.</remarks>
public sealed class Gazetteer
{
    /// <summary>The most readings of one hit the extractor scores (a shared ticker's long tail is cut off).</summary>
    internal const int MaxReadingsPerHit = 16;

    /// <summary>A flag of <see cref="PatternFlags"/>: a reading that is a name or an alias not listed in capitals.</summary>
    internal const byte MixedCaseReading = 1;

    /// <summary>A flag of <see cref="PatternFlags"/>: such a reading among the curated ones.</summary>
    internal const byte CuratedMixedCaseReading = 2;

    private static readonly Lazy<Gazetteer> LazySeed = new(() => CreateBuilder().AddSeed().Build());

    private readonly FrozenDictionary<string, int> _byId;
    private readonly Lazy<AhoCorasick> _automaton;

    internal Gazetteer(
        GazetteerEntry[] entries,
        EntryRules[] rules,
        WordMatcher matcher,
        PatternReading[] readings,
        int[] readingStart,
        IReadOnlyList<GazetteerIssue> issues)
    {
        EntryArray = entries;
        Rules = rules;
        Matcher = matcher;
        _automaton = new Lazy<AhoCorasick>(() => AhoCorasick.Build(matcher.GetPatterns()));
        Readings = readings;
        ReadingStart = readingStart;
        Issues = issues;
        CuratedReadings = new int[readingStart.Length - 1];
        for (var p = 0; p < CuratedReadings.Length; p++)
        {
            var n = 0;
            for (var r = readingStart[p]; r < readingStart[p + 1] && entries[readings[r].Entry].IsCurated; r++)
            {
                n++;
            }

            CuratedReadings[p] = n;
        }

        // Per pattern: can any reading the extractor would score be accepted in a word not in capitals and without a
        // cashtag? Only a name or alias not listed in capitals can (Rules.Score rejects the others first thing).
        PatternFlags = new byte[CuratedReadings.Length];
        for (var p = 0; p < PatternFlags.Length; p++)
        {
            byte flags = 0;
            var count = Math.Min(readingStart[p + 1] - readingStart[p], MaxReadingsPerHit);
            for (var k = 0; k < count; k++)
            {
                var r = readings[readingStart[p] + k];
                if (r.Kind != MatchKind.Symbol && !r.FormAllUpper)
                {
                    flags |= k < CuratedReadings[p] ? (byte)(MixedCaseReading | CuratedMixedCaseReading) : MixedCaseReading;
                }
            }

            PatternFlags[p] = flags;
        }

        var byId = new Dictionary<string, int>(entries.Length, StringComparer.Ordinal);
        for (var i = 0; i < entries.Length; i++)
        {
            // Assets first: an asset id wins over a venue with the same slug.
            if (!byId.TryGetValue(entries[i].Id, out var existing) || (!entries[existing].IsAsset && entries[i].IsAsset))
            {
                byId[entries[i].Id] = i;
            }
        }

        _byId = byId.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Gets the curated seed gazetteer shipped with the package (a few hundred entities), built once.</summary>
    public static Gazetteer Seed => LazySeed.Value;

    /// <summary>Gets the entries.</summary>
    public IReadOnlyList<GazetteerEntry> Entries => EntryArray;

    /// <summary>Gets the number of entries.</summary>
    public int Count => EntryArray.Length;

    /// <summary>Gets the number of distinct patterns (folded names, aliases and tickers) the matcher finds.</summary>
    public int PatternCount => ReadingStart.Length - 1;

    /// <summary>Gets the problems met while building: bad rows that were skipped and duplicate ids that were merged.</summary>
    public IReadOnlyList<GazetteerIssue> Issues { get; }

    internal GazetteerEntry[] EntryArray { get; }

    internal EntryRules[] Rules { get; }

    /// <summary>Gets the matcher the extractor uses: one hash probe per word of the text.</summary>
    internal WordMatcher Matcher { get; }

    /// <summary>Gets the char-level Aho–Corasick automaton over the same patterns, built on first use: the reference the word matcher is tested and benchmarked against.</summary>
    internal AhoCorasick Automaton => _automaton.Value;

    internal PatternReading[] Readings { get; }

    internal int[] ReadingStart { get; }

    /// <summary>Gets, per pattern, how many of its readings (which come first, by prior) are curated.</summary>
    internal int[] CuratedReadings { get; }

    /// <summary>Gets, per pattern, <see cref="MixedCaseReading"/> and <see cref="CuratedMixedCaseReading"/>: whether one of its first <see cref="MaxReadingsPerHit"/> readings (curated ones) could be accepted in mixed case without a cashtag.</summary>
    internal byte[] PatternFlags { get; }

    /// <summary>Creates a builder for a new gazetteer.</summary>
    /// <returns>An empty builder.</returns>
    public static GazetteerBuilder CreateBuilder() => new();

    /// <summary>Finds an entry by id (assets first when an asset and a venue share a slug).</summary>
    /// <param name="id">The id, e.g. <c>bitcoin</c>.</param>
    /// <param name="entry">The entry, when found.</param>
    /// <returns>True when found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    public bool TryGetEntry(string id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out GazetteerEntry? entry)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (_byId.TryGetValue(id, out var index))
        {
            entry = EntryArray[index];
            return true;
        }

        entry = null;
        return false;
    }

    internal ReadOnlySpan<PatternReading> ReadingsOf(int pattern) =>
        Readings.AsSpan(ReadingStart[pattern], ReadingStart[pattern + 1] - ReadingStart[pattern]);
}
