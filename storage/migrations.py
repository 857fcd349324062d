"""The schema as numbered migrations, the same numbers on SQLite and on PostgreSQL.

How far a database has come is SQLite's PRAGMA user_version, or PostgreSQL's
schema_version table. A migration is written once, in SQL both read alike, with SQLite's
type names: on PostgreSQL `INTEGER` becomes BIGINT, `TEXT` compares byte by byte as in
SQLite (COLLATE "C"), and `id INTEGER PRIMARY KEY` numbers its rows itself (see
`storage.postgres.translate`). Only where the two differ (triggers, say) does a migration
give each its own text, as `Dialects(sqlite=..., postgres=...)`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from skm.interval import SCALE


@dataclass(frozen=True)
class Dialects:
    """A migration written twice, where SQLite and PostgreSQL cannot share one text."""

    sqlite: str
    postgres: str


Migration = str | Dialects


def known(value: str) -> str:
    """SQL for 1 where a value is known and 0 where it is NULL, as both databases compute it.

    `x IS NOT NULL` is a number in SQLite but a boolean in PostgreSQL, which will not add
    it up; x * 0 + 1 is 1, or NULL for NULL.
    """
    return f"coalesce({value} * 0 + 1, 0)"


_ANSWER_COLUMNS = ",\n".join(f"    u{i} INTEGER CHECK (u{i} BETWEEN 1 AND 4)" for i in range(1, 10))
_ANSWERS = ", ".join(f"u{i}" for i in range(1, 10))

# Migration 3: per UTC day, the sums (s1..s9) and counts (n1..n9) of each element's answers.
DAY_SECONDS = 86400
_DAY = f"submitted_at / {DAY_SECONDS}"
_DAILY_COLUMNS = ",\n".join(
    f"    s{i} INTEGER NOT NULL,\n    n{i} INTEGER NOT NULL" for i in range(1, 10)
)
_DAILY_NAMES = ", ".join(f"s{i}, n{i}" for i in range(1, 10))
_DAILY_SUMS = ", ".join(f"coalesce(sum(u{i}), 0), count(u{i})" for i in range(1, 10))


def index_value(row: str = "") -> str:
    """SQL for one respondent's mean answer × SCALE (a whole number); NULL if none answered.

    SCALE is the least common multiple of 1..9, so the division is exact; one who answered
    nothing divides by NULL (nullif), which gives NULL, and aggregates skip NULLs.
    """
    p = f"{row}." if row else ""
    total = " + ".join(f"coalesce({p}u{i}, 0)" for i in range(1, 10))
    answered = " + ".join(known(f"{p}u{i}") for i in range(1, 10))
    return f"(({total}) * {SCALE} / nullif({answered}, 0))"


# Migration 7: per day, how many respondents have an index, and the sum of it and its square.
INDEX_NAMES = "scored, score_sum, score_squares"


def index_sums(row: str = "") -> str:
    """SQL aggregates of the respondents' index values: count, sum, sum of squares."""
    m = index_value(row)
    return f"count({m}), coalesce(sum({m}), 0), coalesce(sum({m} * {m}), 0)"


def _index_of(row: str) -> str:
    m = index_value(row)
    return f"{known(m)}, coalesce({m}, 0), coalesce({m} * {m}, 0)"


def _daily_row(row: str, index: bool) -> str:
    """One response (NEW or OLD in a trigger) as a daily_totals row."""
    answers = ", ".join(f"coalesce({row}.u{i}, 0), {known(f'{row}.u{i}')}" for i in range(1, 10))
    more = f", {_index_of(row)}" if index else ""
    return f"{row}.unit, {row}.office, {row}.{_DAY}, 1, {answers}{more}"


