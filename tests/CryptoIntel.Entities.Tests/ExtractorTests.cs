using CryptoIntel.Entities;

namespace CryptoIntel.Entities.Tests;

public class ExtractorTests
{
    private static readonly EntityExtractor Extractor = new(Gazetteer.Seed);

    private static string[] Assets(string text) => [.. Extractor.Extract(text).GetMentionedAssetIds()];

    [Fact]
    public void Extract_BitcoinCash_IsNotBitcoin()
    {
        Assert.Equal(["bitcoin-cash"], Assets("Bitcoin Cash rallies 12% as miners rotate"));
        Assert.Equal(["bitcoin", "bitcoin-cash"], Assets("Bitcoin and Bitcoin Cash diverge"));
    }

    [Fact]
    public void Extract_Cashtag_FindsAssetWithSpan()
    {
        const string text = "Whale moves 2,000 $ETH to Binance";
        var result = Extractor.Extract(text);
        var eth = Assert.Single(result.Entities, e => e.Id == "ethereum");
        Assert.Equal(MatchKind.Cashtag, eth.Match);
        Assert.Equal("ETH", eth.GetMatchedText(text).ToString());
        Assert.True(eth.Confidence >= 0.9);
        Assert.Contains(result.Entities, e => e.Id == "binance" && e.Kind == EntityKind.Exchange);
    }

    [Theory]
    [InlineData("A new era for US markets IN 4 steps")]
    [InlineData("Click the LINK below to join ONE community")]
    [InlineData("The sol is shining on the beach")]
    [InlineData("Regulatory Optimism lifts equities")]
    [InlineData("SUPREME COURT RULES AGAINST TRUMP TARIFFS")]
    public void Extract_CommonWordsAndAmbiguousTickers_FindNoAsset(string text)
    {
        Assert.Empty(Assets(text));
    }

    [Theory]
    [InlineData("LINK price surges after oracle upgrade", "chainlink")]
    [InlineData("Chainlink Price to Hit $50 if Support Holds", "chainlink")]
    [InlineData("BTC, ETH and LINK lead gains", "chainlink")]
    [InlineData("Traders pile into $OP ahead of unlock", "optimism")]
    public void Extract_AmbiguousTickerWithContext_FindsAsset(string text, string id)
    {
        Assert.Contains(id, Assets(text));
    }

    [Fact]
    public void Extract_ProtocolName_IsProtocolNotToken()
    {
        var result = Extractor.Extract("Chainlink Emerges as the Operating Layer for Tokenized Markets");
        Assert.Empty(result.GetMentionedAssetIds());
        Assert.Contains(result.Entities, e => e.Kind == EntityKind.Protocol && e.Id == "chainlink-network");
    }

    [Fact]
    public void Extract_CapitalisedTicker_BeatsProtocolName()
    {
        Assert.Equal(["aave", "bitcoin-cash"], Assets("AAVE and Bitcoin Cash Lead Declines in CoinDesk 20 Index"));
    }

    [Fact]
    public void Extract_EtfTicker_LinksToBitcoinAsImplied()
    {
        var result = Extractor.Extract("Harvard triples its IBIT stake");
        Assert.Empty(result.GetMentionedAssetIds());
        var linked = Assert.Single(result.Entities, e => e.IsImplied);
        Assert.Equal("bitcoin", linked.Id);
        Assert.Equal("ishares-bitcoin-trust", linked.LinkedFrom);
        Assert.Equal(LinkKind.Etf, linked.Via);
        Assert.Equal(MatchKind.Linked, linked.Match);
    }

    [Fact]
    public void Extract_LinkedAssetAlsoNamed_IsNotImplied()
    {
        var result = Extractor.Extract("Bitcoin ETFs log $105M outflows as mystery IBIT buyer surfaces");
        Assert.Equal(["bitcoin"], result.GetMentionedAssetIds());
        Assert.Empty(result.GetImpliedAssetIds());
    }

    [Theory]
    [InlineData("Strategy buys another 10,000 as Saylor doubles down", "bitcoin")]
    [InlineData("Vitalik Buterin warns about AI alignment risks", "ethereum")]
    [InlineData("Tether mints another $1B on Tron", "tether")]
    public void Extract_LinkedEntity_ImpliesAsset(string text, string id)
    {
        Assert.Contains(id, Extractor.Extract(text).GetImpliedAssetIds());
    }

    [Theory]
    [InlineData("Strategy reports quarterly loss amid crypto winter")]
    [InlineData("ARK Invest Boosts Exposure With Purchases of BitMine Shares")]
    public void Extract_LinkConditionNotMet_ImpliesNothing(string text)
    {
        Assert.Empty(Extractor.Extract(text).GetImpliedAssetIds());
    }

    [Theory]
    [InlineData("MegaETH Foundation names new lead")]
    [InlineData("Peter Thiel Cuts Ties With ETHZilla")]
    [InlineData("Shares of $MSTR and $COIN slide")]
    public void Extract_TickerInsideCompanyOrStock_FindsNoAsset(string text)
    {
        Assert.Empty(Assets(text));
    }

