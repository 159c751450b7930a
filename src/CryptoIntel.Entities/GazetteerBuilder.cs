using System.Globalization;
using System.Reflection;
using CryptoIntel.Entities.Internal;

namespace CryptoIntel.Entities;

/// <summary>
/// Collects entries (the curated seed, full coin/protocol/exchange lists from files or from caller-supplied
/// records) and compiles them into an immutable <see cref="Gazetteer"/>. Bad rows are skipped and reported with
/// their row number; duplicate ids are merged (a curated entry keeps its names and gains the list's category) or
/// ignored and reported.
/// </summary>
/// <remarks>Not thread-safe; build on one thread, then share the built gazetteer.</remarks>
public sealed class GazetteerBuilder
{
    private const string SeedResource = "CryptoIntel.Entities.seed.csv";

    private readonly List<GazetteerEntry> _entries = [];
    private readonly Dictionary<string, (int Index, string Source)> _byKey = new(StringComparer.Ordinal);
    private readonly List<GazetteerIssue> _issues = [];
    private readonly HashSet<string> _listChains = new(StringComparer.OrdinalIgnoreCase);

    internal GazetteerBuilder()
    {
    }

    /// <summary>Gets the problems met so far (bad rows, duplicate ids).</summary>
    public IReadOnlyList<GazetteerIssue> Issues => _issues;

    /// <summary>Gets the number of entries collected so far.</summary>
    public int Count => _entries.Count;

