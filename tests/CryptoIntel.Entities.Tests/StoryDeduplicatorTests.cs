using CryptoIntel.Entities;
using Microsoft.Extensions.Time.Testing;

namespace CryptoIntel.Entities.Tests;

public class StoryDeduplicatorTests
{
    private static NewsItem Item(string id, string title) => new(id, "test", title, null, DateTimeOffset.UnixEpoch);

    [Fact]
    public void Add_NearIdenticalTitles_JoinOneStory()
    {
        var stories = new StoryDeduplicator(new FakeTimeProvider());
        var first = stories.Add(Item("1", "Bitcoin ETFs log $105M outflows as mystery IBIT buyer surfaces"));
        var second = stories.Add(Item("2", "Bitcoin ETFs Log $105M Outflows As Mystery IBIT Buyer Surfaces - report"));
        var other = stories.Add(Item("3", "Dogecoin drops below 16 cents to final bull market support level"));
        Assert.True(first.IsNewStory);
        Assert.False(second.IsNewStory);
        Assert.Equal(first.Story.Id, second.Story.Id);
        Assert.Equal(["1", "2"], second.Story.Members.Select(m => m.Id));
        Assert.True(other.IsNewStory);
        Assert.Equal(2, stories.Count);
    }

    [Fact]
    public void Add_AfterWindow_StartsNewStory()
    {
        var time = new FakeTimeProvider();
        var stories = new StoryDeduplicator(time, new StoryDeduplicatorOptions { Window = TimeSpan.FromHours(1) });
        stories.Add(Item("1", "XRP Ledger loses 90% of payments volume in two weeks"));
        time.Advance(TimeSpan.FromHours(2));
        Assert.True(stories.Add(Item("2", "XRP Ledger loses 90% of payments volume in two weeks")).IsNewStory);
        Assert.Equal(1, stories.Count);
    }

    [Fact]
    public void Add_MoreStoriesThanMax_ForgetsOldest()
    {
        var stories = new StoryDeduplicator(new FakeTimeProvider(), new StoryDeduplicatorOptions { MaxStories = 3 });
        string[] titles =
        [
            "Bitcoin tops record high", "Ethereum upgrade delayed again", "Solana outage hits validators", "SEC sues exchange over listings",
            "Dogecoin jumps on meme rally", "Tether reports quarterly profit", "Kraken files for public listing", "Cardano founder speaks at summit",
        ];
        for (var i = 0; i < titles.Length; i++)
        {
            Assert.True(stories.Add(Item($"{i}", titles[i])).IsNewStory, titles[i]);
        }

        Assert.Equal(3, stories.Count);
    }

    [Fact]
    public void EstimateSimilarity_IdenticalUnrelatedAndEmpty_Ordered()
    {
        const string title = "Ethereum whales scoop up supply as MVRV stays above bottom signal";
        Assert.Equal(1.0, StoryDeduplicator.EstimateSimilarity(title, title.ToUpperInvariant()));
        Assert.True(StoryDeduplicator.EstimateSimilarity(title, "Japan approves SHIB for fast-track listings ahead of tax reform") < 0.2);
        Assert.Equal(0.0, StoryDeduplicator.EstimateSimilarity("!!!", title));
    }
}
