namespace TriageBot.Storage.Sqlite;

/// <summary>A numbered schema step. Forward-only: a shipped migration is never edited, only followed.</summary>
public sealed record SqliteMigration(int Version, string Description, string Sql);

/// <summary>Every schema change, in order, in one place. Append; never edit or reorder.</summary>
public static class SqliteMigrations
{
    public static readonly IReadOnlyList<SqliteMigration> All =
    [
        new(1, "initial schema", """
            CREATE TABLE cursors (
                source      TEXT NOT NULL,
                key         TEXT NOT NULL,
                value       TEXT NOT NULL,
                updated_at  TEXT NOT NULL,
                PRIMARY KEY (source, key)
            ) WITHOUT ROWID;

            -- An item is its JSON; the columns beside it are what queries filter on.
            CREATE TABLE items (
                id            TEXT PRIMARY KEY,
                source        TEXT NOT NULL,
                location      TEXT NOT NULL,
                content_hash  TEXT NOT NULL,
                created_at    TEXT NOT NULL,
                updated_at    TEXT NOT NULL,
                first_seen    TEXT NOT NULL,
                last_changed  TEXT NOT NULL,
                json          TEXT NOT NULL
            );
            CREATE INDEX ix_items_source ON items (source, location);
            CREATE INDEX ix_items_content_hash ON items (content_hash);
            CREATE INDEX ix_items_updated_at ON items (updated_at);

            CREATE TABLE embeddings (
                model         TEXT NOT NULL,
                content_hash  TEXT NOT NULL,
                dimensions    INTEGER NOT NULL,
                vector        BLOB NOT NULL,
                PRIMARY KEY (model, content_hash)
            ) WITHOUT ROWID;

            -- Live themes have retired_at NULL; a retired theme keeps its row so its id is never reused.
            CREATE TABLE themes (
                id            TEXT PRIMARY KEY,
                item_ids      TEXT NOT NULL,
                centroid      BLOB NOT NULL,
                first_seen    TEXT NOT NULL,
                last_changed  TEXT NOT NULL,
                pinned        INTEGER NOT NULL,
                retired_at    TEXT NULL
            );
            CREATE INDEX ix_themes_live ON themes (retired_at);

            CREATE TABLE theme_events (
                seq             INTEGER PRIMARY KEY AUTOINCREMENT,
                kind            TEXT NOT NULL,
                theme_id        TEXT NOT NULL,
                other_theme_id  TEXT NULL,
                reason          TEXT NOT NULL,
                at              TEXT NOT NULL
            );
            CREATE INDEX ix_theme_events_theme ON theme_events (theme_id);
            CREATE INDEX ix_theme_events_other ON theme_events (other_theme_id);

            CREATE TABLE noise (
                item_id  TEXT PRIMARY KEY,
                since    TEXT NOT NULL
            ) WITHOUT ROWID;

            CREATE TABLE tickets (
                theme_id                    TEXT PRIMARY KEY,
                issue_id                    TEXT NOT NULL,
                identifier                  TEXT NOT NULL,
                url                         TEXT NOT NULL,
                evidence_urls               TEXT NOT NULL,
                content_key                 TEXT NOT NULL,
                item_count_at_last_comment  INTEGER NOT NULL,
                updated_at                  TEXT NOT NULL
            );
            CREATE INDEX ix_tickets_identifier ON tickets (identifier);

            CREATE TABLE ticket_intents (
                theme_id    TEXT PRIMARY KEY,
                intent_key  TEXT NOT NULL,
                created_at  TEXT NOT NULL
            );

            CREATE TABLE drafts (
                content_key  TEXT PRIMARY KEY,
                json         TEXT NOT NULL,
                created_at   TEXT NOT NULL
            );

            CREATE TABLE runs (
                run_id       TEXT PRIMARY KEY,
                started      TEXT NOT NULL,
                finished     TEXT NULL,
                status       TEXT NOT NULL,
                report_json  TEXT NULL
            );
            CREATE INDEX ix_runs_started ON runs (started);

            CREATE TABLE audit (
                seq     INTEGER PRIMARY KEY AUTOINCREMENT,
                at      TEXT NOT NULL,
                run_id  TEXT NOT NULL,
                kind    TEXT NOT NULL,
                target  TEXT NOT NULL,
                what    TEXT NOT NULL,
                why     TEXT NOT NULL,
                detail  TEXT NULL
            );
            CREATE INDEX ix_audit_at ON audit (at);
            CREATE INDEX ix_audit_run ON audit (run_id);
            """),
    ];
}
