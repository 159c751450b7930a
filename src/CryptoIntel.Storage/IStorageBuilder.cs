using Microsoft.Extensions.DependencyInjection;

namespace CryptoIntel.Storage;

/// <summary>Returned by <c>AddStorage()</c>: chooses the database (<c>UseSqlite</c>, the default, or <c>UsePostgreSql</c>).</summary>
public interface IStorageBuilder
{
    /// <summary>Gets the service collection.</summary>
    IServiceCollection Services { get; }
}
