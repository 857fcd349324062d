"""Compact, validated callback data for the survey's buttons (Telegram allows 64 bytes).

    s|<token>|<step>|<action>[|<value>]   a button on a survey screen
    sp|<lang>[|<unit>[|<office>]]         picking the unit, then the office, without a QR code
    sw|<token>[|<unit>|<office>]          with a survey open: go back to it, or drop it for
                                          a new one at that unit and office

The token ties a button to one survey and the step key to one screen, so a press on an
old message, a forged value or a second press is recognised by `skm.flow.advance`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from service.survey import new_token as new_token
from skm.flow import STEP_INDEX, Back, Choose, Confirm, Event, Skip, Start, SwitchLang
from skm.questionnaire import LANGS, Lang

MAX_BYTES = 64
_SURVEY = re.compile(
    r"s\|(?P<token>[A-Za-z0-9_-]{6,16})\|(?P<step>[A-Za-z0-9_]{1,16})"
    r"\|(?P<action>[a-z])(?:\|(?P<value>[A-Za-z0-9_<>-]{1,24}))?"
)
_PICK = re.compile(
    r"sp\|(?P<lang>[a-z]{2})(?:\|(?P<unit>[A-Z0-9_]{1,24})(?:\|(?P<office>[A-Z0-9_]{1,24}))?)?"
)
_SWITCH = re.compile(
    r"sw\|(?P<token>[A-Za-z0-9_-]{6,16})(?:\|(?P<unit>[A-Z0-9_]{1,24})\|(?P<office>[A-Z0-9_]{1,24}))?"
)


class Action(Enum):
    """What a survey button does."""

    START = "g"
    CHOOSE = "c"
    BACK = "b"
    SKIP = "k"
    CONFIRM = "y"
    LANG = "l"


_WITH_VALUE = frozenset((Action.CHOOSE, Action.LANG))


@dataclass(frozen=True)
class StepButton:
    """A button on a survey screen: which survey, which step, what it does."""

    token: str
    step: str
    action: Action
    value: str = ""

    def encode(self) -> str:
        """The callback data."""
        return step_data(self.token, self.step, self.action, self.value)

    def event(self) -> Event:
        """The survey event this press stands for."""
        match self.action:
            case Action.START:
                return Start()
            case Action.CHOOSE:
                return Choose(self.step, self.value)
            case Action.BACK:
                return Back(self.step)
            case Action.SKIP:
                return Skip()
            case Action.CONFIRM:
                return Confirm()
            case Action.LANG:
                return SwitchLang(self.step, self.lang or "id")

    @property
    def lang(self) -> Lang | None:
        """The language a language button switches to."""
        return _lang(self.value) if self.action is Action.LANG else None


@dataclass(frozen=True)
class PickButton:
    """A button of the unit and office picker shown when /start has no usable payload."""

    lang: Lang
    unit: str | None = None
    office: str | None = None

    def encode(self) -> str:
        """The callback data."""
        parts = ["sp", self.lang, *(p for p in (self.unit, self.office) if p)]
        return _checked("|".join(parts))


@dataclass(frozen=True)
class SwitchButton:
    """With a survey open (`token`): go back to it, or drop it for a new one at unit and office."""

    token: str
    unit: str | None = None
    office: str | None = None

    def encode(self) -> str:
        """The callback data."""
        place = f"|{self.unit}|{self.office}" if self.unit and self.office else ""
        return _checked(f"sw|{self.token}{place}")


def step_data(token: str, step: str, action: Action, value: str = "") -> str:
    """The callback data of a survey button, as `StepButton.encode` gives it.

    A screen carries up to nine of these and every press draws one, so the keyboard is
    built from this function directly rather than from a `StepButton` per button.
    """
    tail = f"|{value}" if value else ""
    return _checked(f"s|{token}|{step}|{action.value}{tail}")


def _checked(data: str) -> str:
    if len(data.encode()) > MAX_BYTES:
        raise ValueError(f"callback data longer than {MAX_BYTES} bytes: {data!r}")
    return data


def _lang(value: str | None) -> Lang | None:
    for lang in LANGS:
        if value == lang:
            return lang
    return None


def parse(data: str | None) -> StepButton | PickButton | SwitchButton | None:
    """The button behind callback data; None when it is malformed or forged."""
    if not data or len(data.encode()) > MAX_BYTES:
        return None
    if (switch := _SWITCH.fullmatch(data)) is not None:
        return SwitchButton(switch["token"], switch["unit"], switch["office"])
    if (pick := _PICK.fullmatch(data)) is not None:
        lang = _lang(pick["lang"])
        return PickButton(lang, pick["unit"], pick["office"]) if lang else None
    found = _SURVEY.fullmatch(data)
    if found is None or found["step"] not in STEP_INDEX:
        return None
    try:
        action = Action(found["action"])
    except ValueError:
        return None
    value = found["value"] or ""
    if (action in _WITH_VALUE) != bool(value):
        return None
    if action is Action.LANG and _lang(value) is None:
        return None
    return StepButton(found["token"], found["step"], action, value)
