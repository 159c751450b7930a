using System.Collections.Concurrent;

namespace CryptoIntel.Sources.Internal;

/// <summary>The budgets of all registered providers, created on first use from their options.</summary>
internal sealed class SourceBudgets(SourceRateLimiterFactory factory) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<SourceBudget>> _budgets = new(StringComparer.Ordinal);

    public SourceBudget Get(string provider, SourceClientOptions options) =>
        _budgets.GetOrAdd(provider, static (name, state) => new Lazy<SourceBudget>(() => new SourceBudget(
            name,
            state.options.RequestsPerMinute > 0 ? state.factory.CreatePerMinuteLimiter(name, state.options.RequestsPerMinute) : null,
            state.options.MonthlyQuota > 0 ? state.factory.CreateMonthlyLimiter(name, state.options.MonthlyQuota) : null)),
            (factory, options)).Value;

    public IEnumerable<SourceBudget> All => _budgets.Values.Where(b => b.IsValueCreated).Select(b => b.Value);

    public void Dispose()
    {
        foreach (var budget in All)
        {
            budget.Dispose();
        }
    }
}
