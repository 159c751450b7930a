using CryptoIntel.Signals.News;
using CryptoIntel.Signals.Tests.News;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CryptoIntel.Signals.Tests.DependencyInjection;

public sealed class AddChatNewsAnalysisTests
{
    private const string Answer = """{"sentiment": "negative", "score": -0.6, "summary": "A lending protocol was exploited.", "assets": ["AAVE"]}""";

    private static ServiceProvider Build(Action<IServiceCollection> services, Action<ICryptoIntelBuilder> configure)
    {
        var collection = new ServiceCollection().AddMetrics();
        services(collection);
        configure(collection.AddCryptoIntel());
        return collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public void AddSignals_DoesNotRegisterTheAnalyser_EvenWithAChatClient()
    {
        using var sp = Build(s => s.AddSingleton<IChatClient>(FakeChatClient.Answering(Answer)), b => b.AddSignals());

        Assert.Null(sp.GetService<INewsAnalyzer>());
    }

    [Fact]
    public async Task AddChatNewsAnalysis_WithARegisteredChatClient_AsksIt()
    {
        var chat = FakeChatClient.Answering(Answer);
        using var sp = Build(s => s.AddSingleton<IChatClient>(chat), b => b.AddSignals().AddChatNewsAnalysis(o => o.MaxConcurrency = 1));
        sp.GetRequiredService<IStartupValidator>().Validate();

        var analysis = await sp.GetRequiredService<INewsAnalyzer>().AnalyzeTextAsync("Lending protocol exploited for $20m", TestContext.Current.CancellationToken);

        Assert.Equal(NewsAnalysisSource.Chat, analysis.Source);
        Assert.Equal(["AAVE"], analysis.Assets);
        Assert.Single(chat.Calls);
        Assert.Equal(1, sp.GetRequiredService<IOptions<ChatNewsAnalysisOptions>>().Value.MaxConcurrency);
    }

    [Fact]
    public async Task AddChatNewsAnalysis_WithoutAChatClient_AnswersFromTheSentimentScorer()
    {
        using var sp = Build(_ => { }, b => b.AddSignals().AddChatNewsAnalysis());

        var analysis = await sp.GetRequiredService<INewsAnalyzer>().AnalyzeTextAsync("Lending protocol exploited for $20m", TestContext.Current.CancellationToken);

        Assert.Equal(NewsAnalysisSource.Fallback, analysis.Source);
        Assert.Equal(CryptoIntel.Signals.Sentiment.SentimentLabel.Negative, analysis.Label);
    }

    [Theory]
    [InlineData("00:00:30", null)]
    [InlineData("00:00:00", "Timeout")]
    public void AddChatNewsAnalysis_BindsItsSection_AndValidatesAtStart(string timeout, string? invalidMember)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CryptoIntel:Signals:ChatNewsAnalysis:Timeout"] = timeout,
            ["CryptoIntel:Signals:ChatNewsAnalysis:ModelId"] = "tiny",
        }).Build();
        using var sp = Build(_ => { }, b => b.AddChatNewsAnalysis(config.GetSection(CryptoIntelBuilderNewsAnalysisExtensions.ChatNewsAnalysisSectionName)));

        if (invalidMember is null)
        {
            sp.GetRequiredService<IStartupValidator>().Validate();
            var options = sp.GetRequiredService<IOptions<ChatNewsAnalysisOptions>>().Value;
            Assert.Equal("tiny", options.ModelId);
            Assert.Equal(TimeSpan.FromSeconds(30), options.Timeout);
        }
        else
        {
            var error = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IStartupValidator>().Validate());
            Assert.Contains(invalidMember, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AddChatNewsAnalysis_NullArguments_Throw()
    {
        var builder = new ServiceCollection().AddCryptoIntel();
        Assert.Throws<ArgumentNullException>(() => CryptoIntelBuilderNewsAnalysisExtensions.AddChatNewsAnalysis(null!));
        Assert.Throws<ArgumentNullException>(() => builder.AddChatNewsAnalysis((Action<ChatNewsAnalysisOptions>)null!));
        Assert.Throws<ArgumentNullException>(() => builder.AddChatNewsAnalysis((IConfigurationSection)null!));
    }
}
