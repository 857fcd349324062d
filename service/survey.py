"""The survey's rules for every channel: begin, press, type, switch language, submit, cancel.

Each function takes the store (the database), the citizen's pseudonym, the channel they
answer in, the moment and the `Policy`, and returns a `Result`: what happened and the
survey as it now is. Nothing here knows Telegram or HTTP; a channel parses its input,
calls one function, and renders the result (`service.screen` describes a survey's step
without a channel). One press is one read and one committed write.

    begin(...)            open the survey for a unit and office, or resume it there:
                          STARTED, RESUMED, ELSEWHERE (a survey with answers is open at
                          another desk: ask first, then begin again with `replacing`),
                          OVER_LIMIT
    press(..., token, event)   a button: ADVANCED, SWITCHED (language), STALE, OVERTAKEN,
                          INVALID, OTHER, GONE, EXPIRED, RECORDED; a Confirm submits
    switch_language(...)  press(SwitchLang(step, lang)), and the choice kept for later surveys
    type_text(...)        the suggestion: ADVANCED, TRUNCATED, INVALID, OVERTAKEN, GONE, EXPIRED
    submit(...)           press(Confirm()): SUBMITTED with the stored response, OVER_LIMIT
                          (the survey is dropped), RECORDED, OVERTAKEN, ...
    cancel(...)           CANCELLED or GONE
    expire(store, now, policy)   every survey left longer than the ttl deleted: how many

A channel runs the calls for one citizen one at a time (the bot's turns); the store
refuses a write to a survey that moved since it was read (OVERTAKEN) in any case. The
channel is stored with the response at submit. A channel checks the unit and office it
passes to `begin` against the directory (`service.deeplink.parse_survey_payload`,
`Directory.serves`) and draws the survey's step from `service.screen.step_view`.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from enum import Enum

from service.i18n import as_lang
from service.listeners import Channel, StoredResponse
from service.policy import Policy
from skm.flow import Confirm, Event, Outcome, SwitchLang, TypeText, advance
from skm.questionnaire import Lang
from skm.records import Response
from storage import languages, responses, surveys
from storage.database import Database
from storage.surveys import OpenSurvey

# Control characters but the new line and the tab: no keyboard types them, though a browser
# can post them; NUL cannot be stored in PostgreSQL text, ESC acts in an officer's terminal.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class Happened(Enum):
    """What a call did."""

    STARTED = "started"  # a new survey, on its welcome step
    RESUMED = "resumed"  # the citizen's unfinished survey at the same unit and office
    ELSEWHERE = "elsewhere"  # a survey with answers is open at another desk: nothing changed
    OVER_LIMIT = "over_limit"  # the day's responses for the unit are given (at submit: dropped)
    ADVANCED = "advanced"  # moved on (or back) one step
    TRUNCATED = "truncated"  # moved on; the suggestion was cut to SUGGESTION_LIMIT
    SWITCHED = "switched"  # the same step in the other language
    INVALID = "invalid"  # a value (or text) this step does not take: nothing changed
    STALE = "stale"  # a press for another step of this survey (an old screen, a double press)
    OVERTAKEN = "overtaken"  # the survey changed (or went) since it was read: nothing done
    OTHER = "other"  # the token is not the open survey's: a newer survey replaced it
    GONE = "gone"  # no survey open, none stored under the token
    EXPIRED = "expired"  # abandoned longer than the policy's ttl: deleted now
    RECORDED = "recorded"  # stored before (a repeated confirm, or one after a crash)
    SUBMITTED = "submitted"  # stored now: `Result.stored`
    CANCELLED = "cancelled"  # the open survey was deleted at the citizen's wish


@dataclass(frozen=True)
class Result:
    """What a call did, the survey as it now is, and what it found before changing it."""

    happened: Happened
    survey: OpenSurvey | None  # the survey now (None: none is open, or not this one)
    found: OpenSurvey | None = None  # the open survey the call read (replaced, dropped, ...)
    lang: Lang | None = None  # to tell the outcome in; None: the channel's guess for the citizen
    stored: StoredResponse | None = None  # SUBMITTED: the response as stored

    @property
    def shown_lang(self) -> Lang | None:
        """The language of the survey now, else of what was found, else `lang`."""
        survey = self.survey or self.found
        return survey.lang if survey is not None else self.lang


def new_token() -> str:
    """A fresh survey token: 8 URL-safe characters, unguessable enough to tie presses to it."""
    return secrets.token_urlsafe(6)


async def open_survey(
    store: Database, who: str, now: datetime, policy: Policy
) -> OpenSurvey | None:
    """The citizen's survey in progress, unless it was abandoned too long ago (read only)."""
    survey = await surveys.get(store, who)
    return None if survey is None or policy.expired(survey.updated_at, now) else survey


