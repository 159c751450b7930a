using System.Buffers;

namespace CryptoIntel.Entities.Internal;

/// <summary>Finds money amounts (<c>$2B</c>, <c>US$ 29 milhões</c>), percentages (<c>10%</c>) and asset quantities (<c>20,000 $ETH</c>) in one pass.</summary>
internal static class Amounts
{
    private const int AttachDistance = 60;

    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");

    public static IReadOnlyList<ExtractedAmount> Scan(ReadOnlySpan<char> text, List<ExtractedEntity> entities)
    {
        List<ExtractedAmount>? result = null;
        var i = 0;
        while (i < text.Length)
        {
            // Jump to the next digit (vectorised): most of a text has none.
            var next = text[i..].IndexOfAny(Digits);
            if (next < 0)
            {
                break;
            }

            i += next;
            if (i > 0 && (char.IsAsciiDigit(text[i - 1]) || char.IsAsciiLetter(text[i - 1]) || text[i - 1] == '.'))
            {
                i++;
                continue;
            }

            var start = i;
            var dollar = false;
            var j = start - 1;
            while (j >= 0 && text[j] == ' ' && start - j <= 2)
            {
                j--;
            }

            if (j >= 0 && text[j] == '$')
            {
                dollar = true;
                start = j;
                if (j >= 2 && text[j - 1] is 'S' && text[j - 2] is 'U')
                {
                    start = j - 2;
                }
            }

            if (!TryParseNumber(text, i, out var value, out var end))
            {
                i++;
                continue;
            }

            // Suffixes: K/M/B/T, bn, million, billion, milhões, bilhões ...
            var k = end;
            var multiplier = 1m;
            if (k < text.Length && !(k + 1 < text.Length && char.IsAsciiLetter(text[k + 1]) && text[k] is 'K' or 'k' or 'M' or 'm' or 'B' or 'b' or 'T'))
            {
                switch (text[k])
                {
                    case 'K' or 'k': multiplier = 1e3m; k++; break;
                    case 'M' or 'm': multiplier = 1e6m; k++; break;
                    case 'B' or 'b': multiplier = 1e9m; k++; break;
                    case 'T': multiplier = 1e12m; k++; break;
                }
            }

            if (multiplier == 1m)
            {
                var w = k;
                while (w < text.Length && text[w] == ' ')
                {
                    w++;
                }

                var wordEnd = w;
                while (wordEnd < text.Length && char.IsLetter(text[wordEnd]))
                {
                    wordEnd++;
                }

                var word = text[w..wordEnd];
                var m = Multiplier(word);
                if (m != 1m)
                {
                    multiplier = m;
                    k = wordEnd;
                }
            }

            AmountKind kind;
            if (k < text.Length && text[k] == '%')
            {
                kind = AmountKind.Percent;
                k++;
                if (start > 0 && text[start - 1] is '-' or '+' && (start == 1 || !TextRules.IsWordChar(text[start - 2])))
                {
                    if (text[start - 1] == '-')
                    {
                        value = -value;
                    }

                    start--;
                }
            }
            else if (dollar)
            {
                kind = AmountKind.UsDollars;
            }
            else
            {
                kind = AmountKind.Quantity;
            }

            var amount = new ExtractedAmount(value * multiplier, kind, start, k - start);
            string? entity;
            if (kind == AmountKind.Quantity)
            {
                entity = QuantityOf(text, entities, k);
                if (entity is null)
                {
                    i = k;
                    continue;
                }
            }
            else
            {
                entity = Nearest(entities, start, k);
            }

            (result ??= []).Add(amount with { EntityId = entity });
            i = Math.Max(k, i + 1);
        }

        return result ?? (IReadOnlyList<ExtractedAmount>)[];
    }