    /// <summary>Adds the curated seed list shipped with the package (assets, venues, people, organisations, regulators, ETFs, chains).</summary>
    /// <returns>This builder.</returns>
    public GazetteerBuilder AddSeed()
    {
        using var stream = typeof(GazetteerBuilder).Assembly.GetManifestResourceStream(SeedResource)
            ?? throw new InvalidOperationException($"The embedded seed list '{SeedResource}' is missing from {typeof(GazetteerBuilder).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        ReadCsv(reader, "seed", ["kind", "id", "symbol", "name", "aliases", "category", "rank", "implies", "condition", "flags"], AddSeedRow);
        return this;
    }

    /// <summary>Adds one entry.</summary>
    /// <param name="entry">The entry.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entry"/> is null.</exception>
    public GazetteerBuilder Add(GazetteerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        AddEntry(entry, "entries", 0);
        return this;
    }

    /// <summary>Adds entries.</summary>
    /// <param name="entries">The entries.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entries"/> is null.</exception>
    public GazetteerBuilder AddRange(IEnumerable<GazetteerEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var row = 0;
        foreach (var entry in entries)
        {
            row++;
            if (entry is null)
            {
                _issues.Add(new GazetteerIssue("entries", row, "null entry skipped"));
                continue;
            }

            AddEntry(entry, "entries", row);
        }

        return this;
    }

    /// <summary>Adds coins from a coins list (e.g. CoinGecko <c>/coins/list</c> as the Sources package returns it).</summary>
    /// <param name="coins">The coins.</param>
    /// <param name="source">A name for the list, used in issues.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="coins"/> or <paramref name="source"/> is null.</exception>
    public GazetteerBuilder AddCoins(IEnumerable<CoinListing> coins, string source = "coins")
    {
        ArgumentNullException.ThrowIfNull(coins);
        ArgumentNullException.ThrowIfNull(source);
        var row = 0;
        foreach (var coin in coins)
        {
            row++;
            AddCoin(coin, source, row);
        }

        return this;
    }

    /// <summary>Adds protocols from a protocols list (e.g. DeFi Llama <c>/protocols</c>); CEX and DEX categories become exchanges.</summary>
    /// <param name="protocols">The protocols.</param>
    /// <param name="source">A name for the list, used in issues.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="protocols"/> or <paramref name="source"/> is null.</exception>
    public GazetteerBuilder AddProtocols(IEnumerable<ProtocolListing> protocols, string source = "protocols")
    {
        ArgumentNullException.ThrowIfNull(protocols);
        ArgumentNullException.ThrowIfNull(source);
        var list = new List<(ProtocolListing Listing, int Row)>();
        var row = 0;
        foreach (var protocol in protocols)
        {
            row++;
            list.Add((protocol, row));
        }

        // The TVL order is the prior among protocols.
        var ranked = list.Where(p => p.Listing is not null).OrderByDescending(p => p.Listing.TvlUsd ?? 0m).ToList();
        for (var i = 0; i < ranked.Count; i++)
        {
            AddProtocol(ranked[i].Listing, source, ranked[i].Row, i + 1);
        }

        foreach (var (listing, r) in list)
        {
            if (listing is null)
            {
                _issues.Add(new GazetteerIssue(source, r, "null protocol skipped"));
            }
        }

        return this;
    }

    /// <summary>Adds exchanges from an exchanges list.</summary>
    /// <param name="exchanges">The exchanges.</param>
    /// <param name="source">A name for the list, used in issues.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="exchanges"/> or <paramref name="source"/> is null.</exception>
    public GazetteerBuilder AddExchanges(IEnumerable<ExchangeListing> exchanges, string source = "exchanges")
    {
        ArgumentNullException.ThrowIfNull(exchanges);
        ArgumentNullException.ThrowIfNull(source);
        var row = 0;
        foreach (var exchange in exchanges)
        {
            row++;
            AddExchange(exchange, source, row);
        }

        return this;
    }

    /// <summary>
    /// Adds a CSV list, recognised by its header: coins (<c>id,symbol,name</c>), protocols
    /// (<c>slug,name,symbol,category,tvl_usd,chains</c>) or exchanges (<c>name,id,kind,...</c>). Bad rows are
    /// skipped and reported in <see cref="Issues"/> with their row number.
    /// </summary>
    /// <param name="reader">The CSV text.</param>
    /// <param name="source">A name for the list (e.g. the file name), used in issues.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> or <paramref name="source"/> is null.</exception>
    /// <exception cref="FormatException">The header is not one of the known shapes.</exception>
    public GazetteerBuilder AddCsv(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(source);
        var csv = new CsvReader(reader);
        var fields = new List<string>();
        if (!csv.TryRead(fields, out _))
        {
            _issues.Add(new GazetteerIssue(source, 1, "empty file: no header"));
            return this;
        }

        var header = fields.Select(f => f.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToArray();
        if (HasColumns(header, "slug", "name", "category"))
        {
            var protocols = new List<ProtocolListing>();
            var rows = new List<int>();
            ReadRows(csv, header, source, ["slug", "name"], (get, row) =>
            {
                var symbol = get("symbol");
                decimal? tvl = decimal.TryParse(get("tvl_usd"), NumberStyles.Float, CultureInfo.InvariantCulture, out var t) ? t : null;
                protocols.Add(new ProtocolListing(get("slug"), get("name"), symbol is "-" or "" ? null : symbol, NullIfEmpty(get("category")))
                {
                    TvlUsd = tvl,
                    Chains = SplitList(get("chains")),
                });
                rows.Add(row);
            });
            var ranked = protocols.Select((p, i) => (p, rows[i])).OrderByDescending(x => x.p.TvlUsd ?? 0m).ToList();
            for (var i = 0; i < ranked.Count; i++)
            {
                AddProtocol(ranked[i].p, source, ranked[i].Item2, i + 1);
            }
        }
        else if (HasColumns(header, "id", "symbol", "name"))
        {
            ReadRows(csv, header, source, ["id", "name"], (get, row) => AddCoin(new CoinListing(get("id"), get("symbol"), get("name")), source, row));
        }
        else if (HasColumns(header, "name", "id", "kind"))
        {
            ReadRows(csv, header, source, ["id", "name"], (get, row) => AddExchange(new ExchangeListing(get("id"), get("name"), NullIfEmpty(get("kind"))), source, row));
        }
        else
        {
            throw new FormatException($"{source}: unknown CSV header '{string.Join(',', header)}'; expected a coins (id,symbol,name), protocols (slug,name,symbol,category,tvl_usd,chains) or exchanges (name,id,kind) list.");
        }

        return this;
    }

    /// <summary>Adds a CSV list from a file; see <see cref="AddCsv(TextReader, string)"/>.</summary>
    /// <param name="path">The file path.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    /// <exception cref="IOException">The file does not exist or cannot be read.</exception>
    /// <exception cref="FormatException">The header is not one of the known shapes.</exception>
    public GazetteerBuilder AddCsvFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var reader = new StreamReader(path);
        return AddCsv(reader, Path.GetFileName(path));
    }

    /// <summary>Compiles the collected entries into an immutable gazetteer.</summary>
    /// <returns>The gazetteer.</returns>
    public Gazetteer Build()
    {
        var curatedPatterns = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in _entries.Where(e => e.IsCurated))
        {
            curatedPatterns.Add(TextRules.Fold(e.Name));
            foreach (var a in e.Aliases)
            {
                curatedPatterns.Add(TextRules.Fold(a));
            }
        }

        foreach (var chain in _listChains.Order(StringComparer.Ordinal))
        {
            var folded = TextRules.Fold(chain);
            if (chain.Length >= 4 && !curatedPatterns.Contains(folded) && !WordLists.StopWords.Contains(folded))
            {
                AddEntry(new GazetteerEntry(Slug(chain), EntityKind.Chain, chain), "chains", 0, reportDuplicates: false);
            }
        }

        var entries = _entries.ToArray();
        var rules = new EntryRules[entries.Length];
        var patterns = new Dictionary<string, List<PatternReading>>(entries.Length * 2, StringComparer.Ordinal);
        for (var i = 0; i < entries.Length; i++)
        {
            var e = entries[i];
            rules[i] = ComputeRules(e);

            // Readings the rules can never accept are not compiled at all (a long-tail name that is a common word
            // or shorter than three chars, a long-tail ticker that is a stock): a smaller automaton, fewer hits.
            if (e.IsCurated || !NeverAcceptedName(e.Name))
            {
                AddPattern(patterns, e, rules[i], i, e.Name, MatchKind.Name);
            }

            foreach (var alias in e.Aliases)
            {
                if (e.IsCurated || !NeverAcceptedName(alias))
                {
                    AddPattern(patterns, e, rules[i], i, alias, MatchKind.Alias);
                }
            }

            if (e.Symbol is { Length: > 0 } symbol && (e.IsAsset || e.Kind == EntityKind.Etf) && (e.IsCurated || !rules[i].IsStockTicker))
            {
                AddPattern(patterns, e, rules[i], i, symbol, MatchKind.Symbol);
            }
        }

        var keys = patterns.Keys.ToArray();
        var readingStart = new int[keys.Length + 1];
        var readings = new List<PatternReading>(keys.Length + (keys.Length / 4));
        for (var p = 0; p < keys.Length; p++)
        {
            readingStart[p] = readings.Count;
            var list = patterns[keys[p]];
            list.Sort((a, b) => rules[b.Entry].Prior.CompareTo(rules[a.Entry].Prior));
            readings.AddRange(list);
        }

        readingStart[keys.Length] = readings.Count;
        var matcher = WordMatcher.Build(keys);
        return new Gazetteer(entries, rules, matcher, [.. readings], readingStart, _issues.ToArray());
    }