async def chosen_lang(store: Database, who: str) -> Lang | None:
    """The language the citizen chose for an earlier survey, if they ever chose one."""
    chosen = await languages.get(store, who)
    return as_lang(chosen) if chosen else None


async def choose_lang(store: Database, who: str, lang: Lang, now: datetime) -> None:
    """Keep a language the citizen chose (outside a survey) for their later surveys."""
    if lang != await chosen_lang(store, who):
        await languages.remember(store, who, lang, now)


async def over_limit(store: Database, who: str, unit: str, now: datetime, policy: Policy) -> bool:
    """Whether the citizen has given the policy's daily limit of responses for the unit."""
    if policy.daily_limit == 0:
        return False
    given = await responses.count_since(store, who, unit, policy.day_start(now))
    return given >= policy.daily_limit


async def begin(
    store: Database,
    who: str,
    channel: Channel,
    now: datetime,
    policy: Policy,
    unit: str,
    office: str,
    lang: Lang,
    *,
    replacing: str | None = None,
    mask: Callable[[str], int | None] | None = None,
) -> Result:
    """Open the survey for a unit and office, resuming the citizen's unfinished one there.

    An unfinished survey elsewhere with answers in it is not dropped unasked (ELSEWHERE),
    unless `replacing` names its token: the citizen chose to leave it. `mask` gives, from a
    new survey's token, where the channel shows it, masked; kept while the survey is open
    so that a channel can show it again after a crash.
    """
    if await over_limit(store, who, unit, now, policy):
        return Result(Happened.OVER_LIMIT, None, lang=lang)
    found = await surveys.get(store, who)
    if found is not None and not policy.expired(found.updated_at, now):
        if (found.unit, found.office) == (unit, office):
            return Result(Happened.RESUMED, found, found)
        if found.state.step > 0 and found.token != replacing:
            return Result(Happened.ELSEWHERE, found, found)
    token = new_token()
    masked = mask(token) if mask is not None else None
    started = await surveys.start(store, who, token, unit, office, lang, now, masked)
    return Result(Happened.STARTED, started, found)


async def press(
    store: Database,
    who: str,
    channel: Channel,
    now: datetime,
    policy: Policy,
    token: str,
    event: Event,
) -> Result:
    """Apply a button of the survey `token` to the citizen's open survey; a Confirm submits."""
    survey = await surveys.get(store, who)
    if survey is None or survey.token != token:
        return await _gone(store, token, survey)
    if policy.expired(survey.updated_at, now):
        await surveys.cancel(store, who)
        return Result(Happened.EXPIRED, None, survey)
    moved = advance(survey.state, event)
    if moved.outcome is Outcome.DONE:
        return await _submit(store, survey, channel, now, policy)
    if moved.outcome is Outcome.STALE:
        return Result(Happened.STALE, survey, survey)
    if moved.outcome is Outcome.INVALID:
        return Result(Happened.INVALID, survey, survey)
    if not await surveys.save(store, survey, moved.state, now):
        return Result(Happened.OVERTAKEN, survey, survey)  # another press moved it first
    happened = Happened.ADVANCED
    if isinstance(event, SwitchLang):
        happened = Happened.SWITCHED
        await languages.remember(store, who, event.lang, now)  # for their next surveys
    return Result(happened, replace(survey, state=moved.state, updated_at=now), survey)


