using CryptoIntel.Sources.FearGreed.Internal;
using CryptoIntel.Sources.Internal;
using CryptoIntel.Sources.Internal.Json;

namespace CryptoIntel.Sources.FearGreed;

/// <summary>
/// The Crypto Fear &amp; Greed Index of alternative.me (<c>/fng/</c>): the latest value and its daily history. No key;
/// calls are cached (10 minutes by default), kept inside a conservative per-minute budget, and fail with
/// <see cref="SourceRequestException"/> (a non-null <c>metadata.error</c> is a <see cref="SourceFailureKind.ProviderError"/>).
/// </summary>
/// <remarks>Register with <c>services.AddCryptoIntel().AddFearGreed(...)</c>; the instance is a thread-safe singleton.</remarks>
public class FearGreedClient
{
    /// <summary>The provider name used in options sections, metrics, logs and cache keys.</summary>
    public const string ProviderName = "feargreed";

    private readonly SourceCaller _caller = null!;

    internal FearGreedClient(SourceCaller caller) => _caller = caller;

    /// <summary>Creates a client for mocking.</summary>
    protected FearGreedClient()
    {
    }

    /// <summary>Gets the latest values (<c>/fng/?limit=N</c>), newest first.</summary>
    /// <param name="limit">How many days; 0 gets the full history (since February 2018).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The values, newest first.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is negative.</exception>
    /// <exception cref="SourceRequestException">The call failed and no last good value was available.</exception>
    public virtual Task<IReadOnlyList<FearGreedValue>> GetIndexAsync(int limit = 1, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return _caller.GetAsync(
            new SourceRequest("fng", new QueryBuilder("fng/").Add("limit", limit).ToString()),
            JsonParsers.For<FearGreedEnvelope, IReadOnlyList<FearGreedValue>>(FearGreedJsonContext.Default.FearGreedEnvelope, FearGreedParser.Map),
            cancellationToken);
    }

    /// <summary>Gets today's value (<c>/fng/?limit=1</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The latest value, with <see cref="FearGreedValue.TimeUntilUpdate"/>.</returns>
    /// <exception cref="SourceRequestException">The call failed (or the answer had no value) and no last good value was available.</exception>
    public virtual async Task<FearGreedValue> GetLatestAsync(CancellationToken cancellationToken = default)
    {
        var values = await GetIndexAsync(1, cancellationToken).ConfigureAwait(false);
        return values.Count > 0
            ? values[0]
            : throw new SourceRequestException(ProviderName, "fng", SourceFailureKind.InvalidResponse, "the answer holds no value");
    }
}
