using System.Runtime.CompilerServices;
using CryptoIntel.Entities.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CryptoIntel.Entities;

/// <summary>
/// Counts entity mentions in news over sliding windows (1 hour in minute buckets; 24 hours and 7 days in hour
/// buckets) driven by an injected <see cref="TimeProvider"/>, tracks co-mentions, and ranks entities trending
/// against their own baseline. Syndicated copies of one story count once.
/// </summary>
/// <remarks>
/// Thread-safe. Memory is bounded: at most <see cref="EntityTrackerOptions.MaxEntities"/> entities (about 1 KB
/// each) and <see cref="EntityTrackerOptions.MaxCoMentionPairs"/> pairs; the least recently mentioned are forgotten.
/// </remarks>
public sealed class EntityTracker
{
    private const int Minutes = 60;
    private const int HoursInWeek = 168;
    private const int HoursInDay = 24;

    private readonly EntityExtractor _extractor;
    private readonly TimeProvider _timeProvider;
    private readonly EntityTrackerOptions _options;
    private readonly ILogger _logger;
    private readonly StoryDeduplicator? _stories;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, EntityState> _entities = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), PairState> _pairs = [];

    /// <summary>Creates a tracker with default options.</summary>
    /// <param name="extractor">The extractor that finds entities in each item.</param>
    /// <param name="timeProvider">The clock: the windows slide with it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="extractor"/> or <paramref name="timeProvider"/> is null.</exception>
    public EntityTracker(EntityExtractor extractor, TimeProvider timeProvider)
        : this(extractor, timeProvider, new EntityTrackerOptions())
    {
    }

    /// <summary>Creates a tracker.</summary>
    /// <param name="extractor">The extractor that finds entities in each item.</param>
    /// <param name="timeProvider">The clock: the windows slide with it.</param>
    /// <param name="options">The options.</param>
    /// <param name="logger">The logger; null for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="extractor"/>, <paramref name="timeProvider"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range.</exception>
    public EntityTracker(EntityExtractor extractor, TimeProvider timeProvider, EntityTrackerOptions options, ILogger<EntityTracker>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxEntities, 16, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxCoMentionPairs, 16, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxEntitiesPerItem, 2, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MinimumBaselinePerHour, 0.01, nameof(options));
        _extractor = extractor;
        _timeProvider = timeProvider;
        _options = options;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _stories = options.DeduplicateStories ? new StoryDeduplicator(timeProvider, options.Stories) : null;
    }

    /// <summary>Gets the number of entities tracked.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entities.Count;
            }
        }
    }

    /// <summary>Extracts the entities of one item (title and summary) and counts them at the current time.</summary>
    /// <param name="item">The news item.</param>
    /// <returns>What was found and whether it was counted.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is null.</exception>
    public TrackedNews Observe(NewsItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var text = string.IsNullOrEmpty(item.Summary) ? item.Title ?? string.Empty : $"{item.Title}\n{item.Summary}";
        var extraction = _extractor.Extract(text);
        NewsStory? story = null;
        if (_stories is not null)
        {
            var assignment = _stories.Add(item);
            story = assignment.Story;
            if (!assignment.IsNewStory)
            {
                return new TrackedNews(item, extraction, story, false);
            }
        }

        Record(extraction, _timeProvider.GetUtcNow());
        return new TrackedNews(item, extraction, story, true);
    }

    /// <summary>Observes a stream of news until it completes or the subscription is disposed; errors of the source are logged.</summary>
    /// <param name="source">The news.</param>
    /// <returns>The subscription; dispose it to stop.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    public IDisposable Subscribe(IObservable<NewsItem> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.Subscribe(item => Observe(item), error => Log.TrackerSourceFailed(_logger, error));
    }

    /// <summary>Observes an asynchronous sequence of news until it ends or <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <param name="source">The news.</param>
    /// <param name="cancellationToken">Stops the consumption.</param>
    /// <returns>The number of items observed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<int> ConsumeAsync(IAsyncEnumerable<NewsItem> source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var count = 0;
        await foreach (var item in source.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            Observe(item);
            count++;
        }

        return count;
    }

    /// <summary>Gets the mention counts of one entity.</summary>
    /// <param name="id">The entity id, e.g. <c>bitcoin</c>.</param>
    /// <returns>The counts, or null when the entity is not tracked.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    public EntityMentionCounts? GetCounts(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var now = _timeProvider.GetUtcNow();
        lock (_gate)
        {
            if (!_entities.TryGetValue(id, out var state))
            {
                return null;
            }

            state.Advance(now);
            return new EntityMentionCounts(state.Entry, state.Count(TrackingWindow.Hour), state.Count(TrackingWindow.Day), state.Count(TrackingWindow.Week));
        }
    }

    /// <summary>Gets the most mentioned entities in a window.</summary>
    /// <param name="window">The window.</param>
    /// <param name="count">How many to return.</param>
    /// <param name="kind">Only entities of this kind; null for all.</param>
    /// <returns>The entities with their counts, most mentioned first.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative or <paramref name="window"/> is undefined.</exception>
    public IReadOnlyList<EntityMentionCounts> GetTopMentioned(TrackingWindow window, int count, EntityKind? kind = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (!Enum.IsDefined(window))
        {
            throw new ArgumentOutOfRangeException(nameof(window), window, "Unknown window.");
        }

        var now = _timeProvider.GetUtcNow();
        lock (_gate)
        {
            var all = new List<EntityMentionCounts>(_entities.Count);
            foreach (var state in _entities.Values)
            {
                if (kind is { } k && state.Entry.Kind != k)
                {
                    continue;
                }

                state.Advance(now);
                var counts = new EntityMentionCounts(state.Entry, state.Count(TrackingWindow.Hour), state.Count(TrackingWindow.Day), state.Count(TrackingWindow.Week));
                if (Pick(counts, window) > 0)
                {
                    all.Add(counts);
                }
            }

            return [.. all.OrderByDescending(c => Pick(c, window)).ThenBy(c => c.Entry.Id, StringComparer.Ordinal).Take(count)];
        }
    }

    /// <summary>Gets the entities trending now: the highest Poisson z-scores of the last hour against each entity's own 7-day baseline.</summary>
    /// <param name="count">How many to return.</param>
    /// <param name="minimumMentions">Ignore entities with fewer mentions in the last hour.</param>
    /// <returns>The trending entities, highest score first.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> or <paramref name="minimumMentions"/> is negative.</exception>
    public IReadOnlyList<TrendingEntity> GetTrending(int count, int minimumMentions = 2)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegative(minimumMentions);
        var now = _timeProvider.GetUtcNow();
        lock (_gate)
        {
            var all = new List<TrendingEntity>();
            foreach (var state in _entities.Values)
            {
                state.Advance(now);
                var hour = state.Count(TrackingWindow.Hour);
                if (hour < Math.Max(1, minimumMentions))
                {
                    continue;
                }

                var observedHours = Math.Clamp((int)((now - state.FirstSeen).Ticks / TimeSpan.TicksPerHour), 0, HoursInWeek - 1);
                var before = Math.Max(0, state.Count(TrackingWindow.Week) - hour);
                var baseline = Math.Max(_options.MinimumBaselinePerHour, observedHours == 0 ? 0 : (double)before / observedHours);
                var score = (hour - baseline) / Math.Sqrt(baseline);
                if (score > 0)
                {
                    all.Add(new TrendingEntity(state.Entry, hour, Math.Round(baseline, 4), Math.Round(score, 4)));
                }
            }

            return [.. all.OrderByDescending(t => t.Score).ThenBy(t => t.Entry.Id, StringComparer.Ordinal).Take(count)];
        }
    }

    /// <summary>Gets the entities most often mentioned together with one entity in the last 24 hours.</summary>
    /// <param name="id">The entity id.</param>
    /// <param name="count">How many to return.</param>
    /// <returns>The co-mentions, most frequent first.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public IReadOnlyList<CoMention> GetCoMentions(string id, int count)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var hour = HourOf(_timeProvider.GetUtcNow());
        lock (_gate)
        {
            var result = new List<CoMention>();
            foreach (var (key, pair) in _pairs)
            {
                if (!string.Equals(key.Item1, id, StringComparison.Ordinal) && !string.Equals(key.Item2, id, StringComparison.Ordinal))
                {
                    continue;
                }

                var n = pair.Count(hour);
                if (n > 0)
                {
                    var (self, other) = string.Equals(key.Item1, id, StringComparison.Ordinal) ? (pair.First, pair.Second) : (pair.Second, pair.First);
                    result.Add(new CoMention(self, other, n));
                }
            }

            return [.. result.OrderByDescending(c => c.LastDay).ThenBy(c => c.Second.Id, StringComparer.Ordinal).Take(count)];
        }
    }

    /// <summary>Counts the entities of one extraction at <paramref name="now"/> (each distinct entity once, plus its co-mentions).</summary>
    internal void Record(ExtractionResult extraction, DateTimeOffset now)
    {
        Span<int> picked = stackalloc int[_options.MaxEntitiesPerItem];
        var n = 0;
        var entities = extraction.Entities;
        for (var i = 0; i < entities.Count && n < picked.Length; i++)
        {
            if (entities[i].IsImplied && !_options.CountImplied)
            {
                continue;
            }

            var duplicate = false;
            for (var j = 0; j < n; j++)
            {
                if (string.Equals(entities[picked[j]].Id, entities[i].Id, StringComparison.Ordinal))
                {
                    duplicate = true;
                    break;
                }
            }

            if (!duplicate)
            {
                picked[n++] = i;
            }
        }

        if (n == 0)
        {
            return;
        }

        lock (_gate)
        {
            for (var i = 0; i < n; i++)
            {
                RecordMentionLocked(entities[picked[i]].Entry, now);
            }

            var hour = HourOf(now);
            for (var i = 0; i < n; i++)
            {
                for (var j = i + 1; j < n; j++)
                {
                    var a = entities[picked[i]].Entry;
                    var b = entities[picked[j]].Entry;
                    if (string.CompareOrdinal(a.Id, b.Id) > 0)
                    {
                        (a, b) = (b, a);
                    }

                    if (!_pairs.TryGetValue((a.Id, b.Id), out var pair))
                    {
                        if (_pairs.Count >= _options.MaxCoMentionPairs)
                        {
                            EvictPairs();
                        }

                        pair = new PairState(a, b);
                        _pairs.Add((a.Id, b.Id), pair);
                    }

                    pair.Add(hour);
                }
            }
        }
    }

    /// <summary>Counts one mention of one entity at <paramref name="now"/> (the tracker's inner loop, exposed for benchmarks and tests).</summary>
    internal void RecordMention(GazetteerEntry entry, DateTimeOffset now)
    {
        lock (_gate)
        {
            RecordMentionLocked(entry, now);
        }
    }

    private static int Pick(EntityMentionCounts counts, TrackingWindow window) => window switch
    {
        TrackingWindow.Hour => counts.LastHour,
        TrackingWindow.Day => counts.LastDay,
        _ => counts.LastWeek,
    };

    private static long HourOf(DateTimeOffset time) => time.UtcTicks / TimeSpan.TicksPerHour;

    private void RecordMentionLocked(GazetteerEntry entry, DateTimeOffset now)
    {
        if (!_entities.TryGetValue(entry.Id, out var state))
        {
            if (_entities.Count >= _options.MaxEntities)
            {
                EvictEntities();
            }

            state = new EntityState(entry, now);
            _entities.Add(entry.Id, state);
        }

        state.Add(now);
    }

    private void EvictEntities()
    {
        var remove = Math.Max(1, _entities.Count / 10);
        foreach (var id in _entities.Values.OrderBy(s => s.LastSeenTicks).Take(remove).Select(s => s.Entry.Id).ToList())
        {
            _entities.Remove(id);
        }

        Log.TrackerEvicted(_logger, remove);
    }

    private void EvictPairs()
    {
        var remove = Math.Max(1, _pairs.Count / 10);
        foreach (var key in _pairs.OrderBy(p => p.Value.LastHour).Take(remove).Select(p => p.Key).ToList())
        {
            _pairs.Remove(key);
        }
    }

    private sealed class EntityState(GazetteerEntry entry, DateTimeOffset firstSeen)
    {
        private readonly int[] _minutes = new int[Minutes];
        private readonly int[] _hours = new int[HoursInWeek];
        private long _minute = long.MinValue;
        private long _hour = long.MinValue;

        public GazetteerEntry Entry { get; } = entry;

        public DateTimeOffset FirstSeen { get; } = firstSeen;

        public long LastSeenTicks { get; private set; }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(DateTimeOffset now)
        {
            var ticks = now.UtcTicks;
            var minute = ticks / TimeSpan.TicksPerMinute;
            var hour = ticks / TimeSpan.TicksPerHour;
            if (minute != _minute || hour != _hour)
            {
                Advance(minute, hour);
            }

            _minutes[(int)(minute % Minutes)]++;
            _hours[(int)(hour % HoursInWeek)]++;
            LastSeenTicks = Math.Max(LastSeenTicks, ticks);
        }

        public void Advance(DateTimeOffset now) => Advance(now.UtcTicks / TimeSpan.TicksPerMinute, now.UtcTicks / TimeSpan.TicksPerHour);

        public int Count(TrackingWindow window)
        {
            var sum = 0;
            switch (window)
            {
                case TrackingWindow.Hour:
                    foreach (var m in _minutes)
                    {
                        sum += m;
                    }

                    break;
                case TrackingWindow.Day:
                    for (var k = 0; k < HoursInDay; k++)
                    {
                        sum += _hours[(int)((((_hour - k) % HoursInWeek) + HoursInWeek) % HoursInWeek)];
                    }

                    break;
                default:
                    foreach (var h in _hours)
                    {
                        sum += h;
                    }

                    break;
            }

            return sum;
        }

        private void Advance(long minute, long hour)
        {
            // Time only moves forward for the buckets: a late item (clock skew) counts in the current bucket.
            if (minute > _minute)
            {
                var steps = _minute == long.MinValue ? Minutes : Math.Min(Minutes, minute - _minute);
                for (var s = 0; s < steps; s++)
                {
                    _minutes[(int)((minute - s) % Minutes)] = 0;
                }

                _minute = minute;
            }

            if (hour > _hour)
            {
                var steps = _hour == long.MinValue ? HoursInWeek : Math.Min(HoursInWeek, hour - _hour);
                for (var s = 0; s < steps; s++)
                {
                    _hours[(int)((hour - s) % HoursInWeek)] = 0;
                }

                _hour = hour;
            }
        }
    }

    private sealed class PairState(GazetteerEntry first, GazetteerEntry second)
    {
        private readonly int[] _hours = new int[HoursInDay];

        public GazetteerEntry First { get; } = first;

        public GazetteerEntry Second { get; } = second;

        public long LastHour { get; private set; } = long.MinValue;

        public void Add(long hour)
        {
            Advance(hour);
            _hours[(int)(hour % HoursInDay)]++;
        }

        public int Count(long hour)
        {
            Advance(hour);
            var sum = 0;
            foreach (var h in _hours)
            {
                sum += h;
            }

            return sum;
        }

        private void Advance(long hour)
        {
            if (hour > LastHour)
            {
                var steps = LastHour == long.MinValue ? HoursInDay : Math.Min(HoursInDay, hour - LastHour);
                for (var s = 0; s < steps; s++)
                {
                    _hours[(int)((hour - s) % HoursInDay)] = 0;
                }

                LastHour = hour;
            }
        }
    }
}
