namespace CryptoIntel.Demo;

/// <summary>
/// The simulated market's listing: well-known asset, protocol and chain names (so that entity extraction finds them)
/// with made-up levels, then made-up assets up to the asked count. Every number here is invented.
/// </summary>
internal static class Universe
{
    // name, symbol, id, price (USD), market cap (USD), stable
    private static readonly (string Name, string Symbol, string Id, double Price, double Cap, bool Stable, string Category)[] Majors =
    [
        ("Bitcoin", "btc", "bitcoin", 91000, 1.80e12, false, "Layer 1 (L1)"),
        ("Ethereum", "eth", "ethereum", 3100, 3.70e11, false, "Smart Contract Platform"),
        ("Tether", "usdt", "tether", 1, 1.80e11, true, "Stablecoins"),
        ("XRP", "xrp", "ripple", 2.2, 1.30e11, false, "Layer 1 (L1)"),
        ("BNB", "bnb", "binancecoin", 880, 1.20e11, false, "Exchange-based Tokens"),
        ("Solana", "sol", "solana", 140, 7.8e10, false, "Smart Contract Platform"),
        ("USDC", "usdc", "usd-coin", 1, 7.5e10, true, "Stablecoins"),
        ("TRON", "trx", "tron", 0.28, 2.6e10, false, "Smart Contract Platform"),
        ("Dogecoin", "doge", "dogecoin", 0.15, 2.3e10, false, "Meme"),
        ("Cardano", "ada", "cardano", 0.42, 1.5e10, false, "Smart Contract Platform"),
        ("Chainlink", "link", "chainlink", 13.1, 8.9e9, false, "Oracle"),
        ("Bitcoin Cash", "bch", "bitcoin-cash", 520, 1.03e10, false, "Layer 1 (L1)"),
        ("Stellar", "xlm", "stellar", 0.25, 8.0e9, false, "Layer 1 (L1)"),
        ("Ethena USDe", "usde", "ethena-usde", 1, 7.0e9, true, "Stablecoins"),
        ("Avalanche", "avax", "avalanche-2", 14.2, 6.0e9, false, "Smart Contract Platform"),
        ("Litecoin", "ltc", "litecoin", 88, 6.7e9, false, "Layer 1 (L1)"),
        ("Toncoin", "ton", "the-open-network", 1.6, 4.0e9, false, "Layer 1 (L1)"),
        ("Sui", "sui", "sui", 1.7, 6.2e9, false, "Layer 1 (L1)"),
        ("Hedera", "hbar", "hedera-hashgraph", 0.14, 6.0e9, false, "Layer 1 (L1)"),
        ("Dai", "dai", "dai", 1, 5.3e9, true, "Stablecoins"),
        ("Monero", "xmr", "monero", 380, 7.0e9, false, "Privacy Coins"),
        ("Polkadot", "dot", "polkadot", 2.6, 4.2e9, false, "Layer 0 (L0)"),
        ("Uniswap", "uni", "uniswap", 6.1, 3.8e9, false, "Decentralized Exchange (DEX)"),
        ("Shiba Inu", "shib", "shiba-inu", 0.0000085, 5.0e9, false, "Meme"),
        ("Aave", "aave", "aave", 170, 2.6e9, false, "Lending/Borrowing"),
        ("Pepe", "pepe", "pepe", 0.0000045, 1.9e9, false, "Meme"),
        ("NEAR Protocol", "near", "near", 2.0, 2.5e9, false, "Layer 1 (L1)"),
        ("Aptos", "apt", "aptos", 2.9, 2.0e9, false, "Layer 1 (L1)"),
        ("Internet Computer", "icp", "internet-computer", 4.1, 2.2e9, false, "Layer 1 (L1)"),
        ("Ethereum Classic", "etc", "ethereum-classic", 13.5, 2.1e9, false, "Layer 1 (L1)"),
        ("Arbitrum", "arb", "arbitrum", 0.21, 1.1e9, false, "Layer 2 (L2)"),
        ("Optimism", "op", "optimism", 0.33, 6.0e8, false, "Layer 2 (L2)"),
        ("Polygon", "pol", "polygon-ecosystem-token", 0.13, 1.4e9, false, "Layer 2 (L2)"),
        ("Cosmos Hub", "atom", "cosmos", 2.5, 1.2e9, false, "Layer 0 (L0)"),
        ("Filecoin", "fil", "filecoin", 1.6, 1.1e9, false, "Storage"),
        ("Render", "render", "render-token", 1.5, 7.8e8, false, "AI"),
        ("Injective", "inj", "injective-protocol", 5.8, 5.8e8, false, "DeFi"),
        ("Lido DAO", "ldo", "lido-dao", 0.62, 5.5e8, false, "Liquid Staking"),
        ("Curve DAO", "crv", "curve-dao-token", 0.41, 5.8e8, false, "Decentralized Exchange (DEX)"),
        ("Maker", "mkr", "maker", 1500, 1.3e9, false, "Lending/Borrowing"),
    ];

