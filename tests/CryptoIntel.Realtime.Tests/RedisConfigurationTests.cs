using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CryptoIntel.Realtime.Tests;

public sealed class RedisConfigurationTests
{
    [Fact]
    public void UseRedis_Section_TakesTheSectionsValue_AsTheConfigurationString()
    {
        var options = Bind(new() { ["Redis"] = "10.0.0.5:6380" });
        Assert.Equal("10.0.0.5:6380", options.Configuration);
        Assert.Equal("cryptointel:rt:", options.KeyPrefix);
    }

    [Fact]
    public void UseRedis_Section_BindsItsChildren_OverTheValue()
    {
        var options = Bind(new()
        {
            ["Redis"] = "ignored:1",
            ["Redis:Configuration"] = "10.0.0.6:6379,password=x",
            ["Redis:KeyPrefix"] = "app1:",
            ["Redis:DeduplicationWindow"] = "02:00:00",
        });
        Assert.Equal(("10.0.0.6:6379,password=x", "app1:", TimeSpan.FromHours(2)), (options.Configuration, options.KeyPrefix, options.DeduplicationWindow));
    }

    [Fact]
    public void UseRedis_Section_WithoutAConfiguration_FailsValidation()
    {
        Assert.Throws<OptionsValidationException>(() => Bind(new() { ["Redis:KeyPrefix"] = "app1:" }));
    }

    private static RealtimeRedisOptions Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCryptoIntel().AddRealtime(o => o.RequireAuthentication = false).UseRedis(configuration.GetSection("Redis"));
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<RealtimeRedisOptions>>().Value;
    }
}
