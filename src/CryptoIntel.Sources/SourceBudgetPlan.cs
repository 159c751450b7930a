using System.Globalization;

namespace CryptoIntel.Sources;

/// <summary>
/// Whether a collection schedule fits a provider's budget: the credits one cycle spends, times the cycles in a
/// month, against the monthly quota; and the calls of one cycle against the per-minute rate.
/// </summary>
/// <param name="Provider">The provider.</param>
/// <param name="CreditsPerCycle">The credits one cycle spends (calls, or credits where the provider charges by data points).</param>
/// <param name="CallsPerCycle">The requests one cycle sends.</param>
/// <param name="Interval">The time between cycles.</param>
/// <param name="MonthlyQuota">The monthly quota; 0 when the provider has none.</param>
/// <param name="RequestsPerMinute">The per-minute rate; 0 when the provider has none.</param>
public sealed record SourceBudgetPlan(string Provider, int CreditsPerCycle, int CallsPerCycle, TimeSpan Interval, int MonthlyQuota, int RequestsPerMinute)
{
    /// <summary>The longest month, in days: a plan that fits it fits every month.</summary>
    public const int DaysPerMonth = 31;

    /// <summary>Gets how many cycles run in a 31-day month.</summary>
    public double CyclesPerMonth => TimeSpan.FromDays(DaysPerMonth) / Interval;

    /// <summary>Gets the credits the schedule spends in a 31-day month.</summary>
    public double ProjectedMonthlyCredits => CreditsPerCycle * CyclesPerMonth;

    /// <summary>Gets the most credits a cycle may spend for the schedule to fit the monthly quota.</summary>
    public int? MaxCreditsPerCycle => MonthlyQuota > 0 ? (int)Math.Floor(MonthlyQuota / CyclesPerMonth) : null;

    /// <summary>Gets a value indicating whether the monthly quota holds the schedule.</summary>
    public bool FitsMonthlyQuota => MonthlyQuota <= 0 || ProjectedMonthlyCredits <= MonthlyQuota;

    /// <summary>Gets a value indicating whether one cycle's calls fit in the per-minute rate (else the cycle waits for permits).</summary>
    public bool FitsPerMinuteRate => RequestsPerMinute <= 0 || CallsPerCycle <= RequestsPerMinute;

    /// <summary>Gets a value indicating whether the schedule fits both limits.</summary>
    public bool Fits => FitsMonthlyQuota && FitsPerMinuteRate;

    /// <summary>Creates the plan of a provider from its options.</summary>
    /// <param name="provider">The provider.</param>
    /// <param name="options">The provider's options (quota and rate).</param>
    /// <param name="creditsPerCycle">The credits one cycle spends.</param>
    /// <param name="callsPerCycle">The requests one cycle sends.</param>
    /// <param name="interval">The time between cycles.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="provider"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or <paramref name="interval"/> is not positive.</exception>
    public static SourceBudgetPlan For(string provider, SourceClientOptions options, int creditsPerCycle, int callsPerCycle, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(creditsPerCycle);
        ArgumentOutOfRangeException.ThrowIfNegative(callsPerCycle);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        return new SourceBudgetPlan(provider, creditsPerCycle, callsPerCycle, interval, options.MonthlyQuota, options.RequestsPerMinute);
    }

    /// <summary>Describes the fit in one sentence, e.g. for a start-up log.</summary>
    /// <returns>The description.</returns>
    public string Describe()
    {
        var every = Interval.TotalMinutes.ToString("0.##", CultureInfo.InvariantCulture);
        if (MonthlyQuota <= 0)
        {
            var head = string.Create(CultureInfo.InvariantCulture, $"{Provider}: {CallsPerCycle} call(s) every {every} min; no monthly quota");
            return FitsPerMinuteRate
                ? head + "."
                : head + string.Create(CultureInfo.InvariantCulture, $", but {CallsPerCycle} calls exceed the {RequestsPerMinute}/min rate: the cycle will wait for permits.");
        }

        var text = string.Create(CultureInfo.InvariantCulture,
            $"{Provider}: {CreditsPerCycle} credit(s) every {every} min = {ProjectedMonthlyCredits:0} in a {DaysPerMonth}-day month of a {MonthlyQuota} quota ({ProjectedMonthlyCredits / MonthlyQuota:P0})");
        return FitsMonthlyQuota
            ? text + "."
            : text + string.Create(CultureInfo.InvariantCulture, $": DOES NOT FIT; at most {MaxCreditsPerCycle} credit(s) per cycle, or a cycle every {Math.Ceiling(TimeSpan.FromDays(DaysPerMonth).TotalMinutes * CreditsPerCycle / MonthlyQuota)} min.");
    }
}
