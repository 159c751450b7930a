using CryptoIntel.Entities;
using CryptoIntel.Entities.Evaluate;
using CryptoIntel.Entities.Internal;
using CryptoIntel.Testing;

namespace CryptoIntel.Entities.Tests;

/// <summary>
/// The word-level matcher must find exactly the hits of the char-level Aho–Corasick automaton (the reference), in the
/// same order (by end, then by start), so the rules see the same input and accuracy cannot move.
/// </summary>
public class WordMatcherTests
{
    private static readonly Lazy<Gazetteer> Full = new(() => Evaluator.BuildFullGazetteer(SharedData.Path("data", "entities")));

    public static TheoryData<string> EdgeCases() =>
    [
        string.Empty,
        " ",
        "\n\t ",
        "BTC",
        "$BTC",
        "#ETH",
        "$$BTC$$",
        "(BTC) [ETH] {SOL} <XRP> 'ADA' \"DOGE\"",
        "BTC, ETH; SOL: XRP! DOGE? LINK.",
        "BTC/USDT ETH-USD SOL_USDC",
        "Bitcoin's rally, Ethereum’s dip and Solana‘s bounce",
        "O'Neil and o’neil",
        "Bitcoin-backed, Ether-denominated, pro-XRP",
        "Bitcoin\u2013Ethereum spread \u2014 BTC\u2012ETH",
        "Bitcoin\u00A0Cash and Bitcoin\nCash and Bitcoin  Cash and Bitcoin\tCash",
        "Ünïcödé ÉTÉ café naïve Straße İstanbul ΑΘΗΝΑ Москва 東京 bitcoin",
        "emoji 🚀 BTC 🚀🚀 to the moon 🌕 ETH",
        "BTC" + new string('x', 300) + " ETH " + new string('é', 100) + " SOL",
        new string('B', 5000),
        "12BTC 1,000 ETH 10% SOL 3.5x XRP2 2XRP",
        "\0BTC\0 \uFFFD ETH \uD83D",
        "bitcoin cash bitcoincash bitcoin-cash BITCOIN CASH",
    ];

