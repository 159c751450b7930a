using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CryptoIntel.Entities.Internal;

/// <summary>
/// A word-level multi-pattern matcher: it finds exactly the whole-word hits the <see cref="AhoCorasick"/> automaton
/// finds over the same folded patterns, in the same order (by end, then by start), but reads the text one word at a
/// time. The text is tokenized once into runs of word chars; each word gets a 64-bit key as it is read and is looked
/// up in a compact open-addressing table of the patterns' first words. A pattern of several words is found through a
/// second table keyed by its first two words, then compared char by char.
/// </summary>
/// <remarks>
/// <para>
/// A whole-word hit starts at a word start and ends at a word end, and a pattern starts and ends on a word char, so
/// its first word (its first run of word chars) is exactly the folded word of the text where it starts, and its
/// second word the next word of the text: one probe per word decides whether anything can start there, and one more,
/// for the few words that start longer names (<c>bitcoin</c>, <c>the</c>), which of those names can.
/// </para>
/// <para>
/// Keys: an ASCII word of up to ten chars packs its folded chars, six bits each, into the key, which is then exact: a
/// one-word hit needs no comparison at all. Longer or non-ASCII words get a 64-bit hash of their folded chars with the
/// top bit set (never a packed key), and a hit is confirmed by comparing the chars.
/// </para>
/// </remarks>
internal sealed class WordMatcher
{
    private const int MaxPackedLength = 10;
    private const ulong HashedBit = 1UL << 63;
    private const ulong FnvOffset = 14695981039346656037;
    private const ulong FnvPrime = 1099511628211;
    private const ulong Golden = 0x9E3779B97F4A7C15;

