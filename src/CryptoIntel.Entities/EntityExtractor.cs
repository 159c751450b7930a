using System.Buffers;
using CryptoIntel.Entities.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CryptoIntel.Entities;

/// <summary>
/// Finds assets, exchanges, protocols, chains, people, organisations, regulators and ETFs in news text, with
/// amounts attached and implied assets linked. One pass of a word-level multi-pattern matcher over the text (one hash probe per word), then a small
/// set of explainable rules decides each hit (case, cashtags, a stop-list of common words, the market-cap prior,
/// context words, longest match first).
/// </summary>
/// <remarks>
/// Thread-safe. The gazetteer is an immutable snapshot; <see cref="UpdateGazetteer(Gazetteer)"/> swaps it
/// atomically, so calls in flight finish on the old one and later calls see the new one.
/// </remarks>
public sealed class EntityExtractor
{
    private readonly EntityExtractorOptions _options;
    private readonly ILogger _logger;
    private Gazetteer _gazetteer;

    /// <summary>Creates an extractor with default options.</summary>
    /// <param name="gazetteer">The entities to find, e.g. <see cref="Gazetteer.Seed"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="gazetteer"/> is null.</exception>
    public EntityExtractor(Gazetteer gazetteer)
        : this(gazetteer, new EntityExtractorOptions(), NullLogger<EntityExtractor>.Instance)
    {
    }

    /// <summary>Creates an extractor.</summary>
    /// <param name="gazetteer">The entities to find.</param>
    /// <param name="options">The options.</param>
    /// <param name="logger">The logger; null for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="gazetteer"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range.</exception>
    public EntityExtractor(Gazetteer gazetteer, EntityExtractorOptions options, ILogger<EntityExtractor>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(gazetteer);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MinimumConfidence, 0.0, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.MinimumConfidence, 1.0, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxTextLength, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ContextWindow, 1, nameof(options));
        _gazetteer = gazetteer;
        _options = options;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Gets the gazetteer in use.</summary>
    public Gazetteer Gazetteer => Volatile.Read(ref _gazetteer);

    /// <summary>Replaces the gazetteer atomically (e.g. after fresh coin and protocol lists were fetched); no restart needed.</summary>
    /// <param name="gazetteer">The new gazetteer.</param>
    /// <exception cref="ArgumentNullException"><paramref name="gazetteer"/> is null.</exception>
    public void UpdateGazetteer(Gazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(gazetteer);
        Volatile.Write(ref _gazetteer, gazetteer);
        Log.GazetteerSwapped(_logger, gazetteer.Count, gazetteer.PatternCount);
    }

    /// <summary>Extracts the entities and amounts in a text.</summary>
    /// <param name="text">A title or an article body, as plain text.</param>
    /// <returns>What was found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public ExtractionResult Extract(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Extract(text.AsSpan());
    }

    /// <summary>Extracts the entities and amounts in a text.</summary>
    /// <param name="text">A title or an article body, as plain text.</param>
    /// <returns>What was found.</returns>
    public ExtractionResult Extract(ReadOnlySpan<char> text) => Extract(text, useAutomaton: false);

    /// <summary>Extracts with the word matcher, or with the reference char-level automaton (for tests and benchmarks; same hits, slower).</summary>
    internal ExtractionResult Extract(ReadOnlySpan<char> text, bool useAutomaton)
    {
        var truncated = false;
        if (text.Length > _options.MaxTextLength)
        {
            Log.TextTruncated(_logger, text.Length, _options.MaxTextLength);
            text = text[.._options.MaxTextLength];
            truncated = true;
        }

        if (text.IsEmpty || text.IsWhiteSpace())
        {
            return truncated ? new ExtractionResult([], [], true) : ExtractionResult.Empty;
        }

        var g = Gazetteer;
        var hits = new HitBuffer(64);
        var candidates = ArrayPool<Candidate>.Shared.Rent(32);
        try
        {
            if (useAutomaton)
            {
                g.Automaton.Scan(text, ref hits);
            }
            else
            {
                g.Matcher.Scan(text, ref hits);
            }

            var ctx = new ScanContext(text, g, _options.ContextWindow);
            var count = 0;
            foreach (var hit in hits.Items)
            {
                // Readings are ordered by prior; a shared ticker's long tail (70 bridged USDCs) is cut off.
                // A lower-case word without a cashtag can only be a curated name (long-tail names must match their
                // capitalised listed form; tickers must be capitals): skip the long tail without scoring it.
                var facts = Rules.Facts(text, hit.Start, hit.End);
                var lowerStart = char.IsLower(text[hit.Start]) && facts.Previous is not ('$' or '#');

                // Most hits are words in mixed case without a cashtag that only tickers or names listed in capitals
                // share: every reading would be rejected by its case, so none is read (see Gazetteer.PatternFlags).
                if (!facts.AllUpper && facts.Previous is not ('$' or '#')
                    && (g.PatternFlags[hit.Pattern] & (lowerStart ? Gazetteer.CuratedMixedCaseReading : Gazetteer.MixedCaseReading)) == 0)
                {
                    continue;
                }

                var best = Candidate.None;
                var readings = g.ReadingsOf(hit.Pattern);
                if (lowerStart)
                {
                    readings = readings[..g.CuratedReadings[hit.Pattern]];
                }

                for (var r = 0; r < readings.Length && r < Gazetteer.MaxReadingsPerHit && best.Confidence < 0.9; r++)
                {
                    var c = Rules.Score(ref ctx, readings[r], facts);
                    if (c.Confidence > best.Confidence || (best.Confidence <= 0 && c.IsPending && !best.IsPending))
                    {
                        best = c;
                    }
                }

                if (best.Confidence > 0 || best.IsPending)
                {
                    if (count == candidates.Length)
                    {
                        var bigger = ArrayPool<Candidate>.Shared.Rent(count * 2);
                        candidates.AsSpan(0, count).CopyTo(bigger);
                        ArrayPool<Candidate>.Shared.Return(candidates);
                        candidates = bigger;
                    }

                    candidates[count++] = best;
                }
            }

            if (count == 0)
            {
                return Finish(text, [], truncated);
            }

            var span = candidates.AsSpan(0, count);
            Rules.ResolvePending(ref ctx, span);
            var accepted = Rules.ResolveOverlaps(span, _options.MinimumConfidence, g, text.Length);
            Rules.AddLinks(ref ctx, accepted);
            return Finish(text, accepted, truncated);
        }
        finally
        {
            hits.Dispose();
            ArrayPool<Candidate>.Shared.Return(candidates);
        }
    }

    private static ExtractionResult Finish(ReadOnlySpan<char> text, List<ExtractedEntity> entities, bool truncated)
    {
        var amounts = Amounts.Scan(text, entities);
        return entities.Count == 0 && amounts.Count == 0 && !truncated ? ExtractionResult.Empty : new ExtractionResult(entities, amounts, truncated);
    }
}
