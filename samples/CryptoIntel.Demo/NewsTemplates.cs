namespace CryptoIntel.Demo;

/// <summary>
/// The simulator's own headline templates (written for this project). Placeholders: <c>{name}</c>, <c>{SYM}</c>,
/// <c>{pct}</c>, <c>{protocol}</c>, <c>{chain}</c>, <c>{pair}</c>, <c>{dex}</c>, <c>{mult}</c>.
/// </summary>
internal static class NewsTemplates
{
    public static readonly (string Title, string Summary)[] Rally =
    [
        ("{name} ({SYM}) climbs {pct}% as buyers return", "{name} traded higher through the session on rising volume."),
        ("{name} extends gains, up {pct}% in a day", "Traders pointed to steady spot demand for {SYM}."),
        ("{SYM} breaks out: {name} jumps {pct}%", "The move took {name} above its recent range."),
        ("Bulls take control of {name} after a {pct}% rise", "Derivatives data showed longs adding to positions in {SYM}."),
    ];

    public static readonly (string Title, string Summary)[] Slump =
    [
        ("{name} ({SYM}) slides {pct}% as sellers dominate", "{name} lost ground for most of the day."),
        ("{SYM} drops {pct}% amid broad risk-off mood", "Analysts said {name} followed the wider market lower."),
        ("{name} falls {pct}%, testing recent support", "Liquidations of long {SYM} positions added to the decline."),
        ("Sell-off hits {name}: {SYM} down {pct}%", "Spot outflows weighed on {name}."),
    ];

    public static readonly (string Title, string Summary)[] Quiet =
    [
        ("{name} trades flat as volatility fades", "{SYM} moved less than usual over the past day."),
        ("{name} developers ship a network upgrade", "The {name} release focuses on performance and fees."),
        ("What's next for {name}? Traders eye key levels", "Options markets price a calm week for {SYM}."),
        ("{name} ecosystem grant program opens a new round", "Builders on {name} can apply for funding."),
    ];

    public static readonly (string Title, string Summary)[] VolumeSpike =
    [
        ("{name} volume surges {mult}x as {SYM} moves {pct}%", "Trading activity in {SYM} far exceeded its daily average."),
        ("Unusual trading in {SYM}: volume up {mult}x", "Order books for {name} thinned as activity spiked."),
        ("Whales pile into {name} as {SYM} volume explodes", "Large transfers of {SYM} hit exchanges."),
    ];

    public static readonly (string Title, string Summary)[] TvlDrain =
    [
        ("{protocol} sees heavy outflows: TVL down {pct}%", "Depositors withdrew from {protocol} on {chain}."),
        ("{protocol} exploit suspected as funds leave the protocol", "On-chain data showed large withdrawals from {protocol}."),
        ("Users pull liquidity from {protocol} on {chain}", "Total value locked in {protocol} fell {pct}%."),
    ];

    public static readonly (string Title, string Summary)[] Depeg =
    [
        ("{name} ({SYM}) loses its dollar peg, trades at {price}", "Redemptions of {SYM} rose as the stablecoin slipped."),
        ("Stablecoin {SYM} de-pegs to {price} amid redemption wave", "{name} issuers said reserves remain intact."),
        ("{SYM} wobbles below $1 as liquidity dries up", "Curve pools holding {SYM} became unbalanced."),
    ];

    public static readonly (string Title, string Summary)[] LiquidityJump =
    [
        ("Liquidity floods {pair} pool on {dex}", "The {pair} pool's reserves grew {mult}x in minutes."),
        ("{name} DEX liquidity jumps {mult}x on {dex}", "New liquidity providers joined the {pair} pool."),
    ];

    public static readonly (string Title, string Summary)[] BullRegime =
    [
        ("Crypto market turns bullish as Bitcoin leads a broad rally", "Most large assets gained as risk appetite returned."),
        ("Risk-on: total crypto market cap climbs", "Analysts cite inflows into Bitcoin and Ethereum."),
    ];

    public static readonly (string Title, string Summary)[] BearRegime =
    [
        ("Crypto market slides as Bitcoin and Ethereum fall", "A broad sell-off hit most large assets."),
        ("Fear returns to crypto markets as prices drop", "Liquidations rose across exchanges."),
    ];

    public static readonly (string Title, string Summary)[] ChopRegime =
    [
        ("Crypto markets drift sideways as traders wait", "Bitcoin held a narrow range with volumes down."),
    ];
}
