namespace CryptoIntel.Sources.GeckoTerminal;

/// <summary>A swap in a pool (<c>/networks/{network}/pools/{address}/trades</c>, <c>data[].attributes</c>).</summary>
public sealed record GeckoTrade
{
    /// <summary>Gets the id (<c>id</c>).</summary>
    public required string Id { get; init; }

    /// <summary>Gets the block number (<c>block_number</c>).</summary>
    public long? BlockNumber { get; init; }

    /// <summary>Gets the block time, UTC (<c>block_timestamp</c>).</summary>
    public DateTimeOffset? BlockTimestamp { get; init; }

    /// <summary>Gets the transaction hash (<c>tx_hash</c>).</summary>
    public string? TxHash { get; init; }

    /// <summary>Gets the sender (<c>tx_from_address</c>).</summary>
    public string? TxFromAddress { get; init; }

    /// <summary>Gets <c>buy</c> or <c>sell</c> (<c>kind</c>), as sent.</summary>
    public string? Kind { get; init; }

    /// <summary>Gets the amount given (<c>from_token_amount</c>).</summary>
    public decimal? FromTokenAmount { get; init; }

    /// <summary>Gets the amount received (<c>to_token_amount</c>).</summary>
    public decimal? ToTokenAmount { get; init; }

    /// <summary>Gets the given token's address (<c>from_token_address</c>).</summary>
    public string? FromTokenAddress { get; init; }

    /// <summary>Gets the received token's address (<c>to_token_address</c>).</summary>
    public string? ToTokenAddress { get; init; }

    /// <summary>Gets the given token's USD price (<c>price_from_in_usd</c>).</summary>
    public decimal? PriceFromUsd { get; init; }

    /// <summary>Gets the received token's USD price (<c>price_to_in_usd</c>).</summary>
    public decimal? PriceToUsd { get; init; }

    /// <summary>Gets the trade's value in USD (<c>volume_in_usd</c>).</summary>
    public decimal? VolumeUsd { get; init; }
}