    /// <summary>For ASCII: 1–36 for a word char (digits, then case-folded letters), 0 for any other char (data in the image: no bounds check for a char below 128).</summary>
    private static ReadOnlySpan<byte> AsciiCode =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0, 0, 0, 0, 0, 0,
        0, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25,
        26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 0, 0, 0, 0, 0,
        0, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25,
        26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 0, 0, 0, 0, 0,
    ];

    private readonly WordSlot[] _words;
    private readonly int _wordShift;
    private readonly PairSlot[] _pairs;
    private readonly int _pairShift;
    private readonly Entry[] _entries;
    private readonly string[] _patterns;
    private readonly int _maxFirstWord;

    private WordMatcher(WordSlot[] words, PairSlot[] pairs, Entry[] entries, string[] patterns, int maxFirstWord, int firstWordCount)
    {
        _words = words;
        _wordShift = 64 - BitOperations.Log2((uint)words.Length);
        _pairs = pairs;
        _pairShift = 64 - BitOperations.Log2((uint)pairs.Length);
        _entries = entries;
        _patterns = patterns;
        _maxFirstWord = maxFirstWord;
        FirstWordCount = firstWordCount;
    }

    /// <summary>Gets the number of patterns.</summary>
    public int PatternCount => _patterns.Length;

    /// <summary>Gets the number of distinct first words.</summary>
    public int FirstWordCount { get; }

    /// <summary>Gets the approximate size of the matcher's arrays, in bytes.</summary>
    public long SizeInBytes => (16L * _words.Length) + (16L * _pairs.Length) + (8L * _entries.Length);

    /// <summary>Builds the matcher; pattern <c>i</c> is <paramref name="patterns"/>[i], already folded, distinct, starting and ending on a word char.</summary>
    /// <exception cref="ArgumentException">A pattern does not start and end on a word char.</exception>
    public static WordMatcher Build(string[] patterns)
    {
        var single = new Dictionary<ulong, int>(patterns.Length);
        var multi = new Dictionary<ulong, List<int>>();
        var firstWords = new HashSet<ulong>();
        var secondWords = new Dictionary<ulong, uint>();
        var maxFirstWord = 0;
        for (var p = 0; p < patterns.Length; p++)
        {
            var pattern = patterns[p];
            if (pattern.Length == 0 || !TextRules.IsWordChar(pattern[0]) || !TextRules.IsWordChar(pattern[^1]))
            {
                throw new ArgumentException($"Pattern {p} '{pattern}' must start and end on a word char.", nameof(patterns));
            }

            var first = WordLength(pattern, 0);
            maxFirstWord = Math.Max(maxFirstWord, first);
            var key1 = KeyOf(pattern.AsSpan(0, first));
            firstWords.Add(key1);
            if (first == pattern.Length)
            {
                // Distinct folded patterns with the same exact key are the same word; with the same hash, a collision
                // (which 64 bits make as good as impossible) would be caught by the char comparison of hashed keys, but
                // a slot holds one pattern: fail loudly rather than miss one.
                if (!single.TryAdd(key1, p))
                {
                    throw new ArgumentException($"Patterns {single[key1]} and {p} have the same word key.", nameof(patterns));
                }

                continue;
            }

            var secondStart = first;
            while (!TextRules.IsWordChar(pattern[secondStart]))
            {
                secondStart++;
            }

            var key2 = KeyOf(pattern.AsSpan(secondStart, WordLength(pattern, secondStart)));
            var pair = PairKey(key1, key2);
            if (!multi.TryGetValue(pair, out var list))
            {
                list = new List<int>(1);
                multi.Add(pair, list);
            }

            list.Add(p);
            secondWords[key1] = secondWords.GetValueOrDefault(key1) | SecondWordBit(key2);
        }

        // First words: the one-word pattern (if any) and whether longer patterns start with the word.
        var words = new WordSlot[TableSize(firstWords.Count)];
        var wordShift = 64 - BitOperations.Log2((uint)words.Length);
        foreach (var key in firstWords)
        {
            var i = (int)((key * Golden) >> wordShift);
            while (words[i].Key != 0)
            {
                i = (i + 1) & (words.Length - 1);
            }

            words[i] = new WordSlot(key, single.TryGetValue(key, out var p) ? p : -1, secondWords.GetValueOrDefault(key));
        }

        // First two words: the patterns of several words, shorter first (so that the hits of one start come out by end).
        var pairs = new PairSlot[TableSize(multi.Count)];
        var pairShift = 64 - BitOperations.Log2((uint)pairs.Length);
        var entries = new Entry[patterns.Length - single.Count];
        var nextEntry = 0;
        foreach (var (pair, list) in multi)
        {
            list.Sort((a, b) => patterns[a].Length.CompareTo(patterns[b].Length));
            var firstEntry = nextEntry;
            foreach (var p in list)
            {
                entries[nextEntry++] = new Entry(p, patterns[p].Length);
            }

            var i = (int)((pair * Golden) >> pairShift);
            while (pairs[i].Count != 0)
            {
                i = (i + 1) & (pairs.Length - 1);
            }

            pairs[i] = new PairSlot(pair, firstEntry, list.Count);
        }

        return new WordMatcher(words, pairs, entries, patterns, maxFirstWord, firstWords.Count);
    }

    /// <summary>Returns the folded patterns, indexed by pattern (to build the reference automaton over the same patterns).</summary>
    public IReadOnlyList<string> GetPatterns() => _patterns;

    /// <summary>Scans the text once and adds every whole-word hit to <paramref name="hits"/>, ordered by end, then by start.</summary>
    /// <remarks>
    /// Each word is read once: its key is probed as a first word, and, when the word before it starts longer names
    /// whose second words may include it (a 32-bit filter in the previous word's slot), the pair is probed too.
    /// </remarks>
    public void Scan(ReadOnlySpan<char> text, ref HitBuffer hits)
    {
        var codes = AsciiCode;
        ref var words = ref MemoryMarshal.GetArrayDataReference(_words);
        var wordMask = _words.Length - 1;
        var wordShift = _wordShift;
        var maxFirstWord = _maxFirstWord;
        var n = text.Length;
        var i = 0;

        // The previous word, when longer names start with it: its start, key and second-word filter.
        var previousStart = 0;
        var previousKey = 0UL;
        uint previousSecond = 0;
        while (i < n)
        {
            var c = text[i];
            if (c < 128 ? codes[c] == 0 : !char.IsLetterOrDigit(c))
            {
                i++;
                continue;
            }

            var start = i;
            var key = ReadKey(text, ref i);
            if (previousSecond != 0)
            {
                // A name of several words is at most MaxPatternLength chars: its second word starts within them.
                if ((previousSecond & SecondWordBit(key)) != 0 && start < previousStart + TextRules.MaxPatternLength)
                {
                    MatchLonger(text, previousStart, PairKey(previousKey, key), ref hits);
                }

                previousSecond = 0;
            }

            if (i - start > maxFirstWord)
            {
                continue;
            }

            var s = (int)((key * Golden) >> wordShift);
            while (true)
            {
                ref var slot = ref Unsafe.Add(ref words, s);
                if (slot.Key == key)
                {
                    // The word is a whole word (i is at its end): a one-word pattern with an exact key is a hit as is.
                    if (slot.Pattern >= 0 && ((key & HashedBit) == 0 || Equal(text[start..i], slot.Pattern)))
                    {
                        hits.AddByEnd(new PatternHit(slot.Pattern, start, i));
                    }

                    if (slot.SecondWords != 0)
                    {
                        previousStart = start;
                        previousKey = key;
                        previousSecond = slot.SecondWords;
                    }

                    break;
                }

                if (slot.Key == 0)
                {
                    break;
                }

                s = (s + 1) & wordMask;
            }
        }
    }

    /// <summary>The key of a folded word (as the scan computes it from the text).</summary>
    internal static ulong KeyOf(ReadOnlySpan<char> folded)
    {
        var i = 0;
        var key = ReadKey(folded, ref i);
        return key;
    }

    /// <summary>Reads the word that starts at <paramref name="i"/> (a word char) and returns its key; <paramref name="i"/> ends just after it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong ReadKey(ReadOnlySpan<char> text, ref int i)
    {
        var codes = AsciiCode;
        var start = i;
        var n = text.Length;
        ulong key = 0;
        var packed = true;
        do
        {
            var c = text[i];
            uint code;
            if (c < 128)
            {
                code = codes[c];
                if (code == 0)
                {
                    break;
                }
            }
            else
            {
                if (!char.IsLetterOrDigit(c))
                {
                    break;
                }

                // A non-ASCII char that folds to an ASCII one (the Kelvin sign) packs like it.
                var f = TextRules.Fold(c);
                code = f < 128 ? codes[f] : 0u;
                packed &= code != 0;
            }

            key = (key << 6) | code;
        }
        while (++i < n);

        return packed && i - start <= MaxPackedLength ? key : Hash(text[start..i]);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ulong Hash(ReadOnlySpan<char> word)
    {
        var hash = FnvOffset;
        foreach (var c in word)
        {
            hash = (hash ^ TextRules.Fold(c)) * FnvPrime;
        }

        return hash | HashedBit;
    }

    /// <summary>The bit of a second word in <see cref="WordSlot.SecondWords"/>: a 32-bit filter that spares most pair probes.</summary>
    private static uint SecondWordBit(ulong key) => 1u << (int)((key * Golden) >> 59);

    private static ulong PairKey(ulong first, ulong second) => (BitOperations.RotateLeft(first, 23) * Golden) ^ second;

    private static int TableSize(int count) => Math.Max(16, (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, count) * 2));

    private static int WordLength(string pattern, int start)
    {
        var i = start;
        while (i < pattern.Length && TextRules.IsWordChar(pattern[i]))
        {
            i++;
        }

        return i - start;
    }

    /// <summary>The patterns of several words that start at <paramref name="start"/> with the pair of words <paramref name="pair"/>: compared with the text.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void MatchLonger(ReadOnlySpan<char> text, int start, ulong pair, ref HitBuffer hits)
    {
        var pairs = _pairs;
        var s = (int)((pair * Golden) >> _pairShift);
        while (true)
        {
            ref readonly var slot = ref pairs[s];
            if (slot.Count == 0)
            {
                return;
            }

            if (slot.Key == pair)
            {
                for (var k = slot.First; k < slot.First + slot.Count; k++)
                {
                    var e = _entries[k];
                    var hitEnd = start + e.Length;
                    if (hitEnd <= text.Length && (hitEnd == text.Length || !TextRules.IsWordChar(text[hitEnd]))
                        && EqualFolded(text.Slice(start, e.Length), _patterns[e.Pattern]))
                    {
                        hits.AddByEnd(new PatternHit(e.Pattern, start, hitEnd));
                    }
                }

                return;
            }

            s = (s + 1) & (pairs.Length - 1);
        }
    }

    private bool Equal(ReadOnlySpan<char> text, int pattern) => EqualFolded(text, _patterns[pattern]);

    private static bool EqualFolded(ReadOnlySpan<char> text, ReadOnlySpan<char> folded)
    {
        if (text.Length != folded.Length)
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (TextRules.Fold(text[i]) != folded[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A distinct first word (key 0 marks an empty slot: a packed key of a word is never 0).</summary>
    /// <param name="Key">The word's key.</param>
    /// <param name="Pattern">The one-word pattern that is this word, or -1.</param>
    /// <param name="SecondWords">A filter of the second words of the patterns of several words that start with this word (one bit per second word, hashed); 0 when there are none.</param>
    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct WordSlot(ulong Key, int Pattern, uint SecondWords);

    /// <summary>The patterns of several words that start with one pair of words.</summary>
    /// <param name="Key">The pair's key.</param>
    /// <param name="First">The first of their entries.</param>
    /// <param name="Count">The number of entries (0 for an empty slot).</param>
    private readonly record struct PairSlot(ulong Key, int First, int Count);

    /// <summary>A pattern of several words.</summary>
    /// <param name="Pattern">The pattern index.</param>
    /// <param name="Length">Its length.</param>
    private readonly record struct Entry(int Pattern, int Length);
}
