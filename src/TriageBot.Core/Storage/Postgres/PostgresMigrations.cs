namespace TriageBot.Storage.Postgres;

/// <summary>A numbered schema step. Forward-only: a shipped migration is never edited, only followed.</summary>
public sealed record PostgresMigration(int Version, string Description, string Sql);

/// <summary>
/// Every schema change, in order. The tables mirror SQLite's (<see cref="Sqlite.SqliteMigrations"/>) with PostgreSQL's
/// own types: timestamptz for times, real[] for vectors, text[] for id lists. JSON stays text, so an item stored twice
/// compares byte for byte (jsonb would reorder it).
/// </summary>
public static class PostgresMigrations
{
    public static readonly IReadOnlyList<PostgresMigration> All =
    [
        new(1, "initial schema", """
            CREATE TABLE cursors (
                source      text NOT NULL,
                key         text NOT NULL,
                value       text NOT NULL,
                updated_at  timestamptz NOT NULL,
                PRIMARY KEY (source, key)
            );

            CREATE TABLE items (
                id            text PRIMARY KEY,
                source        text NOT NULL,
                location      text NOT NULL,
                content_hash  text NOT NULL,
                created_at    timestamptz NOT NULL,
                updated_at    timestamptz NOT NULL,
                first_seen    timestamptz NOT NULL,
                last_changed  timestamptz NOT NULL,
                json          text NOT NULL
            );
            CREATE INDEX ix_items_source ON items (source, location);
            CREATE INDEX ix_items_content_hash ON items (content_hash);
            CREATE INDEX ix_items_updated_at ON items (updated_at);

            CREATE TABLE embeddings (
                model         text NOT NULL,
                content_hash  text NOT NULL,
                dimensions    integer NOT NULL,
                vector        real[] NOT NULL,
                PRIMARY KEY (model, content_hash)
            );

            CREATE TABLE themes (
                id            text PRIMARY KEY,
                item_ids      text[] NOT NULL,
                centroid      real[] NOT NULL,
                first_seen    timestamptz NOT NULL,
                last_changed  timestamptz NOT NULL,
                pinned        boolean NOT NULL,
                retired_at    timestamptz NULL
            );
            CREATE INDEX ix_themes_live ON themes (retired_at);

            CREATE TABLE theme_events (
                seq             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                kind            text NOT NULL,
                theme_id        text NOT NULL,
                other_theme_id  text NULL,
                reason          text NOT NULL,
                at              timestamptz NOT NULL
            );
            CREATE INDEX ix_theme_events_theme ON theme_events (theme_id);
            CREATE INDEX ix_theme_events_other ON theme_events (other_theme_id);

            CREATE TABLE noise (
                item_id  text PRIMARY KEY,
                since    timestamptz NOT NULL
            );

            CREATE TABLE tickets (
                theme_id                    text PRIMARY KEY,
                issue_id                    text NOT NULL,
                identifier                  text NOT NULL,
                url                         text NOT NULL,
                evidence_urls               text[] NOT NULL,
                content_key                 text NOT NULL,
                item_count_at_last_comment  integer NOT NULL,
                updated_at                  timestamptz NOT NULL
            );
            CREATE INDEX ix_tickets_identifier ON tickets (identifier);

            CREATE TABLE ticket_intents (
                theme_id    text PRIMARY KEY,
                intent_key  text NOT NULL,
                created_at  timestamptz NOT NULL
            );

            CREATE TABLE drafts (
                content_key  text PRIMARY KEY,
                json         text NOT NULL,
                created_at   timestamptz NOT NULL
            );

            CREATE TABLE runs (
                seq          bigint GENERATED ALWAYS AS IDENTITY,
                run_id       text PRIMARY KEY,
                started      timestamptz NOT NULL,
                finished     timestamptz NULL,
                status       text NOT NULL,
                report_json  text NULL
            );
            CREATE INDEX ix_runs_started ON runs (started);

            CREATE TABLE audit (
                seq     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                at      timestamptz NOT NULL,
                run_id  text NOT NULL,
                kind    text NOT NULL,
                target  text NOT NULL,
                what    text NOT NULL,
                why     text NOT NULL,
                detail  text NULL
            );
            CREATE INDEX ix_audit_at ON audit (at);
            CREATE INDEX ix_audit_run ON audit (run_id);

            -- People's theme choices (split, merge, pin), shared by every node; SQLite keeps them in a file.
            CREATE TABLE theme_overrides (
                seq   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                json  text NOT NULL
            );
            """),
    ];
}
