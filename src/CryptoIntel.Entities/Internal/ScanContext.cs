using System.Collections.Frozen;

namespace CryptoIntel.Entities.Internal;

/// <summary>Per-call state of one extraction: the text, the gazetteer, and facts about the text computed once and lazily.</summary>
internal ref struct ScanContext
{
    private int _shouting;
    private int _tokens;

    public ScanContext(ReadOnlySpan<char> text, Gazetteer gazetteer, int window)
    {
        Text = text;
        Gazetteer = gazetteer;
        Window = window;
    }

    public ReadOnlySpan<char> Text { get; }

    public Gazetteer Gazetteer { get; }

    public int Window { get; }

    /// <summary>Gets a value indicating whether the text is written in capitals (then case says nothing about tickers).</summary>
    public bool IsShouting
    {
        get
        {
            if (_shouting == 0)
            {
                int letters = 0, upper = 0;
                var limit = Math.Min(Text.Length, 4096);
                var text = Text[..limit];
                foreach (var c in text)
                {
                    if (c < 128)
                    {
                        if (char.IsAsciiLetter(c))
                        {
                            letters++;
                            if (c <= 'Z')
                            {
                                upper++;
                            }
                        }
                    }
                    else if (char.IsLetter(c))
                    {
                        letters++;
                        if (char.IsUpper(c))
                        {
                            upper++;
                        }
                    }
                }

                _shouting = letters >= 12 && upper * 10 >= letters * 7 ? 1 : 2;
            }

            return _shouting == 1;
        }
    }

    public bool HasTokenWord => Has(Text, ref _tokens, WordLists.TokenWords);

    /// <summary>Gets a value indicating whether one of the words up to <paramref name="leftWindow"/> words before or <paramref name="rightWindow"/> words after the span is in <paramref name="set"/>.</summary>
    public readonly bool HasNearbyWord(int start, int end, int leftWindow, int rightWindow, FrozenSet<string> set)
    {
        var lookup = set.GetAlternateLookup<ReadOnlySpan<char>>();
        var text = Text;

        // Left.
        var i = start - 1;
        for (var w = 0; w < leftWindow && i >= 0; w++)
        {
            while (i >= 0 && !TextRules.IsWordChar(text[i]))
            {
                i--;
            }

            var wordEnd = i + 1;
            while (i >= 0 && TextRules.IsWordChar(text[i]))
            {
                i--;
            }

            if (wordEnd > i + 1 && lookup.Contains(text[(i + 1)..wordEnd]))
            {
                return true;
            }
        }

        // Right.
        i = end;
        for (var w = 0; w < rightWindow && i < text.Length; w++)
        {
            while (i < text.Length && !TextRules.IsWordChar(text[i]))
            {
                i++;
            }

            var wordStart = i;
            while (i < text.Length && TextRules.IsWordChar(text[i]))
            {
                i++;
            }

            if (i > wordStart && lookup.Contains(text[wordStart..i]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Has(ReadOnlySpan<char> text, ref int state, FrozenSet<string> set)
    {
        if (state == 0)
        {
            state = 2;
            var lookup = set.GetAlternateLookup<ReadOnlySpan<char>>();
            var i = 0;
            while (i < text.Length)
            {
                while (i < text.Length && !TextRules.IsWordChar(text[i]))
                {
                    i++;
                }

                var s = i;
                while (i < text.Length && TextRules.IsWordChar(text[i]))
                {
                    i++;
                }

                if (i > s && lookup.Contains(text[s..i]))
                {
                    state = 1;
                    break;
                }
            }
        }

        return state == 1;
    }
}
