using System.Buffers;

namespace CryptoIntel.Entities.Internal;

/// <summary>A growable list of hits on pooled arrays, so a scan allocates nothing per call once warm.</summary>
internal struct HitBuffer : IDisposable
{
    private PatternHit[] _items;

    public HitBuffer(int capacity)
    {
        _items = ArrayPool<PatternHit>.Shared.Rent(capacity);
        Count = 0;
    }

    public int Count { get; private set; }

    public readonly ReadOnlySpan<PatternHit> Items => _items.AsSpan(0, Count);

    public void Add(PatternHit hit)
    {
        if (Count == _items.Length)
        {
            var bigger = ArrayPool<PatternHit>.Shared.Rent(_items.Length * 2);
            _items.AsSpan(0, Count).CopyTo(bigger);
            ArrayPool<PatternHit>.Shared.Return(_items);
            _items = bigger;
        }

        _items[Count++] = hit;
    }

    /// <summary>
    /// Adds a hit and keeps the buffer ordered by end, then by start (the automaton's order), given that hits come in
    /// by start and, for one start, by end: only a hit that ends before an earlier, longer one moves back.
    /// </summary>
    public void AddByEnd(PatternHit hit)
    {
        Add(hit);
        var items = _items;
        var i = Count - 1;
        while (i > 0 && items[i - 1].End > hit.End)
        {
            items[i] = items[i - 1];
            i--;
        }

        items[i] = hit;
    }

    public void Dispose()
    {
        if (_items is not null)
        {
            ArrayPool<PatternHit>.Shared.Return(_items);
            _items = null!;
        }
    }
}
