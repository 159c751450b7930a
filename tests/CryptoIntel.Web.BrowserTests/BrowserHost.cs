using System.Net;
using System.Reflection;
using CryptoIntel.Demo;
using CryptoIntel.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CryptoIntel.Web.BrowserTests;

/// <summary>
/// The web host on a real loopback port (Kestrel) over a temporary SQLite file filled from the demo market, for a
/// real browser to load. Shared by the tests of one class.
/// </summary>
public sealed class BrowserHost : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cryptointel-browser-tests", Guid.NewGuid().ToString("N"));
    private int _published;

    public BrowserHost() => UseKestrel(o => o.Listen(IPAddress.Loopback, 0));

    public Uri BaseAddress { get; private set; } = null!;

    public MarketSimulator Market { get; } = new(new DemoMarketOptions { Assets = 80 }, TimeProvider.System);

    public static string ProjectDirectory { get; } = Metadata("ProjectDirectory");

    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_folder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("CryptoIntel:Storage:SqlitePath", Path.Combine(_folder, "browser.db"));
        builder.UseSetting("Web:OutputCacheDuration", "00:00:01");
        builder.UseSetting("Web:RateLimit:AnonymousPerSecond", "100000");
        builder.UseSetting("Web:RateLimit:AnonymousBurst", "100000");
    }

    public async ValueTask InitializeAsync()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        await DemoSeeder.SeedAsync(Services.GetRequiredService<ICryptoIntelStore>(), Market, TestContext.Current.CancellationToken);
    }

    /// <summary>Stores a new signal, as the collection pipeline does after detecting one, and returns its id.</summary>
    public async Task<string> PublishSignalAsync(CancellationToken cancellationToken)
    {
        var signal = DemoSeeder.FreshSignal(Market, Interlocked.Increment(ref _published));
        var batch = new StorageBatch();
        batch.Signals.Add(signal);
        await Services.GetRequiredService<ICryptoIntelStore>().WriteAsync(batch, cancellationToken);
        if (Services.GetService<ISignalPublisher>() is { } publisher)
        {
            await publisher.PublishAsync([signal], cancellationToken);
        }

        return signal.Id;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string Metadata(string key) =>
        typeof(BrowserHost).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == key).Value!;
}
