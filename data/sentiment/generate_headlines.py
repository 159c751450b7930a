#!/usr/bin/env python3
"""Writes CryptoIntel's own labelled headlines: crypto_headlines.csv (train) and crypto_headlines_dev.csv (dev).

Every template, name list and phrase below was written for this project; no sentence is taken from any third-party
data set. Labels follow one guideline, "from an investor's point of view" (see README.md in this folder):
  positive - the news states a benefit: prices up, records, inflows, approvals, funding raised, adoption by a
             named firm, a listing, a recovery of funds, results that beat or grow;
  negative - the news states a harm: prices down, hacks, exploits, rug pulls, de-pegs, liquidations, outflows,
             lawsuits, fines, bans, delistings, outages, lay-offs, losses, token unlocks weighing on a price;
  neutral  - facts without a stated benefit or harm: schedules, routine launches and updates, testnets,
             appointments, explainers, reports, flat prices, filings and consultations.
Run: python3 data/sentiment/generate_headlines.py   (fixed seed: the output is the same on every run)
"""
import csv
import os
import random

SEED = 20261124
PER_LABEL = 2000
DEV_FRACTION = 0.15

rng = random.Random(SEED)

COINS = [("Bitcoin", "BTC"), ("Ethereum", "ETH"), ("Solana", "SOL"), ("XRP", "XRP"), ("Cardano", "ADA"),
         ("Dogecoin", "DOGE"), ("Avalanche", "AVAX"), ("Polygon", "POL"), ("Chainlink", "LINK"), ("Litecoin", "LTC"),
         ("Polkadot", "DOT"), ("Toncoin", "TON"), ("Shiba Inu", "SHIB"), ("Arbitrum", "ARB"), ("Optimism", "OP"),
         ("Aptos", "APT"), ("Sui", "SUI"), ("Near", "NEAR"), ("Cosmos", "ATOM"), ("Tron", "TRX"), ("Stellar", "XLM"),
         ("Pepe", "PEPE"), ("Injective", "INJ"), ("Render", "RNDR"), ("Filecoin", "FIL"), ("Hedera", "HBAR"),
         ("Bitcoin Cash", "BCH"), ("Monero", "XMR"), ("Celestia", "TIA"), ("Kaspa", "KAS")]
MAJORS = [("Bitcoin", "BTC"), ("Ethereum", "ETH"), ("Solana", "SOL"), ("XRP", "XRP")]
EXCHANGES = ["Binance", "Coinbase", "Kraken", "OKX", "Bybit", "Bitfinex", "Gemini", "KuCoin", "Bitstamp", "Upbit",
             "Gate.io", "Crypto.com", "Bitget", "HTX", "Bithumb", "MEXC", "Robinhood Crypto", "eToro"]
PROTOCOLS = ["Uniswap", "Aave", "Curve", "Lido", "MakerDAO", "Compound", "dYdX", "GMX", "PancakeSwap", "EigenLayer",
             "Pendle", "Jupiter", "Raydium", "Synthetix", "Balancer", "SushiSwap", "Frax", "Convex", "Yearn",
             "Morpho", "Ethena", "Rocket Pool", "Hyperliquid", "Orca", "Kamino", "Radiant", "Euler", "Venus"]
BRIDGES = ["Wormhole", "Multichain", "Ronin", "Nomad", "Harmony Horizon", "Orbit", "Stargate", "Synapse", "Across"]
STABLES = ["USDT", "USDC", "DAI", "FDUSD", "USDe", "TUSD", "PYUSD", "FRAX", "USDD", "GUSD"]
ISSUERS = ["BlackRock", "Fidelity", "Grayscale", "VanEck", "ARK Invest", "Bitwise", "Invesco", "Franklin Templeton",
           "WisdomTree", "21Shares", "Valkyrie", "Hashdex"]
FIRMS = ["MicroStrategy", "Tesla", "PayPal", "Visa", "Mastercard", "Block", "Stripe", "Revolut", "Société Générale",
         "JPMorgan", "Goldman Sachs", "Morgan Stanley", "Deutsche Bank", "Standard Chartered", "BNY Mellon",
         "Nomura", "Meta", "Shopify", "Galaxy Digital", "Circle", "Tether", "Ripple", "Marathon Digital",
         "Riot Platforms", "CleanSpark", "Hut 8", "Core Scientific", "Metaplanet", "Semler Scientific", "Nubank"]
VCS = ["a16z crypto", "Paradigm", "Pantera Capital", "Polychain", "Sequoia", "Coinbase Ventures", "Binance Labs",
       "Multicoin Capital", "Dragonfly", "Framework Ventures", "Electric Capital", "Jump Crypto", "Variant", "1kx"]
STARTUPS = ["Nexora Labs", "Veltrix", "ChainQuill", "Lumen Protocol", "Arcadia Finance", "Kinto", "Brightvault",
            "Zerohash Labs", "Orbiter Pay", "Tessera Chain", "Monad Labs", "Berachain", "Farcaster", "Privy",
            "Anchorage Digital", "Fireblocks", "Chainalysis", "Elliptic", "Ledger", "Phantom", "MetaMask",
            "Rabby", "Zora", "Blast", "Scroll", "Linea", "Starknet", "zkSync", "Movement Labs", "Babylon"]
REGULATORS = ["the SEC", "the CFTC", "the DOJ", "the FCA", "Singapore's MAS", "ESMA", "Hong Kong's SFC",
              "the New York DFS", "OFAC", "the Bank of England", "the ECB", "Japan's FSA", "South Korea's FSC",
              "Dubai's VARA", "Australia's ASIC", "Canada's OSC", "the Treasury", "the IRS", "the Fed"]
COUNTRIES = ["the US", "the UK", "Japan", "South Korea", "Singapore", "Hong Kong", "the UAE", "Brazil", "Argentina",
             "Nigeria", "India", "Turkey", "Germany", "France", "Switzerland", "Australia", "Canada", "Thailand",
             "Vietnam", "El Salvador", "Kenya", "Mexico", "Indonesia", "Russia", "China"]
PEOPLE_ROLES = ["CEO", "CFO", "chief legal officer", "head of research", "chief technology officer",
                "head of compliance", "president", "chief operating officer", "general counsel"]
NAMES = ["Maria Lindqvist", "Daniel Okafor", "Priya Raman", "Tomás Herrera", "Chen Wei", "Olivia Brandt",
         "Samuel Adeyemi", "Hannah Kowalski", "Rahul Menon", "Lucía Ferreira", "Kenji Watanabe", "Amira Haddad",
         "Jonas Becker", "Grace Mwangi", "Ethan Caldwell", "Sofia Marchetti"]
