using System.Buffers;

namespace CryptoIntel.Entities.Internal;

/// <summary>
/// The disambiguation rules, in one place so they can be read and explained:
/// <list type="number">
/// <item>Cashtags (<c>$BTC</c>) are tickers unless the ticker is a stock; hashtags count a little less.</item>
/// <item>A bare ticker must be written in capitals; a curated ticker that is not a common word is taken as is;
/// an ambiguous one (<c>LINK</c>, <c>OP</c>, a common word) needs a context word nearby (price, token, staking, ...)
/// or another ticker next to it; a long-tail ticker needs a context word right beside it.</item>
/// <item>A curated name is taken in any case, unless it is also a company, protocol or common word
/// (<c>Chainlink</c>, <c>Optimism</c>): then it must be capitalised and, for an asset, have a context word nearby.</item>
/// <item>A long-tail name (from the full lists) must match its listed case, must not be a common word, and, for an
/// asset, needs a context word beside it.</item>
/// <item>Of overlapping hits, curated entries beat long-tail ones, then the longer span wins (<c>Bitcoin Cash</c>
/// beats <c>Bitcoin</c>), then the higher confidence; a shared ticker goes to the higher market-cap prior.</item>
/// <item>Links: an ETF, person, company, protocol or unit that implies an asset adds that asset, marked implied,
/// when its condition holds (always; a buying or minting word within six words after it; a tokens word anywhere)
/// and the asset is not named.</item>
/// </list>
/// </summary>
internal static class Rules
{
    private const int AdjacentTickerGap = 6;
    private const int LinkWindow = 6;
    private const int SmallOverlapCount = 16;

    public static HitFacts Facts(ReadOnlySpan<char> text, int start, int end)
    {
        var span = text[start..end];
        return new HitFacts(start, end, start > 0 ? text[start - 1] : ' ', TextRules.IsAllUpper(span), !char.IsLetter(span[0]) || char.IsUpper(span[0]));
    }

    public static Candidate Score(ref ScanContext ctx, PatternReading reading, in HitFacts hit)
    {
        // The case tests that reject most readings need only the reading and the span: done before the entry and its
        // rules are read (two cache misses per reading on the full lists). A bare ticker must be in capitals, and so
        // must a name listed in capitals.
        if (!hit.AllUpper && (reading.Kind == MatchKind.Symbol ? hit.Previous is not ('$' or '#') : reading.FormAllUpper))
        {
            return Candidate.None;
        }

        // Everything else the rules need of the entry is in the reading's flags: no entry is read while scoring.
        var text = ctx.Text;
        var start = hit.Start;
        var end = hit.End;
        var span = text[start..end];
        var prev = hit.Previous;
        var curated = reading.IsCurated;

        Candidate Accept(double confidence, MatchKind kind) => new(reading.Entry, start, end, confidence, kind, false, curated);
        Candidate Pending() => new(reading.Entry, start, end, 0, MatchKind.Symbol, true, curated);

        if (reading.Kind == MatchKind.Symbol)
        {
            if (prev is '$' or '#')
            {
                // "US$ 29" never reaches here (digits are not tickers); "$COIN", "$MSTR" are stocks.
                if (reading.IsStockTicker)
                {
                    return Candidate.None;
                }

                if (prev == '#')
                {
                    return Accept(curated ? 0.9 : 0.55, MatchKind.Cashtag);
                }

                return Accept(curated ? 0.97 : span.Length <= 2 ? 0.55 : 0.8, MatchKind.Cashtag);
            }

            if (!hit.AllUpper || reading.IsStockTicker)
            {
                return Candidate.None;
            }

            if (curated)
            {
                if (!reading.IsAmbiguousSymbol)
                {
                    return Accept(reading.IsEtf ? 0.9 : 0.92, MatchKind.Symbol);
                }

                if (span.Length == 1)
                {
                    return Candidate.None;
                }

                return ctx.HasNearbyWord(start, end, 2, ctx.Window, WordLists.AssetContext) ? Accept(0.86, MatchKind.Symbol) : Pending();
            }

            if (span.Length >= 3 && !reading.IsAmbiguousSymbol && !ctx.IsShouting && reading.IsAsset
                && ctx.HasNearbyWord(start, end, 1, 1, WordLists.TokenNouns))
            {
                return Accept(0.6, MatchKind.Symbol);
            }

            return Candidate.None;
        }

        // Names and aliases. A name listed in capitals (JUST, GALA, MANTRA) must be written in capitals.
        var capitalized = hit.Capitalized;
        if (reading.FormAllUpper && !hit.AllUpper)
        {
            return Candidate.None;
        }

        if (curated)
        {
            var formCapitalized = reading.FormCapitalized;
            var needsContext = (reading.NameNeedsContext && reading.Kind == MatchKind.Name) || reading.IsCommonWordName && reading.Kind == MatchKind.Name;
            if (needsContext || (reading.Kind == MatchKind.Alias && formCapitalized && IsShortWord(reading.Form)))
            {
                if (formCapitalized && !capitalized)
                {
                    return Candidate.None;
                }

                if (!needsContext)
                {
                    return Accept(0.85, reading.Kind);
                }

                if (reading.IsAsset)
                {
                    return ctx.HasNearbyWord(start, end, 1, ctx.Window, WordLists.AssetContext) ? Accept(0.96, reading.Kind) : Candidate.None;
                }

                return Accept(0.6, reading.Kind);
            }

            // "AAVE" in capitals in a normal sentence is the ticker, not the protocol named "Aave".
            var lower = formCapitalized && !capitalized;
            var shoutedName = span.Length > 1 && hit.AllUpper && !reading.FormAllUpper && !ctx.IsShouting;
            return Accept(lower || shoutedName ? 0.85 : 0.95, reading.Kind);
        }

        if (reading.IsCommonWordName || span.Length < 3)
        {
            return Candidate.None;
        }

        if (!capitalized || !(span.SequenceEqual(reading.Form.AsSpan()) || (hit.AllUpper && ctx.IsShouting)))
        {
            return Candidate.None;
        }

        if (reading.IsAsset)
        {
            return ctx.HasNearbyWord(start, end, 0, 1, WordLists.TokenNouns) ? Accept(0.6, reading.Kind) : Candidate.None;
        }

        return Accept(span.Contains(' ') ? 0.7 : 0.6, reading.Kind);
    }