    private static void AddPattern(Dictionary<string, List<PatternReading>> patterns, GazetteerEntry entry, EntryRules rules, int index, string form, MatchKind kind)
    {
        var trimmed = form.Trim();
        if (trimmed.Length == 0 || trimmed.Length > TextRules.MaxPatternLength || !TextRules.HasWordChar(trimmed) || TextRules.IsNumeric(trimmed))
        {
            return;
        }

        if (!entry.IsCurated && trimmed.Length < 2)
        {
            return;
        }

        // A pattern must start and end on a word char, or whole-word matching cannot anchor it.
        if (!TextRules.IsWordChar(trimmed[0]) || !TextRules.IsWordChar(trimmed[^1]))
        {
            return;
        }

        var folded = TextRules.Fold(trimmed);
        if (!patterns.TryGetValue(folded, out var list))
        {
            list = new List<PatternReading>(1);
            patterns.Add(folded, list);
        }

        foreach (var r in list)
        {
            if (r.Entry == index && r.Kind == kind)
            {
                return;
            }
        }

        var listed = kind == MatchKind.Symbol ? trimmed.ToUpperInvariant() : trimmed;
        list.Add(new PatternReading(index, kind, listed, listed.Length > 1 && TextRules.IsAllUpper(listed), char.IsUpper(listed[0]), PatternReading.FlagsOf(entry, rules)));
    }

