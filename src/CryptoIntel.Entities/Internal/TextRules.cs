using System.Runtime.CompilerServices;

namespace CryptoIntel.Entities.Internal;

/// <summary>Character folding and word-boundary rules shared by the gazetteer build and the extractor.</summary>
internal static class TextRules
{
    /// <summary>The longest pattern (in chars) the gazetteer keeps; longer names are never written in news.</summary>
    public const int MaxPatternLength = 64;

    private static readonly char[] AsciiFold = BuildAsciiFold();

    /// <summary>Folds one char: ASCII to lower case, typographic quotes and dashes to ASCII, other letters to lower case.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char Fold(char c) => c < 128 ? AsciiFold[c] : FoldNonAscii(c);

    /// <summary>Gets a value indicating whether the char is part of a word (letter or digit).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWordChar(char c) => c < 128 ? char.IsAsciiLetterOrDigit(c) : char.IsLetterOrDigit(c);

    /// <summary>Folds a whole string (for patterns); the length is preserved.</summary>
    public static string Fold(string value) => string.Create(value.Length, value, static (span, v) =>
    {
        for (var i = 0; i < v.Length; i++)
        {
            span[i] = Fold(v[i]);
        }
    });

    /// <summary>Gets a value indicating whether the text has at least one letter or digit.</summary>
    public static bool HasWordChar(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (IsWordChar(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Gets a value indicating whether every word char is a digit (or punctuation), i.e. the text is a number.</summary>
    public static bool IsNumeric(ReadOnlySpan<char> value)
    {
        var any = false;
        foreach (var c in value)
        {
            if (char.IsLetter(c))
            {
                return false;
            }

            any |= char.IsDigit(c);
        }

        return any;
    }

    /// <summary>Gets a value indicating whether the span has a letter and all its letters are upper case.</summary>
    public static bool IsAllUpper(ReadOnlySpan<char> value)
    {
        var letters = 0;
        foreach (var c in value)
        {
            if (char.IsLetter(c))
            {
                if (!char.IsUpper(c))
                {
                    return false;
                }

                letters++;
            }
        }

        return letters > 0;
    }

    private static char FoldNonAscii(char c) => c switch
    {
        '\u2018' or '\u2019' or '\u02BC' or '\u2032' => '\'',
        '\u201C' or '\u201D' => '"',
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' => '-',
        '\u00A0' or '\u2009' or '\u202F' or '\u2007' => ' ',
        _ => char.ToLowerInvariant(c),
    };

    private static char[] BuildAsciiFold()
    {
        var table = new char[128];
        for (var i = 0; i < 128; i++)
        {
            var c = (char)i;
            table[i] = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c is '\t' or '\n' or '\r' ? ' ' : c;
        }

        return table;
    }
}
