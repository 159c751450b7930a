using System.ComponentModel.DataAnnotations;

namespace CryptoIntel.Worker;

/// <summary>Settings of the worker, bound from <c>CryptoIntel:Worker</c>.</summary>
public sealed class WorkerOptions
{
    /// <summary>Gets or sets the time between collection cycles.</summary>
    /// <value>The default is 15 minutes, the original system's cadence (96 cycles a day).</value>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Gets or sets a value indicating whether the worker refuses to start when a source's budget cannot hold the cadence.</summary>
    /// <value>The default is <see langword="false"/>: the verdict is logged as an error and the budget refuses the surplus calls.</value>
    public bool FailWhenBudgetDoesNotFit { get; set; }
}