    private static EntryRules ComputeRules(GazetteerEntry e)
    {
        var name = TextRules.Fold(e.Name.Trim());
        var commonName = WordLists.StopWords.Contains(name);
        var symbol = e.Symbol?.Trim() ?? string.Empty;
        var ambiguous = e.SymbolNeedsContext
            || WordLists.StopWords.Contains(symbol)
            || (!e.IsCurated && symbol.Length <= 2)
            || (e.IsCurated && symbol.Length <= 1);
        var stock = WordLists.StockTickers.Contains(symbol);
        double prior;
        if (e.IsCurated)
        {
            prior = 100_000 - (e.Rank ?? 5_000);
        }
        else
        {
            prior = e.Rank is { } rank ? 10_000 - Math.Min(rank, 9_999) : 0;
            var id = e.Id;
            if (id.Contains("bridged", StringComparison.Ordinal) || id.Contains("wrapped", StringComparison.Ordinal)
                || id.Contains("peg", StringComparison.Ordinal) || id.Contains("wormhole", StringComparison.Ordinal)
                || e.Name.Contains('(', StringComparison.Ordinal))
            {
                prior -= 1_000;
            }
        }

        return new EntryRules(commonName, ambiguous, stock, prior);
    }

    private static bool NeverAcceptedName(string name)
    {
        var trimmed = name.Trim();
        return trimmed.Length < 3 || WordLists.StopWords.Contains(TextRules.Fold(trimmed));
    }

    private static bool HasColumns(string[] header, params string[] names) => names.All(n => Array.IndexOf(header, n) >= 0);

    private static string? NullIfEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string[] SplitList(string value) =>
        value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Slug(string name) => name.Trim().ToLowerInvariant().Replace(' ', '-');

    private static bool IsValidText(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value.Length <= 200 && !value.Contains('\0', StringComparison.Ordinal);

    private void ReadCsv(TextReader reader, string source, string[] expected, Action<Func<string, string>, int> onRow)
    {
        var csv = new CsvReader(reader);
        var fields = new List<string>();
        if (!csv.TryRead(fields, out _))
        {
            throw new InvalidOperationException($"{source}: empty list");
        }

        var header = fields.Select(f => f.Trim().ToLowerInvariant()).ToArray();
        if (!expected.All(e => header.Contains(e)))
        {
            throw new InvalidOperationException($"{source}: header must have {string.Join(',', expected)}");
        }

        ReadRows(csv, header, source, ["id", "name"], onRow);
    }

    private void ReadRows(CsvReader csv, string[] header, string source, string[] required, Action<Func<string, string>, int> onRow)
    {
        var fields = new List<string>();
        var index = header.Select((h, i) => (h, i)).GroupBy(x => x.h).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        string Get(string column) => index.TryGetValue(column, out var i) && i < fields.Count ? fields[i].Trim() : string.Empty;
        while (csv.TryRead(fields, out var error))
        {
            var row = csv.RecordLine;
            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue;
            }

            if (error is not null)
            {
                _issues.Add(new GazetteerIssue(source, row, error + "; row skipped"));
                continue;
            }

            if (fields.Count != header.Length)
            {
                _issues.Add(new GazetteerIssue(source, row, $"expected {header.Length} fields, found {fields.Count}; row skipped"));
                continue;
            }

            var missing = required.FirstOrDefault(r => Get(r).Length == 0);
            if (missing is not null)
            {
                _issues.Add(new GazetteerIssue(source, row, $"empty '{missing}'; row skipped"));
                continue;
            }

            onRow(Get, row);
        }
    }