def _daily_add(row: str, index: bool = False) -> str:
    # Qualified by the table: inside a PostgreSQL function a bare name could be ambiguous.
    t = "daily_totals"
    adds = ", ".join(
        f"s{i} = {t}.s{i} + excluded.s{i}, n{i} = {t}.n{i} + excluded.n{i}" for i in range(1, 10)
    )
    names = _DAILY_NAMES
    if index:
        names += f", {INDEX_NAMES}"
        adds += ", " + ", ".join(f"{c} = {t}.{c} + excluded.{c}" for c in INDEX_NAMES.split(", "))
    return (
        f"INSERT INTO daily_totals (unit, office, day, respondents, {names})\n"
        f"    VALUES ({_daily_row(row, index)})\n"
        "    ON CONFLICT (unit, day, office) DO UPDATE SET\n"
        f"    respondents = {t}.respondents + 1, {adds};"
    )


def _daily_remove(row: str, index: bool = False) -> str:
    subs = ", ".join(
        f"s{i} = s{i} - coalesce({row}.u{i}, 0), n{i} = n{i} - {known(f'{row}.u{i}')}"
        for i in range(1, 10)
    )
    if index:
        m = index_value(row)
        subs += (
            f", scored = scored - {known(m)}, score_sum = score_sum - coalesce({m}, 0)"
            f", score_squares = score_squares - coalesce({m} * {m}, 0)"
        )
    return (
        f"UPDATE daily_totals SET respondents = respondents - 1, {subs}\n"
        f"    WHERE unit = {row}.unit AND day = {row}.{_DAY}"
        f" AND office = {row}.office;"
    )


_DAILY_TABLE = f"""
CREATE TABLE daily_totals (
    unit TEXT NOT NULL,
    office TEXT NOT NULL,
    day INTEGER NOT NULL,                   -- {_DAY}: days since 1970-01-01, UTC
    respondents INTEGER NOT NULL,
{_DAILY_COLUMNS},
    PRIMARY KEY (unit, day, office)
) WITHOUT ROWID;
INSERT INTO daily_totals (unit, office, day, respondents, {_DAILY_NAMES})
    SELECT unit, office, {_DAY}, count(*), {_DAILY_SUMS}
    FROM responses GROUP BY unit, office, {_DAY};
"""

_INDEX_COLUMNS = f"""
ALTER TABLE daily_totals ADD COLUMN scored INTEGER NOT NULL DEFAULT 0;
ALTER TABLE daily_totals ADD COLUMN score_sum INTEGER NOT NULL DEFAULT 0;
ALTER TABLE daily_totals ADD COLUMN score_squares INTEGER NOT NULL DEFAULT 0;
UPDATE daily_totals SET scored = f.scored, score_sum = f.total, score_squares = f.squares
    FROM (SELECT unit, office, day, count(m) AS scored, coalesce(sum(m), 0) AS total,
              coalesce(sum(m * m), 0) AS squares
          FROM (SELECT unit, office, {_DAY} AS day, {index_value()} AS m FROM responses) AS r
          GROUP BY unit, office, day) AS f
    WHERE daily_totals.unit = f.unit AND daily_totals.office = f.office
        AND daily_totals.day = f.day;
"""


def _pg_daily_trigger(index: bool) -> str:
    """PostgreSQL's daily totals trigger: one function for inserts, deletes and updates."""
    return f"""
CREATE OR REPLACE FUNCTION responses_daily() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        {_daily_remove("OLD", index)}
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        {_daily_add("NEW", index)}
    END IF;
    RETURN NULL;
END
$body$;
DROP TRIGGER IF EXISTS responses_daily ON responses;
CREATE TRIGGER responses_daily
    AFTER INSERT OR DELETE OR UPDATE OF unit, office, submitted_at, {_ANSWERS} ON responses
    FOR EACH ROW EXECUTE FUNCTION responses_daily();
"""


def script(number: int, dialect: Literal["sqlite", "postgres"]) -> str:
    """The text of migration `number` (from 1) for one database."""
    migration = MIGRATIONS[number - 1]
    if isinstance(migration, Dialects):
        return migration.sqlite if dialect == "sqlite" else migration.postgres
    return migration


