namespace CryptoIntel.Signals.Sentiment.Internal;

/// <summary>The lexicon evidence found in one text.</summary>
/// <param name="Positive">The sum of the positive contributions (≥ 0).</param>
/// <param name="Negative">The sum of the negative contributions, as a positive number (≥ 0).</param>
/// <param name="PositiveHits">How many terms contributed positively.</param>
/// <param name="NegativeHits">How many terms contributed negatively.</param>
/// <param name="NegatedHits">How many matched terms were in a negation scope (and so flipped).</param>
internal readonly record struct LexiconEvidence(float Positive, float Negative, int PositiveHits, int NegativeHits, int NegatedHits)
{
    /// <summary>Gets the net score (positive minus negative).</summary>
    public float Net => Positive - Negative;

    /// <summary>The number of ML features written by <see cref="WriteFeatures"/>.</summary>
    public const int FeatureCount = 6;

    /// <summary>Writes the evidence as the ML model's lexicon features.</summary>
    public void WriteFeatures(Span<float> features)
    {
        features[0] = Positive;
        features[1] = Negative;
        features[2] = Net;
        features[3] = PositiveHits;
        features[4] = NegativeHits;
        features[5] = NegatedHits;
    }
}

/// <summary>
/// CryptoIntel's own sentiment lexicon for crypto and market news (written for this project, weights −3..+3), with
/// phrases of up to three words, negation (a negated term counts at −0.7× its weight), intensifiers and dampeners,
/// and one compositional rule for finance: a direction word ("rose", "fell", "widened", "narrowed", "cut") next to a
/// cost-like noun ("loss", "debt", "outflows", "liquidations") has its sign flipped ("losses narrowed" is good news).
/// </summary>
internal static class CryptoLexicon
{
    private const float NegationFactor = -0.7f;

    // Direction words: the sign they carry on their own, flipped near a cost-like noun.
    private static readonly Dictionary<string, float> Directions = new(StringComparer.Ordinal)
    {
        ["rise"] = 1.2f, ["rose"] = 1.2f, ["risen"] = 1.2f, ["increase"] = 1.2f, ["grow"] = 1.2f, ["grew"] = 1.2f, ["grown"] = 1.2f,
        ["up"] = 0.8f, ["higher"] = 1.0f, ["climb"] = 1.3f, ["jump"] = 1.5f, ["surge"] = 1.8f, ["soar"] = 2.0f, ["double"] = 1.3f,
        ["doubled"] = 1.3f, ["widen"] = 1.5f, ["widened"] = 1.5f, ["expand"] = 1.0f, ["improve"] = 1.5f, ["improved"] = 1.5f,
        ["gain"] = 1.3f, ["spike"] = 1.2f, ["rebound"] = 1.5f, ["recover"] = 1.5f, ["boost"] = 1.5f, ["strengthen"] = 1.2f,
        ["fall"] = -1.3f, ["fell"] = -1.3f, ["fallen"] = -1.3f, ["decrease"] = -1.2f, ["decline"] = -1.3f, ["drop"] = -1.4f,
        ["down"] = -0.8f, ["lower"] = -0.9f, ["narrow"] = -1.5f, ["narrowed"] = -1.5f, ["shrink"] = -1.0f, ["shrank"] = -1.0f,
        ["slump"] = -1.8f, ["plunge"] = -2.2f, ["cut"] = -1.0f, ["reduce"] = -0.8f, ["reduced"] = -0.8f, ["slash"] = -1.2f,
        ["weaken"] = -1.3f, ["weakened"] = -1.3f, ["dip"] = -1.0f, ["slide"] = -1.5f, ["slid"] = -1.5f, ["tumble"] = -2.0f,
        ["sink"] = -1.8f, ["sank"] = -1.8f, ["halve"] = -1.3f, ["halved"] = -1.3f, ["contract"] = -0.6f, ["contracted"] = -0.9f,
    };

