using System.Globalization;
using CryptoIntel.Signals.Internal;

namespace CryptoIntel.Signals.Backtesting;

/// <summary>
/// Historical series for a backtest: market ticks per asset (from candle CSVs) and TVL observations per protocol or
/// chain (from TVL CSVs), sorted and de-duplicated, with bad rows skipped and counted.
/// </summary>
/// <remarks>
/// <para>Files are recognised by their header. Candles: <c>timestamp_utc,open,high,low,close,volume</c>, named
/// <c>&lt;SYMBOL&gt;USDT_1h.csv</c> or <c>_1d.csv</c> (the hourly file wins when both exist); each candle becomes a
/// <see cref="MarketTick"/> at its <em>close</em> time (open + interval) with the close price and the base-asset
/// volume. TVL: <c>timestamp_utc,tvl_usd</c>, named <c>&lt;slug&gt;.csv</c> (subject <c>protocol:&lt;slug&gt;</c>)
/// or <c>chain_&lt;name&gt;.csv</c> (subject <c>chain:&lt;name&gt;</c>). Other CSVs are ignored.</para>
/// <para>Rows with a non-finite, zero or negative price or TVL, or zero volume (exchange outage placeholders), are
/// skipped; out-of-order rows are sorted and duplicate timestamps keep the first row.</para>
/// </remarks>
public sealed class BacktestData
{
    private const string CandleHeader = "timestamp_utc,open,high,low,close,volume";
    private const string TvlHeader = "timestamp_utc,tvl_usd";

