namespace CryptoIntel.Entities.Internal;

/// <summary>One way a pattern can be read: as the name, an alias or the ticker of one entry.</summary>
/// <param name="Entry">The index of the entry in the gazetteer.</param>
/// <param name="Kind">Name, alias or symbol.</param>
/// <param name="Form">The form as written in the list (for exact-case checks).</param>
/// <param name="FormAllUpper">The form is written in capitals (<c>JUST</c>, <c>GALA</c>).</param>
/// <param name="FormCapitalized">The form starts with a capital.</param>
/// <param name="Flags">What the rules need to know of the entry and its <see cref="EntryRules"/>, copied here so that scoring a reading reads nothing else.</param>
internal readonly record struct PatternReading(int Entry, MatchKind Kind, string Form, bool FormAllUpper, bool FormCapitalized, ReadingFlags Flags)
{
    public bool IsCurated => (Flags & ReadingFlags.Curated) != 0;

    public bool IsAsset => (Flags & ReadingFlags.Asset) != 0;

    public bool IsEtf => (Flags & ReadingFlags.Etf) != 0;

    public bool NameNeedsContext => (Flags & ReadingFlags.NameNeedsContext) != 0;

    public bool IsCommonWordName => (Flags & ReadingFlags.CommonWordName) != 0;

    public bool IsAmbiguousSymbol => (Flags & ReadingFlags.AmbiguousSymbol) != 0;

    public bool IsStockTicker => (Flags & ReadingFlags.StockTicker) != 0;

    /// <summary>The flags of an entry and its rules.</summary>
    public static ReadingFlags FlagsOf(GazetteerEntry entry, EntryRules rules) =>
        (entry.IsCurated ? ReadingFlags.Curated : 0)
        | (entry.IsAsset ? ReadingFlags.Asset : 0)
        | (entry.Kind == EntityKind.Etf ? ReadingFlags.Etf : 0)
        | (entry.NameNeedsContext ? ReadingFlags.NameNeedsContext : 0)
        | (rules.IsCommonWordName ? ReadingFlags.CommonWordName : 0)
        | (rules.IsAmbiguousSymbol ? ReadingFlags.AmbiguousSymbol : 0)
        | (rules.IsStockTicker ? ReadingFlags.StockTicker : 0);
}

/// <summary>Facts about a reading's entry (see <see cref="GazetteerEntry"/> and <see cref="EntryRules"/>).</summary>
[Flags]
internal enum ReadingFlags : byte
{
    /// <summary>The entry is curated.</summary>
    Curated = 1,

    /// <summary>The entry is an asset.</summary>
    Asset = 2,

    /// <summary>The entry is an ETF.</summary>
    Etf = 4,

    /// <summary>The entry's name needs context.</summary>
    NameNeedsContext = 8,

    /// <summary>The entry's folded name is a common English word.</summary>
    CommonWordName = 16,

    /// <summary>The entry's ticker is ambiguous.</summary>
    AmbiguousSymbol = 32,

    /// <summary>The entry's ticker is also a stock.</summary>
    StockTicker = 64,
}

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
