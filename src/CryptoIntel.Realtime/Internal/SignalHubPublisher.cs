namespace CryptoIntel.Realtime.Internal;

/// <summary>The <see cref="ISignalPublisher"/> the pipeline calls: routes each signal to its topics and appends it to them.</summary>
internal sealed class SignalHubPublisher : ISignalPublisher
{
    private readonly ITopicStore _store;
    private readonly TopicRouter _router;

    public SignalHubPublisher(ITopicStore store, TopicRouter router)
    {
        _store = store;
        _router = router;
    }

    public async ValueTask PublishAsync(IReadOnlyList<Signal> signals, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signals);
        foreach (var signal in signals)
        {
            ArgumentNullException.ThrowIfNull(signal, nameof(signals));
            cancellationToken.ThrowIfCancellationRequested();
            await _store.PublishAsync(signal, _router.Route(signal), cancellationToken).ConfigureAwait(false);
        }
    }
}
