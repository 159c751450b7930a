using Microsoft.Extensions.Logging;

namespace CryptoIntel.Signals.Internal;

/// <summary>
/// Log messages of the detectors and noise operators (event ids 2000–2049; other parts of the package use other
/// blocks of the 2000s). Subjects (asset, protocol, pool ids) are public market identifiers and may be logged;
/// metric tags never carry them.
/// </summary>
internal static partial class Log
{
    public const int InputRejectedId = 2000;
    public const int DetectorFailedId = 2001;
    public const int StateResetId = 2002;
    public const int StatesEvictedId = 2003;

    [LoggerMessage(InputRejectedId, LogLevel.Debug, "Detector {Detector} rejected an input about {Subject}: {Reason}", EventName = "InputRejected")]
    public static partial void InputRejected(ILogger logger, string detector, string subject, string reason);

    [LoggerMessage(DetectorFailedId, LogLevel.Error, "Detector {Detector} failed on an input about {Subject}; the input was skipped", EventName = "DetectorFailed")]
    public static partial void DetectorFailed(ILogger logger, string detector, string subject, Exception exception);

    [LoggerMessage(StateResetId, LogLevel.Debug, "Detector {Detector} restarted the state of {Subject} ({Reason}): warm-up again", EventName = "DetectorStateReset")]
    public static partial void StateReset(ILogger logger, string detector, string subject, string reason);

    [LoggerMessage(StatesEvictedId, LogLevel.Debug, "Detector {Detector} forgot {Count} subjects ({Reason})", EventName = "DetectorStatesEvicted")]
    public static partial void StatesEvicted(ILogger logger, string detector, int count, string reason);
}
