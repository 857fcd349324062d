"""The survey as a declared state machine: steps are data, transitions live in `advance`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import Enum

from skm.profile import PROFILE_BY_KEY, PROFILE_FIELDS
from skm.questionnaire import ELEMENT_CODES, SCORES, Lang
from skm.records import SUGGESTION_LIMIT


class Kind(Enum):
    """What a step asks for."""

    WELCOME = "welcome"
    PROFILE = "profile"
    ELEMENT = "element"
    SUGGESTION = "suggestion"
    CONFIRM = "confirm"


@dataclass(frozen=True)
class Step:
    """One screen of the survey: a key (profile field, element code, or a name) and its kind."""

    key: str
    kind: Kind

    def choices(self) -> tuple[str, ...]:
        """The values a button on this step may carry."""
        if self.kind is Kind.PROFILE:
            return PROFILE_BY_KEY[self.key].codes
        if self.kind is Kind.ELEMENT:
            return tuple(str(s) for s in SCORES)
        return ()


STEPS: tuple[Step, ...] = (
    Step("welcome", Kind.WELCOME),
    *(Step(f.key, Kind.PROFILE) for f in PROFILE_FIELDS),
    *(Step(code, Kind.ELEMENT) for code in ELEMENT_CODES),
    Step("suggestion", Kind.SUGGESTION),
    Step("confirm", Kind.CONFIRM),
)
STEP_INDEX: dict[str, int] = {s.key: i for i, s in enumerate(STEPS)}


@dataclass(frozen=True)
class SurveyState:
    """Where one citizen is: the current step, what they answered so far, in which language."""

    step: int = 0
    values: Mapping[str, str] = field(default_factory=dict)
    suggestion: str | None = None
    lang: Lang = "id"

    @property
    def current(self) -> Step:
        return STEPS[self.step]

    def answers(self) -> dict[str, int | None]:
        """The element scores given so far, by element code."""
        return {c: int(self.values[c]) if c in self.values else None for c in ELEMENT_CODES}

    def profile(self) -> dict[str, str | None]:
        """The profile codes given so far, by field key."""
        return {f.key: self.values.get(f.key) for f in PROFILE_FIELDS}

    def element_position(self) -> int | None:
        """1-9 on an element step (for the 3/9 progress mark), else None."""
        key = self.current.key
        return ELEMENT_CODES.index(key) + 1 if self.current.kind is Kind.ELEMENT else None


@dataclass(frozen=True)
class Start:
    """The citizen pressed the start button on the welcome screen."""


@dataclass(frozen=True)
class Choose:
    """A button press: the step it was shown on and the value it carries."""

    step: str
    value: str


@dataclass(frozen=True)
class Back:
    """Go back one step; `step` is where the button was shown."""

    step: str


@dataclass(frozen=True)
class TypeText:
    """Free text typed by the citizen."""

    text: str


@dataclass(frozen=True)
class Skip:
    """Skip the optional suggestion."""


@dataclass(frozen=True)
class Confirm:
    """Confirm the summary and submit."""


@dataclass(frozen=True)
class SwitchLang:
    """Show the survey in another language; `step` is where the button was shown."""

    step: str
    lang: Lang


Event = Start | Choose | Back | TypeText | Skip | Confirm | SwitchLang


class Outcome(Enum):
    """What an event did: moved on, was stale or invalid here, truncated text, or finished."""

    MOVED = "moved"
    STALE = "stale"
    INVALID = "invalid"
    TRUNCATED = "truncated"
    DONE = "done"


@dataclass(frozen=True)
class Transition:
    """The state after an event and what the event did."""

    state: SurveyState
    outcome: Outcome


def advance(state: SurveyState, event: Event) -> Transition:
    """Apply one event to a survey; the only place where the survey moves."""
    step = state.current
    if isinstance(event, Start):
        if step.kind is not Kind.WELCOME:
            return Transition(state, Outcome.STALE)
        return Transition(replace(state, step=state.step + 1), Outcome.MOVED)
    if isinstance(event, Choose):
        if event.step != step.key:
            return Transition(state, Outcome.STALE)
        if event.value not in step.choices():
            return Transition(state, Outcome.INVALID)
        values = {**state.values, step.key: event.value}
        return Transition(replace(state, step=state.step + 1, values=values), Outcome.MOVED)
    if isinstance(event, Back):
        if event.step != step.key or state.step <= 1:
            return Transition(state, Outcome.STALE)
        return Transition(replace(state, step=state.step - 1), Outcome.MOVED)
    if isinstance(event, TypeText):
        if step.kind is not Kind.SUGGESTION:
            return Transition(state, Outcome.INVALID)
        text = event.text.strip()
        if not text:
            return Transition(state, Outcome.INVALID)
        moved = replace(state, step=state.step + 1, suggestion=text[:SUGGESTION_LIMIT])
        outcome = Outcome.TRUNCATED if len(text) > SUGGESTION_LIMIT else Outcome.MOVED
        return Transition(moved, outcome)
    if isinstance(event, SwitchLang):
        if event.step != step.key:
            return Transition(state, Outcome.STALE)
        return Transition(replace(state, lang=event.lang), Outcome.MOVED)
    if isinstance(event, Skip):
        if step.kind is not Kind.SUGGESTION:
            return Transition(state, Outcome.STALE)
        return Transition(replace(state, step=state.step + 1, suggestion=None), Outcome.MOVED)
    if step.kind is not Kind.CONFIRM:
        return Transition(state, Outcome.STALE)
    return Transition(state, Outcome.DONE)
