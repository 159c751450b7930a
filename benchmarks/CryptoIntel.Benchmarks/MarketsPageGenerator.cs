using System.Globalization;
using System.Text;

namespace CryptoIntel.Benchmarks;

/// <summary>
/// Writes a realistic CoinGecko <c>/coins/markets</c> page (the shape of the captured responses: 28 fields a row,
/// nulls, small prices with exponents, ISO dates, an occasional <c>roi</c> object and number in a string) from a
/// fixed seed, so every run parses the same bytes without committing captured data.
/// </summary>
public static class MarketsPageGenerator
{
    private static readonly string[] Words = ["bit", "coin", "chain", "swap", "dao", "fi", "meta", "moon", "layer", "link", "pepe", "sol", "dex", "yield", "net"];

    public static byte[] Generate(int rows = 250, int seed = 20261124)
    {
        var random = new Random(seed);
        var json = new StringBuilder(rows * 1100);
        json.Append('[');
        for (var i = 0; i < rows; i++)
        {
            if (i > 0)
            {
                json.Append(',');
            }

            var name = Words[random.Next(Words.Length)] + Words[random.Next(Words.Length)] + (i % 7 == 0 ? " " + Words[random.Next(Words.Length)] : string.Empty);
            var id = name.Replace(' ', '-').ToLowerInvariant() + "-" + i.ToString(CultureInfo.InvariantCulture);
            var symbol = id[..Math.Min(4, id.Length)];
            var price = Math.Pow(10, random.NextDouble() * 13 - 8); // 1e-8 .. 1e5
            var supply = Math.Round(Math.Pow(10, 6 + random.NextDouble() * 8));
            var marketCap = Math.Round(price * supply);
            var change = price * (random.NextDouble() * 0.2 - 0.1);
            var ath = price * (1 + random.NextDouble() * 20);
            var atl = price * random.NextDouble();

            json.Append("{\"id\":\"").Append(id)
                .Append("\",\"symbol\":\"").Append(symbol)
                .Append("\",\"name\":\"").Append(name)
                .Append("\",\"image\":\"https://coin-images.coingecko.com/coins/images/").Append(1000 + i).Append("/large/").Append(symbol).Append(".png?").Append(1696500000 + random.Next(100000))
                .Append("\",\"current_price\":").Append(Number(random, price))
                .Append(",\"market_cap\":").Append(Integer(marketCap))
                .Append(",\"market_cap_rank\":").Append(i < 240 ? (i + 1).ToString(CultureInfo.InvariantCulture) : "null")
                .Append(",\"fully_diluted_valuation\":").Append(random.Next(4) == 0 ? "null" : Integer(marketCap * (1 + random.NextDouble())))
                .Append(",\"total_volume\":").Append(Integer(marketCap * random.NextDouble() * 0.3))
                .Append(",\"high_24h\":").Append(Number(random, price * 1.05))
                .Append(",\"low_24h\":").Append(Number(random, price * 0.95))
                .Append(",\"price_change_24h\":").Append(Number(random, change))
                .Append(",\"price_change_percentage_24h\":").Append(Percent(random))
                .Append(",\"market_cap_change_24h\":").Append(Number(random, change * supply))
                .Append(",\"market_cap_change_percentage_24h\":").Append(Percent(random))
                .Append(",\"circulating_supply\":").Append(Supply(supply * 0.8))
                .Append(",\"total_supply\":").Append(Supply(supply))
                .Append(",\"max_supply\":").Append(random.Next(2) == 0 ? "null" : Supply(supply * 1.2))
                .Append(",\"ath\":").Append(Number(random, ath))
                .Append(",\"ath_change_percentage\":").Append(Percent(random))
                .Append(",\"ath_date\":\"").Append(Date(random)).Append('"')
                .Append(",\"atl\":").Append(Number(random, atl))
                .Append(",\"atl_change_percentage\":").Append(Percent(random))
                .Append(",\"atl_date\":\"").Append(Date(random)).Append('"')
                .Append(",\"roi\":").Append(random.Next(10) == 0
                    ? "{\"times\":" + Percent(random) + ",\"currency\":\"usd\",\"percentage\":" + Percent(random) + "}"
                    : "null")
                .Append(",\"last_updated\":\"").Append(Date(random)).Append('"')
                .Append(",\"price_change_percentage_1h_in_currency\":").Append(Percent(random))
                .Append(",\"price_change_percentage_7d_in_currency\":").Append(random.Next(20) == 0 ? "null" : Percent(random))
                .Append('}');
        }

        json.Append(']');
        return Encoding.UTF8.GetBytes(json.ToString());
    }

    // Prices as CoinGecko writes them: plain decimals, exponents for tiny values, now and then a number in a string.
    private static string Number(Random random, double value)
    {
        var text = Math.Abs(value) < 1e-4 && value != 0
            ? value.ToString("0.###e-00", CultureInfo.InvariantCulture)
            : Math.Round(value, 8).ToString("0.########", CultureInfo.InvariantCulture);
        return random.Next(50) == 0 ? "\"" + text + "\"" : text;
    }

    private static string Integer(double value) => Math.Round(value).ToString("0", CultureInfo.InvariantCulture);

    private static string Supply(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Percent(Random random) => (random.NextDouble() * 40 - 20).ToString("0.#####", CultureInfo.InvariantCulture);

    private static string Date(Random random) =>
        new DateTime(2013, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMilliseconds(random.NextDouble() * 4.0e11).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
