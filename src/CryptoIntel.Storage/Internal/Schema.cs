namespace CryptoIntel.Storage.Internal;

/// <summary>
/// The versioned migrations. The DDL is written in the subset SQLite and PostgreSQL share (TEXT, BIGINT, INTEGER,
/// DOUBLE PRECISION; times are UTC ticks, flags 0/1, lists JSON text), so both databases run the same statements.
/// Append new migrations; never edit a shipped one.
/// </summary>
internal static class Schema
{
    public static IReadOnlyList<(int Version, string Description, string[] Statements)> Migrations { get; } =
    [
        (1, "initial schema", [
            """
            CREATE TABLE snapshots (asset TEXT NOT NULL, source TEXT NOT NULL, ts BIGINT NOT NULL, price DOUBLE PRECISION NOT NULL,
              symbol TEXT, name TEXT, volume DOUBLE PRECISION, market_cap DOUBLE PRECISION, change24h DOUBLE PRECISION, rank INTEGER,
              PRIMARY KEY (asset, source, ts))
            """,
            "CREATE INDEX ix_snapshots_ts ON snapshots (ts)",
            """
            CREATE TABLE latest_snapshots (asset TEXT NOT NULL, source TEXT NOT NULL, ts BIGINT NOT NULL, price DOUBLE PRECISION NOT NULL,
              symbol TEXT, name TEXT, volume DOUBLE PRECISION, market_cap DOUBLE PRECISION, change24h DOUBLE PRECISION, rank INTEGER,
              PRIMARY KEY (asset, source))
            """,
            "CREATE INDEX ix_latest_snapshots_source_cap ON latest_snapshots (source, market_cap)",
            "CREATE INDEX ix_latest_snapshots_ts ON latest_snapshots (ts)",
            """
            CREATE TABLE hourly_bars (asset TEXT NOT NULL, source TEXT NOT NULL, hour BIGINT NOT NULL,
              open DOUBLE PRECISION NOT NULL, high DOUBLE PRECISION NOT NULL, low DOUBLE PRECISION NOT NULL, close DOUBLE PRECISION NOT NULL,
              open_ts BIGINT NOT NULL, close_ts BIGINT NOT NULL, volume DOUBLE PRECISION, market_cap DOUBLE PRECISION,
              PRIMARY KEY (asset, source, hour))
            """,
            """
            CREATE TABLE global_metrics (source TEXT NOT NULL, ts BIGINT NOT NULL, total_market_cap DOUBLE PRECISION, total_volume DOUBLE PRECISION,
              btc_dominance DOUBLE PRECISION, eth_dominance DOUBLE PRECISION, market_cap_change DOUBLE PRECISION, active INTEGER,
              PRIMARY KEY (source, ts))
            """,
            "CREATE INDEX ix_global_metrics_ts ON global_metrics (ts)",
            "CREATE TABLE fear_greed (ts BIGINT NOT NULL PRIMARY KEY, value INTEGER NOT NULL, classification TEXT NOT NULL)",
            """
            CREATE TABLE protocols (slug TEXT NOT NULL PRIMARY KEY, name TEXT NOT NULL, name_lower TEXT NOT NULL, category TEXT, category_lower TEXT,
              chains TEXT NOT NULL, chains_key TEXT NOT NULL, symbol TEXT, tvl DOUBLE PRECISION, change1d DOUBLE PRECISION, change7d DOUBLE PRECISION,
              updated_at BIGINT NOT NULL)
            """,
            "CREATE INDEX ix_protocols_tvl ON protocols (tvl, slug)",
            "CREATE INDEX ix_protocols_category ON protocols (category_lower, tvl)",
            "CREATE TABLE tvl_points (kind INTEGER NOT NULL, subject TEXT NOT NULL, ts BIGINT NOT NULL, tvl DOUBLE PRECISION NOT NULL, PRIMARY KEY (kind, subject, ts))",
            """
            CREATE TABLE dex_pools (network TEXT NOT NULL, address TEXT NOT NULL, ts BIGINT NOT NULL, name TEXT, dex TEXT, price DOUBLE PRECISION,
              reserve DOUBLE PRECISION, volume DOUBLE PRECISION, change24h DOUBLE PRECISION, transactions INTEGER, PRIMARY KEY (network, address, ts))
            """,
            "CREATE INDEX ix_dex_pools_ts ON dex_pools (ts)",
            """
            CREATE TABLE latest_dex_pools (pool_key TEXT NOT NULL PRIMARY KEY, network TEXT NOT NULL, address TEXT NOT NULL, ts BIGINT NOT NULL,
              name TEXT, search TEXT NOT NULL, dex TEXT, price DOUBLE PRECISION, reserve DOUBLE PRECISION, volume DOUBLE PRECISION,
              change24h DOUBLE PRECISION, transactions INTEGER)
            """,
            "CREATE INDEX ix_latest_dex_pools_network ON latest_dex_pools (network, volume)",
            "CREATE INDEX ix_latest_dex_pools_volume ON latest_dex_pools (volume, pool_key)",
            """
            CREATE TABLE news (id TEXT NOT NULL PRIMARY KEY, source TEXT NOT NULL, title TEXT NOT NULL, title_lower TEXT NOT NULL, url TEXT,
              published_at BIGINT NOT NULL, outlet TEXT, summary TEXT, author TEXT, currencies TEXT NOT NULL, categories TEXT NOT NULL, votes TEXT NOT NULL,
              sentiment DOUBLE PRECISION, sentiment_label TEXT, story_id TEXT NOT NULL, assets TEXT NOT NULL)
            """,
            "CREATE INDEX ix_news_published ON news (published_at, id)",
            "CREATE INDEX ix_news_story ON news (story_id, published_at)",
            "CREATE INDEX ix_news_source ON news (source, published_at)",
            "CREATE TABLE news_assets (news_id TEXT NOT NULL, asset TEXT NOT NULL, published_at BIGINT NOT NULL, PRIMARY KEY (news_id, asset))",
            "CREATE INDEX ix_news_assets_asset ON news_assets (asset, published_at)",
            """
            CREATE TABLE stories (id TEXT NOT NULL PRIMARY KEY, title TEXT NOT NULL, first_seen BIGINT NOT NULL, last_seen BIGINT NOT NULL,
              item_count INTEGER NOT NULL, sources TEXT NOT NULL, sentiment DOUBLE PRECISION)
            """,
            "CREATE INDEX ix_stories_last_seen ON stories (last_seen, id)",
            """
            CREATE TABLE mentions (news_id TEXT NOT NULL, entity_id TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL, asset TEXT,
              published_at BIGINT NOT NULL, mention_count INTEGER NOT NULL, PRIMARY KEY (news_id, entity_id))
            """,
            "CREATE INDEX ix_mentions_entity ON mentions (entity_id, published_at)",
            "CREATE INDEX ix_mentions_published ON mentions (published_at)",
            """
            CREATE TABLE entities (entity_id TEXT NOT NULL PRIMARY KEY, name TEXT NOT NULL, search TEXT NOT NULL, kind TEXT NOT NULL, asset TEXT,
              mentions INTEGER NOT NULL, first_seen BIGINT NOT NULL, last_seen BIGINT NOT NULL)
            """,
            "CREATE INDEX ix_entities_mentions ON entities (mentions, entity_id)",
            "CREATE INDEX ix_entities_last_seen ON entities (last_seen, entity_id)",
            """
            CREATE TABLE signals (id TEXT NOT NULL PRIMARY KEY, kind TEXT NOT NULL, subject TEXT NOT NULL, direction INTEGER NOT NULL,
              magnitude DOUBLE PRECISION NOT NULL, confidence DOUBLE PRECISION NOT NULL, detected_at BIGINT NOT NULL, detector TEXT NOT NULL,
              detector_version TEXT NOT NULL, asset TEXT, entities TEXT NOT NULL, evidence TEXT NOT NULL, scorer TEXT NOT NULL, summary TEXT)
            """,
            "CREATE INDEX ix_signals_detected ON signals (detected_at, id)",
            "CREATE INDEX ix_signals_kind ON signals (kind, detected_at)",
            "CREATE INDEX ix_signals_asset ON signals (asset, detected_at)",
            "CREATE INDEX ix_signals_subject ON signals (subject, detected_at)",
            """
            CREATE TABLE signal_outcomes (signal_id TEXT NOT NULL, horizon TEXT NOT NULL, evaluated_at BIGINT NOT NULL,
              return_pct DOUBLE PRECISION NOT NULL, hit INTEGER NOT NULL, PRIMARY KEY (signal_id, horizon))
            """,
            "CREATE INDEX ix_signal_outcomes_horizon ON signal_outcomes (horizon, signal_id)",
            """
            CREATE TABLE source_status (source TEXT NOT NULL, ts BIGINT NOT NULL, cycle_id TEXT, succeeded INTEGER NOT NULL, calls INTEGER NOT NULL,
              from_cache INTEGER NOT NULL, stale INTEGER NOT NULL, duration_ms BIGINT NOT NULL, items INTEGER NOT NULL, error TEXT, error_kind TEXT,
              PRIMARY KEY (source, ts))
            """,
            "CREATE INDEX ix_source_status_ts ON source_status (ts)",
            "CREATE TABLE quota_usage (source TEXT NOT NULL, period TEXT NOT NULL, ts BIGINT NOT NULL, used BIGINT NOT NULL, quota_limit BIGINT, PRIMARY KEY (source, period))",
            "CREATE INDEX ix_quota_usage_ts ON quota_usage (source, ts)",
            "CREATE TABLE watchlists (id TEXT NOT NULL PRIMARY KEY, name TEXT NOT NULL, owner TEXT, assets TEXT NOT NULL, created_at BIGINT NOT NULL)",
            "CREATE INDEX ix_watchlists_owner ON watchlists (owner, created_at)",
            """
            CREATE TABLE alert_rules (id TEXT NOT NULL PRIMARY KEY, name TEXT NOT NULL, owner TEXT, kind TEXT, asset TEXT, watchlist_id TEXT,
              direction INTEGER, min_confidence DOUBLE PRECISION NOT NULL, enabled INTEGER NOT NULL, created_at BIGINT NOT NULL)
            """,
            "CREATE INDEX ix_alert_rules_owner ON alert_rules (owner, created_at)",
            """
            CREATE TABLE cycles (id TEXT NOT NULL PRIMARY KEY, started_at BIGINT NOT NULL, duration_ms BIGINT NOT NULL, sources_succeeded INTEGER NOT NULL,
              sources_total INTEGER NOT NULL, counts TEXT NOT NULL, new_signals INTEGER NOT NULL, error TEXT)
            """,
            "CREATE INDEX ix_cycles_started ON cycles (started_at, id)",
        ]),
    ];

    public static int LatestVersion => Migrations[^1].Version;
}
