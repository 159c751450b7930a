using CryptoIntel.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace CryptoIntel.Web.Tests;

/// <summary>
/// The web host over a SQLite file in a temporary folder, seeded with <see cref="TestData"/>, at a fixed time;
/// two API keys (read and write); rate limits high enough not to interfere (tests of the limiter use their own).
/// </summary>
public class WebAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string WriteKey = "write-key-0123456789abcdef";
    public const string ReadKey = "read-key-0123456789abcdef";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cryptointel-web-tests", Guid.NewGuid().ToString("N"));

    public FakeTimeProvider Time { get; } = new(TestData.Now);

    /// <summary>Settings on top of the defaults (override to change a test host's configuration).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_folder);
        builder.UseEnvironment("Testing");
        var settings = new Dictionary<string, string?>
        {
            ["CryptoIntel:Storage:SqlitePath"] = Path.Combine(_folder, "test.db"),
            ["Web:RunPipeline"] = "false",
            ["Web:ApiKeys:0:Name"] = "writer",
            ["Web:ApiKeys:0:Key"] = WriteKey,
            ["Web:ApiKeys:0:Scope"] = "write",
            ["Web:ApiKeys:1:Name"] = "reader",
            ["Web:ApiKeys:1:Key"] = ReadKey,
            ["Web:ApiKeys:1:Scope"] = "read",
            ["Web:RateLimit:AnonymousPerSecond"] = "100000",
            ["Web:RateLimit:AnonymousBurst"] = "100000",
            ["Web:RateLimit:KeyedPerSecond"] = "100000",
            ["Web:RateLimit:KeyedBurst"] = "100000",
            ["Web:RateLimit:WritesPerMinute"] = "100000",
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Time)));
    }

    public async ValueTask InitializeAsync()
    {
        var store = Services.GetRequiredService<ICryptoIntelStore>();
        await TestData.SeedAsync(store, TestContext.Current.CancellationToken);
    }

    public HttpClient CreateClient(string? apiKey)
    {
        var client = CreateClient();
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