    // Nouns whose rise is bad news (and fall good news).
    private static readonly HashSet<string> CostNouns = new(StringComparer.Ordinal)
    {
        "loss", "losses", "debt", "debts", "deficit", "cost", "costs", "expenses", "outflows", "outflow", "liquidations",
        "unemployment", "layoffs", "inflation", "defaults", "default", "impairment", "impairments", "writedowns", "churn",
        "fees", "fines", "selling", "supply", "volatility", "risk", "risks", "jobs", "headcount", "staff", "workforce",
    };

    private static readonly Dictionary<string, float> Intensifiers = new(StringComparer.Ordinal)
    {
        ["record"] = 1.4f, ["massive"] = 1.5f, ["huge"] = 1.5f, ["sharply"] = 1.4f, ["sharp"] = 1.4f, ["significantly"] = 1.3f,
        ["strongly"] = 1.3f, ["heavily"] = 1.3f, ["very"] = 1.3f, ["biggest"] = 1.4f, ["largest"] = 1.3f, ["deep"] = 1.3f,
        ["deeply"] = 1.3f, ["severe"] = 1.5f, ["severely"] = 1.5f, ["substantially"] = 1.3f, ["dramatically"] = 1.5f,
        ["slightly"] = 0.5f, ["modestly"] = 0.6f, ["marginally"] = 0.5f, ["somewhat"] = 0.6f, ["mildly"] = 0.6f, ["little"] = 0.5f,
    };

    private static readonly Dictionary<string, float> Terms = Build();

    /// <summary>Scores a tokenised text.</summary>
    public static LexiconEvidence Score(List<SentimentToken> tokens)
    {
        float pos = 0, neg = 0;
        int posHits = 0, negHits = 0, negated = 0;
        var boost = 1f;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i].Text;
            float weight;
            var span = 1;
            if (i + 2 < tokens.Count && Terms.TryGetValue(string.Concat(token, " ", tokens[i + 1].Text, " ", tokens[i + 2].Text), out weight))
            {
                span = 3;
            }
            else if (i + 1 < tokens.Count && Terms.TryGetValue(string.Concat(token, " ", tokens[i + 1].Text), out weight))
            {
                span = 2;
            }
            else if (Intensifiers.TryGetValue(token, out var factor))
            {
                boost = factor;
                continue;
            }
            else if (CostNouns.Contains(token) && NearDirection(tokens, i))
            {
                // "losses narrowed", "debt rose": the direction word carries the (flipped) sentiment.
                continue;
            }
            else if (Directions.TryGetValue(token, out weight) || Directions.TryGetValue(Stem(token), out weight))
            {
                if (NearCostNoun(tokens, i))
                {
                    weight = -weight;
                }
            }
            else if (!Terms.TryGetValue(token, out weight) && !Terms.TryGetValue(Stem(token), out weight))
            {
                boost = 1f;
                continue;
            }

            weight *= boost;
            boost = 1f;
            if (tokens[i].Negated)
            {
                weight *= NegationFactor;
                negated++;
            }

            if (weight > 0)
            {
                pos += weight;
                posHits++;
            }
            else if (weight < 0)
            {
                neg -= weight;
                negHits++;
            }