MIGRATIONS: tuple[Migration, ...] = (
    # 1: responses and surveys in progress.
    f"""
CREATE TABLE responses (
    id INTEGER PRIMARY KEY,
    unit TEXT NOT NULL,
    office TEXT NOT NULL,
    submitted_at INTEGER NOT NULL,          -- Unix seconds, UTC
    channel TEXT NOT NULL CHECK (channel IN ('telegram', 'import')),
    respondent TEXT,                        -- keyed pseudonym, never a Telegram id or name
    source_key TEXT UNIQUE,                 -- survey token or import row fingerprint
{_ANSWER_COLUMNS},
    gender TEXT,
    age TEXT,
    education TEXT,
    occupation TEXT,
    suggestion TEXT,
    lang TEXT
);
-- Covering index: one unit's figures for a period are read from the index alone.
CREATE INDEX responses_unit_time ON responses (unit, submitted_at, office, {_ANSWERS});
CREATE INDEX responses_time ON responses (submitted_at);
CREATE INDEX responses_respondent ON responses (respondent, unit, submitted_at)
    WHERE respondent IS NOT NULL;

CREATE TABLE surveys (
    respondent TEXT PRIMARY KEY,            -- keyed pseudonym
    token TEXT NOT NULL UNIQUE,             -- ties buttons to this one survey
    unit TEXT NOT NULL,
    office TEXT NOT NULL,
    lang TEXT NOT NULL DEFAULT 'id',
    step INTEGER NOT NULL,
    state TEXT NOT NULL,                    -- JSON: answers so far and the suggestion
    message_id INTEGER,
    started_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX surveys_updated ON surveys (updated_at);
""",
    # 2: officers (staff, so their Telegram ids are kept), invites, subscribed chats.
    """
CREATE TABLE officers (
    user_id INTEGER PRIMARY KEY,            -- Telegram user id of a staff member
    name TEXT NOT NULL,
    unit TEXT,                              -- NULL: every unit
    office TEXT,                            -- NULL: every office
    lang TEXT NOT NULL DEFAULT 'id',
    invited_by INTEGER,
    registered_at INTEGER NOT NULL          -- Unix seconds, UTC
);

CREATE TABLE invites (
    token_hash TEXT PRIMARY KEY,            -- SHA-256 of the one-time token, never the token
    unit TEXT,
    office TEXT,
    created_by INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);

CREATE TABLE subscriptions (
    chat_id INTEGER PRIMARY KEY,            -- a chat that gets the weekly summary
    unit TEXT,                              -- the subscriber's scope: NULL is every unit
    office TEXT,                            -- NULL: every office
    lang TEXT NOT NULL DEFAULT 'id',
    subscribed_by INTEGER NOT NULL,
    subscribed_at INTEGER NOT NULL
);
""",
    # 3: each unit's answers summed per office and UTC day, kept in step by triggers, so
    # that a period's figures read a few hundred rows instead of every response in it.
    Dialects(
        sqlite=_DAILY_TABLE
        + f"""
CREATE TRIGGER responses_daily_insert AFTER INSERT ON responses BEGIN
    {_daily_add("NEW")}
END;
CREATE TRIGGER responses_daily_delete AFTER DELETE ON responses BEGIN
    {_daily_remove("OLD")}
END;
CREATE TRIGGER responses_daily_update
    AFTER UPDATE OF unit, office, submitted_at, {_ANSWERS} ON responses BEGIN
    {_daily_remove("OLD")}
    {_daily_add("NEW")}
END;
""",
        postgres=_DAILY_TABLE + _pg_daily_trigger(index=False),
    ),
    # 4: every answer rewrites the survey's updated_at, and keeping an index on it cost each
    # step's write about as much as the write itself (`python -m bench`); the expiry job that
    # wanted it runs every quarter of an hour and scans the few open surveys instead.
    """
DROP INDEX IF EXISTS surveys_updated;
""",
    # 5: the alert outbox. A response that calls for attention gets a row per officer who is
    # to hear of it, written in the response's own transaction; a job sends them and marks
    # them, so that a crash or a refused send delays an alert but never drops it.
    """
CREATE TABLE alert_outbox (
    id INTEGER PRIMARY KEY,
    response_id INTEGER NOT NULL REFERENCES responses (id) ON DELETE CASCADE,
    officer_id INTEGER NOT NULL,            -- Telegram user id of a staff member
    created_at INTEGER NOT NULL,            -- Unix seconds, UTC
    attempts INTEGER NOT NULL DEFAULT 0,    -- sends that failed so far
    next_try_at INTEGER NOT NULL,           -- not sent before this moment (backoff)
    claimed_until INTEGER,                  -- a sender holds it until then
    delivered_at INTEGER,
    given_up TEXT,                          -- why it will never be sent (officer gone)
    UNIQUE (response_id, officer_id)
);
CREATE INDEX alert_outbox_due ON alert_outbox (next_try_at)
    WHERE delivered_at IS NULL AND given_up IS NULL;
""",
    # 6: where a survey in progress is shown, so that after a crash the bot can show each
    # open survey again. Masked with a key from SKM_SECRET and the survey's token (see
    # service/privacy.py), and deleted with the survey: never kept beside a response.
    """
ALTER TABLE surveys ADD COLUMN masked_chat INTEGER;
""",
    # 7: the sums behind the 95% interval of the IKM (skm/interval.py): per unit, office and
    # day, how many respondents answered anything, and the sum of each one's mean answer
    # × SCALE and of its square. Whole numbers, so the triggers add and subtract exactly.
    Dialects(
        sqlite=_INDEX_COLUMNS
        + f"""
DROP TRIGGER responses_daily_insert;
DROP TRIGGER responses_daily_delete;
DROP TRIGGER responses_daily_update;
CREATE TRIGGER responses_daily_insert AFTER INSERT ON responses BEGIN
    {_daily_add("NEW", index=True)}
END;
CREATE TRIGGER responses_daily_delete AFTER DELETE ON responses BEGIN
    {_daily_remove("OLD", index=True)}
END;
CREATE TRIGGER responses_daily_update
    AFTER UPDATE OF unit, office, submitted_at, {_ANSWERS} ON responses BEGIN
    {_daily_remove("OLD", index=True)}
    {_daily_add("NEW", index=True)}
END;
""",
        postgres=_INDEX_COLUMNS + _pg_daily_trigger(index=True),
    ),
    # 8: the follow-up plan (Rencana Tindak Lanjut): officers' actions on a unit's weak
    # elements, with who wrote them and when (officers are staff, so their ids are kept),
    # and the one dialogue each officer may have open, so that a restart loses no step.
    """
CREATE TABLE followups (
    id INTEGER PRIMARY KEY,
    unit TEXT NOT NULL,
    office TEXT,                            -- NULL: the unit at every office
    element TEXT NOT NULL CHECK (element IN ('U1','U2','U3','U4','U5','U6','U7','U8','U9')),
    action TEXT NOT NULL,                   -- plain text, at most 500 characters
    responsible TEXT NOT NULL,
    due TEXT NOT NULL,                      -- the deadline, a local date: YYYY-MM-DD
    status TEXT NOT NULL CHECK (status IN ('rencana', 'berjalan', 'selesai')),
    created_by INTEGER NOT NULL,            -- Telegram user id of a staff member
    created_at INTEGER NOT NULL,            -- Unix seconds, UTC
    updated_by INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX followups_unit ON followups (unit, due);

CREATE TABLE followup_drafts (
    officer_id INTEGER PRIMARY KEY,         -- Telegram user id of a staff member
    nonce INTEGER NOT NULL,                 -- ties the dialogue's buttons to this draft
    followup_id INTEGER REFERENCES followups (id) ON DELETE CASCADE,  -- NULL: a new one
    unit TEXT NOT NULL,
    office TEXT,
    period TEXT,                            -- whose weakest elements are offered
    step TEXT NOT NULL,                     -- what is awaited: element, action, ...
    element TEXT,
    action TEXT,
    responsible TEXT,
    due TEXT,
    updated_at INTEGER NOT NULL
);
""",
    # 9: the survey language a citizen chose by button, for their later surveys (without a
    # choice the survey follows their Telegram app). Keyed by the pseudonym alone, like a
    # response: never a Telegram id.
    """
CREATE TABLE citizen_langs (
    respondent TEXT PRIMARY KEY,            -- keyed pseudonym
    lang TEXT NOT NULL CHECK (lang IN ('id', 'en')),
    updated_at INTEGER NOT NULL             -- Unix seconds, UTC
);
""",
    # 10: an officer's NRP (police staff number), given once with /nrp, shown in /petugas.
    """
ALTER TABLE officers ADD COLUMN nrp TEXT;
""",
    # 11: responses from the web survey and a desk's kiosk beside Telegram's and imported
    # ones. SQLite cannot alter a CHECK, and rebuilding responses would cascade into the
    # alert outbox, so the table's own text gets the wider CHECK, as SQLite's ALTER TABLE
    # page allows for a change no stored row can violate ("Making Other Kinds Of Table
    # Schema Changes"). RESET reloads this connection's schema; the table made and dropped
    # moves the schema cookie on, so that every other connection reloads it too.
    # PostgreSQL names a column's CHECK <table>_<column>_check and alters it in place.
    Dialects(
        sqlite="""
PRAGMA writable_schema = ON;
UPDATE sqlite_master SET sql = replace(sql,
    'CHECK (channel IN (''telegram'', ''import''))',
    'CHECK (channel IN (''telegram'', ''web'', ''kiosk'', ''import''))')
    WHERE type = 'table' AND name = 'responses';
PRAGMA writable_schema = RESET;
CREATE TABLE migration_11 (done INTEGER);
DROP TABLE migration_11;
""",
        postgres="""
ALTER TABLE responses DROP CONSTRAINT responses_channel_check;
ALTER TABLE responses ADD CONSTRAINT responses_channel_check
    CHECK (channel IN ('telegram', 'web', 'kiosk', 'import'));
""",
    ),
    # 12: kiosk links: a tablet at a desk answers the survey for many citizens (web/). Only
    # the token's hash is kept, as for invites; an admin revokes a link by its number.
    """
CREATE TABLE kiosks (
    id INTEGER PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,        -- SHA-256 of the link's token, never the token
    unit TEXT NOT NULL,
    office TEXT NOT NULL,
    created_by INTEGER NOT NULL,            -- Telegram user id of a staff member; 0: the CLI
    created_at INTEGER NOT NULL,            -- Unix seconds, UTC
    revoked_at INTEGER                      -- NULL while the link works
);
""",
    # 13: scheduled jobs claimed per due time, so that of several bot processes sharing one
    # database exactly one runs each (the weekly summary to a chat, a quarter-hour's expiry).
    """
CREATE TABLE job_runs (
    job TEXT NOT NULL,                      -- the job's name
    due TEXT NOT NULL,                      -- which run: its due time, and what it is for
    claimed_at INTEGER NOT NULL,            -- Unix seconds, UTC
    PRIMARY KEY (job, due)
);
""",
    # 14: the unit's covering index also holds the channel: /ikm UNIT shows the figures by
    # channel (Telegram, web, kiosk), and without it that grouping read each of the
    # quarter's rows from the table (96 ms at 1,000,000 responses instead of a few).
    f"""
DROP INDEX responses_unit_time;
CREATE INDEX responses_unit_time ON responses (unit, submitted_at, office, {_ANSWERS}, channel);
""",
)