    private void AddSeedRow(Func<string, string> get, int row)
    {
        var kind = get("kind") switch
        {
            "coin" => EntityKind.Coin,
            "token" => EntityKind.Token,
            "stablecoin" => EntityKind.Stablecoin,
            "exchange" => EntityKind.Exchange,
            "protocol" => EntityKind.Protocol,
            "chain" => EntityKind.Chain,
            "person" => EntityKind.Person,
            "org" => EntityKind.Organization,
            "regulator" => EntityKind.Regulator,
            "etf" => EntityKind.Etf,
            "alias" => EntityKind.Alias,
            var other => throw new InvalidOperationException($"seed:{row}: unknown kind '{other}'"),
        };
        var flags = get("flags");
        var condition = get("condition") switch
        {
            "" or "Always" => LinkCondition.Always,
            "Buying" => LinkCondition.Buying,
            "Minting" => LinkCondition.Minting,
            "Tokens" => LinkCondition.Tokens,
            var other => throw new InvalidOperationException($"seed:{row}: unknown condition '{other}'"),
        };
        AddEntry(
            new GazetteerEntry(get("id"), kind, get("name"))
            {
                Symbol = NullIfEmpty(get("symbol")),
                Aliases = SplitList(get("aliases")),
                Category = NullIfEmpty(get("category")),
                Rank = int.TryParse(get("rank"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var rank) ? rank : null,
                Implies = NullIfEmpty(get("implies")),
                LinkCondition = condition,
                NameNeedsContext = flags.Contains('n', StringComparison.Ordinal),
                SymbolNeedsContext = flags.Contains('s', StringComparison.Ordinal),
                IsCurated = true,
            },
            "seed",
            row);
    }

    private void AddCoin(CoinListing? coin, string source, int row)
    {
        if (coin is null || !IsValidText(coin.Id) || !IsValidText(coin.Name))
        {
            _issues.Add(new GazetteerIssue(source, row, "coin without a valid id or name; row skipped"));
            return;
        }

        var symbol = string.IsNullOrWhiteSpace(coin.Symbol) ? null : coin.Symbol.Trim().ToUpperInvariant();
        var stable = symbol is not null && (symbol.StartsWith("USD", StringComparison.Ordinal) || symbol.EndsWith("USD", StringComparison.Ordinal))
            || coin.Name.Contains("Stablecoin", StringComparison.OrdinalIgnoreCase);
        AddEntry(new GazetteerEntry(coin.Id.Trim(), stable ? EntityKind.Stablecoin : EntityKind.Token, coin.Name.Trim()) { Symbol = symbol }, source, row);
    }

    private void AddProtocol(ProtocolListing protocol, string source, int row, int rank)
    {
        if (!IsValidText(protocol.Slug) || !IsValidText(protocol.Name))
        {
            _issues.Add(new GazetteerIssue(source, row, "protocol without a valid slug or name; row skipped"));
            return;
        }

        var kind = protocol.Category switch
        {
            "CEX" or "Dexs" or "DEX Aggregator" => EntityKind.Exchange,
            "Chain" => EntityKind.Chain,
            _ => EntityKind.Protocol,
        };
        foreach (var chain in protocol.Chains)
        {
            if (IsValidText(chain))
            {
                _listChains.Add(chain.Trim());
            }
        }

        AddEntry(
            new GazetteerEntry(protocol.Slug.Trim(), kind, protocol.Name.Trim())
            {
                Symbol = protocol.Symbol?.Trim() is { Length: > 0 } s && s != "-" ? s.ToUpperInvariant() : null,
                Category = protocol.Category,
                Chains = protocol.Chains,
                Rank = rank,
            },
            source,
            row);
    }

    private void AddExchange(ExchangeListing? exchange, string source, int row)
    {
        if (exchange is null || !IsValidText(exchange.Id) || !IsValidText(exchange.Name))
        {
            _issues.Add(new GazetteerIssue(source, row, "exchange without a valid id or name; row skipped"));
            return;
        }

        AddEntry(new GazetteerEntry(exchange.Id.Trim(), EntityKind.Exchange, exchange.Name.Trim()) { Category = exchange.Kind?.ToUpperInvariant() }, source, row);
    }

    private void AddEntry(GazetteerEntry entry, string source, int row, bool reportDuplicates = true)
    {
        if (!IsValidText(entry.Id) || !IsValidText(entry.Name))
        {
            _issues.Add(new GazetteerIssue(source, row, "entry without a valid id or name; skipped"));
            return;
        }

        var key = (entry.IsAsset ? "asset" : entry.Kind is EntityKind.Exchange or EntityKind.Protocol or EntityKind.Chain ? "venue" : entry.Kind.ToString()) + ":" + entry.Id;
        if (_byKey.TryGetValue(key, out var existing))
        {
            var old = _entries[existing.Index];
            if (old.IsCurated && !entry.IsCurated)
            {
                // The curated entry keeps its names and rules; the list may add a category and chains.
                _entries[existing.Index] = old with
                {
                    Category = old.Category ?? entry.Category,
                    Chains = old.Chains.Count > 0 ? old.Chains : entry.Chains,
                };
            }
            else if (reportDuplicates && string.Equals(existing.Source, source, StringComparison.Ordinal))
            {
                _issues.Add(new GazetteerIssue(source, row, $"duplicate id '{entry.Id}'; the first row wins, this one is ignored"));
            }

            return;
        }

        _byKey.Add(key, (_entries.Count, source));
        _entries.Add(entry);
    }
}
