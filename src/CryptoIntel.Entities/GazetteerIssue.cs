namespace CryptoIntel.Entities;

/// <summary>A problem found while reading or building a gazetteer: a bad row (skipped) or a duplicate id (merged or ignored).</summary>
/// <param name="Source">Where the row came from (a file name, <c>seed</c>, or the list's name).</param>
/// <param name="Row">The 1-based row number in the source, counting the header as row 1; 0 when not from a file.</param>
/// <param name="Message">What is wrong, in words.</param>
public sealed record GazetteerIssue(string Source, int Row, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Row > 0 ? $"{Source}:{Row}: {Message}" : $"{Source}: {Message}";
}
