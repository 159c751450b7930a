using System.Collections.Frozen;

namespace CryptoIntel.Entities.Internal;

/// <summary>
/// The word lists behind the disambiguation rules, written for this package: English (and a few Portuguese and
/// Spanish) words that are also tickers or coin names, stock tickers, and the context words that make a ticker or
/// a name safe to read as an asset.
/// </summary>
internal static class WordLists
{
    /// <summary>Common words: a ticker or long-tail name equal to one of these is never taken without a cashtag or context.</summary>
    public static readonly FrozenSet<string> StopWords = Create("""
        a about above across act action add after again against age ago agent ai air all alert alpha also always am among an and
        another any app apple are area arm army around art as ask at auto away baby back bad bag ball bank base
        be bear bears because bee been before begin being believe below best bet better between big bill bird bit
        black block blue board boat body bold bomb bond book boom boost born boss both box boy brain brand break
        bridge bright bring broad brother build bull bullish bulls burn bus business but buy by call can capital car card care
        case cash cat cause center chain chair chance change charge chart cheap check chief child choice circle city
        claim class clean clear climb clock close cloud club coin cold come common company compound cool core cost could
        country course court cover crash create credit cross crowd crown crypto cup curve cut cycle daily dao dark
        data date day de dead deal dear debt deep defi degen deposit design dev did die digital dinner do doctor
        does dog dollar done door double down dragon draw dream drive drop due dump during each early earn earth east
        easy eat echo edge effect eight either else end energy engine enough enter equal era even event ever every
        exit eye face fact fair fall family fan far farm fast father fear feel few field fight file fill final
        find fine fire firm first fish five fix flash floor flow fly focus follow food for force forest form
        forward four free fresh friend frog from front fuel full fun fund future game gas gate get giant gift girl give
        glass go goal god gold good got great green grid ground group grow growth guard guy hack half hand happy
        hard has have he head health hear heart heat help her here hero hey high him his history hit hold holder home
        hope horse hot hour house how huge human hunt i ice idea if in index inside into is it item its jet job
        join joy jump just keep key kid kill kind king kiss know lab land large last late law lead leader learn
        left leg less let level life light like limit line link lion list little live loan local lock long look
        lord lose loss lost lot love low luck lucky made magic main major make man many map mark market mars master
        match may me mean meet meme memes member mind mint miss mode model moment money monkey month moon more most mother
        move much music must my name nation near need net network never new news next nice night nine no node none
        north not note nothing now number of off offer office oil ok old on once one only open or orange order other
        our out over own page paid pair paper park part party pass past pay peace pen people per pet phone pick piece
        pig pilot pink place plan planet plant play player please plus pocket point pool poor port post power
        premium press price prime prize pro problem protocol prove public pump pure push put quantum queen quest quick
        quiet race rain raise rate raw reach read real reason record red rest rich ride right ring rise risk river
        road rock role room root rose round rule run safe sale same save say scale school sea second secret security
        see seed sell send sense seven shadow share she shield ship shop short should show shrimp side sign silver
        simple since sir site six size sky sleep small smart smile snow so social soft some son soon soul sound
        south space spark speed spin spirit spot spring stable stack stake standard star start state stay step still stock
        stone stop store storm story street strong study such sugar summer sun super support sure swap sweet system
        table take talk target tax tea team tech ten test than thank that the their them then there these they
        thing think this those three through time tip to today together token too top total tower trade train treasury
        tree trend trip true trust truth try turn twin two under unit united until up us use user value very
        view vision vote wait walk wall war warm was watch water wave way we wealth week well were west what
        when where which while white who whole why wide wife wild will win wind wing winter wise with wolf woman
        wood word work world worth would yes yet you young your zero
        million millions billion billions thousand trillion hundred memecoin memecoins
        alt alts altcoin altcoins bitcoiner blockchain cbdc coins crypto cryptos etf etfs hodl nft nfts rwa
        stablecoin stablecoins token tokens web3 whale whales usd eur gbp jpy cny ceo cfo cto sec fed ecb imf
        gdp cpi ipo otc atm faq tv pc usa uk eu un ap api ui ux q1 q2 q3 q4 yoy ath atl ama am pm est et utc gmt
        ai gpt llm agi dex cex lp tvl apy apr kyc aml dapp dapps l1 l2 l1s l2s evm zk
        da do em na no os as um uma para com por que e o el la los las en y del al es
        """);

    /// <summary>Stock and fund tickers that are not crypto assets even behind a <c>$</c>.</summary>
    public static readonly FrozenSet<string> StockTickers = Create("""
        mstr coin hood nvda tsla aapl nflx googl goog amzn meta msft spy qqq glxy mara riot clsk bmnr sbet crcl gme amc
        pltr iren cifr hut btdr core wulf bitf hive smlr sqqq tqqq dia iwm vix dxy ndx spx intc amd orcl baba
        """);

    /// <summary>Words that, near a ticker or a name, say an asset is meant (price, token, staking, ...).</summary>
    public static readonly FrozenSet<string> AssetContext = Create("""
        price prices priced token tokens coin coins holders holder rally rallies rallied surge surges surged soar soars
        soared jump jumps jumped pump pumps plunge plunges plunged drop drops dropped dip dips dipped fall falls fell
        slide slides slid crash crashes crashed tumble tumbles rebound rebounds recovers recover recovery breakout
        breakdown chart charts support resistance bullish bearish whales
        staking stake staked airdrop airdrops listing listed lists delist delisted etf etfs futures perpetual perps
        longs shorts liquidation liquidations liquidated marketcap ath gains losses
        unlock unlocks unlocked buyback buybacks burn burns burned supply accumulation accumulate accumulating
        outflows inflows inflow outflow holdings treasury reserve reserves usd usdt stablecoin stablecoins
        bounce bounces spikes climbs climbed sinks slumps tanks outperforms
        prediction predictions forecast target targets valuation
        preço alta queda moeda moedas criptomoeda
        """);

    /// <summary>Words right beside a long-tail ticker or name that say a coin is meant (<c>MEGA token</c>, <c>USDM stablecoin</c>).</summary>
    public static readonly FrozenSet<string> TokenNouns = Create("""
        token tokens coin coins price prices stablecoin stablecoins memecoin memecoins airdrop presale
        """);

    /// <summary>Words that make a "buying" link apply (Strategy buys bitcoin).</summary>
    public static readonly FrozenSet<string> BuyingWords = Create("""
        buy buys bought buying acquire acquires acquired acquiring acquisition purchase purchases purchased purchasing
        adds added adding scoops scooped snaps snapped accumulates accumulated stacks stacked holdings compra comprou
        """);

    /// <summary>Words that make a "minting" link apply (Tether mints).</summary>
    public static readonly FrozenSet<string> MintingWords = Create("""
        mint mints minted minting issue issues issued issuing printed prints
        """);

    /// <summary>Words that make a "tokens" link apply (tokens donated by a protocol).</summary>
    public static readonly FrozenSet<string> TokenWords = Create("""
        token tokens airdrop airdrops donates donated donation doa tokens
        """);

    private static FrozenSet<string> Create(string words) =>
        words.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
}