    private static readonly string[] Syllables =
        ["zen", "ka", "lo", "vir", "ta", "nex", "qua", "ro", "mi", "sol", "dra", "fi", "ly", "xo", "bel", "tor", "ra", "no", "vex", "pha", "lu", "gri", "on", "sy"];

    private static readonly string[] MadeUpCategories = ["DeFi", "Gaming (GameFi)", "AI", "Meme", "Layer 2 (L2)", "Real World Assets (RWA)", "Infrastructure"];

    public static List<SimAsset> Assets(int count, Random rng, DateTimeOffset start)
    {
        var assets = new List<SimAsset>(count);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var rank = 1; rank <= count; rank++)
        {
            if (rank <= Majors.Length)
            {
                var m = Majors[rank - 1];
                names.Add(m.Name);
                assets.Add(new SimAsset
                {
                    Id = m.Id,
                    Symbol = m.Symbol,
                    Name = m.Name,
                    CmcId = 1 + rank * 37,
                    Supply = m.Cap / m.Price,
                    Beta = m.Stable ? 0 : m.Symbol == "btc" ? 1.0 : 0.9 + rng.NextDouble() * 0.6,
                    Sigma = m.Stable ? 0 : m.Symbol == "btc" ? 0.0012 : 0.0016 + rng.NextDouble() * 0.0014,
                    BaseVolumeShare = m.Stable ? 0.25 : 0.03 + rng.NextDouble() * 0.07,
                    IsStable = m.Stable,
                    Category = m.Category,
                    Price = m.Price,
                    Listed = start.AddDays(-400 - (rank * 97 % 3000)),
                });
                continue;
            }

            string name;
            do
            {
                name = string.Concat(Enumerable.Range(0, 2 + rng.Next(2)).Select(_ => Syllables[rng.Next(Syllables.Length)]));
                name = char.ToUpperInvariant(name[0]) + name[1..];
            }
            while (!names.Add(name) || name.Length < 4);

            var symbol = name[..Math.Min(4, name.Length)].ToLowerInvariant() + (rank % 10).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var cap = 5.0e8 * Math.Exp(-(rank - Majors.Length) / 70.0) * (0.6 + rng.NextDouble() * 0.8);
            var price = Math.Round(Math.Pow(10, rng.NextDouble() * 5 - 3), 6);
            assets.Add(new SimAsset
            {
                Id = name.ToLowerInvariant() + "-demo",
                Symbol = symbol,
                Name = name,
                CmcId = 20000 + rank,
                Supply = cap / price,
                Beta = 0.8 + rng.NextDouble() * 1.2,
                Sigma = 0.0025 + rng.NextDouble() * 0.004,
                BaseVolumeShare = 0.02 + rng.NextDouble() * 0.2,
                Category = MadeUpCategories[rng.Next(MadeUpCategories.Length)],
                Price = price,
                Listed = start.AddDays(-(rank * 13 % 900) - 5),
            });
        }

