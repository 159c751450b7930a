namespace CryptoIntel.Entities;

/// <summary>What an entity is.</summary>
public enum EntityKind
{
    /// <summary>A native coin of a chain (BTC, ETH, SOL).</summary>
    Coin = 0,

    /// <summary>A token issued on another chain (UNI, LINK, PEPE).</summary>
    Token = 1,

    /// <summary>A stablecoin (USDT, USDC, DAI).</summary>
    Stablecoin = 2,

    /// <summary>A centralised or decentralised exchange (Binance, Coinbase, Uniswap as a venue).</summary>
    Exchange = 3,

    /// <summary>A DeFi protocol (Aave, Lido, Chainlink as a network).</summary>
    Protocol = 4,

    /// <summary>A blockchain network (Base, Arbitrum).</summary>
    Chain = 5,

    /// <summary>A person who moves markets (founders, CEOs, investors, officials).</summary>
    Person = 6,

    /// <summary>A company, fund or other organisation (Strategy, BlackRock, Tether the issuer).</summary>
    Organization = 7,

    /// <summary>A regulator or government body (SEC, CFTC, ECB).</summary>
    Regulator = 8,

    /// <summary>An exchange-traded fund, by ticker (IBIT, FBTC, ETHA).</summary>
    Etf = 9,

    /// <summary>A unit or event that stands for an asset (sats for bitcoin, Jupuary for Jupiter).</summary>
    Alias = 10,
}
