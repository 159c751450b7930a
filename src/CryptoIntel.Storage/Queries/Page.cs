namespace CryptoIntel.Storage;

/// <summary>One page of a list, with the cursor of the next page.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">The items of this page.</param>
/// <param name="NextCursor">An opaque cursor for the next page (pass it as <see cref="PageQuery.Cursor"/>), or null on the last page.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>What every paged query has: a page size and a cursor.</summary>
public abstract record PageQuery
{
    /// <summary>The largest page size a store returns.</summary>
    public const int MaxLimit = 500;

    /// <summary>Gets the page size, 1 to <see cref="MaxLimit"/>.</summary>
    /// <value>The default is 50.</value>
    public int Limit { get; init; } = 50;

    /// <summary>Gets the cursor returned as <see cref="Page{T}.NextCursor"/> by the previous page; null for the first page.</summary>
    /// <remarks>Opaque: built from the sort key and the id of the last item. A cursor from a query with another sort is refused with an <see cref="InvalidCursorException"/>.</remarks>
    public string? Cursor { get; init; }
}

/// <summary>Thrown when a cursor was not produced by this store for this query (malformed, tampered or from another sort).</summary>
public sealed class InvalidCursorException : ArgumentException
{
    /// <summary>Initializes a new instance of the <see cref="InvalidCursorException"/> class.</summary>
    public InvalidCursorException()
        : base("The cursor is not valid for this query.", "cursor")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="InvalidCursorException"/> class.</summary>
    /// <param name="message">The message.</param>
    public InvalidCursorException(string message)
        : base(message, "cursor")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="InvalidCursorException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public InvalidCursorException(string message, Exception innerException)
        : base(message, "cursor", innerException)
    {
    }
}
