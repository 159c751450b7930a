namespace CryptoIntel.Entities;

/// <summary>What an amount measures.</summary>
public enum AmountKind
{
    /// <summary>US dollars (<c>$2B</c>, <c>US$ 29 million</c>).</summary>
    UsDollars = 0,

    /// <summary>A percentage (<c>10%</c>).</summary>
    Percent = 1,

    /// <summary>A quantity of the attached asset (<c>20,000 ETH</c>).</summary>
    Quantity = 2,
}

/// <summary>A money amount, percentage or asset quantity found in a text, attached to the nearest entity.</summary>
/// <param name="Value">The value, with suffixes applied (<c>$2B</c> is 2,000,000,000; <c>10%</c> is 10).</param>
/// <param name="Kind">What the amount measures.</param>
/// <param name="Start">The index of the first char of the amount.</param>
/// <param name="Length">The length of the amount's text.</param>
public readonly record struct ExtractedAmount(decimal Value, AmountKind Kind, int Start, int Length)
{
    /// <summary>Gets the id of the entity the amount is attached to, when one is near.</summary>
    public string? EntityId { get; init; }
}
