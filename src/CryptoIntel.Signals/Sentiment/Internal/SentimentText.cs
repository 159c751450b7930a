using System.Text;

namespace CryptoIntel.Signals.Sentiment.Internal;

/// <summary>One token of a normalised text.</summary>
/// <param name="Text">The lower-case token (<c>xcashtag</c>, <c>xpct</c>, <c>xmoney</c>, <c>xnum</c>, <c>xurl</c>, <c>xuser</c> for the normalised kinds).</param>
/// <param name="Negated">True when the token is in the scope of a negation (<c>not</c>, <c>no</c>, <c>fails to</c>, ...).</param>
internal readonly record struct SentimentToken(string Text, bool Negated);

/// <summary>
/// The one text normalisation shared by the lexicon and the ML model (so training and scoring see the same thing):
/// lower case; URLs, user mentions, cashtags (<c>$BTC</c>), percentages, money amounts and numbers replaced by
/// placeholders; hyphens split; <c>n't</c> read as <c>not</c>; and negation scope marked on the next three words
/// after a negator, up to the end of the clause.
/// </summary>
internal static class SentimentText
{
    private const int NegationScope = 3;

    private static readonly HashSet<string> Negators = new(StringComparer.Ordinal)
    {
        "not", "no", "never", "without", "nor", "neither", "cannot", "fails", "fail", "failed", "unable", "lacks",
        "lack", "nobody", "nothing", "none", "hardly", "barely", "denies", "deny", "denied",
    };

    // Words that make a text crypto news (written for CryptoIntel: generic crypto vocabulary, the largest coins and
    // chains, and crypto-only venues).
    private static readonly HashSet<string> CryptoCues = new(StringComparer.Ordinal)
    {
        "crypto", "cryptos", "cryptocurrency", "cryptocurrencies", "bitcoin", "bitcoins", "btc", "ether", "ethereum",
        "ethereums", "eth", "blockchain", "blockchains", "nft", "nfts", "defi", "web3", "stablecoin", "stablecoins",
        "altcoin", "altcoins", "memecoin", "memecoins", "token", "tokens", "tokenized", "tokenization", "tokenisation",
        "dao", "daos", "dapp", "dapps", "cbdc", "cbdcs", "mainnet", "testnet", "staking", "onchain", "hashrate",
        "halving", "miners", "satoshi", "airdrop", "metaverse", "solana", "sol", "xrp", "ripple", "cardano", "ada",
        "dogecoin", "doge", "shiba", "polkadot", "avalanche", "avax", "polygon", "matic", "chainlink", "litecoin",
        "ltc", "tron", "toncoin", "cosmos", "tezos", "algorand", "stellar", "monero", "usdt", "usdc", "tether",
        "binance", "coinbase", "kraken", "bitfinex", "bitmex", "okx", "bybit", "kucoin", "gemini", "uniswap", "aave",
        "opensea", "metamask", "ledger", "arbitrum", "optimism", "bnb", "sui", "aptos", "hedera", "pepe", "rekt",
        "hodl", "defillama", "layer2", "rollup", "rollups", "ico", "icos", "exchanges", "wallet", "wallets",
    };

