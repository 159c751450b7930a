using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace CryptoIntel.Core.Tests;

public class CoreTypesTests
{
    [Fact]
    public void AssetId_Constructor_ArgumentChecking()
    {
        Assert.Throws<ArgumentNullException>(() => new AssetId(null!));
        Assert.Throws<ArgumentException>(() => new AssetId(" "));
    }

    [Fact]
    public void AssetId_MixedCase_NormalizesToLowerCaseAndCompares()
    {
        AssetId a = " Bitcoin ";
        Assert.Equal(AssetId.Bitcoin, a);
        Assert.Equal("bitcoin", a.ToString());
        Assert.True(default(AssetId).IsEmpty);
        Assert.True(AssetId.Bitcoin < AssetId.Ethereum);
    }

    [Fact]
    public void FiatCurrency_Default_IsUsd()
    {
        Assert.Equal(FiatCurrency.Usd, default);
        Assert.Equal("EUR", new FiatCurrency("eur").ToUpperCode());
    }

    [Fact]
    public void SourceRequestException_Message_NamesProviderStatusCodeAndRetryAfter()
    {
        var e = new SourceRequestException("coingecko", "coins.markets", SourceFailureKind.RateLimited, "rate limited",
            HttpStatusCode.TooManyRequests, "429", TimeSpan.FromSeconds(119));
        Assert.Equal("coingecko coins.markets failed (RateLimited, HTTP 429, error code 429, retry after 119 s): rate limited", e.Message);
        Assert.True(e.IsTransient);
        Assert.False(new SourceRequestException("x", "y", SourceFailureKind.InvalidResponse, "bad").IsTransient);
        Assert.True(new SourceRequestException("x", "y", SourceFailureKind.HttpError, "bad", HttpStatusCode.BadGateway).IsTransient);
        Assert.False(new SourceRequestException("x", "y", SourceFailureKind.HttpError, "bad", HttpStatusCode.Unauthorized).IsTransient);
    }

    [Fact]
    public void AddCryptoIntel_ArgumentChecking()
    {
        Assert.Throws<ArgumentNullException>(() => CryptoIntelServiceCollectionExtensions.AddCryptoIntel(null!));
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddCryptoIntel((Action<ICryptoIntelBuilder>)null!));
    }

    [Fact]
    public void AddCryptoIntel_RegistersSystemTimeProviderUnlessOneIsPresent()
    {
        var services = new ServiceCollection();
        var builder = services.AddCryptoIntel();
        Assert.Same(services, builder.Services);
        using var sp = services.BuildServiceProvider();
        Assert.Same(TimeProvider.System, sp.GetRequiredService<TimeProvider>());

        var custom = new CustomTime();
        var services2 = new ServiceCollection().AddSingleton<TimeProvider>(custom);
        services2.AddCryptoIntel(_ => { });
        using var sp2 = services2.BuildServiceProvider();
        Assert.Same(custom, sp2.GetRequiredService<TimeProvider>());
    }

    private sealed class CustomTime : TimeProvider;
}