    /// <summary>Accepts an ambiguous curated ticker that stands in a list of other tickers (<c>BTC, XRP and LINK</c>).</summary>
    /// <remarks>Candidates are in scan order, so only a few neighbours by index need looking at: linear time.</remarks>
    public static void ResolvePending(ref ScanContext ctx, Span<Candidate> candidates)
    {
        const int Neighbours = 6;
        for (var i = 0; i < candidates.Length; i++)
        {
            if (!candidates[i].IsPending)
            {
                continue;
            }

            var from = Math.Max(0, i - Neighbours);
            var to = Math.Min(candidates.Length - 1, i + Neighbours);
            for (var j = from; j <= to; j++)
            {
                var other = candidates[j];
                if (j == i || other.IsPending || other.Confidence < 0.7 || other.Kind is not (MatchKind.Symbol or MatchKind.Cashtag))
                {
                    continue;
                }

                var gap = other.Start >= candidates[i].End ? other.Start - candidates[i].End : candidates[i].Start - other.End;
                if (gap >= 0 && gap <= AdjacentTickerGap && OnlyListSeparators(ctx.Text, Math.Min(other.End, candidates[i].End), Math.Max(other.Start, candidates[i].Start)))
                {
                    candidates[i] = candidates[i] with { Confidence = 0.7, IsPending = false };
                    break;
                }
            }
        }
    }

    /// <summary>Keeps, of overlapping candidates, curated over long-tail, then longer, then more confident.</summary>
    /// <remarks>Coverage is marked per char (spans are at most 64 chars), so this is linear in the text.</remarks>
    public static List<ExtractedEntity> ResolveOverlaps(Span<Candidate> candidates, double minimum, Gazetteer g, int textLength)
    {
        candidates.Sort(static (a, b) =>
        {
            var c = b.IsCurated.CompareTo(a.IsCurated);
            if (c != 0)
            {
                return c;
            }

            c = b.Length.CompareTo(a.Length);
            if (c != 0)
            {
                return c;
            }

            c = b.Confidence.CompareTo(a.Confidence);
            return c != 0 ? c : a.Start.CompareTo(b.Start);
        });

        // The kept candidates are compacted to the front of the same span: no list per call.
        var keptCount = candidates.Length <= SmallOverlapCount ? KeepSmall(candidates, minimum) : KeepLarge(candidates, minimum, textLength);
        var kept = candidates[..keptCount];
        kept.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        var result = new List<ExtractedEntity>(keptCount + 1);
        foreach (var k in kept)
        {
            result.Add(new ExtractedEntity(g.EntryArray[k.Entry], k.Start, k.Length, k.Confidence, k.Kind));
        }

        return result;
    }

