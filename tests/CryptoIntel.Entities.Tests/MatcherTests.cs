using CryptoIntel.Entities.Internal;

namespace CryptoIntel.Entities.Tests;

public class MatcherTests
{
    [Fact]
    public void Scan_RandomTexts_FindsExactlyTheWholeWordOccurrencesOfEveryPattern()
    {
        string[] vocabulary = ["bit", "bitcoin", "coin", "cash", "in", "a", "ab", "aba", "b", "eth", "ether", "x1", "$", "-", ".", "é", "ÉTÉ"];
        var random = new Random(7);
        var patterns = new List<string>();
        for (var p = 0; p < 60; p++)
        {
            var words = Enumerable.Range(0, random.Next(1, 4)).Select(_ => vocabulary[random.Next(vocabulary.Length)]);
            var pattern = TextRules.Fold(string.Join(random.Next(3) == 0 ? "-" : " ", words));
            if (TextRules.IsWordChar(pattern[0]) && TextRules.IsWordChar(pattern[^1]) && !patterns.Contains(pattern))
            {
                patterns.Add(pattern);
            }
        }

        var matcher = AhoCorasick.Build(patterns);
        var total = 0;
        for (var t = 0; t < 300; t++)
        {
            var text = string.Join(random.Next(4) == 0 ? "-" : " ", Enumerable.Range(0, random.Next(1, 25)).Select(_ => vocabulary[random.Next(vocabulary.Length)].ToUpperInvariant()));
            var buffer = new HitBuffer(4);
            matcher.Scan(text, ref buffer);
            var actual = buffer.Items.ToArray().Select(h => (h.Pattern, h.Start, h.End)).Order().ToList();
            buffer.Dispose();
            Assert.Equal(Naive(patterns, text), actual);
            total += actual.Count;
        }

        Assert.True(total > 300, $"only {total} hits: the random texts do not exercise the matcher");
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