    /// <summary>Splits and normalises a text into tokens with negation marks.</summary>
    public static List<SentimentToken> Tokenize(string text)
    {
        var tokens = new List<SentimentToken>(24);
        var word = new StringBuilder(24);
        var scope = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (IsClauseBreak(c))
            {
                scope = 0;
                i++;
                continue;
            }

            // URLs and mentions.
            if ((c is 'h' or 'H') && StartsWithUrl(text, i))
            {
                i = SkipNonSpace(text, i);
                Add(tokens, "xurl", ref scope);
                continue;
            }

            if (c == '@' && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]))
            {
                i = SkipPossessive(text, SkipWord(text, i + 1));
                Add(tokens, "xuser", ref scope);
                continue;
            }

            // Cashtags ($BTC, $ETH) and money ($5, $1.2B, €3 mn).
            if (c is '$' or '€' or '£')
            {
                if (i + 1 < text.Length && char.IsLetter(text[i + 1]))
                {
                    i = SkipPossessive(text, SkipWord(text, i + 1));
                    Add(tokens, "xcashtag", ref scope);
                    continue;
                }

                if (i + 1 < text.Length && char.IsDigit(text[i + 1]))
                {
                    i = SkipNumber(text, i + 1);
                    i = SkipMagnitude(text, i);
                    Add(tokens, "xmoney", ref scope);
                    continue;
                }

                i++;
                continue;
            }

            if (char.IsDigit(c))
            {
                i = SkipNumber(text, i);
                var j = i;
                while (j < text.Length && text[j] == ' ')
                {
                    j++;
                }

                if (j < text.Length && text[j] == '%')
                {
                    i = j + 1;
                    Add(tokens, "xpct", ref scope);
                }
                else if (j + 1 < text.Length && (text[j] is 'p' or 'P') && (text[j + 1] is 'c' or 'C') && (j + 2 == text.Length || !char.IsLetter(text[j + 2])))
                {
                    i = j + 2;
                    Add(tokens, "xpct", ref scope);
                }
                else
                {
                    i = SkipMagnitude(text, i);
                    Add(tokens, "xnum", ref scope);
                }

                continue;
            }

            if (char.IsLetter(c) || c == '#')
            {
                if (c == '#')
                {
                    i++;
                    continue;
                }

                word.Clear();
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '\'' or '’' or '_' || (text[i] == '.' && i + 1 < text.Length && char.IsLetter(text[i + 1]) && word.Length > 0)))
                {
                    var ch = text[i];
                    if (ch is not ('\'' or '’' or '.'))
                    {
                        word.Append(char.ToLowerInvariant(ch));
                    }
                    else if (ch is '\'' or '’' && i + 2 < text.Length + 1 && i + 1 < text.Length && (text[i + 1] is 't' or 'T') && word.Length > 0 && word[^1] == 'n')
                    {
                        // "don't", "can't", "won't": the negation is the token.
                        word.Length--;
                        i += 2;
                        AddWord(tokens, word, ref scope);
                        word.Clear();
                        Add(tokens, "not", ref scope);
                        scope = NegationScope;
                        continue;
                    }
                    else if (ch is '\'' or '’' && i + 1 < text.Length && (text[i + 1] is 's' or 'S') && (i + 2 == text.Length || !char.IsLetter(text[i + 2])))
                    {
                        i += 2; // possessive 's
                        break;
                    }

                    i++;
                }

                AddWord(tokens, word, ref scope);
                continue;
            }

            // Any other symbol separates words (hyphen, slash, quotes, brackets...).
            i++;
        }

        return tokens;
    }

    /// <summary>The text the ML model sees: the tokens joined by spaces, negated ones prefixed by <c>not_</c>.</summary>
    public static string ToModelText(List<SentimentToken> tokens) => ToModelText(tokens, crypto: false);

    /// <summary>
    /// The text the ML model sees: the tokens joined by spaces, negated ones prefixed by <c>not_</c>; for a crypto
    /// text (<paramref name="crypto"/>), followed by the marker <c>xcrypto</c> and a second copy of the tokens
    /// prefixed by <c>c_</c>. The copy is a domain feature: the model learns what a word means in crypto news
    /// ("launches", "partners", "lists" are good news for a token) apart from what it means in general market news.
    /// </summary>
    public static string ToModelText(List<SentimentToken> tokens, bool crypto)
    {
        var sb = new StringBuilder(tokens.Count * (crypto ? 18 : 8));
        Append(sb, tokens, null);
        if (crypto)
        {
            sb.Append(sb.Length > 0 ? " xcrypto" : "xcrypto");
            Append(sb, tokens, "c_");
        }

        return sb.ToString();
    }

    /// <summary>Whether a text is about crypto: it names a crypto term, coin, chain or crypto venue.</summary>
    public static bool IsCrypto(List<SentimentToken> tokens)
    {
        foreach (var t in tokens)
        {
            if (CryptoCues.Contains(t.Text))
            {
                return true;
            }
        }

        return false;
    }

    private static void Append(StringBuilder sb, List<SentimentToken> tokens, string? prefix)
    {
        foreach (var t in tokens)
        {
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append(prefix);
            if (t.Negated)
            {
                sb.Append("not_");
            }

            sb.Append(t.Text);
        }
    }

    private static void AddWord(List<SentimentToken> tokens, StringBuilder word, ref int scope)
    {
        if (word.Length == 0)
        {
            return;
        }

        var w = word.ToString();
        Add(tokens, w, ref scope);
        if (Negators.Contains(w))
        {
            scope = NegationScope;
        }
    }

    private static void Add(List<SentimentToken> tokens, string token, ref int scope)
    {
        var negated = scope > 0 && !Negators.Contains(token);
        if (negated)
        {
            scope--;
        }

        tokens.Add(new SentimentToken(token, negated));
    }

    private static bool IsClauseBreak(char c) => c is '.' or ',' or ';' or ':' or '!' or '?' or '|' or '(' or ')' or '"' or '“' or '”' or '—' or '–';

    private static bool StartsWithUrl(string text, int i) =>
        text.AsSpan(i).StartsWith("http://", StringComparison.OrdinalIgnoreCase) ||
        text.AsSpan(i).StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    private static int SkipNonSpace(string text, int i)
    {
        while (i < text.Length && !char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    private static int SkipWord(string text, int i)
    {
        while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '.' && i + 1 < text.Length && char.IsLetter(text[i + 1])))
        {
            i++;
        }

        return i;
    }

    private static int SkipPossessive(string text, int i) =>
        i + 1 < text.Length && text[i] is '\'' or '’' && text[i + 1] is 's' or 'S' && (i + 2 == text.Length || !char.IsLetter(text[i + 2])) ? i + 2 : i;

    private static int SkipNumber(string text, int i)
    {
        while (i < text.Length && (char.IsDigit(text[i]) || (text[i] is '.' or ',' && i + 1 < text.Length && char.IsDigit(text[i + 1]))))
        {
            i++;
        }

        return i;
    }

    private static int SkipMagnitude(string text, int i)
    {
        // 5k, 1.2M, 3bn, 10B, 2x: a magnitude letter glued to the number (not a following word).
        var j = i;
        while (j < text.Length && char.IsLetter(text[j]) && j - i < 3)
        {
            j++;
        }

        if (j > i && (j == text.Length || !char.IsLetter(text[j])))
        {
            var suffix = text.AsSpan(i, j - i);
            if (suffix.Equals("k", StringComparison.OrdinalIgnoreCase) || suffix.Equals("m", StringComparison.OrdinalIgnoreCase) ||
                suffix.Equals("b", StringComparison.OrdinalIgnoreCase) || suffix.Equals("bn", StringComparison.OrdinalIgnoreCase) ||
                suffix.Equals("mn", StringComparison.OrdinalIgnoreCase) || suffix.Equals("x", StringComparison.OrdinalIgnoreCase) ||
                suffix.Equals("th", StringComparison.OrdinalIgnoreCase) || suffix.Equals("st", StringComparison.OrdinalIgnoreCase) ||
                suffix.Equals("nd", StringComparison.OrdinalIgnoreCase) || suffix.Equals("rd", StringComparison.OrdinalIgnoreCase) ||
                suffix.Equals("s", StringComparison.OrdinalIgnoreCase))
            {
                return j;
            }
        }

        return i;
    }
}
