using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace CryptoIntel.Entities.Internal;

/// <summary>A raw hit of the automaton: a pattern ending at <see cref="End"/> (exclusive).</summary>
internal readonly record struct PatternHit(int Pattern, int Start, int End);

/// <summary>
/// An Aho–Corasick automaton over folded chars, restricted to whole-word matches, stored in flat arrays (states in
/// depth-first order, children in compressed sparse rows sorted by char, dense ASCII tables for busy states).
/// One pass over the text; the work per char is one transition plus the failure links it amortises. Failure links
/// only lead to suffixes that start at a word boundary, so text inside a word that cannot match is skipped at the root.
/// </summary>
/// <remarks>
/// The automaton (about 150k states for the full lists) is far larger than the L2 cache, so each char of a name costs a
/// cache miss or two; the layout is chosen to keep that to as few lines as possible: everything a state needs per
/// char (its edges, dense table, failure link and first output) is one <see cref="State"/> record, and an edge's char
/// and target sit side by side in one <see cref="Edge"/>.
/// </remarks>
internal sealed class AhoCorasick
{
    private const int Root = 0;
    private const int DenseRootSize = 128;

    private const int DenseMinChildren = 4;

    private readonly State[] _states;
    private readonly Edge[] _edges;
    private readonly int[] _dense;
    private readonly int[] _pattern;
    private readonly int[] _outLink;
    private readonly int[] _patternLength;

    private AhoCorasick(int[] childStart, char[] childChar, int[] childTarget, int[] fail, int[] pattern, int[] outLink, int[] patternLength)
    {
        var stateCount = childStart.Length - 1;
        _states = new State[stateCount];
        _edges = new Edge[childChar.Length];
        for (var i = 0; i < childChar.Length; i++)
        {
            _edges[i] = new Edge(childChar[i], childTarget[i]);
        }

        // States with many children (the shallow ones every word passes through) get a dense ASCII table:
        // one array read instead of a search.
        var denseStates = 0;
        for (var s = 0; s < stateCount; s++)
        {
            var dense = childStart[s + 1] - childStart[s] >= DenseMinChildren ? denseStates++ * DenseRootSize : -1;
            var hasChildren = childStart[s + 1] > childStart[s];
            Debug.Assert(!hasChildren || childTarget[childStart[s]] == s + 1, "States are numbered depth first.");
            _states[s] = new State(hasChildren ? childChar[childStart[s]] : -1, childStart[s], childStart[s + 1], dense, fail[s], pattern[s] >= 0 ? s : outLink[s]);
        }

        _dense = new int[denseStates * DenseRootSize];
        Array.Fill(_dense, -1);
        for (var s = 0; s < stateCount; s++)
        {
            if (_states[s].Dense >= 0)
            {
                for (var i = childStart[s]; i < childStart[s + 1]; i++)
                {
                    if (childChar[i] < DenseRootSize)
                    {
                        _dense[_states[s].Dense + childChar[i]] = childTarget[i];
                    }
                }
            }
        }

        _pattern = pattern;
        _outLink = outLink;
        _patternLength = patternLength;
    }

    /// <summary>Gets the number of states.</summary>
    public int StateCount => _states.Length;

    /// <summary>Gets the number of states with a dense ASCII table.</summary>
    public int DenseStateCount => _dense.Length / DenseRootSize;

    /// <summary>Gets the approximate size of the automaton's arrays, in bytes.</summary>
    public long SizeInBytes => (24L * _states.Length) + (8L * _edges.Length) + (4L * (_pattern.Length + _outLink.Length + _patternLength.Length + _dense.Length));

