using CryptoIntel;
using CryptoIntel.Storage;
using CryptoIntel.Storage.Internal;
using CryptoIntel.Storage.Internal.Validators;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds CryptoIntel.Storage to an <see cref="ICryptoIntelBuilder"/>.</summary>
public static class CryptoIntelBuilderStorageExtensions
{
    /// <summary>The configuration section the storage options bind from by convention.</summary>
    public const string StorageSectionName = "CryptoIntel:Storage";

    /// <summary>
    /// Adds the store: a singleton <see cref="ICryptoIntelStore"/> and <see cref="IStorageMaintenance"/> (embedded SQLite
    /// at <see cref="StorageOptions.SqlitePath"/> unless <c>UsePostgreSql</c> is called), start-up validation of
    /// <see cref="StorageOptions"/>, and a hosted service that migrates at start and compacts every
    /// <see cref="StorageOptions.CompactionInterval"/> on the registered <see cref="TimeProvider"/>.
    /// </summary>
    /// <param name="builder">The CryptoIntel builder.</param>
    /// <returns>The storage builder, to choose the database.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <remarks>Without a host the store still migrates on first use.</remarks>
    public static IStorageBuilder AddStorage(this ICryptoIntelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddOptionsWithValidateOnStart<StorageOptions, StorageOptionsValidator>();
        services.TryAddSingleton<StorageProvider>(sp => new SqliteProvider(sp.GetRequiredService<IOptions<StorageOptions>>().Value.SqlitePath));
        services.TryAddSingleton(sp => new SqlStore(
            sp.GetRequiredService<StorageProvider>(),
            sp.GetRequiredService<IOptions<StorageOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<SqlStore>>(),
            sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.TryAddSingleton<ICryptoIntelStore>(sp => sp.GetRequiredService<SqlStore>());
        services.TryAddSingleton<IStorageMaintenance>(sp => sp.GetRequiredService<SqlStore>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, StorageHostedService>());
        return new StorageBuilder(services);
    }

    /// <summary>Adds the store, configured by <paramref name="configure"/>.</summary>
    /// <param name="builder">The CryptoIntel builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The storage builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is null.</exception>
    public static IStorageBuilder AddStorage(this ICryptoIntelBuilder builder, Action<StorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var storage = builder.AddStorage();
        builder.Services.Configure(configure);
        return storage;
    }

    /// <summary>Adds the store, bound to a configuration section (conventionally <see cref="StorageSectionName"/>).</summary>
    /// <param name="builder">The CryptoIntel builder.</param>
    /// <param name="section">The configuration section.</param>
    /// <returns>The storage builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="section"/> is null.</exception>
    public static IStorageBuilder AddStorage(this ICryptoIntelBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        var storage = builder.AddStorage();
        builder.Services.Configure<StorageOptions>(section);
        return storage;
    }

    /// <summary>Stores in one SQLite file (the default), created with its directory when missing; WAL mode.</summary>
    /// <param name="builder">The storage builder.</param>
    /// <param name="path">The database file.</param>
    /// <returns>The storage builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or blank.</exception>
    public static IStorageBuilder UseSqlite(this IStorageBuilder builder, string path)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        builder.Services.Configure<StorageOptions>(o => o.SqlitePath = path);
        builder.Services.Replace(ServiceDescriptor.Singleton<StorageProvider>(sp => new SqliteProvider(sp.GetRequiredService<IOptions<StorageOptions>>().Value.SqlitePath)));
        return builder;
    }

    private sealed record StorageBuilder(IServiceCollection Services) : IStorageBuilder;
}
