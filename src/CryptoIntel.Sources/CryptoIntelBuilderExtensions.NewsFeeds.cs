using CryptoIntel;
using CryptoIntel.Sources;
using CryptoIntel.Sources.News;
using CryptoIntel.Sources.News.Internal;
using CryptoIntel.Sources.Internal;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

public static partial class CryptoIntelBuilderExtensions
{
    /// <summary>Adds the news RSS/Atom feeds (CoinDesk, Cointelegraph by default) client (<see cref="NewsFeedClient"/>) with its default settings (see <see cref="NewsFeedClientOptions"/>).</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The source builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static ISourceBuilder AddNewsFeeds(this ICryptoIntelBuilder builder) =>
        AddNewsFeedsCore(builder, _ => { });

    /// <summary>Adds the news RSS/Atom feeds (CoinDesk, Cointelegraph by default) client (<see cref="NewsFeedClient"/>), configured by <paramref name="configure"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The source builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is null.</exception>
    public static ISourceBuilder AddNewsFeeds(this ICryptoIntelBuilder builder, Action<NewsFeedClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return AddNewsFeedsCore(builder, o => o.Configure(configure));
    }

    /// <summary>Adds the news RSS/Atom feeds (CoinDesk, Cointelegraph by default) client (<see cref="NewsFeedClient"/>), bound to <paramref name="section"/> (e.g. <c>CryptoIntel:Sources:NewsFeeds</c>).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="section">The configuration section.</param>
    /// <returns>The source builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="section"/> is null.</exception>
    public static ISourceBuilder AddNewsFeeds(this ICryptoIntelBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return AddNewsFeedsCore(builder, o => o.Bind(section));
    }

    private static ISourceBuilder AddNewsFeedsCore(ICryptoIntelBuilder builder, Action<Microsoft.Extensions.Options.OptionsBuilder<NewsFeedClientOptions>> configureOptions)
    {
        var source = SourceRegistration.Add<NewsFeedClient, NewsFeedClientOptions, NewsFeedClientOptionsValidator>(builder, NewsFeedClient.ProviderName, configureOptions, caller => new NewsFeedClient(caller));
        return source;
    }
}