    /// <summary>Builds the automaton; pattern <c>i</c> is <paramref name="patterns"/>[i], already folded and distinct.</summary>
    public static AhoCorasick Build(IReadOnlyList<string> patterns)
    {
        // 1. Trie, edges in one hash table keyed by (state, char).
        var edges = new Dictionary<long, int>(patterns.Count * 8);
        var patternAt = new List<int> { -1 };
        var patternLength = new int[patterns.Count];
        for (var p = 0; p < patterns.Count; p++)
        {
            var s = Root;
            var text = patterns[p];
            patternLength[p] = text.Length;
            foreach (var c in text)
            {
                var key = ((long)s << 16) | c;
                if (!edges.TryGetValue(key, out var next))
                {
                    next = patternAt.Count;
                    patternAt.Add(-1);
                    edges.Add(key, next);
                }

                s = next;
            }

            patternAt[s] = p;
        }

        var stateCount = patternAt.Count;

        // Renumber the states depth first (pre-order, children by char): a state's first child is the next state, so
        // following a name through the trie walks memory forwards, and the first child needs no edge lookup at all.
        var children = new List<(char C, int Target)>[stateCount];
        foreach (var (key, target) in edges)
        {
            var from = (int)(key >> 16);
            (children[from] ??= []).Add(((char)(key & 0xFFFF), target));
        }

        var order = new int[stateCount];
        var newId = new int[stateCount];
        var numbered = 0;
        var stack = new Stack<int>();
        stack.Push(Root);
        while (stack.Count > 0)
        {
            var old = stack.Pop();
            newId[old] = numbered;
            order[numbered++] = old;
            if (children[old] is { } list)
            {
                list.Sort(static (a, b) => a.C.CompareTo(b.C));
                for (var i = list.Count - 1; i >= 0; i--)
                {
                    stack.Push(list[i].Target);
                }
            }
        }

        var childStart = new int[stateCount + 1];
        var childChar = new char[edges.Count];
        var childTarget = new int[edges.Count];
        var slot = 0;
        var renumberedPattern = new int[stateCount];
        for (var n = 0; n < stateCount; n++)
        {
            var old = order[n];
            childStart[n] = slot;
            renumberedPattern[n] = patternAt[old];
            if (children[old] is { } list)
            {
                foreach (var (c, t) in list)
                {
                    childChar[slot] = c;
                    childTarget[slot] = newId[t];
                    slot++;
                }
            }
        }

        childStart[stateCount] = slot;

        // 3. Failure and output links, breadth first. Every hit must start at a word start, so a failure link goes to
        //    the longest proper suffix that starts at a word boundary (after a non-word char), not to any suffix:
        //    a mismatch inside a word falls straight back to the root, and the rest of that word costs nothing.
        var fail = new int[stateCount];
        var outLink = new int[stateCount];
        var endsInWordChar = new bool[stateCount];
        var pattern = renumberedPattern;
        outLink[Root] = -1;

        // Visit the states breadth first, so a state's failure link (a shallower state) is always done before it.
        var breadthFirst = new int[stateCount];
        var head = 0;
        var tail = 1;
        while (head < tail)
        {
            var state = breadthFirst[head++];
            for (var i = childStart[state]; i < childStart[state + 1]; i++)
            {
                breadthFirst[tail++] = childTarget[i];
            }
        }

        foreach (var s in breadthFirst)
        {
            for (var i = childStart[s]; i < childStart[s + 1]; i++)
            {
                var c = childChar[i];
                var t = childTarget[i];
                endsInWordChar[t] = TextRules.IsWordChar(c);
                int target;
                if (s == Root)
                {
                    target = Root;
                }
                else
                {
                    var f = fail[s];
                    while (true)
                    {
                        if (f == Root)
                        {
                            var next = endsInWordChar[s] ? -1 : Find(childStart, childChar, childTarget, Root, c);
                            target = next < 0 ? Root : next;
                            break;
                        }

                        var n = Find(childStart, childChar, childTarget, f, c);
                        if (n >= 0)
                        {
                            target = n;
                            break;
                        }

                        f = fail[f];
                    }
                }

                fail[t] = target;
                outLink[t] = pattern[target] >= 0 ? target : outLink[target];
            }
        }

        return new AhoCorasick(childStart, childChar, childTarget, fail, pattern, outLink, patternLength);
    }