async def switch_language(
    store: Database,
    who: str,
    channel: Channel,
    now: datetime,
    policy: Policy,
    token: str,
    step: str,
    lang: Lang,
) -> Result:
    """Show the survey's step `step` in `lang` from now on (SWITCHED), and keep the choice."""
    return await press(store, who, channel, now, policy, token, SwitchLang(step, lang))


async def submit(
    store: Database, who: str, channel: Channel, now: datetime, policy: Policy, token: str
) -> Result:
    """Store the survey `token` as confirmed on its summary: SUBMITTED, with what was stored."""
    return await press(store, who, channel, now, policy, token, Confirm())


async def type_text(
    store: Database, who: str, channel: Channel, now: datetime, policy: Policy, text: str
) -> Result:
    """Typed text, without control characters: the answer on the suggestion step; INVALID
    anywhere else (and when nothing is left of it)."""
    text = _CONTROLS.sub("", text)
    survey = await surveys.get(store, who)
    if survey is None:
        return Result(Happened.GONE, None)
    if policy.expired(survey.updated_at, now):
        await surveys.cancel(store, who)
        return Result(Happened.EXPIRED, None, survey)
    moved = advance(survey.state, TypeText(text))
    if moved.outcome not in (Outcome.MOVED, Outcome.TRUNCATED):
        return Result(Happened.INVALID, survey, survey)
    if not await surveys.save(store, survey, moved.state, now):
        return Result(Happened.OVERTAKEN, survey, survey)
    happened = Happened.TRUNCATED if moved.outcome is Outcome.TRUNCATED else Happened.ADVANCED
    return Result(happened, replace(survey, state=moved.state, updated_at=now), survey)


async def cancel(store: Database, who: str) -> Result:
    """Delete the citizen's survey in progress, whatever step it is on."""
    found = await surveys.get(store, who)
    if found is None or not await surveys.cancel(store, who):
        return Result(Happened.GONE, None)
    return Result(Happened.CANCELLED, None, found)


async def expire(store: Database, now: datetime, policy: Policy) -> int:
    """Delete every survey abandoned longer than the policy's ttl, in any channel: how many."""
    return await surveys.expire(store, now - policy.ttl)


async def _gone(store: Database, token: str, open_now: OpenSurvey | None) -> Result:
    """A press for a survey that is not the open one: stored, replaced, expired or cancelled."""
    stored = await responses.stored_lang(store, token)
    if stored is not None:
        return Result(Happened.RECORDED, None, lang=as_lang(stored))
    # Not the open one's outcome: it is told in the citizen's language, not that survey's.
    return Result(Happened.OTHER if open_now is not None else Happened.GONE, None)


async def _submit(
    store: Database, survey: OpenSurvey, channel: Channel, now: datetime, policy: Policy
) -> Result:
    """Store a confirmed survey, unless the daily limit was reached meanwhile (then drop it)."""
    if await over_limit(store, survey.respondent, survey.unit, now, policy):
        await surveys.cancel(store, survey.respondent)
        return Result(Happened.OVER_LIMIT, None, survey)
    state = survey.state
    response = Response(
        now, survey.unit, survey.office, state.answers(), state.profile(), state.suggestion
    )
    alert = policy.alerts(response)
    row = await surveys.finish_stored(store, survey, response, alert=alert, channel=channel)
    if row is None:
        # Finished by an earlier delivery of the same press, or gone since it was read.
        if await responses.source_key_exists(store, survey.token):
            return Result(Happened.RECORDED, None, survey)
        return Result(Happened.OVERTAKEN, None, survey)
    stored = StoredResponse(row, response, channel, survey.lang, alert)
    return Result(Happened.SUBMITTED, None, survey, stored=stored)
