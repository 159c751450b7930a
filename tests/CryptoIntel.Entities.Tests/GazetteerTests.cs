using CryptoIntel.Entities;
using CryptoIntel.Testing;

namespace CryptoIntel.Entities.Tests;

public class GazetteerTests
{
    [Fact]
    public void Seed_HasEveryKindWithCanonicalIds()
    {
        var seed = Gazetteer.Seed;
        Assert.InRange(seed.Count, 300, 2000);
        foreach (var kind in Enum.GetValues<EntityKind>())
        {
            Assert.Contains(seed.Entries, e => e.Kind == kind);
        }

        Assert.True(seed.TryGetEntry("bitcoin", out var btc));
        Assert.Equal("BTC", btc.Symbol);
        Assert.Equal(EntityKind.Coin, btc.Kind);
        Assert.True(seed.TryGetEntry("ishares-bitcoin-trust", out var ibit));
        Assert.Equal("bitcoin", ibit.Implies);
        Assert.All(seed.Entries, e => Assert.True(e.IsCurated));
        Assert.Empty(seed.Issues);
    }

    [Fact]
    public void AddCoins_SameIdAsCurated_KeepsCuratedEntry()
    {
        var gazetteer = Gazetteer.CreateBuilder().AddSeed().AddCoins([new CoinListing("bitcoin", "btc", "Bitcoin Wrong Name")]).Build();
        Assert.True(gazetteer.TryGetEntry("bitcoin", out var btc));
        Assert.Equal("Bitcoin", btc.Name);
        Assert.True(btc.IsCurated);
        Assert.Empty(gazetteer.Issues);
    }

    [Fact]
    public void AddProtocols_CategoryDecidesKind_AndTvlIsThePrior()
    {
        var gazetteer = Gazetteer.CreateBuilder().AddProtocols(
        [
            new ProtocolListing("zz-cex", "Zedex Exchange", null, "CEX") { TvlUsd = 10m },
            new ProtocolListing("zz-lend", "Zedlend", "ZLD", "Lending") { TvlUsd = 1_000m, Chains = ["Ethereum", "Zedchain"] },
        ]).Build();
        Assert.True(gazetteer.TryGetEntry("zz-cex", out var cex));
        Assert.Equal(EntityKind.Exchange, cex.Kind);
        Assert.True(gazetteer.TryGetEntry("zz-lend", out var lend));
        Assert.Equal(EntityKind.Protocol, lend.Kind);
        Assert.Equal("Lending", lend.Category);
        Assert.Equal(1, lend.Rank);
        Assert.True(gazetteer.TryGetEntry("zedchain", out var chain));
        Assert.Equal(EntityKind.Chain, chain.Kind);
    }

    [Fact]
    public void AddCsvFile_FullSharedLists_LoadsAtLeast17kCoinsAnd6kProtocols()
    {
        var dir = SharedData.Path("data", "entities");
        var builder = Gazetteer.CreateBuilder().AddSeed()
            .AddCsvFile(Path.Combine(dir, "coingecko_coins.csv"))
            .AddCsvFile(Path.Combine(dir, "defillama_protocols.csv"))
            .AddCsvFile(Path.Combine(dir, "exchanges.csv"));
        var gazetteer = builder.Build();
        Assert.True(gazetteer.Entries.Count(e => e.IsAsset) >= 17_000);
        Assert.True(gazetteer.Entries.Count(e => e.Kind is EntityKind.Protocol or EntityKind.Exchange && !e.IsCurated) >= 6_000);
        Assert.All(gazetteer.Issues, i => Assert.True(i.Row > 1, i.ToString()));
        var extractor = new EntityExtractor(gazetteer);
        Assert.Equal(["bitcoin-cash"], extractor.Extract("Bitcoin Cash jumps 5%").GetMentionedAssetIds());
    }
}