    /// <summary>Scans the text once and adds every whole-word hit to <paramref name="hits"/>.</summary>
    /// <remarks>
    /// Two tight loops: at the root, separators and words that start no pattern are skipped without touching the
    /// automaton; inside it, one transition per char until the automaton falls back to the root.
    /// </remarks>
    public void Scan(ReadOnlySpan<char> text, ref HitBuffer hits)
    {
        var states = _states;
        var n = text.Length;
        var i = 0;

        // Invariant at the top of the loop: text[i] is not inside a word that started before i (i is 0, or text[i - 1]
        // or text[i] is a separator), so the first word char from here on starts a word.
        while (i < n)
        {
            while (!TextRules.IsWordChar(text[i]))
            {
                if (++i == n)
                {
                    return;
                }
            }

            var s = Goto(Root, TextRules.Fold(text[i]));
            if (s < 0)
            {
                i = SkipWord(text, i + 1);
                continue;
            }

            // Inside the automaton: char i has been read, and it is a word char.
            var isWord = true;
            while (true)
            {
                var nextIsWord = i + 1 < n && TextRules.IsWordChar(text[i + 1]);
                if (!(isWord && nextIsWord))
                {
                    // The match does not end inside a word.
                    var o = states[s].Output;
                    while (o > 0)
                    {
                        var p = _pattern[o];
                        hits.Add(new PatternHit(p, i + 1 - _patternLength[p], i + 1));
                        o = _outLink[o];
                    }
                }

                if (++i == n)
                {
                    return;
                }

                var previousIsWord = isWord;
                isWord = nextIsWord;
                var c = TextRules.Fold(text[i]);
                while (true)
                {
                    var next = Goto(s, c);
                    if (next >= 0)
                    {
                        s = next;
                        break;
                    }

                    s = states[s].Fail;
                    if (s == Root)
                    {
                        s = previousIsWord || !isWord ? -1 : Goto(Root, c);
                        break;
                    }
                }

                if (s <= Root)
                {
                    // Back at the root: the rest of this word cannot start a match.
                    i = isWord ? SkipWord(text, i + 1) : i + 1;
                    break;
                }
            }
        }
    }

    /// <summary>The index of the first char at or after <paramref name="i"/> that is not a word char.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SkipWord(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && TextRules.IsWordChar(text[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>The child of <paramref name="state"/> on <paramref name="c"/> in the compressed rows, or -1 (used while building).</summary>
    private static int Find(int[] childStart, char[] childChar, int[] childTarget, int state, char c)
    {
        var i = Array.BinarySearch(childChar, childStart[state], childStart[state + 1] - childStart[state], c);
        return i >= 0 ? childTarget[i] : -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Goto(int state, char c)
    {
        ref readonly var st = ref _states[state];
        if (st.FirstChar == c)
        {
            // The first child (the lowest char) is numbered right after its parent.
            return state + 1;
        }

        if (c < DenseRootSize && st.Dense >= 0)
        {
            return _dense[st.Dense + c];
        }

        var edges = _edges;
        var lo = st.EdgeStart;
        var hi = st.EdgeEnd - 1;
        if (hi - lo < 8)
        {
            for (var i = lo; i <= hi; i++)
            {
                if (edges[i].C == c)
                {
                    return edges[i].Target;
                }
            }

            return -1;
        }

        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var m = edges[mid].C;
            if (m == c)
            {
                return edges[mid].Target;
            }

            if (m < c)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return -1;
    }

    /// <summary>What a state needs per char, in one record: its edges, its dense table, its failure link and its first output.</summary>
    /// <param name="FirstChar">The char of its first child (which is state + 1), or -1 for a leaf.</param>
    /// <param name="EdgeStart">The first of its edges in the edge array.</param>
    /// <param name="EdgeEnd">The end (exclusive) of its edges.</param>
    /// <param name="Dense">The offset of its dense ASCII table, or -1.</param>
    /// <param name="Fail">The failure link.</param>
    /// <param name="Output">The first state on its output chain with a pattern (itself, when it ends one), or -1.</param>
    private readonly record struct State(int FirstChar, int EdgeStart, int EdgeEnd, int Dense, int Fail, int Output);

    /// <summary>An edge of the trie: the char and the state it leads to, side by side.</summary>
    /// <param name="C">The folded char.</param>
    /// <param name="Target">The target state.</param>
    private readonly record struct Edge(char C, int Target);
}
