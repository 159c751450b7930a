using System.Text;
using CryptoIntel.Entities;

namespace CryptoIntel.Entities.Tests;

public class BadInputTests
{
    private static readonly EntityExtractor Extractor = new(Gazetteer.Seed);

    [Theory]
    [InlineData("")]
    [InlineData("   \t\r\n  ")]
    public void Extract_EmptyOrWhitespace_ReturnsEmpty(string text)
    {
        var result = Extractor.Extract(text);
        Assert.Same(ExtractionResult.Empty, result);
        Assert.False(result.IsTruncated);
    }

    [Theory]
    [InlineData("<p>Bitcoin <b>surges</b> past <a href=\"x\">$100K</a></p>", "bitcoin")]
    [InlineData("🚀🚀 $SOL to the moon 🌕 — Solana 🔥", "solana")]
    [InlineData("Биткоин и Ethereum растут; 比特币 ETH 上涨", "ethereum")]
    [InlineData("\"Unbalanced quote about 'XRP ((( [[ {{", "ripple")]
    [InlineData("Ethereum’s “Supercycle” — Dogecoin‘s turn", "dogecoin")]
    public void Extract_MessyText_StillFindsAsset(string text, string id)
    {
        Assert.Contains(id, Extractor.Extract(text).GetMentionedAssetIds());
    }

    [Fact]
    public void Extract_BinaryLikeText_DoesNotThrow()
    {
        var random = new Random(42);
        var chars = new char[10_000];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)random.Next(0, 0xFFFF);
        }

        chars[5000] = '\0';
        var result = Extractor.Extract(new string(chars) + " BTC");
        Assert.Contains("bitcoin", result.GetMentionedAssetIds());
    }

    public static TheoryData<string, string> Pathological => new()
    {
        { "repeated letter", new string('a', 1 << 20) },
        { "repeated cashtag sign", new string('$', 1 << 20) },
        { "repeated digits and percent", string.Concat(Enumerable.Repeat("9,9.9%", (1 << 20) / 6)) },
        { "repeated names", string.Concat(Enumerable.Repeat("Bitcoin Cash Bitcoin ", (1 << 20) / 21)) },
        { "repeated prefix of a long name", string.Concat(Enumerable.Repeat("Bitcoin Bitcoin Bitcoin Bitcoin Cas", (1 << 20) / 35)) },
        { "tickers in a list", string.Concat(Enumerable.Repeat("$BTC, LINK, OP, ", (1 << 20) / 16)) },
    };

    [Theory(Timeout = 120_000)]
    [MemberData(nameof(Pathological))]
    public async Task Extract_Pathological1MbInput_Completes(string name, string text)
    {
        // A hang guard only (a quadratic resolution this once caught took minutes): the time it takes is measured by
        // EntityExtractionBenchmarks, not by a timed unit test on a shared machine.
        Assert.True(text.Length >= 1_000_000, name);
        var result = await Task.Run(() => Extractor.Extract(text), TestContext.Current.CancellationToken);
        Assert.NotNull(result);
        Assert.True(result.Entities.Count + result.Amounts.Count <= text.Length, name);
    }

    [Fact]
    public void Extract_LongerThanMaxTextLength_IsTruncatedAndFlagged()
    {
        var extractor = new EntityExtractor(Gazetteer.Seed, new EntityExtractorOptions { MaxTextLength = 20 });
        var result = extractor.Extract("Bitcoin rises while Ethereum falls behind");
        Assert.True(result.IsTruncated);
        Assert.Equal(["bitcoin"], result.GetMentionedAssetIds());
    }

    [Fact]
    public void AddCsv_BadRows_ReportedWithRowNumberAndRestLoaded()
    {
        var csv = new StringBuilder()
            .Append("id,symbol,name\n")
            .Append("alpha-coin,alp,Alpha Coin\n")          // row 2 ok
            .Append(",bad,No Id\n")                         // row 3 empty id
            .Append("beta-coin,bet\n")                      // row 4 too few fields
            .Append("gamma-coin,gam,Gamma Coin\n")          // row 5 ok
            .Append("alpha-coin,alp,Alpha Coin Again\n")    // row 6 duplicate id
            .Append("delta-coin,del,\"Delta \n")            // row 7 unterminated quote
            .ToString();
        var builder = Gazetteer.CreateBuilder().AddCsv(new StringReader(csv), "coins.csv");
        var gazetteer = builder.Build();
        Assert.True(gazetteer.TryGetEntry("alpha-coin", out var alpha));
        Assert.Equal("Alpha Coin", alpha.Name);
        Assert.True(gazetteer.TryGetEntry("gamma-coin", out _));
        Assert.False(gazetteer.TryGetEntry("beta-coin", out _));
        Assert.False(gazetteer.TryGetEntry("delta-coin", out _));
        Assert.Contains(gazetteer.Issues, i => i.Row == 3 && i.Source == "coins.csv" && i.Message.Contains("'id'", StringComparison.Ordinal));
        Assert.Contains(gazetteer.Issues, i => i.Row == 4 && i.Message.Contains("fields", StringComparison.Ordinal));
        Assert.Contains(gazetteer.Issues, i => i.Row == 6 && i.Message.Contains("duplicate", StringComparison.Ordinal));
        Assert.Contains(gazetteer.Issues, i => i.Row == 7 && i.Message.Contains("unterminated", StringComparison.Ordinal));
        Assert.Equal("coins.csv:3: empty 'id'; row skipped", gazetteer.Issues.First(i => i.Row == 3).ToString());
    }

    [Fact]
    public void AddCsv_UnknownHeader_ThrowsFormatException()
    {
        var ex = Assert.Throws<FormatException>(() => Gazetteer.CreateBuilder().AddCsv(new StringReader("foo,bar\n1,2\n"), "x.csv"));
        Assert.Contains("x.csv", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCsv_EmptyFile_ReportsIssue()
    {
        var builder = Gazetteer.CreateBuilder().AddCsv(new StringReader(string.Empty), "empty.csv");
        Assert.Contains(builder.Issues, i => i.Source == "empty.csv" && i.Row == 1);
    }

    [Fact]
    public void AddRange_NullEntryAndEmptyName_SkippedAndReported()
    {
        var gazetteer = Gazetteer.CreateBuilder()
            .AddRange([new GazetteerEntry("x", EntityKind.Person, "Xavier Example"), null!, new GazetteerEntry("y", EntityKind.Person, " ")])
            .Build();
        Assert.Equal(1, gazetteer.Count);
        Assert.Equal(2, gazetteer.Issues.Count);
        Assert.Contains(gazetteer.Issues, i => i.Row == 2);
        Assert.Contains(gazetteer.Issues, i => i.Row == 3);
    }
}
