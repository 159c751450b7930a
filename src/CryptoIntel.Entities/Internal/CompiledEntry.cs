namespace CryptoIntel.Entities.Internal;

/// <summary>One way a pattern can be read: as the name, an alias or the ticker of one entry.</summary>
/// <param name="Entry">The index of the entry in the gazetteer.</param>
/// <param name="Kind">Name, alias or symbol.</param>
/// <param name="Form">The form as written in the list (for exact-case checks).</param>
/// <param name="FormAllUpper">The form is written in capitals (<c>JUST</c>, <c>GALA</c>).</param>
/// <param name="FormCapitalized">The form starts with a capital.</param>
internal readonly record struct PatternReading(int Entry, MatchKind Kind, string Form, bool FormAllUpper, bool FormCapitalized);

/// <summary>Facts about one hit's span, computed once and shared by all its readings.</summary>
/// <param name="Start">The start of the span.</param>
/// <param name="End">The end of the span (exclusive).</param>
/// <param name="Previous">The char before the span, or a space.</param>
/// <param name="AllUpper">The span's letters are all capitals.</param>
/// <param name="Capitalized">The span starts with a capital or a non-letter.</param>
internal readonly record struct HitFacts(int Start, int End, char Previous, bool AllUpper, bool Capitalized);

/// <summary>Rules precomputed per entry at build time, so extraction does not recompute them per hit.</summary>
/// <param name="IsCommonWordName">The folded name is a common English word.</param>
/// <param name="IsAmbiguousSymbol">The ticker needs a cashtag or context (flagged, a common word, one or two letters for the long tail).</param>
/// <param name="IsStockTicker">The ticker is also a listed stock or fund.</param>
/// <param name="Prior">The prior used to order readings of a shared ticker: higher is likelier.</param>
internal readonly record struct EntryRules(bool IsCommonWordName, bool IsAmbiguousSymbol, bool IsStockTicker, double Prior);