    private static decimal Multiplier(ReadOnlySpan<char> word)
    {
        if (word.Equals("thousand", StringComparison.OrdinalIgnoreCase) || word.Equals("mil", StringComparison.OrdinalIgnoreCase))
        {
            return 1e3m;
        }

        if (word.Equals("million", StringComparison.OrdinalIgnoreCase) || word.Equals("millions", StringComparison.OrdinalIgnoreCase)
            || word.Equals("mln", StringComparison.OrdinalIgnoreCase) || word.StartsWith("milh", StringComparison.OrdinalIgnoreCase)
            || word.Equals("millones", StringComparison.OrdinalIgnoreCase))
        {
            return 1e6m;
        }

        if (word.Equals("billion", StringComparison.OrdinalIgnoreCase) || word.Equals("billions", StringComparison.OrdinalIgnoreCase)
            || word.Equals("bn", StringComparison.OrdinalIgnoreCase) || word.StartsWith("bilh", StringComparison.OrdinalIgnoreCase))
        {
            return 1e9m;
        }

        if (word.Equals("trillion", StringComparison.OrdinalIgnoreCase) || word.StartsWith("trilh", StringComparison.OrdinalIgnoreCase))
        {
            return 1e12m;
        }

        return 1m;
    }

    private static bool TryParseNumber(ReadOnlySpan<char> text, int i, out decimal value, out int end)
    {
        long mantissa = 0;
        var scale = 0;
        var digits = 0;
        var seenPoint = false;
        end = i;
        while (end < text.Length)
        {
            var c = text[end];
            if (char.IsAsciiDigit(c))
            {
                if (digits < 18)
                {
                    mantissa = (mantissa * 10) + (c - '0');
                    digits++;
                    if (seenPoint)
                    {
                        scale++;
                    }
                }

                end++;
            }
            else if ((c == ',' || c == '.') && end + 1 < text.Length && char.IsAsciiDigit(text[end + 1]))
            {
                // "3,600" is a thousands separator; "71.5" is a decimal point.
                if (c == '.' && !seenPoint)
                {
                    seenPoint = true;
                }
                else if (c == '.')
                {
                    break;
                }

                end++;
            }
            else
            {
                break;
            }
        }

        value = digits == 0 ? 0 : new decimal(mantissa) / Pow10(scale);
        return digits > 0;
    }

    private static decimal Pow10(int scale)
    {
        var result = 1m;
        for (var s = 0; s < scale; s++)
        {
            result *= 10m;
        }

        return result;
    }

    private static string? QuantityOf(ReadOnlySpan<char> text, List<ExtractedEntity> entities, int end)
    {
        for (var i = FirstStartingAtOrAfter(entities, end); i < entities.Count; i++)
        {
            var e = entities[i];
            if (e.IsImplied || e.Start - end > 2)
            {
                break;
            }

            if (e.Entry.IsAsset && text[end..e.Start].Trim(" $").IsEmpty)
            {
                return e.Id;
            }
        }

        return null;
    }

    /// <summary>The nearest literal entity within <see cref="AttachDistance"/> chars, assets first; literal entities are sorted by start.</summary>
    private static string? Nearest(List<ExtractedEntity> entities, int start, int end)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        var bestIsAsset = false;
        var first = FirstStartingAtOrAfter(entities, Math.Max(0, start - AttachDistance - TextRules.MaxPatternLength));
        for (var i = first; i < entities.Count; i++)
        {
            var e = entities[i];
            if (e.IsImplied || e.Start > end + AttachDistance)
            {
                break;
            }

            var distance = e.Start >= end ? e.Start - end : start >= e.Start + e.Length ? start - (e.Start + e.Length) : 0;
            if (distance > AttachDistance)
            {
                continue;
            }

            // Prefer assets: "$2B" next to "BlackRock" and "Bitcoin" is about the bitcoin.
            var better = (e.Entry.IsAsset && !bestIsAsset) || (e.Entry.IsAsset == bestIsAsset && distance < bestDistance);
            if (better)
            {
                best = e.Id;
                bestDistance = distance;
                bestIsAsset = e.Entry.IsAsset;
            }
        }

        return best;
    }

    /// <summary>Binary search over the literal entities (sorted by start; implied ones follow them).</summary>
    private static int FirstStartingAtOrAfter(List<ExtractedEntity> entities, int position)
    {
        int lo = 0, hi = entities.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            var e = entities[mid];
            if (!e.IsImplied && e.Start < position)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
