"""The survey's steps for a browser: open, move, switch language, submit, on the shared store."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from skm.flow import Event, Outcome, SurveyState, advance
from skm.questionnaire import Lang
from skm.records import Response
from storage import responses, surveys
from storage.database import Database
from storage.surveys import OpenSurvey


def new_token() -> str:
    """A survey's token: ties posted forms to one survey."""
    return secrets.token_urlsafe(9)


async def current(db: Database, who: str, now: datetime, ttl: timedelta) -> OpenSurvey | None:
    """The browser's survey in progress; one abandoned for longer than `ttl` is dropped."""
    survey = await surveys.get(db, who)
    if survey is not None and survey.updated_at < now - ttl:
        await surveys.cancel(db, who)
        return None
    return survey


async def limit_reached(
    db: Database, who: str, unit: str, now: datetime, limit: int, tz: ZoneInfo
) -> bool:
    """Whether the browser has given `limit` responses for the unit today (0: no limit)."""
    if limit == 0:
        return False
    midnight = now.astimezone(tz).replace(hour=0, minute=0, second=0, microsecond=0)
    return await responses.count_since(db, who, unit, midnight) >= limit


async def begin(
    db: Database, who: str, unit: str, office: str, lang: Lang, now: datetime
) -> OpenSurvey:
    """A new survey for the browser at a desk, replacing any unfinished one."""
    return await surveys.start(db, who, new_token(), unit, office, lang, now)


async def move(
    db: Database, survey: OpenSurvey, event: Event, now: datetime
) -> tuple[Outcome, OpenSurvey]:
    """Apply one event and save it; STALE when another post moved the survey first."""
    moved = advance(survey.state, event)
    if moved.outcome not in (Outcome.MOVED, Outcome.TRUNCATED):
        return moved.outcome, survey
    if not await surveys.save(db, survey, moved.state, now):
        return Outcome.STALE, survey
    return moved.outcome, replace(survey, state=moved.state, updated_at=now)


async def switch_language(
    db: Database, survey: OpenSurvey, lang: Lang, now: datetime
) -> OpenSurvey | None:
    """The same step in another language; None when another post changed the survey first."""
    if not await surveys.save(db, survey, survey.state, now, lang=lang):
        return None
    return replace(survey, lang=lang, updated_at=now)


async def submit(
    db: Database, survey: OpenSurvey, now: datetime, alert_rule: Callable[[Response], bool]
) -> Response | None:
    """Store the confirmed survey as a response; None when it was stored or dropped before."""
    state: SurveyState = survey.state
    response = Response(
        now, survey.unit, survey.office, state.answers(), state.profile(), state.suggestion
    )
    if not await surveys.finish(db, survey, response, alert=alert_rule(response)):
        return None
    return response
