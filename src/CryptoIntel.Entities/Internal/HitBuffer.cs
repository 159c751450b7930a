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

    public void Dispose()
    {
        if (_items is not null)
        {
            ArrayPool<PatternHit>.Shared.Return(_items);
            _items = null!;
        }
    }
}