        foreach (var a in assets)
        {
            a.Variance = a.Sigma * a.Sigma;
            a.Ath = a.Price * (1.2 + rng.NextDouble() * 3);
            a.Atl = a.Price * (0.01 + rng.NextDouble() * 0.4);
        }

        return assets;
    }

    public static List<SimChain> Chains() =>
    [
        new() { Name = "Ethereum", GeckoId = "ethereum", TokenSymbol = "ETH", ChainId = 1, CmcId = 1027, OtherTvl = 1.9e10 },
        new() { Name = "Solana", GeckoId = "solana", TokenSymbol = "SOL", CmcId = 5426, OtherTvl = 3.0e9 },
        new() { Name = "BSC", GeckoId = "binancecoin", TokenSymbol = "BNB", ChainId = 56, CmcId = 1839, OtherTvl = 2.5e9 },
        new() { Name = "Tron", GeckoId = "tron", TokenSymbol = "TRX", CmcId = 1958, OtherTvl = 1.5e9 },
        new() { Name = "Arbitrum", GeckoId = "arbitrum", TokenSymbol = "ARB", ChainId = 42161, CmcId = 11841, OtherTvl = 1.1e9 },
        new() { Name = "Base", ChainId = 8453, OtherTvl = 1.4e9 },
        new() { Name = "Polygon", GeckoId = "polygon-ecosystem-token", TokenSymbol = "POL", ChainId = 137, CmcId = 28321, OtherTvl = 4.0e8 },
        new() { Name = "Avalanche", GeckoId = "avalanche-2", TokenSymbol = "AVAX", ChainId = 43114, CmcId = 5805, OtherTvl = 5.0e8 },
        new() { Name = "Optimism", GeckoId = "optimism", TokenSymbol = "OP", ChainId = 10, CmcId = 11840, OtherTvl = 3.0e8 },
    ];

    // name, slug, category, chains (first is home), TVL, token asset id
    private static readonly (string Name, string Slug, string Category, string[] Chains, double Tvl, string? Token)[] ProtocolList =
    [
        ("Lido", "lido", "Liquid Staking", ["Ethereum"], 2.6e10, "lido-dao"),
        ("Aave", "aave", "Lending", ["Ethereum", "Arbitrum", "Base", "Polygon", "Avalanche", "Optimism"], 2.4e10, "aave"),
        ("EigenLayer", "eigenlayer", "Restaking", ["Ethereum"], 1.1e10, null),
        ("Uniswap", "uniswap", "Dexes", ["Ethereum", "Arbitrum", "Base", "Polygon", "Optimism", "BSC"], 5.2e9, "uniswap"),
        ("Sky", "sky", "CDP", ["Ethereum"], 6.0e9, "maker"),
        ("Ethena", "ethena", "Basis Trading", ["Ethereum"], 7.0e9, null),
        ("Jito", "jito", "Liquid Staking", ["Solana"], 2.5e9, null),
        ("Curve", "curve", "Dexes", ["Ethereum", "Arbitrum", "Base"], 2.2e9, "curve-dao-token"),
        ("Raydium", "raydium", "Dexes", ["Solana"], 1.8e9, null),
        ("PancakeSwap", "pancakeswap", "Dexes", ["BSC", "Ethereum", "Base"], 2.0e9, null),
        ("JustLend", "justlend", "Lending", ["Tron"], 4.0e9, null),
        ("Morpho", "morpho", "Lending", ["Ethereum", "Base"], 4.5e9, null),
        ("Pendle", "pendle", "Yield", ["Ethereum", "Arbitrum"], 3.9e9, null),
        ("Compound", "compound", "Lending", ["Ethereum", "Base", "Arbitrum"], 2.4e9, null),
        ("Jupiter", "jupiter", "Dexes", ["Solana"], 2.0e9, null),
        ("Kamino", "kamino", "Lending", ["Solana"], 2.1e9, null),
        ("Aerodrome", "aerodrome", "Dexes", ["Base"], 9.0e8, null),
        ("GMX", "gmx", "Derivatives", ["Arbitrum", "Avalanche"], 4.5e8, null),
        ("Venus", "venus", "Lending", ["BSC"], 1.9e9, null),
        ("Rocket Pool", "rocket-pool", "Liquid Staking", ["Ethereum"], 2.0e9, null),
        ("Spark", "spark", "Lending", ["Ethereum"], 3.5e9, null),
        ("Convex", "convex", "Yield", ["Ethereum"], 1.0e9, null),
    ];

    public static List<SimProtocol> Protocols(Random rng)
    {
        var list = new List<SimProtocol>();
        var id = 100;
        foreach (var p in ProtocolList)
        {
            var shares = p.Chains.Select((_, i) => i == 0 ? 3.0 : 0.3 + rng.NextDouble()).ToArray();
            var total = shares.Sum();
            list.Add(new SimProtocol
            {
                Name = p.Name,
                Slug = p.Slug,
                Category = p.Category,
                Chains = p.Chains,
                ChainShares = [.. shares.Select(s => s / total)],
                TokenAssetId = p.Token,
                LlamaId = id += 7,
                Tvl = p.Tvl * (0.9 + rng.NextDouble() * 0.2),
            });
        }

        return list;
    }

    private static readonly (string Network, string Dex, string Quote, string QuoteName)[] Venues =
    [
        ("eth", "uniswap_v3", "WETH", "Wrapped Ether"), ("eth", "uniswap_v3", "USDC", "USD Coin"), ("solana", "raydium", "SOL", "Wrapped SOL"),
        ("solana", "orca", "USDC", "USD Coin"), ("base", "aerodrome-base", "WETH", "Wrapped Ether"), ("bsc", "pancakeswap_v3", "USDT", "Tether USD"),
        ("arbitrum", "camelot", "WETH", "Wrapped Ether"), ("base", "uniswap-v3-base", "USDC", "USD Coin"),
    ];

    public static List<SimPool> Pools(IReadOnlyList<SimAsset> assets, Random rng, DateTimeOffset start)
    {
        var candidates = assets.Where(a => !a.IsStable && a.Symbol is not ("btc" or "xrp" or "ltc" or "bch" or "xmr" or "etc")).ToList();
        var pools = new List<SimPool>();
        for (var i = 0; i < 24; i++)
        {
            var venue = Venues[i % Venues.Length];
            var asset = candidates[(i * 7 + rng.Next(3)) % Math.Min(candidates.Count, 60)];
            var reserve = 2e5 * Math.Pow(10, rng.NextDouble() * 2.5);
            pools.Add(new SimPool
            {
                Network = venue.Network,
                Dex = venue.Dex,
                Base = asset,
                QuoteSymbol = venue.Quote,
                QuoteName = venue.QuoteName,
                Address = Address(rng, venue.Network),
                BaseAddress = Address(rng, venue.Network),
                QuoteAddress = Address(rng, venue.Network),
                CreatedAt = start.AddDays(-rng.Next(3, 700)).AddSeconds(-rng.Next(86400)),
                Reserve = reserve,
                BaseVolume = reserve * (0.2 + rng.NextDouble() * 2),
            });
        }

        return pools;
    }

    public static readonly string[] Outlets = ["ledgerwire.example", "chainbrief.example", "blockdesk.example", "tokentimes.example", "defidaily.example"];

    private static string Address(Random rng, string network)
    {
        const string Hex = "0123456789abcdef";
        const string Base58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
        return network == "solana"
            ? new string([.. Enumerable.Range(0, 44).Select(_ => Base58[rng.Next(Base58.Length)])])
            : "0x" + new string([.. Enumerable.Range(0, 40).Select(_ => Hex[rng.Next(16)])]);
    }
}
