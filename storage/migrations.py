"""The schema as numbered migrations; PRAGMA user_version records how far a file has come."""

from __future__ import annotations

_ANSWER_COLUMNS = ",\n".join(f"    u{i} INTEGER CHECK (u{i} BETWEEN 1 AND 4)" for i in range(1, 10))
_ANSWERS = ", ".join(f"u{i}" for i in range(1, 10))

MIGRATIONS: tuple[str, ...] = (
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
)