    [Fact]
    public void Extract_Amounts_ParsedAndAttached()
    {
        const string text = "Bitcoin ETFs draw $2.5B as BTC jumps 10% and whale buys 20,000 $ETH";
        var amounts = Extractor.Extract(text).Amounts;
        Assert.Contains(amounts, a => a.Kind == AmountKind.UsDollars && a.Value == 2_500_000_000m && a.EntityId == "bitcoin");
        Assert.Contains(amounts, a => a.Kind == AmountKind.Percent && a.Value == 10m && a.EntityId == "bitcoin");
        Assert.Contains(amounts, a => a.Kind == AmountKind.Quantity && a.Value == 20_000m && a.EntityId == "ethereum");
        var dollars = Assert.Single(amounts, a => a.Kind == AmountKind.UsDollars);
        Assert.Equal("$2.5B", text.Substring(dollars.Start, dollars.Length));
    }

    [Fact]
    public void Extract_NegativePercentAndWordSuffix_Parsed()
    {
        var amounts = Extractor.Extract("XRP falls -60% after $1.5 billion in liquidations").Amounts;
        Assert.Contains(amounts, a => a.Kind == AmountKind.Percent && a.Value == -60m);
        Assert.Contains(amounts, a => a.Kind == AmountKind.UsDollars && a.Value == 1_500_000_000m);
    }

    [Fact]
    public void Extract_PortugueseAmountWithWordSuffix_ParsedAsDollars()
    {
        var result = Extractor.Extract("Hyperliquid cria braço político e doa US$ 29 milhões em tokens");
        var amount = Assert.Single(result.Amounts);
        Assert.Equal((29_000_000m, AmountKind.UsDollars), (amount.Value, amount.Kind));
        Assert.Contains("hyperliquid", result.GetImpliedAssetIds());
    }

    [Fact]
    public void Extract_LongTailCoin_NeedsTokenNoun()
    {
        var gazetteer = Gazetteer.CreateBuilder().AddSeed().AddCoins([new CoinListing("zorbit-network", "zrbt", "Zorbit")]).Build();
        var extractor = new EntityExtractor(gazetteer);
        Assert.Contains("zorbit-network", extractor.Extract("ZRBT token soars after listing").GetMentionedAssetIds());
        Assert.Contains("zorbit-network", extractor.Extract("Zorbit price doubles").GetMentionedAssetIds());
        Assert.Contains("zorbit-network", extractor.Extract("$ZRBT soars").GetMentionedAssetIds());
        Assert.Empty(extractor.Extract("ZRBT soars after listing").GetMentionedAssetIds());
        Assert.Empty(extractor.Extract("zorbit price doubles").GetMentionedAssetIds());
    }

    [Fact]
    public void Extract_SharedTicker_MarketCapPriorPicksCanonical()
    {
        var gazetteer = Gazetteer.CreateBuilder()
            .AddCoins([new CoinListing("bridged-usdc-polygon", "usdc", "Bridged USDC (Polygon)"), new CoinListing("usdc-2", "usdc", "USDC Copy")])
            .AddSeed()
            .Build();
        var result = new EntityExtractor(gazetteer).Extract("Circle mints $USDC on Solana");
        Assert.Contains("usd-coin", result.GetMentionedAssetIds());
        Assert.DoesNotContain("bridged-usdc-polygon", result.GetMentionedAssetIds());
    }

    [Fact]
    public void Extract_Classification_HasKindAndCategory()
    {
        var result = Extractor.Extract("SEC sues Coinbase over Solana staking as Gary Gensler speaks");
        Assert.Contains(result.Entities, e => e.Id == "sec" && e.Kind == EntityKind.Regulator);
        Assert.Contains(result.Entities, e => e.Id == "coinbase" && e.Kind == EntityKind.Exchange);
        Assert.Contains(result.Entities, e => e.Id == "solana" && e.Kind == EntityKind.Coin && e.Entry.Category == "L1");
        Assert.Contains(result.Entities, e => e.Id == "gary-gensler" && e.Kind == EntityKind.Person);
    }

    [Fact]
    public void UpdateGazetteer_NewSnapshot_UsedByLaterCalls()
    {
        var extractor = new EntityExtractor(Gazetteer.Seed);
        Assert.Empty(extractor.Extract("Zorbit price doubles").GetMentionedAssetIds());
        var updated = Gazetteer.CreateBuilder().AddSeed().AddCoins([new CoinListing("zorbit-network", "zrbt", "Zorbit")]).Build();
        extractor.UpdateGazetteer(updated);
        Assert.Same(updated, extractor.Gazetteer);
        Assert.Equal(["zorbit-network"], extractor.Extract("Zorbit price doubles").GetMentionedAssetIds());
    }
}