    /// <summary>Keeps candidates (sorted best first) that overlap no kept one: pairwise, for the few of a title.</summary>
    private static int KeepSmall(Span<Candidate> candidates, double minimum)
    {
        var keptCount = 0;
        for (var i = 0; i < candidates.Length; i++)
        {
            var c = candidates[i];
            if (c.IsPending || c.Confidence < minimum)
            {
                continue;
            }

            var overlaps = false;
            for (var k = 0; k < keptCount && !overlaps; k++)
            {
                overlaps = c.Start < candidates[k].End && candidates[k].Start < c.End;
            }

            if (!overlaps)
            {
                candidates[keptCount++] = c;
            }
        }

        return keptCount;
    }

    /// <summary>Keeps candidates (sorted best first) that overlap no kept one: coverage marked per char, linear in the text.</summary>
    private static int KeepLarge(Span<Candidate> candidates, double minimum, int textLength)
    {
        var covered = ArrayPool<bool>.Shared.Rent(textLength);
        Array.Clear(covered, 0, textLength);
        var keptCount = 0;
        try
        {
            for (var i = 0; i < candidates.Length; i++)
            {
                var c = candidates[i];
                if (c.IsPending || c.Confidence < minimum || covered.AsSpan(c.Start, c.Length).Contains(true))
                {
                    continue;
                }

                covered.AsSpan(c.Start, c.Length).Fill(true);
                candidates[keptCount++] = c;
            }
        }
        finally
        {
            ArrayPool<bool>.Shared.Return(covered);
        }

        return keptCount;
    }

    /// <summary>Adds the assets implied by the entities found, when their link condition holds and they are not named.</summary>
    public static void AddLinks(ref ScanContext ctx, List<ExtractedEntity> entities)
    {
        var literalCount = entities.Count;
        HashSet<string>? assets = null;
        for (var i = 0; i < literalCount; i++)
        {
            var source = entities[i];
            if (source.Entry.Implies is not { } target)
            {
                continue;
            }

            if (assets is null)
            {
                assets = new HashSet<string>(StringComparer.Ordinal);
                for (var k = 0; k < literalCount; k++)
                {
                    if (entities[k].Entry.IsAsset)
                    {
                        assets.Add(entities[k].Id);
                    }
                }
            }

            var holds = source.Entry.LinkCondition switch
            {
                LinkCondition.Buying => ctx.HasNearbyWord(source.Start + source.Length, source.Start + source.Length, 0, LinkWindow, WordLists.BuyingWords),
                LinkCondition.Minting => ctx.HasNearbyWord(source.Start + source.Length, source.Start + source.Length, 0, LinkWindow, WordLists.MintingWords),
                LinkCondition.Tokens => ctx.HasTokenWord,
                _ => true,
            };
            if (!holds || assets.Contains(target) || !ctx.Gazetteer.TryGetEntry(target, out var asset))
            {
                continue;
            }

            var via = source.Entry.Kind switch
            {
                EntityKind.Etf => LinkKind.Etf,
                EntityKind.Person => LinkKind.Person,
                EntityKind.Organization or EntityKind.Regulator => LinkKind.Company,
                EntityKind.Protocol or EntityKind.Exchange => LinkKind.Protocol,
                EntityKind.Chain => LinkKind.Chain,
                _ => LinkKind.Alias,
            };
            assets.Add(target);
            entities.Add(new ExtractedEntity(asset, source.Start, source.Length, Math.Round(source.Confidence * 0.95, 3), MatchKind.Linked)
            {
                LinkedFrom = source.Id,
                Via = via,
            });
        }
    }

    private static bool IsShortWord(string form) => form.Length <= 4 && !form.Contains(' ', StringComparison.Ordinal);

    private static bool OnlyListSeparators(ReadOnlySpan<char> text, int from, int to)
    {
        if (to <= from)
        {
            return true;
        }

        var gap = text[from..to];
        foreach (var c in gap)
        {
            if (c is not (' ' or ',' or '/' or '&' or '$' or '#' or '(' or ')' or '|' or '-' or '+'))
            {
                // allow the word "and"
                var trimmed = gap.Trim(" ,$#");
                return trimmed.Equals("and", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("e", StringComparison.Ordinal) || trimmed.Equals("vs", StringComparison.OrdinalIgnoreCase);
            }
        }

        return true;
    }
}
