using System.Globalization;
using System.Text;

namespace CryptoIntel.Benchmarks;

/// <summary>
/// Writes a DeFi Llama <c>/protocols</c> list in the real shape from a fixed seed, so every run parses the same bytes
/// without committing captured data. Also compiled into the Sources tests (linked), for the parser equivalence tests.
/// </summary>
public static class ProtocolsListGenerator
{
    private static readonly string[] Chains = ["Ethereum", "Arbitrum", "Base", "Solana", "BSC", "Polygon", "Optimism", "Avalanche", "Sui", "Aptos", "Tron", "Blast"];
    private static readonly string[] Categories = ["Lending", "Dexs", "Liquid Staking", "Bridge", "CDP", "Yield", "Derivatives", "RWA", "Restaking"];

    /// <summary>Writes a <c>/protocols</c> body in the real shape: ids and cmcIds as strings, nulls, exponents, per-chain TVL maps with <c>-borrowed</c>/<c>-staking</c> keys.</summary>
    public static byte[] Generate(int protocols, int seed = 20261124)
    {
        var random = new Random(seed);
        var json = new StringBuilder(protocols * 1400);
        json.Append('[');
        for (var i = 0; i < protocols; i++)
        {
            if (i > 0)
            {
                json.Append(',');
            }

            var name = "Protocol " + i.ToString(CultureInfo.InvariantCulture);
            var slug = "protocol-" + i.ToString(CultureInfo.InvariantCulture);
            var chainCount = 1 + random.Next(6);
            var chains = Enumerable.Range(0, chainCount).Select(_ => Chains[random.Next(Chains.Length)]).Distinct().ToList();
            var tvl = Math.Pow(10, 3 + random.NextDouble() * 7);
            json.Append(CultureInfo.InvariantCulture, $"{{\"id\":\"{2000 + i}\",\"name\":\"{name}\",\"address\":{(i % 3 == 0 ? "null" : $"\"0x{random.NextInt64():x16}{random.NextInt64():x16}\"")},")
                .Append(CultureInfo.InvariantCulture, $"\"symbol\":\"{(i % 4 == 0 ? "-" : "P" + i.ToString(CultureInfo.InvariantCulture))}\",\"url\":\"https://{slug}.example\",")
                .Append(CultureInfo.InvariantCulture, $"\"description\":\"{name} is a made-up protocol used to measure parsing of the protocols list.\",\"chain\":\"{(chains.Count > 1 ? "Multi-Chain" : chains[0])}\",")
                .Append(CultureInfo.InvariantCulture, $"\"logo\":\"https://icons.llama.fi/{slug}.png\",\"audits\":\"{random.Next(4)}\",\"audit_note\":null,")
                .Append(CultureInfo.InvariantCulture, $"\"gecko_id\":{(i % 2 == 0 ? $"\"{slug}\"" : "null")},\"cmcId\":{(i % 5 == 0 ? $"\"{10000 + i}\"" : "null")},")
                .Append(CultureInfo.InvariantCulture, $"\"category\":\"{Categories[random.Next(Categories.Length)]}\",\"chains\":[{string.Join(',', chains.Select(c => $"\"{c}\""))}],")
                .Append(CultureInfo.InvariantCulture, $"\"module\":\"{slug}/index.js\",\"twitter\":\"{slug}\",\"oracles\":[\"Chainlink\"],\"forkedFrom\":[],\"listedAt\":{1600000000 + random.Next(100000000)},")
                .Append(CultureInfo.InvariantCulture, $"\"slug\":\"{slug}\",\"tvl\":{tvl.ToString("R", CultureInfo.InvariantCulture)},\"chainTvls\":{{");
            var first = true;
            foreach (var chain in chains)
            {
                foreach (var suffix in (ReadOnlySpan<string>)["", "-borrowed", "-staking"])
                {
                    if (suffix.Length > 0 && random.Next(3) != 0)
                    {
                        continue;
                    }

                    json.Append(first ? "" : ",").Append(CultureInfo.InvariantCulture, $"\"{chain}{suffix}\":{(tvl / chains.Count).ToString("E6", CultureInfo.InvariantCulture)}");
                    first = false;
                }
            }

            json.Append(CultureInfo.InvariantCulture, $"}},\"change_1h\":{Change(random)},\"change_1d\":{Change(random)},\"change_7d\":{Change(random)},")
                .Append(CultureInfo.InvariantCulture, $"\"tokenBreakdowns\":{{}},\"mcap\":{(i % 3 == 0 ? "null" : Math.Round(tvl * 2).ToString(CultureInfo.InvariantCulture))}}}");
        }

        return Encoding.UTF8.GetBytes(json.Append(']').ToString());
    }

    private static string Change(Random random) =>
        random.Next(10) == 0 ? "null" : (random.NextDouble() * 20 - 10).ToString("R", CultureInfo.InvariantCulture);
}