CITIES = ["Lisbon", "Singapore", "Dubai", "Denver", "Austin", "Hong Kong", "Paris", "Berlin", "Zug", "Seoul",
          "Tokyo", "Miami", "Buenos Aires", "Istanbul", "Bangkok", "Amsterdam", "Toronto", "London"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
UPGRADES = ["Pectra", "Fusaka", "Dencun", "Shanghai", "Chang", "Firedancer", "Taproot", "Alpenglow", "Plomo",
            "Bedrock", "Nitro", "Cancun"]
CONCEPTS = ["restaking", "liquid staking", "a token unlock", "a rollup", "proof of stake", "a stablecoin peg",
            "maximal extractable value", "account abstraction", "a crypto ETF", "a halving", "funding rates",
            "open interest", "a flash loan", "a cross-chain bridge", "a zero-knowledge proof", "a DAO vote",
            "a governance token", "on-chain analytics", "a perpetual swap", "a hardware wallet", "self-custody",
            "a memecoin", "real-world asset tokenisation", "layer-2 scaling", "a liquidity pool"]
COMPANIES = ["Nordvik Oyj", "Halvard Group", "Kestrel Industries", "Marlow Foods", "Tamsin Steel", "Orrin Paper",
             "Valden Telecom", "Brevik Shipping", "Selkirk Retail", "Aurora Logistics", "Fennwick Bank",
             "Lindholm Engineering", "Corvus Pharma", "Westmark Energy", "Iselin Motors", "Pelham Software",
             "Rautio Construction", "Saxby Insurance", "Tarn Mining", "Ulster Airways", "Greyhaven Media",
             "Holm Chemicals", "Juniper Foods", "Kaskela Forest", "Norrland Power"]
TICKERS = ["NVDA", "AAPL", "TSLA", "AMZN", "MSFT", "COIN", "MSTR", "HOOD", "MARA", "RIOT", "PYPL", "SQ", "META",
           "NFLX", "AMD", "INTC", "BA", "DIS", "NKE", "JPM", "GS", "XOM", "PFE", "WMT", "SHOP", "UBER"]
CLIENTS = ["a Nordic utility", "a German carmaker", "the Finnish Defence Forces", "a US retailer", "a Chinese telecom operator",
           "the city of Tampere", "a Middle East airline", "a Brazilian pulp producer", "the Swedish Transport Administration"]


def pct(lo=2, hi=40):
    v = rng.uniform(lo, hi)
    return f"{v:.0f}" if rng.random() < 0.6 else f"{v:.1f}"


def usd_amount(lo=1, hi=900, unit=None):
    unit = unit or rng.choice(["million", "million", "million", "billion"])
    if unit == "billion":
        v = rng.uniform(1, 60)
        amt = f"{v:.1f}" if rng.random() < 0.5 else f"{v:.0f}"
    else:
        amt = f"{rng.randint(lo, hi)}"
    return f"${amt} {unit}" if rng.random() < 0.7 else f"${amt}{'M' if unit == 'million' else 'B'}"


def price_level(coin):
    base = {"BTC": 60000, "ETH": 3000, "SOL": 150, "XRP": 1, "BNB": 500}.get(coin[1], rng.choice([1, 10, 30, 5]))
    v = base * rng.uniform(0.3, 2.2)
    if v >= 1000:
        step = 1000 if v > 10000 else 100
        v = round(v / step) * step
        return f"${int(v):,}" if rng.random() < 0.6 else f"${int(v / 1000)}K"
    if v >= 10:
        return f"${int(round(v))}"
    return f"${v:.2f}"


def c_name(coin=None):
    coin = coin or rng.choice(COINS)
    r = rng.random()
    if r < 0.55:
        return coin[0]
    if r < 0.8:
        return "$" + coin[1]
    return coin[1]


def months_n():
    return rng.choice(["two", "three", "six", "nine", "12", "18", "four", "five"])


def maybe_prefix(text):
    r = rng.random()
    if r < 0.06:
        return "BREAKING: " + text
    if r < 0.09:
        return "Markets: " + text
    if r < 0.11:
        return "JUST IN: " + text
    return text


def style(text):
    """Headline casing varies by outlet: sentence case mostly, title case or lower-case sometimes."""
    r = rng.random()
    if r < 0.18:
        small = {"a", "an", "the", "of", "to", "in", "on", "for", "and", "as", "at", "by", "with", "from", "vs", "after", "amid"}
        words = text.split(" ")
        out = []
        for i, w in enumerate(words):
            if w and w[0].islower() and (i == 0 or w not in small) and not any(ch.isdigit() for ch in w):
                w = w[0].upper() + w[1:]
            out.append(w)
        return " ".join(out)
    if r < 0.22:
        return text.lower()
    return text[0].upper() + text[1:] if text else text


# ----------------------------------------------------------------------------------------------- positive
def pos_price():
    coin = rng.choice(COINS)
    c = c_name(coin)
    verb = rng.choice(["surges", "jumps", "soars", "rallies", "climbs", "spikes", "rockets", "rebounds", "pops",
                       "gains", "advances", "leaps", "skyrockets", "extends gains,", "rises", "moons"])
    reason = rng.choice(["as ETF inflows accelerate", "after upbeat CPI print", "on short squeeze", "as whales accumulate",
                         "as traders pile into longs", "after Fed signals rate cuts", "on record spot volume",
                         "as buyers return", "after upgrade goes live", "on institutional demand",
                         "as risk appetite returns", "after a strong weekly close", "amid broad crypto rally",
                         "as open interest climbs", "on listing news", "as sentiment turns bullish", ""])
    t = rng.choice([
        f"{c} {verb} {pct()}% {reason}",
        f"{c} {verb} past {price_level(coin)} {reason}",
        f"{c} hits new all-time high above {price_level(coin)}",
        f"{c} sets fresh ATH as bulls take control",
        f"{c} climbs to {months_n()}-month high",
        f"{c} reclaims {price_level(coin)} {reason}",
        f"{c} breaks out above {price_level(coin)} resistance",
        f"{c} posts best week since {rng.choice(MONTHS)}",
        f"{c} outperforms as altcoins rally",
        f"{c} price up {pct()}% in 24 hours",
        f"{c} notches record monthly close",
        f"Bulls back in charge as {c} tops {price_level(coin)}",
        f"{c} extends rally for a {rng.choice(['third', 'fourth', 'fifth', 'sixth'])} straight day",
        f"Crypto market adds {usd_amount(unit='billion')} as {c} leads gains",
        f"Altcoins rip higher, {c} up {pct()}%",
        f"{c} shorts squeezed as price spikes {pct()}%",
        f"{c} flips {price_level(coin)} into support",
        f"Green across the board: {c} and {c_name()} lead the rally",
        f"{c} bounces strongly off {price_level(coin)} support",
        f"{c} doubles in a month as demand soars",
    ])
    return t


def pos_etf():
    coin = rng.choice(MAJORS)
    c = coin[0]
    i = rng.choice(ISSUERS)
    return rng.choice([
        f"Spot {c} ETFs log {usd_amount()} in net inflows",
        f"{c} ETFs see record inflows of {usd_amount()}",
        f"{i}'s {c} ETF pulls in {usd_amount()} on its first day",
        f"SEC approves spot {c} ETFs",
        f"{i} {c} fund posts {rng.choice(['fifth', 'tenth', 'twelfth', 'seventh'])} straight day of inflows",
        f"ETF inflows top {usd_amount()} as {c} demand grows",
        f"{c} ETF assets hit record {usd_amount(unit='billion')}",
        f"Regulators greenlight {i}'s spot {c} ETF",
        f"{c} ETF inflows surge as institutions pile in",
        f"Strong ETF inflows lift {c} to {months_n()}-month high",
        f"{country_adj()} regulator approves first {c} ETF",
        f"{i}'s {c} ETF becomes fastest-growing fund on record",
    ])


def country_adj():
    return rng.choice(["Hong Kong", "Australian", "Brazilian", "Canadian", "German", "Swiss", "Japanese", "Korean", "UK"])


def pos_funding():
    s = rng.choice(STARTUPS)
    v = rng.choice(VCS)
    return rng.choice([
        f"{s} raises {usd_amount(5, 300, 'million')} in Series {rng.choice('ABCD')} led by {v}",
        f"{s} closes {usd_amount(5, 300, 'million')} funding round backed by {v}",
        f"{v} leads {usd_amount(5, 200, 'million')} seed round for {s}",
        f"{s} secures {usd_amount(5, 300, 'million')} at a {usd_amount(unit='billion')} valuation",
        f"{s} valuation doubles after {usd_amount(20, 400, 'million')} raise",
        f"{v} launches {usd_amount(100, 900, 'million')} fund to back crypto startups",
        f"{s} lands strategic investment from {rng.choice(FIRMS)}",
    ])


def pos_adoption():
    f = rng.choice(FIRMS)
    coin = rng.choice(MAJORS)
    c = c_name(coin)
    return rng.choice([
        f"{f} buys {rng.randint(100, 20000):,} more BTC, bringing holdings to record",
        f"{f} adds {c} to its balance sheet",
        f"{f} to let customers pay with {c}",
        f"{f} launches crypto trading for {rng.randint(2, 60)} million users",
        f"{f} rolls out {c} custody for institutional clients",
        f"{f} expands stablecoin payments to {rng.randint(10, 90)} countries",
        f"{f} backs {c} as adoption surges",
        f"{country_name()} adopts Bitcoin as legal tender",
        f"{country_name()} to add Bitcoin to national reserves",
        f"Pension fund allocates {usd_amount(10, 500, 'million')} to {c} ETF",
        f"{f} reports record crypto revenue as trading volumes soar",
        f"{f} beats earnings estimates on surging crypto trading",
        f"{f} partners with {rng.choice(EXCHANGES)} to bring {c} payments to millions of merchants",
        f"{c} adoption hits record as active addresses soar",
    ])


def country_name():
    return rng.choice(["El Salvador", "Bhutan", "the Central African Republic", "a Swiss canton", "Texas",
                       "New Hampshire", "the Czech central bank", "Pakistan", "Kazakhstan"])


def pos_listing():
    coin = rng.choice(COINS)
    e = rng.choice(EXCHANGES)
    c = c_name(coin)
    return rng.choice([
        f"{e} lists {c}, token jumps {pct(10, 90)}%",
        f"{c} soars after {e} listing announcement",
        f"{e} adds {c} perpetuals, price rallies",
        f"{c} rallies {pct(10, 60)}% on {e} listing",
        f"{e} to list {c} spot trading, shares of volume surge",
        f"{c} pumps as {e} and {rng.choice(EXCHANGES)} announce listings",
        f"{c} gets {e} listing, trading volume explodes",
    ])


def pos_defi():
    p = rng.choice(PROTOCOLS)
    return rng.choice([
        f"{p} TVL climbs to record {usd_amount(unit='billion')}",
        f"{p} revenue hits all-time high as fees surge",
        f"{p} token jumps {pct()}% after fee switch vote passes",
        f"DeFi TVL tops {usd_amount(unit='billion')}, highest since 2022",
        f"{p} deposits surge past {usd_amount(unit='billion')}",
        f"{p} recovers {usd_amount(1, 200, 'million')} of stolen funds",
        f"Exploiter returns {usd_amount(1, 150, 'million')} to {p}",
        f"{p} users made whole after successful recovery",
        f"{p} buyback program boosts token price",
        f"{p} volume soars to record as traders flock to platform",
        f"{rng.choice(STABLES)} regains its peg after brief wobble",
        f"{rng.choice(STABLES)} supply hits record {usd_amount(unit='billion')} as stablecoin demand booms",
    ])


def pos_reg():
    f = rng.choice(FIRMS + EXCHANGES)
    r = rng.choice(REGULATORS)
    return rng.choice([
        f"Court rules in favor of {f} in landmark case against {r}",
        f"{r} drops case against {f}",
        f"{f} wins full licence in {rng.choice(COUNTRIES)}",
        f"{f} secures regulatory approval in {rng.choice(COUNTRIES)}",
        f"{rng.choice(COUNTRIES)} passes clear crypto rules, boosting industry",
        f"Judge dismisses lawsuit against {f}",
        f"{r} ends probe into {f} with no action",
        f"{f} settles with {r}, clearing way for US expansion",
        f"{rng.choice(COUNTRIES)} lifts ban on crypto trading",
        f"Landmark stablecoin bill passes, a win for crypto",
        f"{f} cleared by {r} to offer crypto custody",
    ])


def pos_network():
    coin = rng.choice(COINS)
    c = coin[0]
    return rng.choice([
        f"{c} upgrade goes live, cutting fees by {pct(20, 90)}%",
        f"{c} daily active addresses hit record high",
        f"Bitcoin hashrate reaches all-time high, network security strongest ever",
        f"{c} network transactions surge to record",
        f"{c} staking hits record as holders lock up supply",
        f"{c} developer activity hits all-time high",
        f"{c} mainnet upgrade succeeds, boosting throughput {rng.randint(2, 10)}x",
        f"Whales accumulate {c} at fastest pace in {months_n()} months",
        f"{c} exchange reserves drop to multi-year low, a bullish sign",
        f"Long-term holders keep stacking {c}",
    ])


def pos_negation():
    coin = rng.choice(COINS)
    c = c_name(coin)
    p = rng.choice(PROTOCOLS + EXCHANGES)
    return rng.choice([
        f"{c} shrugs off sell-off, holds gains",
        f"No sign of slowdown as {c} ETF inflows keep climbing",
        f"{c} bears fail to break support as buyers step in",
        f"{p} says no user funds were lost, token rebounds",
        f"Despite the dip, {c} ends week higher",
        f"{c} never looked back after reclaiming {price_level(coin)}",
        f"{c} refuses to fall, grinds to new highs",
        f"Not even bad macro data can stop the {c} rally",
    ])


def pos_corp():
    co = rng.choice(COMPANIES)
    a, b = sorted([rng.uniform(2, 90), rng.uniform(2, 90)])
    unit = rng.choice(["EUR", "EUR", "USD", "SEK"])
    mn = rng.choice(["mn", "million", "m"])
    sp = rng.random() < 0.4
    end = " ." if sp else ""
    pc = f"{pct(2, 60)} %" if sp else f"{pct(2, 60)}%"
    q = rng.choice(["the first quarter", "the second quarter", "the third quarter", "2024", "the review period",
                    "January-June", "the fiscal year"])
    tk = rng.choice(TICKERS)
    return rng.choice([
        f"{co}'s operating profit rose to {unit} {b:.1f} {mn} from {unit} {a:.1f} {mn} in {q}{end}",
        f"Net sales increased by {pc} to {unit} {b:.1f} {mn}{end}",
        f"{co} wins {unit} {b:.0f} {mn} order from {rng.choice(CLIENTS)}{end}",
        f"{co} raises its full-year outlook after strong demand{end}",
        f"{co} swung to a profit of {unit} {a:.1f} {mn} from a loss a year earlier{end}",
        f"Earnings per share increased to {unit} {a / 40:.2f} from {unit} {a / 60:.2f}{end}",
        f"{co}'s order intake grew by {pc}{end}",
        f"Operating profit margin improved to {pc}{end}",
        f"{co} shares jump after quarterly results beat forecasts",
        f"${tk} jumps after earnings beat, guidance raised",
        f"${tk} rallies as analysts upgrade to buy",
        f"${tk} hits record high on strong demand",
        f"{rng.choice(ISSUERS)} upgrades ${tk} to outperform, lifts price target",
        f"{co} signs {unit} {b:.0f} {mn} contract to expand capacity{end}",
        f"{co}'s net profit more than doubled in {q}{end}",
        f"Sales grew in all regions, and profitability improved clearly{end}",
    ])


POSITIVE = [(pos_price, 5), (pos_etf, 2), (pos_funding, 2), (pos_adoption, 2), (pos_listing, 1.5), (pos_defi, 2),
            (pos_reg, 1.5), (pos_network, 1.5), (pos_negation, 1), (pos_corp, 3)]


# ----------------------------------------------------------------------------------------------- negative
def neg_price():
    coin = rng.choice(COINS)
    c = c_name(coin)
    verb = rng.choice(["plunges", "tumbles", "slides", "crashes", "sinks", "drops", "falls", "dumps", "nosedives",
                       "slumps", "retreats", "bleeds", "craters", "sheds", "skids", "collapses"])
    reason = rng.choice(["as ETF outflows mount", "after hot CPI print", "as longs get liquidated", "amid risk-off mood",
                         "as whales sell", "after Fed hawkish surprise", "on exchange outage", "as miners sell",
                         "amid regulatory crackdown", "as sell pressure builds", "after exploit news",
                         "as traders take profit", "on heavy selling", "as funding turns negative", ""])
    return rng.choice([
        f"{c} {verb} {pct()}% {reason}",
        f"{c} {verb} below {price_level(coin)} {reason}",
        f"{c} hits {months_n()}-month low",
        f"{c} loses {price_level(coin)} support {reason}",
        f"{c} posts worst week since {rng.choice(MONTHS)}",
        f"Crypto market wipes out {usd_amount(unit='billion')} as {c} {verb}",
        f"{c} price down {pct()}% in 24 hours",
        f"Sell-off deepens as {c} extends losses",
        f"{c} bulls rekt as price {verb} {pct()}%",
        f"Blood in the streets: {c} and {c_name()} lead losses",
        f"{c} breaks down, eyes further downside",
        f"{c} falls for {rng.choice(['third', 'fourth', 'fifth', 'sixth'])} straight day",
        f"{c} erases weekly gains in sharp reversal",
        f"{c} rejected at {price_level(coin)}, drops {pct()}%",
        f"Bear market fears grow as {c} slumps",
        f"{c} down {pct(30, 90)}% from all-time high",
    ])


def neg_liq():
    coin = rng.choice(MAJORS + COINS)
    c = c_name(coin)
    return rng.choice([
        f"Over {usd_amount(50, 900, 'million')} in longs liquidated as {c} drops",
        f"{usd_amount(unit='billion')} liquidated in crypto flash crash",
        f"Traders get rekt as {c} wick wipes out leveraged longs",
        f"Liquidations top {usd_amount(100, 900, 'million')} as {c} tumbles",
        f"Whale liquidated for {usd_amount(10, 300, 'million')} on {c} position",
        f"Cascade of liquidations sends {c} to {months_n()}-month low",
        f"Leveraged traders wiped out as {c} crashes {pct(8, 30)}%",
        f"{c} long squeeze liquidates {usd_amount(100, 900, 'million')}",
    ])


def neg_hack():
    p = rng.choice(PROTOCOLS)
    e = rng.choice(EXCHANGES)
    b = rng.choice(BRIDGES)
    a = usd_amount(2, 600, "million")
    return rng.choice([
        f"{p} exploited for {a}",
        f"{e} hacked, {a} in crypto drained from hot wallet",
        f"Hackers drain {a} from {b} bridge",
        f"Flash loan attack hits {p}, {a} stolen",
        f"{p} suffers oracle manipulation exploit",
        f"{p} token crashes {pct(20, 80)}% after exploit",
        f"{b} bridge hack: {a} lost",
        f"North Korean hackers behind {a} {e} theft",
        f"Attacker steals {a} from {p} lending pools",
        f"{p} pauses contracts after security breach",
        f"Phishing scam drains {a} from {rng.choice(STARTUPS)} users",
        f"{e} confirms security incident, withdrawals suspended",
        f"Private key leak costs {p} {a}",
        f"{p} front-end compromised, users urged not to sign transactions",
        f"Reentrancy bug exploited on {p}, losses reach {a}",
    ])


def neg_rug():
    tok = rng.choice(["memecoin", "token", "DeFi project", "NFT project", "presale token", "Solana memecoin",
                      "BNB Chain token", "AI token"])
    name = rng.choice(["MoonPaw", "SafeRocket", "FrogKing", "ZapDoge", "NovaMint", "ElonCat", "GigaPup", "LuckyApe",
                       "BasedBear", "PixelPup", "TurboFox", "HyperLoot"])
    return rng.choice([
        f"{name} {tok} collapses {pct(80, 99)}% in apparent rug pull",
        f"Developers of {name} pull the rug, draining {usd_amount(1, 40, 'million')} from liquidity",
        f"{tok.capitalize()} {name} rugged, investors lose {usd_amount(1, 30, 'million')}",
        f"Exit scam: {name} team vanishes with investor funds",
        f"{name} founder dumps tokens, price goes to zero",
        f"Investors rekt as {name} turns out to be a rug",
        f"Ponzi scheme {name} collapses, thousands lose savings",
        f"{name} insiders sold {pct(30, 90)}% of supply before crash",
    ])


def neg_depeg():
    s = rng.choice(STABLES)
    return rng.choice([
        f"{s} loses its peg, falls to ${rng.uniform(0.80, 0.985):.3f}",
        f"{s} depegs amid redemption wave",
        f"{s} slips below $1 as holders rush for exits",
        f"De-peg fears grow as {s} trades at a discount",
        f"Algorithmic stablecoin {rng.choice(['USDN', 'UST', 'USDX', 'NuUSD'])} collapses after losing peg",
        f"{s} depeg triggers panic across DeFi",
        f"{s} issuer reveals reserve shortfall, stablecoin wobbles",
        f"{s} redemptions hit {usd_amount(unit='billion')} after reserve concerns",
    ])


def neg_reg():
    f = rng.choice(EXCHANGES + FIRMS[:10])
    r = rng.choice(REGULATORS)
    a = usd_amount(5, 900, "million")
    return rng.choice([
        f"{r} sues {f} over unregistered securities",
        f"{rng.choice(COUNTRIES)} bans crypto trading",
        f"{r} fines {f} {a}",
        f"DOJ charges {f} founder with fraud",
        f"{f} halts withdrawals amid liquidity crunch",
        f"{f} files for bankruptcy",
        f"{f} delists {c_name()} after regulatory pressure",
        f"{r} rejects spot {rng.choice(MAJORS)[0]} ETF application",
        f"OFAC sanctions {rng.choice(['mixer', 'exchange', 'wallet provider', 'OTC desk'])} tied to laundering",
        f"{f} executives arrested in money laundering probe",
        f"{r} cracks down on crypto lending, {f} under investigation",
        f"{f} ordered to stop serving customers in {rng.choice(COUNTRIES)}",
        f"{f} loses licence in {rng.choice(COUNTRIES)}",
        f"{f} pleads guilty, agrees to pay {a} penalty",
        f"{rng.choice(COUNTRIES)} imposes punitive tax on crypto gains",
        f"{f} accused of market manipulation by {r}",
        f"{f} to exit {rng.choice(COUNTRIES)} market after regulatory setback",
        f"{f} delists {rng.randint(3, 30)} tokens, prices tumble",
        f"Court freezes {f} assets",
    ])


def neg_etf():
    c = rng.choice(MAJORS)[0]
    i = rng.choice(ISSUERS)
    return rng.choice([
        f"{c} ETFs bleed {usd_amount()} in outflows",
        f"Record outflows hit spot {c} ETFs",
        f"{i}'s {c} ETF sees largest outflow since launch",
        f"ETF outflows weigh on {c} as investors retreat",
        f"{c} ETF outflows extend to {rng.choice(['fifth', 'sixth', 'seventh', 'eighth'])} day",
        f"Investors pull {usd_amount()} from {c} funds",
    ])


def neg_unlock():
    coin = rng.choice(COINS)
    c = c_name(coin)
    return rng.choice([
        f"{c} slides ahead of {usd_amount(50, 900, 'million')} token unlock",
        f"Massive {c} unlock threatens price as supply floods market",
        f"{c} drops {pct(5, 25)}% after token unlock dumps supply on market",
        f"Early investors dump {c} after cliff unlock",
        f"{c} token unlock sparks sell-off",
        f"Unlock overhang weighs on {c}",
    ])


def neg_ops():
    f = rng.choice(FIRMS + EXCHANGES + STARTUPS)
    coin = rng.choice(COINS)
    return rng.choice([
        f"{f} cuts {pct(10, 50)}% of staff as crypto winter bites",
        f"{f} lays off {rng.randint(50, 1200)} employees",
        f"{coin[0]} suffers {rng.randint(2, 20)}-hour network outage",
        f"{f} goes down during volatility, users unable to trade",
        f"Miners capitulate as hashprice hits record low",
        f"{f} reports net loss of {usd_amount(10, 900, 'million')}",
        f"{f} misses revenue estimates as trading volumes slump",
        f"{f} writes down {usd_amount(10, 900, 'million')} in crypto holdings",
        f"{coin[0]} chain halts after consensus bug",
        f"{f} shuts down, citing market conditions",
        f"{f} warns of losses as crypto market sours",
        f"{coin[0]} developers exodus raises concerns",
    ])


def neg_negation():
    coin = rng.choice(COINS)
    c = c_name(coin)
    p = rng.choice(PROTOCOLS + EXCHANGES)
    return rng.choice([
        f"{c} fails to hold {price_level(coin)} as rally fizzles",
        f"No relief for {c} bulls as losses deepen",
        f"{p} not able to process withdrawals, users fear the worst",
        f"{c} ETF not approved, price slips",
        f"{c} can't break {price_level(coin)}, sellers take over",
        f"{p} won't refund hack victims",
        f"{c} recovery stalls, no buyers in sight",
        f"Bulls nowhere to be found as {c} sinks",
        f"{p} unable to pay back depositors",
        f"{c} rally was not sustainable, analysts warn of deeper drop",
    ])


def neg_corp():
    co = rng.choice(COMPANIES)
    a, b = sorted([rng.uniform(2, 90), rng.uniform(2, 90)])
    unit = rng.choice(["EUR", "EUR", "USD", "SEK"])
    mn = rng.choice(["mn", "million", "m"])
    sp = rng.random() < 0.4
    end = " ." if sp else ""
    pc = f"{pct(2, 60)} %" if sp else f"{pct(2, 60)}%"
    q = rng.choice(["the first quarter", "the second quarter", "the third quarter", "2024", "the review period",
                    "January-June", "the fiscal year"])
    tk = rng.choice(TICKERS)
    return rng.choice([
        f"{co}'s operating profit fell to {unit} {a:.1f} {mn} from {unit} {b:.1f} {mn} in {q}{end}",
        f"Net sales decreased by {pc} to {unit} {a:.1f} {mn}{end}",
        f"{co} swung to an operating loss of {unit} {a:.1f} {mn}{end}",
        f"{co} will cut {rng.randint(20, 900)} jobs{end}",
        f"{co} issues profit warning, shares plunge",
        f"{co} lowers its full-year guidance{end}",
        f"The operating loss widened to {unit} {b:.1f} {mn}{end}",
        f"{co}'s pretax loss totalled {unit} {a:.1f} {mn}, compared with a profit of {unit} {b:.1f} {mn}{end}",
        f"${tk} drops after earnings miss, weak guidance",
        f"${tk} slides as analysts downgrade to sell",
        f"${tk} sinks to 52-week low",
        f"{rng.choice(ISSUERS)} cuts ${tk} price target on weak outlook",
        f"{co} to close plant, lay off staff{end}",
        f"Demand weakened and margins declined in {q}{end}",
        f"{co}'s order intake fell by {pc}{end}",
        f"{co} shares tumble after CEO resigns amid accounting probe",
    ])


NEGATIVE = [(neg_price, 5), (neg_liq, 1.5), (neg_hack, 2.5), (neg_rug, 1), (neg_depeg, 1), (neg_reg, 2.5),
            (neg_etf, 1), (neg_unlock, 1), (neg_ops, 1.5), (neg_negation, 1), (neg_corp, 3)]


# ----------------------------------------------------------------------------------------------- neutral
def neu_price():
    coin = rng.choice(COINS)
    c = c_name(coin)
    return rng.choice([
        f"{c} trades flat near {price_level(coin)}",
        f"{c} holds steady ahead of Fed decision",
        f"{c} little changed as traders await CPI data",
        f"{c} consolidates between {price_level(coin)} and {price_level(coin)}",
        f"{c} price analysis: key levels to watch this week",
        f"{c} range-bound as volatility hits lows",
        f"What's next for {c}? Traders eye {price_level(coin)}",
        f"{c} options worth {usd_amount(unit='billion')} expire on Friday",
        f"{c} moves sideways in quiet weekend trading",
        f"{c} funding rates neutral as market waits for direction",
        f"{c} price prediction for {rng.choice(MONTHS)}",
        f"{c} steady at {price_level(coin)} as volume thins",
        f"Crypto markets mixed: {c} flat, {c_name()} slightly lower",
        f"{c} vs {c_name()}: comparing the two networks",
    ])


def neu_schedule():
    coin = rng.choice(COINS)
    p = rng.choice(PROTOCOLS)
    e = rng.choice(EXCHANGES)
    return rng.choice([
        f"{coin[0]} developers set date for {rng.choice(UPGRADES)} upgrade",
        f"{p} community to vote on fee proposal",
        f"{e} to perform scheduled maintenance on {rng.choice(MONTHS)} {rng.randint(1, 28)}",
        f"{p} publishes governance proposal to update risk parameters",
        f"{e} announces wallet maintenance for {c_name(coin)} network upgrade",
        f"{coin[0]} core developers discuss timeline in weekly call",
        f"{p} DAO opens vote on treasury diversification",
        f"{coin[0]} {rng.choice(UPGRADES)} upgrade: what you need to know",
        f"{p} releases version {rng.randint(2, 5)} of its smart contracts",
        f"{e} updates fee schedule for futures trading",
        f"{coin[0]} Foundation releases annual report",
        f"{e} changes trading pair tick sizes",
        f"{p} migrates to new contract address",
    ])


def neu_people():
    f = rng.choice(FIRMS + EXCHANGES + STARTUPS + PROTOCOLS)
    return rng.choice([
        f"{f} appoints {rng.choice(NAMES)} as {rng.choice(PEOPLE_ROLES)}",
        f"{rng.choice(NAMES)} joins {f} as {rng.choice(PEOPLE_ROLES)}",
        f"{f} names new {rng.choice(PEOPLE_ROLES)}",
        f"Interview: {f} {rng.choice(PEOPLE_ROLES)} on the state of the market",
        f"{rng.choice(NAMES)} to step down as {f} {rng.choice(PEOPLE_ROLES)}, successor named",
        f"{f} {rng.choice(PEOPLE_ROLES)} to speak at {rng.choice(CITIES)} conference",
        f"Podcast: {rng.choice(NAMES)} on building in crypto",
    ])


def neu_explainer():
    c = rng.choice(CONCEPTS)
    return rng.choice([
        f"What is {c}? A beginner's guide",
        f"How {c} works, explained",
        f"Explainer: {c} and why traders watch it",
        f"{c[0].upper() + c[1:]} explained in five charts",
        f"A short history of {c}",
        f"The risks and rewards of {c}",
        f"Everything you need to know about {c}",
        f"Opinion: the debate over {c} continues",
    ])


def neu_report():
    f = rng.choice(FIRMS + EXCHANGES + ["Chainalysis", "Kaiko", "Glassnode", "CoinShares", "Messari", "Nansen", "Dune"])
    coin = rng.choice(COINS)
    return rng.choice([
        f"{f} publishes Q{rng.randint(1, 4)} report on stablecoin usage",
        f"Weekly recap: the top crypto stories",
        f"{f} releases proof-of-reserves report",
        f"{f} research: how {coin[0]} holders behave in ranges",
        f"Data: {coin[0]} exchange balances unchanged over the week",
        f"{f} survey looks at institutional crypto allocations",
        f"Crypto week ahead: CPI data, FOMC minutes and token unlocks",
        f"{coin[0]} on-chain metrics: a weekly look",
        f"{f} to report quarterly earnings on {rng.choice(MONTHS)} {rng.randint(1, 28)}",
        f"{f} files quarterly report with the SEC",
        f"{rng.choice(ISSUERS)} files amended S-1 for spot {rng.choice(MAJORS)[0]} ETF",
        f"SEC acknowledges {rng.choice(ISSUERS)} ETF filing, starts review",
        f"{rng.choice(REGULATORS)} opens public consultation on stablecoin rules",
        f"{rng.choice(COUNTRIES)} central bank publishes CBDC discussion paper",
        f"{rng.choice(REGULATORS)} publishes guidance on crypto custody",
        f"Lawmakers in {rng.choice(COUNTRIES)} debate crypto tax bill",
        f"{f} moves {rng.randint(100, 9000):,} {coin[1]} between its own wallets",
        f"Dormant {coin[0]} wallet moves coins for the first time in years",
        f"{coin[0]} token unlock scheduled for next week",
        f"{rng.choice(EXCHANGES)} and {rng.choice(EXCHANGES)} publish monthly volume figures",
    ])


def neu_events():
    f = rng.choice(FIRMS + EXCHANGES + STARTUPS)
    return rng.choice([
        f"{f} to host developer conference in {rng.choice(CITIES)}",
        f"{rng.choice(CITIES)} blockchain week kicks off",
        f"{f} rebrands, changes name to {rng.choice(['Nexa', 'Orbit', 'Prism', 'Helix', 'Vanta'])}",
        f"{f} moves headquarters to {rng.choice(CITIES)}",
        f"{f} to relocate some staff to {rng.choice(CITIES)}",
        f"{f} joins industry association",
        f"{f} launches new website",
    ])


def neu_negation():
    coin = rng.choice(COINS)
    c = c_name(coin)
    p = rng.choice(PROTOCOLS + EXCHANGES)
    return rng.choice([
        f"{p} says it was not affected by the {rng.choice(BRIDGES)} incident",
        f"{c} neither rallies nor falls after Fed minutes",
        f"{rng.choice(REGULATORS)} has not yet decided on {rng.choice(ISSUERS)} filing",
        f"{p} denies reports of a hack, says investigation ongoing",
        f"No change to {p} fees this quarter",
        f"{c} unmoved by jobs report",
    ])


def neu_corp():
    co = rng.choice(COMPANIES)
    unit = rng.choice(["EUR", "EUR", "USD", "SEK"])
    mn = rng.choice(["mn", "million", "m"])
    sp = rng.random() < 0.4
    end = " ." if sp else ""
    a = rng.uniform(2, 900)
    tk = rng.choice(TICKERS)
    return rng.choice([
        f"{co} is headquartered in {rng.choice(CITIES)}{end}",
        f"The company has {rng.randint(40, 9000):,} employees in {rng.randint(2, 40)} countries{end}",
        f"The transaction is expected to close in the {rng.choice(['first', 'second', 'third', 'fourth'])} quarter{end}",
        f"{co} will publish its interim report on {rng.choice(MONTHS)} {rng.randint(1, 28)}{end}",
        f"The contract includes design, delivery and installation{end}",
        f"{co} operates {rng.randint(3, 90)} stores in {rng.randint(2, 9)} countries{end}",
        f"The shares will be listed on the main market of {rng.choice(['Nasdaq Helsinki', 'Nasdaq Stockholm', 'the London Stock Exchange', 'Euronext'])}{end}",
        f"{co}'s annual general meeting will be held on {rng.choice(MONTHS)} {rng.randint(1, 28)}{end}",
        f"The value of the deal was not disclosed{end}",
        f"{co} makes {rng.choice(['packaging materials', 'steel pipes', 'software for banks', 'electrical components', 'paper and board', 'frozen foods'])}{end}",
        f"The board proposes a dividend of {unit} {a / 500:.2f} per share{end}",
        f"{co} changes the date of its financial statements release{end}",
        f"${tk} to report earnings after the bell",
        f"${tk} options activity: what traders are watching",
        f"{rng.choice(ISSUERS)} keeps hold rating on ${tk}",
        f"${tk} shares flat in premarket trading",
        f"{co}'s share capital consists of {rng.randint(1, 90)},{rng.randint(100, 999)},{rng.randint(100, 999)} shares{end}",
        f"Financial details were not disclosed{end}",
        f"{co} will hold a conference call for analysts at {rng.randint(9, 16)}:00{end}",
    ])


NEUTRAL = [(neu_price, 3.5), (neu_schedule, 3), (neu_people, 1.5), (neu_explainer, 1.5), (neu_report, 3),
           (neu_events, 2), (neu_negation, 1), (neu_corp, 3)]


# ------------------------------------------------------------------------------------- crypto industry news
# The revised guideline (README.md, "crypto industry news"): for a crypto asset, firm or the industry, an expansion
# is good news for the price (launches, listings, partnerships, integrations, funding, hiring, acquisitions,
# institutions entering, adoption, supportive rules); enforcement, bans, restrictions, crime, security failures,
# sceptics' warnings and shrinking activity are bad news; questions, explainers, guides, people moves, filings,
# proposals, schedules, promotions and opinion without a stated effect stay neutral.
KINDS = ["crypto exchange", "NFT platform", "DeFi lender", "digital asset custodian", "on-chain analytics firm",
         "Web3 games studio", "crypto payments start-up", "bitcoin mining company", "layer-1 network",
         "self-custody wallet maker", "stablecoin issuer", "crypto fund manager", "institutional crypto broker",
         "staking provider", "tokenization start-up", "crypto accounting start-up", "derivatives venue",
         "crypto-friendly bank", "DeFi protocol", "rollup project", "crypto market maker", "bitcoin ATM operator"]
NEWCOS = ["Quillon", "Stratavault", "Kelpie Finance", "Brindle Labs", "Otterchain", "Copperleaf", "Tidepool",
          "Verdant Pay", "Helmsworth Digital", "Larkspur", "Nimbus Ledger", "Fathom Markets", "Ploverswap",
          "Redkite Custody", "Saltmarsh", "Ironbark Capital", "Glimmer NFT", "Pinecrest Games", "Wyvern Wallet",
          "Arbor Staking", "Cobalt Rails", "Driftwood DAO", "Emberly", "Foxglove Protocol", "Gannet Exchange",
          "Hollow Oak", "Juniper Chain", "Kestrel Pay", "Lattice Ledger", "Marlin Markets", "Nettle Finance",
          "Oriole Labs", "Puffin Prime", "Quokka Games", "Rookery", "Sable Bank", "Thistle Tax", "Umber Oracle",
          "Vireo", "Wren Custody", "Yarrow", "Zephyr Network"]
TRADFI = ["JPMorgan", "Goldman Sachs", "Morgan Stanley", "Citi", "HSBC", "UBS", "BNP Paribas", "Santander",
          "Charles Schwab", "State Street", "Northern Trust", "BNY Mellon", "Deutsche Bank", "Nasdaq",
          "Deutsche Börse", "Interactive Brokers", "Fidelity", "Visa", "Mastercard", "PayPal", "American Express",
          "Western Union", "Société Générale", "Standard Chartered", "Nomura", "SBI Holdings", "DBS",
          "a Swiss private bank", "a top-five US bank", "a German savings bank", "a Wall Street broker"]
BIGTECH = ["Google Cloud", "Microsoft", "Amazon Web Services", "Reddit", "Spotify", "Nike", "Adidas", "Starbucks",
           "Samsung", "Sony", "Ubisoft", "Shopify", "Stripe", "Nvidia", "Disney", "Warner Music", "Gucci",
           "a Fortune 500 retailer", "a major airline", "a global hotel chain", "a top football club"]
SECTORS = ["DeFi", "NFT", "Web3 gaming", "blockchain infrastructure", "crypto payments", "tokenization",
           "layer-2", "stablecoin", "crypto security", "decentralized identity", "on-chain analytics"]
PRODUCTS = ["a crypto trading app", "crypto custody", "a staking service", "a crypto debit card",
            "a bitcoin savings account", "a crypto index fund", "a stablecoin payments API", "a self-custody wallet",
            "crypto lending for institutions", "a Web3 developer platform", "crypto futures", "a decentralized exchange",
            "a layer-2 network", "a tokenized money market fund", "crypto trading for retail clients",
            "an institutional crypto desk", "a crypto rewards program", "a bitcoin-backed loan", "an ether staking ETF",
            "a tokenized bond", "cross-border stablecoin transfers", "an NFT loyalty program", "a crypto tax tool"]
CHAINS = ["Ethereum", "Solana", "Avalanche", "Polygon", "Arbitrum", "Optimism", "Base", "Near", "Polkadot",
          "Cosmos", "Tezos", "Algorand", "Cardano", "Tron", "Aptos", "Sui", "the BNB Chain", "Stellar", "Hedera"]
OFFICIALS = ["the SEC chair", "a Fed governor", "the Treasury Secretary", "an ECB board member",
             "the Bank of England governor", "a CFTC commissioner", "a US senator", "the finance minister",
             "the central bank governor", "an SEC commissioner", "a city mayor", "a congresswoman"]
SCEPTICS = ["A veteran hedge fund manager", "A Nobel-winning economist", "A bank chief executive",
            "A billionaire investor", "A central bank official", "A famed short seller", "A gold bug investor",
            "The head of a major asset manager", "A former Fed official", "A value investing legend"]
AUTHORITIES = ["US authorities", "UK police", "German prosecutors", "Europol", "the FBI", "South Korean police",
               "Interpol", "Dutch investigators", "Brazilian federal police", "Indian tax officials",
               "Turkish authorities", "Spanish police", "the DOJ"]
SCAMS = ["a Ponzi scheme", "an ICO fraud", "a pump-and-dump scheme", "a fake exchange", "a mining scam",
         "a romance scam", "a money laundering ring", "a crypto investment fraud", "an NFT wash-trading scheme"]
TOKENNAMES = ["GLOW", "KELP", "DRIFT", "EMBR", "FOXG", "WREN", "QUIL", "SABL", "TIDE", "NIMB", "OTTR", "LARK"]


def co():
    """A crypto firm, with or without a descriptor ("digital asset custodian Redkite Custody")."""
    name = rng.choice(NEWCOS + STARTUPS + EXCHANGES)
    if rng.random() < 0.4:
        kind = rng.choice(KINDS)
        return f"{kind[0].upper() + kind[1:]} {name}"
    return name


def ind_pos_funding():
    s, v = co(), rng.choice(VCS + TRADFI[:8] + ["SoftBank", "Tiger Global", "Animoca Brands", "Temasek"])
    amt = usd_amount(1, 400, "million")
    return rng.choice([
        f"{s} raises {amt} to expand into {rng.choice(COUNTRIES)}",
        f"{s} lands {amt} in strategic funding from {v}",
        f"{s} completes {amt} round to build {rng.choice(PRODUCTS)}",
        f"{v} backs {s} in {amt} seed round",
        f"{s} doubles valuation in new funding round",
        f"{rng.choice(BIGTECH + TRADFI)} takes stake in {s}",
        f"{v} commits {usd_amount(50, 500, 'million')} to {rng.choice(SECTORS)} start-ups",
        f"{s} gets {amt} from {v} and {rng.choice(VCS)}",
        f"{s} becomes a unicorn after {amt} raise",
        f"{s} pulls in {amt} as investors bet on {rng.choice(SECTORS)}",
    ])


def ind_pos_launch():
    f = rng.choice(TRADFI + BIGTECH + EXCHANGES + NEWCOS + STARTUPS)
    prod = rng.choice(PRODUCTS)
    return rng.choice([
        f"{f} launches {prod}",
        f"{f} to launch {prod} next quarter",
        f"{f} rolls out {prod} in {rng.choice(COUNTRIES)}",
        f"{f} unveils {prod}",
        f"{f} introduces {prod} for {rng.choice(['institutions', 'retail users', 'its customers', 'wealth clients', 'merchants', 'developers'])}",
        f"{f} goes live with {prod}",
        f"{f} brings {prod} to {rng.randint(2, 40)} new markets",
        f"{f} lets users {rng.choice(['pay with crypto', 'stake ether', 'hold bitcoin', 'send stablecoins', 'earn yield on USDC'])}",
        f"{rng.choice(NEWCOS)} mainnet is live",
        f"{rng.choice(NEWCOS)} opens its mainnet to the public",
        f"{rng.choice(STABLES)} expands to {rng.choice(CHAINS)}",
        f"{rng.choice(NEWCOS)} goes live on {rng.choice(CHAINS)}",
        f"{rng.choice(NEWCOS)} testnet goes live ahead of mainnet launch",
        f"{rng.choice(NEWCOS)} ships open-source SDK for {rng.choice(CHAINS)} builders",
        f"{f} starts a {rng.choice(['grants program', 'developer fund', 'bug bounty', 'incubator'])} for {rng.choice(SECTORS)} builders",
        f"{rng.choice(CHAINS)} rolls out {rng.choice(UPGRADES)} upgrade",
    ])


def ind_pos_partner():
    a = rng.choice(EXCHANGES + NEWCOS + STARTUPS + PROTOCOLS)
    b = rng.choice(TRADFI + BIGTECH + FIRMS)
    goal = rng.choice(["bring crypto to millions of users", "offer bitcoin to its clients", "build a tokenization network",
                       "settle payments in stablecoins", "expand crypto custody", "bring NFTs to its fans",
                       "develop blockchain payments", "offer staking to institutions", "pilot tokenized deposits",
                       "issue a tokenized fund", "add crypto to its app", "explore CBDC payments"])
    return rng.choice([
        f"{a} partners with {b} to {goal}",
        f"{b} partners with {a} to {goal}",
        f"{a} teams up with {b} to {goal}",
        f"{a} and {b} join forces to {goal}",
        f"{b} signs deal with {a} to {goal}",
        f"{b} chooses {a} to {goal}",
        f"{a} integrates with {b}",
        f"{b} integrates {a}'s {rng.choice(['wallet', 'custody', 'payments API', 'staking service', 'oracle'])}",
        f"{b} taps {a} for {rng.choice(['crypto custody', 'stablecoin settlement', 'bitcoin trading', 'on-chain data'])}",
        f"{a} and {rng.choice(EXCHANGES + NEWCOS)} announce strategic partnership",
        f"{rng.choice(CHAINS)} partners with {b} on {rng.choice(['payments', 'tokenization', 'gaming', 'identity'])}",
        f"{b} builds {rng.choice(['a tokenized fund', 'an NFT collection', 'a loyalty program', 'a stablecoin pilot'])} on {rng.choice(CHAINS)}",
    ])


def ind_pos_listing():
    e = rng.choice(EXCHANGES + ["Binance.US", "Kraken Pro", "Robinhood", "Revolut"])
    tok = rng.choice([c_name(), rng.choice(TOKENNAMES), rng.choice(TOKENNAMES) + " token"])
    return rng.choice([
        f"{e} adds {tok}",
        f"{e} adds support for {tok}",
        f"{e} will list {tok}",
        f"{tok} goes live on {e}",
        f"{e} adds {tok} and {rng.choice(TOKENNAMES)} to its trading roster",
        f"{e} opens {tok} deposits",
        f"{e} adds {tok} staking",
        f"{e} launches {tok} margin trading",
    ])


def ind_pos_growth():
    f = rng.choice(EXCHANGES + NEWCOS + STARTUPS)
    big = rng.choice(TRADFI + BIGTECH)
    return rng.choice([
        f"{big} sets up a digital assets unit",
        f"{big} hires {rng.randint(20, 200)} engineers for blockchain push",
        f"{big} is recruiting for a crypto trading desk",
        f"{f} hires {rng.choice(NAMES)}, formerly of {big}, to lead expansion",
        f"{f} expands into {rng.choice(COUNTRIES)}",
        f"{f} opens {rng.choice(CITIES)} office to grow its crypto business",
        f"{f} doubles headcount as demand grows",
        f"{f} acquires {rng.choice(NEWCOS)} to expand its crypto offering",
        f"{big} acquires crypto start-up {rng.choice(NEWCOS)}",
        f"{f} buys rival {rng.choice(NEWCOS)} for {usd_amount(10, 900, 'million')}",
        f"{f} trading volume tops {usd_amount(unit='billion')} in {rng.choice(MONTHS)}",
        f"{f} user base passes {rng.randint(2, 90)} million",
        f"{f} posts {usd_amount(unit='billion')} in quarterly revenue",
        f"{f} turns profitable for the first time",
        f"{big} clients pile into crypto products",
        f"{big} sees strong demand for its crypto fund",
        f"{f} reports record sign-ups",
    ])


def ind_pos_adoption():
    country = rng.choice(COUNTRIES)
    return rng.choice([
        f"{country} to allow banks to hold crypto",
        f"{country} central bank to pilot a digital currency",
        f"{country} passes law recognising crypto assets",
        f"{country} grants first crypto exchange licences",
        f"{country} to let citizens pay taxes in crypto",
        f"{rng.choice(CITIES)} to accept crypto for city services",
        f"{rng.choice(BIGTECH + TRADFI)} adds {rng.choice(MAJORS)[0]} to its treasury",
        f"{rng.choice(BIGTECH)} now takes stablecoins at checkout",
        f"{rng.choice(OFFICIALS).capitalize()} backs clear rules for crypto",
        f"{rng.choice(OFFICIALS).capitalize()} calls blockchain a major opportunity",
        f"{rng.choice(OFFICIALS).capitalize()} signals openness to crypto ETFs",
        f"Crypto-friendly lawmakers win key votes in {country}",
        f"{country} lowers tax on crypto trading",
        f"Banks in {country} cleared to offer bitcoin to clients",
    ])


def ind_neg_enforce():
    f = rng.choice(EXCHANGES + NEWCOS + STARTUPS + FIRMS[:6])
    r, a = rng.choice(REGULATORS), usd_amount(1, 900, "million")
    country = rng.choice(COUNTRIES)
    return rng.choice([
        f"{country} cracks down on crypto miners",
        f"{country} blocks access to {f}",
        f"{country} orders banks to cut ties with crypto firms",
        f"{country} moves to outlaw private cryptocurrencies",
        f"{r} charges {f} executives with fraud",
        f"{r} opens probe into {f}",
        f"{f} faces {r} probe over token sales",
        f"{f} to wind down operations in {country} after regulator's warning",
        f"{f} hit with class-action lawsuit",
        f"{f} shuts {rng.choice(['lending product', 'staking service', 'US operations', 'derivatives desk'])} after regulatory warning",
        f"{rng.choice(AUTHORITIES)} confiscate {a} in crypto from {rng.choice(['fraudsters', 'a darknet market', 'a laundering network', 'hackers'])}",
        f"{rng.choice(AUTHORITIES)} arrest suspects behind {rng.choice(SCAMS)}",
        f"{rng.choice(AUTHORITIES)} dismantle {rng.choice(SCAMS)}",
        f"Former {f} CEO found guilty of fraud",
        f"{rng.choice(NAMES)} charged over {a} {rng.choice(SCAMS)}",
        f"{rng.choice(NAMES)} extradited to face crypto fraud charges",
        f"{f} founder sentenced to {rng.randint(3, 25)} years",
        f"{r} warns investors about {f}",
        f"{r} tightens rules for crypto exchanges",
        f"{r} blacklists {f}",
        f"Lawmakers push to ban {rng.choice(['stablecoins', 'crypto mining', 'privacy coins', 'crypto ads'])}",
        f"{country} proposes heavy tax on crypto transactions",
        f"{f} told to halt crypto services in {country}",
    ])


def ind_neg_crime():
    f = rng.choice(EXCHANGES + NEWCOS + STARTUPS + PROTOCOLS)
    return rng.choice([
        f"Malware steals crypto from {rng.choice(['wallet users', 'browser extensions', 'gamers', 'traders'])}",
        f"Ransomware gang demands {usd_amount(1, 70, 'million')} in bitcoin",
        f"{f} users lose funds in phishing attack",
        f"{f} discloses data breach affecting customers",
        f"Fake {f} app drains wallets",
        f"Crypto crime hits record {usd_amount(unit='billion')}",
        f"{f} token crashes after team wallet drained",
        f"{f} hacked for more than {usd_amount(5, 300, 'million')}",
        f"Insider at {f} accused of front-running listings",
        f"{f} accused of wash trading",
        f"SIM-swap attackers empty {f} executive's wallet",
        f"Critical vulnerability found in {rng.choice(CHAINS)} client",
    ])


def ind_neg_sceptic():
    s = rng.choice(SCEPTICS)
    coin = rng.choice(["bitcoin", "crypto", "cryptocurrencies", "NFTs", "stablecoins", "ether"])
    return rng.choice([
        f"{s} calls {coin} a bubble",
        f"{s} warns {coin} could go to zero",
        f"{s} says there is no intrinsic value in {coin}",
        f"{s} dumps {coin}, calls it a fad",
        f"{s}: {coin} is a greater-fool game",
        f"{rng.choice(OFFICIALS).capitalize()} calls {coin} a threat to financial stability",
        f"{rng.choice(OFFICIALS).capitalize()} warns {coin} is used for crime",
        f"{rng.choice(OFFICIALS).capitalize()} urges tougher curbs on {coin}",
        f"Critics slam {rng.choice(EXCHANGES)} over {rng.choice(['fees', 'outage', 'delisting', 'frozen accounts'])}",
    ])


def ind_neg_ops():
    f = rng.choice(EXCHANGES + NEWCOS + STARTUPS)
    return rng.choice([
        f"{rng.choice(COINS)[0]} network activity slumps to lowest since {rng.choice(['2019', '2020', '2021', '2022'])}",
        f"{f} suspends {rng.choice(['withdrawals', 'deposits', 'new sign-ups', 'trading'])} after technical glitch",
        f"{f} trading volume falls {pct(20, 70)}% in {rng.choice(MONTHS)}",
        f"NFT sales drop to {months_n()}-month low",
        f"{f} cancels token launch",
        f"{f} loses key banking partner",
        f"{f} delays mainnet launch again",
        f"{f} users report missing funds",
        f"{rng.choice(TRADFI + BIGTECH)} pulls out of crypto plans",
        f"{rng.choice(TRADFI + BIGTECH)} ends partnership with {f}",
        f"{f} drops plans for US listing",
    ])


def ind_neu():
    f = rng.choice(EXCHANGES + NEWCOS + STARTUPS + FIRMS)
    coin = rng.choice(COINS)[0]
    return rng.choice([
        f"How to buy {coin} in {rng.choice(COUNTRIES)}",
        f"How to set up {rng.choice(['a hardware wallet', 'a bitcoin node', 'a multisig wallet', 'two-factor authentication'])}",
        f"Is {coin} a good investment? Analysts weigh in",
        f"Guide: staking {coin} step by step",
        f"{f} to hold {rng.choice(['an AMA', 'a community call', 'its annual summit'])} on {rng.choice(MONTHS)} {rng.randint(1, 28)}",
        f"{f} publishes its {rng.choice(['roadmap', 'tokenomics paper', 'transparency report', 'annual letter'])}",
        f"{rng.choice(NAMES)} named {rng.choice(PEOPLE_ROLES)} of {f}",
        f"{rng.choice(REGULATORS)} extends comment period on crypto rules",
        f"{rng.choice(REGULATORS)} sets hearing on stablecoin oversight",
        f"{rng.choice(ISSUERS)} amends {coin} ETF filing",
        f"Lawmakers in {rng.choice(COUNTRIES)} hold hearing on digital assets",
        f"{rng.choice(NAMES)} and {rng.choice(NAMES)} debate the future of {rng.choice(CONCEPTS)}",
        f"Opinion: what {rng.choice(CONCEPTS)} means for {coin}",
        f"Newsletter: {coin}, {rng.choice(COINS)[0]} and the week in {rng.choice(SECTORS)}",
        f"{rng.choice(SECTORS)} funding in {rng.choice(MONTHS)}: the numbers",
        f"{f} token sale opens on {rng.choice(MONTHS)} {rng.randint(1, 28)}",
        f"{rng.choice(NEWCOS)} NFT drop set for {rng.choice(MONTHS)}",
        f"Ranking the {rng.choice(['top ten', 'biggest', 'most active'])} {rng.choice(SECTORS)} projects",
        f"{coin} or {rng.choice(COINS)[0]}: which to hold?",
        f"Inside {f}'s {rng.choice(CITIES)} office",
        f"{f} shares its view on {rng.choice(CONCEPTS)}",
    ])


def ind_pos_plans():
    big = rng.choice(TRADFI + BIGTECH)
    prod = rng.choice(PRODUCTS)
    off = rng.choice(OFFICIALS)
    return rng.choice([
        f"{big} weighs launch of {prod}",
        f"{big} explores {prod}, people familiar say",
        f"{big} eyes entry into {rng.choice(SECTORS)}",
        f"{big} preparing to offer {prod}: report",
        f"{big} in talks to buy a stake in {rng.choice(NEWCOS + STARTUPS)}",
        f"{big} earmarks {usd_amount(10, 900, 'million')} for blockchain projects",
        f"{rng.choice(NEWCOS + STARTUPS)} is raising {usd_amount(10, 400, 'million')} in new round, sources say",
        f"{rng.choice(VCS)} targets {usd_amount(100, 900, 'million')} for its next crypto fund",
        f"{off.capitalize()} says stablecoins could make payments cheaper",
        f"{off.capitalize()} sees a role for crypto in the financial system",
        f"{rng.choice(TRADFI)} chief is bullish on bitcoin's long-term future",
        f"{rng.choice(['A central bank', 'The ECB', 'The Bank of Japan', 'The Reserve Bank of India'])} tests a digital currency with {rng.randint(3, 20)} banks",
        f"{rng.choice(COUNTRIES)} expands its CBDC trial",
        f"Demand for {rng.choice(['crypto loans', 'stablecoins', 'bitcoin funds', 'tokenized treasuries'])} keeps growing, data show",
    ])


def ind_pos_trials():
    big = rng.choice(TRADFI + BIGTECH + ["a national postal service", "a stock exchange operator"])
    return rng.choice([
        f"{big} is testing {rng.choice(['stablecoin settlement', 'tokenized deposits', 'bitcoin payments', 'a blockchain ledger'])}",
        f"{big} trials {rng.choice(PRODUCTS)} with select clients",
        f"{rng.choice(NEWCOS + STARTUPS)} brings its {rng.choice(['wallet', 'payments app', 'staking product'])} to {rng.choice(COUNTRIES)}",
        f"{rng.choice(COUNTRIES)} rolls out crypto rules, giving firms a clear path",
    ])

INDUSTRY_POSITIVE = [(ind_pos_funding, 3), (ind_pos_launch, 4), (ind_pos_partner, 3), (ind_pos_listing, 1.5),
                     (ind_pos_growth, 3.5), (ind_pos_adoption, 2.5),
                     (ind_pos_plans, 2.5), (ind_pos_trials, 1.5)]
INDUSTRY_NEGATIVE = [(ind_neg_enforce, 6), (ind_neg_crime, 3), (ind_neg_sceptic, 2.5), (ind_neg_ops, 3)]
INDUSTRY_NEUTRAL = [(ind_neu, 7)]


def draw(families, n, label, seen):
    fams, weights = zip(*families)
    out = []
    tries = 0
    while len(out) < n and tries < n * 50:
        tries += 1
        f = rng.choices(fams, weights=weights)[0]
        t = " ".join(f().split())
        t = t.replace(" ,", ",") if not t.endswith(" .") else t
        t = maybe_prefix(style(t))
        key = t.lower()
        if key in seen:
            continue
        seen.add(key)
        out.append((t, label))
    return out


def main():
    seen = set()
    rows = draw(POSITIVE + INDUSTRY_POSITIVE, PER_LABEL, "positive", seen) + \
        draw(NEGATIVE + INDUSTRY_NEGATIVE, PER_LABEL, "negative", seen) + \
        draw(NEUTRAL + INDUSTRY_NEUTRAL, PER_LABEL, "neutral", seen)
    rng.shuffle(rows)
    n_dev = int(len(rows) * DEV_FRACTION)
    here = os.path.dirname(os.path.abspath(__file__))
    for name, part in (("crypto_headlines_dev.csv", rows[:n_dev]), ("crypto_headlines.csv", rows[n_dev:])):
        with open(os.path.join(here, name), "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(["text", "label"])
            w.writerows(part)
        print(name, len(part))


if __name__ == "__main__":
    main()