            i += span - 1;
        }

        return new LexiconEvidence(pos, neg, posHits, negHits, negated);
    }

    private static bool NearDirection(List<SentimentToken> tokens, int i)
    {
        var from = Math.Max(0, i - 2);
        var to = Math.Min(tokens.Count - 1, i + 3);
        for (var j = from; j <= to; j++)
        {
            if (j != i && (Directions.ContainsKey(tokens[j].Text) || Directions.ContainsKey(Stem(tokens[j].Text))))
            {
                return true;
            }
        }

        return false;
    }

    private static bool NearCostNoun(List<SentimentToken> tokens, int i)
    {
        var from = Math.Max(0, i - 3);
        var to = Math.Min(tokens.Count - 1, i + 2);
        for (var j = from; j <= to; j++)
        {
            if (j != i && CostNouns.Contains(tokens[j].Text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A crude English suffix strip for lexicon look-ups (surges → surge, plunged → plunge, rallying → rally).</summary>
    internal static string Stem(string token)
    {
        if (token.Length > 5 && token.EndsWith("ing", StringComparison.Ordinal))
        {
            var b = token[..^3];
            return Terms.ContainsKey(b) || Directions.ContainsKey(b) ? b : b + "e";
        }

        if (token.Length > 4 && token.EndsWith("ied", StringComparison.Ordinal))
        {
            return token[..^3] + "y";
        }

        if (token.Length > 4 && token.EndsWith("ies", StringComparison.Ordinal))
        {
            return token[..^3] + "y";
        }

        if (token.Length > 4 && token.EndsWith("ed", StringComparison.Ordinal))
        {
            var b = token[..^2];
            return Terms.ContainsKey(b) || Directions.ContainsKey(b) ? b : token[..^1];
        }

        if (token.Length > 3 && token.EndsWith("es", StringComparison.Ordinal) && !token.EndsWith("ses", StringComparison.Ordinal))
        {
            var b = token[..^2];
            return Terms.ContainsKey(b) || Directions.ContainsKey(b) ? b : token[..^1];
        }

        if (token.Length > 3 && token.EndsWith('s') && !token.EndsWith("ss", StringComparison.Ordinal))
        {
            return token[..^1];
        }

        return token;
    }

    private static Dictionary<string, float> Build()
    {
        var d = new Dictionary<string, float>(StringComparer.Ordinal);

        void Add(float weight, string terms)
        {
            foreach (var t in terms.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                d[t] = weight;
            }
        }

        // --- Positive: prices and markets.
        Add(2.5f, "ath|all time high|all time highs|new high|new highs|record high|record highs|moon|moons|mooning|skyrocket|rocket|parabolic");
        Add(2.0f, "rally|rallies|breakout|breaks out|bull run|short squeeze|outperform|outperforms|bullish|rip|rips|pump|pumps|surge|soar");
        Add(1.5f, "rebound|bounce|reclaim|reclaims|recovery|recover|uptrend|buyers|accumulate|accumulation|accumulating|upside|green|bulls|bull");
        Add(1.2f, "gains|gain|higher|advance|advances|upbeat|optimism|optimistic|momentum|demand|strong|stronger|strength|best|beat|beats|tops|top");
        Add(1.0f, "positive|boost|boosts|lift|lifts|support|supportive|improve|improvement|win|wins|won|winner|winners|success|successful");

        // --- Positive: flows, adoption, business.
        Add(2.2f, "etf inflows|net inflows|record inflows|inflows|inflow|etf approval|approves|approved|approval|greenlight|greenlights|green light");
        Add(1.8f, "listing|lists|listed on|adds support|adoption|adopts|legal tender|partnership|partners with|integration|integrates|launches on mainnet");
        Add(1.6f, "raises|raised|funding round|series a|series b|series c|backed by|investment|invests|invested|buys|bought|acquires|acquisition");
        Add(0.5f, "upgrade");
        Add(1.4f, "upgraded|upgrades to|upgraded to|buy rating|outperform rating|overweight|price target raised|raises price target|lifts price target");
        Add(1.8f, "profit|profits|profitable|profitability|earnings beat|beat estimates|beats estimates|tops estimates|raises guidance|raises outlook");
        Add(1.5f, "dividend increase|order|orders|contract|contracts|deal|deals|agreement|wins contract|expansion|expands|expanding|growth|growing");
        Add(1.5f, "licence|license|licensed|cleared|dismissed|dismisses|drops case|drops lawsuit|settles|settlement|victory|favorable|favourable");
        Add(1.2f, "milestone|breakthrough|innovation|innovative|launch|launches|unveils|record revenue|record volume|tvl climbs|staking rewards");
        Add(3.5f, "recovers stolen|recovered stolen|recover stolen|returns stolen|returned stolen|stolen funds recovered|stolen funds returned");
        Add(2.0f, "regains peg|regains its peg|restores peg|made whole|recovers funds|returns funds|funds recovered|refund|refunds|reimburse|reimburses");
        Add(1.0f, "undervalued|opportunity|opportunities|upgrade goes live|goes live|mainnet|halving|scarcity|hodl|hodlers|whales buy");

        // --- Negative: prices and markets.
        Add(-2.5f, "crash|crashes|crashed|collapse|collapses|collapsed|plunge|plummet|plummets|nosedive|nosedives|capitulation|capitulate|bloodbath|wipeout|wiped out|rekt");
        Add(-2.0f, "tumble|dump|dumps|dumped|sell off|selloff|sell offs|bearish|bear market|bears|crater|craters|tank|tanks|tanked|slump|meltdown|panic");
        Add(-1.5f, "slide|slides|sink|sinks|losses|loss|lose|loses|lost|downtrend|sellers|selling pressure|sell pressure|red|weak|weaker|weakness|worst|low|lows");
        Add(-1.2f, "fear|fears|concern|concerns|worries|worry|uncertainty|risk off|volatile|downside|pressure|headwinds|slowdown|struggle|struggles|miss|misses|missed");
        Add(-2.2f, "liquidated|liquidation|liquidations|longs liquidated|margin call|flash crash|capitulates|death cross|rejection|rejected|breaks down|breakdown");

        // --- Negative: crypto incidents.
        Add(-3.0f, "hack|hacked|hacker|hackers|exploit|exploited|exploits|exploiter|drained|drain|drains|stolen|steal|steals|theft|heist|rug|rugged|rug pull|pull the rug|exit scam");
        Add(-2.5f, "depeg|depegs|depegged|de peg|loses peg|loses its peg|lost its peg|lost peg|below peg|scam|scams|fraud|fraudulent|ponzi|phishing|attack|attacked|breach|vulnerability|bug");
        Add(-2.2f, "bankruptcy|bankrupt|insolvent|insolvency|halts withdrawals|withdrawals halted|suspends withdrawals|pauses withdrawals|frozen|freezes|freeze|outage|halts|halted|downtime|shuts down|shutdown");
        Add(-2.0f, "sues|sued|lawsuit|charges|charged|indicted|indictment|arrested|arrest|fine|fined|fines|penalty|sanctions|sanctioned|ban|bans|banned|crackdown|probe|investigation|subpoena");
        Add(-1.8f, "delist|delists|delisted|delisting|rejects|denies approval|disapproves|outflows|outflow|etf outflows|net outflows|redemptions|unlock|unlocks|token unlock|dilution|inflationary");
        Add(-1.8f, "layoffs|lays off|laid off|cuts jobs|job cuts|cut jobs|cut staff|profit warning|warns|warning|downgrade|downgrades|downgraded|sell rating|underperform|underweight|price target cut|cuts price target");
        Add(-1.5f, "operating loss|net loss|pretax loss|loss making|write down|writes down|writedown|impairment|default|defaults|defaulted|debt|deficit|lowers guidance|cuts guidance|lowers outlook|weak guidance");
        Add(-1.3f, "closure|close plant|plant closure|resigns|resignation|exodus|delay|delays|delayed|postpones|postponed|setback|dispute|accused|allegations|manipulation|laundering|hacked account");
        Add(-1.0f, "overvalued|bubble|correction|retreat|retreats|pullback|profit taking|take profit|stall|stalls|stalled|fizzles|fizzle|doubts|skeptical|cautious");

        // --- Mildly negative or positive words of general news.
        Add(0.8f, "bull case|buying|bid|record|gains ground|accelerates|accelerating|surpasses|exceeds|exceeded|highest");
        Add(-0.8f, "lowest|cheaper|slower|fell short|falls short|below expectations|decline|declines|declining");
        return d;
    }
}
