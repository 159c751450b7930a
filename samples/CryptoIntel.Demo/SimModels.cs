namespace CryptoIntel.Demo;

/// <summary>The market regime: it sets the drift and the volatility of every asset.</summary>
public enum MarketRegime
{
    /// <summary>Sideways, quiet.</summary>
    Chop,

    /// <summary>Rising.</summary>
    Bull,

    /// <summary>Falling, more volatile.</summary>
    Bear,
}

/// <summary>What happened in the simulated market (also what the templated news is about).</summary>
public enum MarketEventKind
{
    /// <summary>The regime changed.</summary>
    RegimeChange,

    /// <summary>An asset's volume jumped, with a sharp price move.</summary>
    VolumeSpike,

    /// <summary>A protocol's TVL is draining.</summary>
    TvlDrain,

    /// <summary>A stablecoin lost its peg.</summary>
    Depeg,

    /// <summary>A DEX pool's liquidity jumped.</summary>
    LiquidityJump,
}

/// <summary>One event of the simulated market.</summary>
/// <param name="Step">The step it started at.</param>
/// <param name="Time">When it started.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Subject">The asset id, protocol slug or pool address it is about (the regime name for a regime change).</param>
/// <param name="Magnitude">How big: the move, drain or de-peg as a fraction, or the volume/liquidity multiple.</param>
public sealed record MarketEvent(long Step, DateTimeOffset Time, MarketEventKind Kind, string Subject, double Magnitude);

/// <summary>One templated news item of the simulated market.</summary>
/// <param name="Id">A stable id.</param>
/// <param name="Time">When it was published.</param>
/// <param name="Outlet">The made-up outlet's domain.</param>
/// <param name="Title">The headline.</param>
/// <param name="Summary">One sentence.</param>
/// <param name="Symbols">The tickers it is about (upper case).</param>
/// <param name="Sentiment">-1 (bearish) to 1 (bullish).</param>
public sealed record DemoNews(long Id, DateTimeOffset Time, string Outlet, string Title, string Summary, IReadOnlyList<string> Symbols, double Sentiment)
{
    /// <summary>Gets the article's address (on a reserved, never resolving domain).</summary>
    public Uri Url => new($"https://{Outlet}/news/{Id}/{Slug(Title)}");

    private static string Slug(string title)
    {
        var words = new string([.. title.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ')])
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var slug = string.Join('-', words);
        return slug.Length == 0 ? "item" : slug[..Math.Min(60, slug.Length)].TrimEnd('-');
    }
}

internal sealed class SimAsset
{
    public required string Id { get; init; }
    public required string Symbol { get; init; }
    public required string Name { get; init; }
    public required int CmcId { get; init; }
    public required double Supply { get; init; }
    public required double Beta { get; init; }
    public required double Sigma { get; init; }
    public required double BaseVolumeShare { get; init; }
    public bool IsStable { get; init; }
    public string Category { get; init; } = "Layer 1 (L1)";
    public DateTimeOffset Listed { get; init; }

    public double Price { get; set; }
    public double Variance { get; set; }
    public double Shock { get; set; }
    public double PegDeviation { get; set; }
    public double DepegTarget { get; set; }
    public double SpikeMultiple { get; set; } = 1;
    public double Ath { get; set; }
    public double Atl { get; set; }

    public RingSeries Prices { get; } = new();
    public RingSeries Volumes { get; } = new();

    public double MarketCap => Price * Supply;
}

internal sealed class SimProtocol
{
    public required string Name { get; init; }
    public required string Slug { get; init; }
    public required string Category { get; init; }
    public required string[] Chains { get; init; }
    public required double[] ChainShares { get; init; }
    public string? TokenAssetId { get; init; }
    public required int LlamaId { get; init; }
    public double Tvl { get; set; }
    public int DrainSteps { get; set; }
    public double DrainRate { get; set; }
    public RingSeries TvlHistory { get; } = new();
}

internal sealed class SimChain
{
    public required string Name { get; init; }
    public string? GeckoId { get; init; }
    public string? TokenSymbol { get; init; }
    public int? ChainId { get; init; }
    public int? CmcId { get; init; }
    public double OtherTvl { get; set; }
    public double Tvl { get; set; }
    public RingSeries TvlHistory { get; } = new();
}

internal sealed class SimPool
{
    public required string Network { get; init; }
    public required string Address { get; init; }
    public required string Dex { get; init; }
    public required SimAsset Base { get; init; }
    public required string QuoteSymbol { get; init; }
    public required string QuoteName { get; init; }
    public required string QuoteAddress { get; init; }
    public required string BaseAddress { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public double Reserve { get; set; }
    public double VolumeMultiple { get; set; } = 1;
    public double BaseVolume { get; init; }
    public RingSeries Volumes { get; } = new();
    public RingSeries Prices { get; } = new();
}

/// <summary>A fixed-size ring of the latest values, one per step (oldest dropped).</summary>
internal sealed class RingSeries
{
    public const int Capacity = 8640 + 2016;

    private readonly double[] _values = new double[Capacity];
    private long _count;

    public long Count => _count;

    public void Add(double value) => _values[_count++ % Capacity] = value;

    /// <summary>The value <paramref name="back"/> steps ago (0 is the latest), clamped to the oldest kept.</summary>
    public double Back(long back)
    {
        if (_count == 0)
        {
            return 0;
        }

        back = Math.Clamp(back, 0, Math.Min(_count, Capacity) - 1);
        return _values[(_count - 1 - back) % Capacity];
    }

    public double SumBack(int steps)
    {
        var n = (int)Math.Min(steps, Math.Min(_count, Capacity));
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            sum += Back(i);
        }

        return sum;
    }

    public (double Min, double Max) RangeBack(int steps)
    {
        var n = (int)Math.Min(steps, Math.Min(_count, Capacity));
        double min = double.MaxValue, max = double.MinValue;
        for (var i = 0; i < n; i++)
        {
            var v = Back(i);
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        return n == 0 ? (0, 0) : (min, max);
    }

    public int Kept => (int)Math.Min(_count, Capacity);
}
