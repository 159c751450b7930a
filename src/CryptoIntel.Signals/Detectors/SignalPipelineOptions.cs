using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace CryptoIntel.Signals;

/// <summary>Options of <see cref="SignalPipeline"/>: what it does after the detectors.</summary>
public sealed class SignalPipelineOptions
{
    /// <summary>Gets or sets a value indicating whether composite <see cref="SignalKind.Confluence"/> signals are added.</summary>
    /// <value>Defaults to true.</value>
    public bool EmitConfluence { get; set; } = true;

    /// <summary>Gets the confluence options.</summary>
    [ValidateObjectMembers]
    public ConfluenceOptions Confluence { get; } = new();

    /// <summary>Gets or sets how many recent signal ids are remembered to drop duplicates.</summary>
    /// <value>Defaults to 100,000.</value>
    [Range(1, 100_000_000)]
    public int DeduplicationCapacity { get; set; } = 100_000;
}
