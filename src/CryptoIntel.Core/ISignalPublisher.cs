namespace CryptoIntel;

/// <summary>
/// Publishes new signals to whoever listens in real time (e.g. the CryptoIntel.Realtime hub). The collection pipeline
/// calls it after storing a cycle's signals; register an implementation to light it up.
/// </summary>
public interface ISignalPublisher
{
    /// <summary>Publishes signals, in order. Publishing the same signal id twice must not deliver it twice.</summary>
    /// <param name="signals">The signals, in detection order.</param>
    /// <param name="cancellationToken">Cancels the publication.</param>
    /// <returns>A task that completes when the signals are accepted for delivery.</returns>
    ValueTask PublishAsync(IReadOnlyList<Signal> signals, CancellationToken cancellationToken = default);
}