    private static readonly Dictionary<string, string> SymbolIds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["BTC"] = "bitcoin", ["ETH"] = "ethereum", ["ADA"] = "cardano", ["ATOM"] = "cosmos", ["AVAX"] = "avalanche-2",
        ["BCH"] = "bitcoin-cash", ["BNB"] = "binancecoin", ["DOGE"] = "dogecoin", ["DOT"] = "polkadot",
        ["ETC"] = "ethereum-classic", ["LINK"] = "chainlink", ["LTC"] = "litecoin", ["MATIC"] = "matic-network",
        ["SHIB"] = "shiba-inu", ["SOL"] = "solana", ["TRX"] = "tron", ["UNI"] = "uniswap", ["XLM"] = "stellar",
        ["XRP"] = "ripple", ["POL"] = "polygon-ecosystem-token", ["USDC"] = "usd-coin", ["FDUSD"] = "first-digital-usd",
    };

    private BacktestData(Dictionary<AssetId, PriceSeries> markets, Dictionary<string, PriceSeries> tvl, int skippedRows, IReadOnlyList<string> files)
    {
        Markets = markets;
        Tvl = tvl;
        SkippedRows = skippedRows;
        Files = files;
        Assets = [.. markets.Keys.Order()];
        TvlSubjects = [.. tvl.Keys.Order(StringComparer.Ordinal)];
        var all = markets.Values.Concat(tvl.Values).Where(s => s.Count > 0).ToList();
        Start = all.Count == 0 ? default : all.Min(s => s.Times[0]);
        End = all.Count == 0 ? default : all.Max(s => s.Times[^1]);
    }

    /// <summary>Gets the assets with market series, in id order.</summary>
    public IReadOnlyList<AssetId> Assets { get; }

    /// <summary>Gets the TVL subjects (<c>protocol:&lt;slug&gt;</c>, <c>chain:&lt;name&gt;</c>), in order.</summary>
    public IReadOnlyList<string> TvlSubjects { get; }

    /// <summary>Gets the number of market ticks.</summary>
    public int TickCount => Markets.Values.Sum(s => s.Count);

    /// <summary>Gets the number of TVL observations.</summary>
    public int TvlObservationCount => Tvl.Values.Sum(s => s.Count);

    /// <summary>Gets the number of rows skipped as bad (non-finite, zero or negative values, zero volume, duplicates, unparsable).</summary>
    public int SkippedRows { get; }

    /// <summary>Gets the files that were read.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>Gets the first timestamp of any series.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>Gets the last timestamp of any series.</summary>
    public DateTimeOffset End { get; }

    internal Dictionary<AssetId, PriceSeries> Markets { get; }

    internal Dictionary<string, PriceSeries> Tvl { get; }

    /// <summary>Loads every candle and TVL CSV found in the directories (and their subdirectories).</summary>
    /// <param name="directories">The directories.</param>
    /// <returns>The data.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="directories"/> is null.</exception>
    /// <exception cref="DirectoryNotFoundException">A directory does not exist.</exception>
    /// <exception cref="InvalidDataException">No candle or TVL file was found.</exception>
    public static BacktestData Load(IEnumerable<string> directories)
    {
        ArgumentNullException.ThrowIfNull(directories);
        var candleFiles = new Dictionary<string, (string Path, TimeSpan Interval)>(StringComparer.OrdinalIgnoreCase);
        var tvlFiles = new List<string>();
        foreach (var directory in directories)
        {
            if (!Directory.Exists(directory))
            {
                throw new DirectoryNotFoundException($"The data directory '{directory}' does not exist.");
            }

            foreach (var file in Directory.EnumerateFiles(directory, "*.csv", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var header = ReadHeader(file);
                if (string.Equals(header, CandleHeader, StringComparison.OrdinalIgnoreCase))
                {
                    var (symbol, interval) = ParseCandleName(Path.GetFileNameWithoutExtension(file));
                    if (!candleFiles.TryGetValue(symbol, out var existing) || interval < existing.Interval)
                    {
                        candleFiles[symbol] = (file, interval);
                    }
                }
                else if (string.Equals(header, TvlHeader, StringComparison.OrdinalIgnoreCase))
                {
                    tvlFiles.Add(file);
                }
            }
        }

        if (candleFiles.Count == 0 && tvlFiles.Count == 0)
        {
            throw new InvalidDataException("No candle CSV (" + CandleHeader + ") or TVL CSV (" + TvlHeader + ") was found in the data directories.");
        }

        var skipped = 0;
        var markets = new Dictionary<AssetId, PriceSeries>();
        foreach (var (symbol, (path, interval)) in candleFiles)
        {
            var rows = new List<(DateTimeOffset, double, double)>();
            foreach (var fields in ReadRows(path, 6))
            {
                if (fields is null || !TryTime(fields[0], out var open) || !TryNumber(fields[4], out var close) || !TryNumber(fields[5], out var volume)
                    || close <= 0 || volume <= 0)
                {
                    skipped++;
                    continue;
                }

                rows.Add((open + interval, close, volume));
            }

            markets[AssetFor(symbol)] = PriceSeries.Create(rows, ref skipped);
        }

        var tvl = new Dictionary<string, PriceSeries>(StringComparer.Ordinal);
        foreach (var path in tvlFiles)
        {
            var rows = new List<(DateTimeOffset, double, double)>();
            foreach (var fields in ReadRows(path, 2))
            {
                if (fields is null || !TryTime(fields[0], out var time) || !TryNumber(fields[1], out var value) || value <= 0)
                {
                    skipped++;
                    continue;
                }

                rows.Add((time, value, 0));
            }

            tvl[SubjectFor(Path.GetFileNameWithoutExtension(path))] = PriceSeries.Create(rows, ref skipped);
        }

        return new BacktestData(markets, tvl, skipped, [.. candleFiles.Values.Select(v => v.Path).Concat(tvlFiles).Order(StringComparer.Ordinal)]);
    }

    /// <summary>Creates backtest data from observations already in memory (bad values are skipped as in <see cref="Load"/>).</summary>
    /// <param name="ticks">The market ticks.</param>
    /// <param name="tvl">The TVL observations.</param>
    /// <returns>The data.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static BacktestData Create(IEnumerable<MarketTick> ticks, IEnumerable<TvlObservation> tvl)
    {
        ArgumentNullException.ThrowIfNull(ticks);
        ArgumentNullException.ThrowIfNull(tvl);
        var skipped = 0;
        var markets = new Dictionary<AssetId, PriceSeries>();
        foreach (var group in ticks.GroupBy(t => t.Asset))
        {
            var rows = new List<(DateTimeOffset, double, double)>();
            foreach (var t in group)
            {
                if (!double.IsFinite(t.Price) || t.Price <= 0 || !double.IsFinite(t.Volume) || t.Volume < 0)
                {
                    skipped++;
                    continue;
                }

                rows.Add((t.Timestamp, t.Price, t.Volume));
            }

            markets[group.Key] = PriceSeries.Create(rows, ref skipped);
        }

        var tvlSeries = new Dictionary<string, PriceSeries>(StringComparer.Ordinal);
        foreach (var group in tvl.GroupBy(t => t.Subject, StringComparer.Ordinal))
        {
            var rows = new List<(DateTimeOffset, double, double)>();
            foreach (var t in group)
            {
                if (!double.IsFinite(t.TvlUsd) || t.TvlUsd <= 0)
                {
                    skipped++;
                    continue;
                }

                rows.Add((t.Timestamp, t.TvlUsd, 0));
            }

            tvlSeries[group.Key] = PriceSeries.Create(rows, ref skipped);
        }

        return new BacktestData(markets, tvlSeries, skipped, []);
    }

    /// <summary>Gets the market ticks of every asset, merged in time order (ties by asset id).</summary>
    /// <returns>The ticks.</returns>
    public IReadOnlyList<MarketTick> GetMarketTicks()
    {
        var list = new List<MarketTick>(TickCount);
        foreach (var (asset, series) in Markets)
        {
            for (var i = 0; i < series.Count; i++)
            {
                list.Add(new MarketTick(asset, "binance", series.Times[i], series.Values[i], series.Volumes[i]));
            }
        }

        list.Sort(static (a, b) => a.Timestamp != b.Timestamp ? a.Timestamp.CompareTo(b.Timestamp) : a.Asset.CompareTo(b.Asset));
        return list;
    }

    /// <summary>Gets the TVL observations of every subject, merged in time order (ties by subject).</summary>
    /// <returns>The observations.</returns>
    public IReadOnlyList<TvlObservation> GetTvlObservations()
    {
        var list = new List<TvlObservation>(TvlObservationCount);
        foreach (var (subject, series) in Tvl)
        {
            for (var i = 0; i < series.Count; i++)
            {
                list.Add(new TvlObservation(subject, series.Times[i], series.Values[i]));
            }
        }

        list.Sort(static (a, b) => a.Timestamp != b.Timestamp ? a.Timestamp.CompareTo(b.Timestamp) : string.CompareOrdinal(a.Subject, b.Subject));
        return list;
    }

    internal static AssetId AssetFor(string symbol) =>
        SymbolIds.TryGetValue(symbol, out var id) ? new AssetId(id) : new AssetId(symbol);

    private static string SubjectFor(string name) =>
        name.StartsWith("chain_", StringComparison.OrdinalIgnoreCase)
            ? TvlObservation.ChainSubject(name["chain_".Length..])
            : TvlObservation.ProtocolSubject(name);

    private static (string Symbol, TimeSpan Interval) ParseCandleName(string name)
    {
        var interval = TimeSpan.FromHours(1);
        var underscore = name.LastIndexOf('_');
        if (underscore > 0)
        {
            var suffix = name[(underscore + 1)..].ToLowerInvariant();
            interval = suffix switch
            {
                "1m" => TimeSpan.FromMinutes(1),
                "5m" => TimeSpan.FromMinutes(5),
                "15m" => TimeSpan.FromMinutes(15),
                "1h" => TimeSpan.FromHours(1),
                "4h" => TimeSpan.FromHours(4),
                "1d" => TimeSpan.FromDays(1),
                _ => interval,
            };
            name = name[..underscore];
        }

        foreach (var quote in (string[])["USDT", "USDC", "FDUSD", "USD"])
        {
            if (name.Length > quote.Length && name.EndsWith(quote, StringComparison.OrdinalIgnoreCase))
            {
                return (name[..^quote.Length], interval);
            }
        }

        return (name, interval);
    }

    private static string? ReadHeader(string path)
    {
        using var reader = new StreamReader(path);
        return reader.ReadLine()?.Trim().TrimStart('\uFEFF');
    }

    private static IEnumerable<string[]?> ReadRows(string path, int columns)
    {
        using var reader = new StreamReader(path);
        _ = reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split(',');
            yield return fields.Length >= columns ? fields : null;
        }
    }

    private static bool TryTime(string text, out DateTimeOffset time) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
