"""Surveys in progress: each step is written as it is answered, so a restart loses nothing."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from skm.flow import SurveyState
from skm.questionnaire import LANGS, Lang
from skm.records import Response
from storage import alerts, responses
from storage.database import Database
from storage.responses import Channel, from_epoch, to_epoch


@dataclass(frozen=True)
class OpenSurvey:
    """One citizen's survey in progress, keyed by their pseudonym."""

    respondent: str
    token: str
    unit: str
    office: str
    state: SurveyState  # its language too: kept in the lang column
    message_id: int | None
    started_at: datetime
    updated_at: datetime
    masked_chat: int | None = None  # the chat it is shown in, masked (service/privacy.py)

    @property
    def lang(self) -> Lang:
        """The language the survey is shown in."""
        return self.state.lang


_COLUMNS = (
    "respondent, token, unit, office, lang, step, state, message_id, started_at, updated_at, "
    "masked_chat"
)


# An upsert that leaves the row as a fresh INSERT would (SQLite's INSERT OR REPLACE).
_REPLACE = ", ".join(f"{c} = excluded.{c}" for c in _COLUMNS.split(", ")[1:])


def _survey(r: Any) -> OpenSurvey:
    return OpenSurvey(
        r[0],
        r[1],
        r[2],
        r[3],
        _decode(r[5], r[6], r[4]),
        r[7],
        from_epoch(r[8]),
        from_epoch(r[9]),
        r[10],
    )


def _encode(state: SurveyState) -> str:
    return json.dumps({"values": dict(state.values), "suggestion": state.suggestion})


def _decode(step: int, text: str, lang: str) -> SurveyState:
    data = json.loads(text)
    return SurveyState(step, dict(data.get("values", {})), data.get("suggestion"), _lang(lang))


def _lang(value: str) -> Lang:
    """A stored language code as a known language; Indonesian for anything else."""
    for lang in LANGS:
        if value == lang:
            return lang
    return "id"


async def get(db: Database, respondent: str) -> OpenSurvey | None:
    """The citizen's survey in progress, if any."""
    r = await db.point(f"SELECT {_COLUMNS} FROM surveys WHERE respondent = ?", (respondent,))
    return None if r is None else _survey(r)


async def start(
    db: Database,
    respondent: str,
    token: str,
    unit: str,
    office: str,
    lang: str,
    now: datetime,
    masked_chat: int | None = None,
) -> OpenSurvey:
    """Begin a new survey for the citizen, replacing any unfinished one."""
    state = SurveyState(lang=_lang(lang))
    await db.write(
        f"INSERT INTO surveys ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?) "
        f"ON CONFLICT (respondent) DO UPDATE SET {_REPLACE}",
        (
            respondent,
            token,
            unit,
            office,
            state.lang,
            state.step,
            _encode(state),
            to_epoch(now),
            to_epoch(now),
            masked_chat,
        ),
    )
    return OpenSurvey(respondent, token, unit, office, state, None, now, now, masked_chat)


async def save(
    db: Database, survey: OpenSurvey, state: SurveyState, now: datetime, lang: str | None = None
) -> bool:
    """Move the survey to a new state if it is still where the caller saw it; False if not.

    The language written is the new state's, or `lang` where given.
    """
    changed = await db.write(
        "UPDATE surveys SET step = ?, state = ?, lang = ?, updated_at = ? "
        "WHERE respondent = ? AND token = ? AND step = ? AND state = ? AND lang = ?",
        (
            state.step,
            _encode(state),
            lang or state.lang,
            to_epoch(now),
            survey.respondent,
            survey.token,
            survey.state.step,
            _encode(survey.state),
            survey.lang,
        ),
    )
    return bool(changed)


async def set_message(db: Database, respondent: str, token: str, message_id: int | None) -> None:
    """Remember which message shows the survey, to edit it in place (None: not known)."""
    await db.write(
        "UPDATE surveys SET message_id = ? WHERE respondent = ? AND token = ?",
        (message_id, respondent, token),
    )


async def finish(
    db: Database,
    survey: OpenSurvey,
    response: Response,
    alert: bool = False,
    channel: Channel = "telegram",
) -> bool:
    """Turn the survey into one response row and delete it, atomically; False if already done.

    With `alert`, the officers' alerts are queued in the same transaction. Its commit is
    durable: a citizen who is thanked afterwards is stored even through a power cut.
    `channel` is where the citizen answered.
    """
    return await finish_stored(db, survey, response, alert, channel) is not None


async def finish_stored(
    db: Database,
    survey: OpenSurvey,
    response: Response,
    alert: bool = False,
    channel: Channel = "telegram",
) -> int | None:
    """As `finish`, returning the stored response's id; None if the survey was done before."""
    async with db.atomic(durable=True) as tx:
        deleted = await tx.execute(
            "DELETE FROM surveys WHERE respondent = ? AND token = ?",
            (survey.respondent, survey.token),
        )
        if not deleted:
            return None
        stored = await responses.insert_one(
            tx, response, survey.respondent, survey.token, survey.lang, channel
        )
        if stored is not None and alert:
            await alerts.enqueue(tx, stored, response.unit, response.office, response.submitted_at)
        return stored


async def cancel(db: Database, respondent: str) -> bool:
    """Delete the citizen's survey in progress; False if there was none."""
    return bool(await db.write("DELETE FROM surveys WHERE respondent = ?", (respondent,)))


async def expire(db: Database, before: datetime) -> int:
    """Delete surveys untouched since a moment; returns how many."""
    # Possibly many rows: on the thread, so that the loop does not wait for it.
    async with db.transaction() as tx:
        return await tx.execute("DELETE FROM surveys WHERE updated_at < ?", (to_epoch(before),))


async def touched_between(db: Database, since: datetime, before: datetime) -> list[OpenSurvey]:
    """The surveys last changed in [since, before) whose chat is known, newest change first."""
    # Possibly many rows and no index on updated_at (see migration 4): on the thread.
    rows = await db.rows(
        f"SELECT {_COLUMNS} FROM surveys WHERE updated_at >= ? AND updated_at < ? "
        "AND masked_chat IS NOT NULL ORDER BY updated_at DESC",
        (to_epoch(since), to_epoch(before)),
    )
    return [_survey(r) for r in rows]


async def count_open(db: Database) -> int:
    """How many surveys are in progress."""
    row = await db.row("SELECT count(*) FROM surveys")
    return int(row[0]) if row else 0
