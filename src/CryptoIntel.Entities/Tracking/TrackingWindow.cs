namespace CryptoIntel.Entities;

/// <summary>The sliding windows the tracker counts mentions over.</summary>
public enum TrackingWindow
{
    /// <summary>The last hour (minute buckets).</summary>
    Hour = 0,

    /// <summary>The last 24 hours (hour buckets).</summary>
    Day = 1,

    /// <summary>The last 7 days (hour buckets).</summary>
    Week = 2,
}
