namespace CryptoIntel.Entities.Internal;

/// <summary>One way a pattern can be read: as the name, an alias or the ticker of one entry.</summary>
/// <param name="Entry">The index of the entry in the gazetteer.</param>
/// <param name="Kind">Name, alias or symbol.</param>
/// <param name="Form">The form as written in the list (for exact-case checks).</param>
internal readonly record struct PatternReading(int Entry, MatchKind Kind, string Form);

/// <summary>Rules precomputed per entry at build time, so extraction does not recompute them per hit.</summary>
/// <param name="IsCommonWordName">The folded name is a common English word.</param>
/// <param name="IsAmbiguousSymbol">The ticker needs a cashtag or context (flagged, a common word, one or two letters for the long tail).</param>
/// <param name="IsStockTicker">The ticker is also a listed stock or fund.</param>
/// <param name="Prior">The prior used to order readings of a shared ticker: higher is likelier.</param>
internal readonly record struct EntryRules(bool IsCommonWordName, bool IsAmbiguousSymbol, bool IsStockTicker, double Prior);
