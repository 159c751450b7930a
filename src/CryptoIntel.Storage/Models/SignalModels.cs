namespace CryptoIntel.Storage;

/// <summary>How a signal turned out after a horizon (e.g. the price 24 hours later).</summary>
/// <param name="SignalId">The signal's id.</param>
/// <param name="Horizon">The horizon evaluated, e.g. <c>1h</c>, <c>24h</c>.</param>
/// <param name="EvaluatedAt">When it was evaluated (UTC).</param>
/// <param name="ReturnPercent">The move of the subject over the horizon in percent.</param>
/// <param name="Hit">Whether the move agreed with the signal's direction.</param>
/// <remarks>Identity: (<paramref name="SignalId"/>, <paramref name="Horizon"/>).</remarks>
public sealed record SignalOutcome(string SignalId, string Horizon, DateTimeOffset EvaluatedAt, double ReturnPercent, bool Hit);

/// <summary>A signal with its outcomes (its evidence is on <see cref="Signal.Evidence"/>).</summary>
/// <param name="Signal">The signal.</param>
/// <param name="Outcomes">Its evaluated outcomes, by horizon.</param>
public sealed record StoredSignal(Signal Signal, IReadOnlyList<SignalOutcome> Outcomes);

/// <summary>Counts of signals of one kind over a window.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Count">How many.</param>
/// <param name="Up">How many point up.</param>
/// <param name="Down">How many point down.</param>
/// <param name="AverageConfidence">Their mean confidence.</param>
/// <param name="Latest">The newest one's detection time.</param>
public sealed record SignalKindStatistics(SignalKind Kind, int Count, int Up, int Down, double AverageConfidence, DateTimeOffset Latest);

/// <summary>Signal statistics over a window.</summary>
/// <param name="Since">The window's start.</param>
/// <param name="Total">How many signals.</param>
/// <param name="ByKind">Per kind, most frequent first.</param>
public sealed record SignalStatistics(DateTimeOffset Since, int Total, IReadOnlyList<SignalKindStatistics> ByKind);

/// <summary>The track record of one kind of signal at one horizon.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Horizon">The horizon, e.g. <c>24h</c>.</param>
/// <param name="Evaluated">How many signals were evaluated.</param>
/// <param name="Hits">How many moved in the signalled direction.</param>
/// <param name="AverageReturnPercent">The mean move in percent.</param>
/// <param name="AverageConfidence">The mean confidence of the evaluated signals.</param>
public sealed record SignalTrackRecord(SignalKind Kind, string Horizon, int Evaluated, int Hits, double AverageReturnPercent, double AverageConfidence)
{
    /// <summary>Gets the share of hits, 0 to 1.</summary>
    public double HitRate => Evaluated == 0 ? 0 : (double)Hits / Evaluated;
}