    [Fact]
    public void Scan_RandomTexts_FindsExactlyTheWholeWordOccurrencesOfEveryPattern()
    {
        string[] vocabulary = ["bit", "bitcoin", "coin", "cash", "in", "a", "ab", "aba", "b", "eth", "ether", "x1", "$", "-", ".", "é", "ÉTÉ", "'", "’", "o'neil", "\u2013", "#", "\u00A0", "İ", "ß"];
        var random = new Random(11);
        var patterns = new List<string>();
        for (var p = 0; p < 80; p++)
        {
            var parts = Enumerable.Range(0, random.Next(1, 4)).Select(_ => vocabulary[random.Next(vocabulary.Length)]);
            var pattern = TextRules.Fold(string.Join(random.Next(3) == 0 ? "-" : " ", parts));
            if (TextRules.IsWordChar(pattern[0]) && TextRules.IsWordChar(pattern[^1]) && !patterns.Contains(pattern))
            {
                patterns.Add(pattern);
            }
        }

        var words = WordMatcher.Build([.. patterns]);
        var automaton = AhoCorasick.Build(patterns);
        var total = 0;
        for (var t = 0; t < 400; t++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 25)).Select(_ =>
            {
                var w = vocabulary[random.Next(vocabulary.Length)];
                w = random.Next(2) == 0 ? w.ToUpperInvariant() : w;
                return w + (random.Next(5) switch { 0 => "-", 1 => string.Empty, 2 => "\u2019", _ => " " });
            }));
            var actual = Hits(words, text);
            Assert.Equal(Hits(automaton, text), actual);
            Assert.Equal(Naive(patterns, text), [.. actual.Order()]);
            total += actual.Count;
        }

        Assert.True(total > 300, $"only {total} hits: the random texts do not exercise the matcher");
    }

    [Theory]
    [MemberData(nameof(EdgeCases))]
    public void Scan_EdgeCases_SameHitsAsTheAutomaton(string text)
    {
        var g = Gazetteer.Seed;
        Assert.Equal(Hits(g.Automaton, text), Hits(g.Matcher, text));
    }

    [Theory]
    [MemberData(nameof(EdgeCases))]
    public void Scan_EdgeCasesWithFullLists_SameHitsAsTheAutomaton(string text)
    {
        var g = Full.Value;
        Assert.Equal(Hits(g.Automaton, text), Hits(g.Matcher, text));
    }

    [Fact]
    public void Scan_RealTitlesWithFullLists_SameHitsAndResultsAsTheAutomaton()
    {
        var g = Full.Value;
        var extractor = new EntityExtractor(g);
        var titles = File.ReadAllLines(SharedData.Path("data", "entities", "cryptopanic_tagged_titles.csv"));
        var hits = 0;
        foreach (var title in titles)
        {
            foreach (var text in new[] { title, title.ToUpperInvariant(), title.ToLowerInvariant(), title.Replace(' ', '-') })
            {
                var expected = Hits(g.Automaton, text);
                Assert.Equal(expected, Hits(g.Matcher, text));
                hits += expected.Count;
                var a = extractor.Extract(text.AsSpan(), useAutomaton: true);
                var b = extractor.Extract(text.AsSpan(), useAutomaton: false);
                Assert.Equal(a.Entities, b.Entities);
                Assert.Equal(a.Amounts, b.Amounts);
            }
        }

        Assert.True(hits > titles.Length, $"only {hits} hits in {titles.Length} titles");
    }

    [Fact]
    public void Extract_TickersAndNamesNextToPunctuation_AreFound()
    {
        var extractor = new EntityExtractor(Gazetteer.Seed);
        Assert.Equal(["bitcoin", "ethereum", "solana"], extractor.Extract("(BTC), ETH; and $SOL.").GetMentionedAssetIds());
        Assert.Equal(["bitcoin", "ethereum"], extractor.Extract("Bitcoin’s rally and Ethereum's dip").GetMentionedAssetIds());
        Assert.Equal(["bitcoin-cash"], extractor.Extract("Bitcoin\u00A0Cash surges").GetMentionedAssetIds());
        Assert.Equal(["bitcoin"], extractor.Extract("Bitcoin-backed loans grow").GetMentionedAssetIds());
    }

    [Fact]
    public void Extract_EmptyAndVeryLongWords_FindNothingAndDoNotThrow()
    {
        var extractor = new EntityExtractor(Gazetteer.Seed);
        Assert.Empty(extractor.Extract(string.Empty).Entities);
        Assert.Empty(extractor.Extract(new string('B', 100_000)).Entities);
        Assert.Equal(["ethereum"], extractor.Extract(new string('x', 10_000) + " Ethereum " + new string('é', 10_000)).GetMentionedAssetIds());
    }

    private static List<(int, int, int)> Hits(WordMatcher matcher, string text)
    {
        var buffer = new HitBuffer(4);
        matcher.Scan(text, ref buffer);
        var hits = buffer.Items.ToArray().Select(h => (h.Pattern, h.Start, h.End)).ToList();
        buffer.Dispose();
        return hits;
    }

    private static List<(int, int, int)> Hits(AhoCorasick matcher, string text)
    {
        var buffer = new HitBuffer(4);
        matcher.Scan(text, ref buffer);
        var hits = buffer.Items.ToArray().Select(h => (h.Pattern, h.Start, h.End)).ToList();
        buffer.Dispose();
        return hits;
    }

    private static List<(int, int, int)> Naive(List<string> patterns, string text)
    {
        var folded = TextRules.Fold(text);
        var hits = new List<(int, int, int)>();
        for (var p = 0; p < patterns.Count; p++)
        {
            for (var i = folded.IndexOf(patterns[p], StringComparison.Ordinal); i >= 0; i = folded.IndexOf(patterns[p], i + 1, StringComparison.Ordinal))
            {
                var end = i + patterns[p].Length;
                if ((i == 0 || !TextRules.IsWordChar(text[i - 1])) && (end == text.Length || !TextRules.IsWordChar(text[end])))
                {
                    hits.Add((p, i, end));
                }
            }
        }

        return [.. hits.Order()];
    }
}
