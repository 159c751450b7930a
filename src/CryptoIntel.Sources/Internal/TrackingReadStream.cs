namespace CryptoIntel.Sources.Internal;

/// <summary>
/// Wraps a response body to know, when a parser fails, whether it failed at the very end of the data (a truncated
/// body) or in the middle (malformed JSON): it counts bytes, remembers where the last line started and whether the
/// end was reached.
/// </summary>
internal sealed class TrackingReadStream(Stream inner) : Stream
{
    private long _total;
    private long _lastLineStart;

    public bool ReachedEnd { get; private set; }

    public long TotalBytes => _total;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _total; set => throw new NotSupportedException(); }

    /// <summary>Whether a parser error at <paramref name="line"/>/<paramref name="bytePositionInLine"/> (0-based) is at the end of the data.</summary>
    public bool IsAtEnd(long line, long bytePositionInLine) =>
        _total > 0 && ReachedEnd && bytePositionInLine >= _total - _lastLineStart - 1 && (line > 0 || _lastLineStart == 0);

    public override int Read(byte[] buffer, int offset, int count) => Track(buffer.AsSpan(offset, inner.Read(buffer, offset, count)));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Track(buffer.Span[..read]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    private int Track(ReadOnlySpan<byte> read)
    {
        if (read.IsEmpty)
        {
            ReachedEnd = true;
            return 0;
        }

        var newline = read.LastIndexOf((byte)'\n');
        if (newline >= 0)
        {
            _lastLineStart = _total + newline + 1;
        }

        _total += read.Length;
        return read.Length;
    }
}
