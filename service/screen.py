"""What a citizen sees of a survey, for any channel: the step's text, its choices, its links.

A channel draws a `StepView` its own way (the bot as a message with buttons, the web as a
page with a form) and sends a choice back as `service.survey.press` with the event
`Choice.event(step)` gives; the suggestion step also takes typed text (`type_text`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum
from functools import lru_cache

from service.directory import Directory
from service.i18n import as_lang, number, t
from skm.flow import Back, Choose, Confirm, Event, Kind, Skip, Start, SurveyState, SwitchLang
from skm.profile import PROFILE_BY_KEY, PROFILE_FIELDS
from skm.questionnaire import ELEMENT_CODES, ELEMENTS, ELEMENTS_BY_CODE, Lang
from skm.records import SUGGESTION_LIMIT


@dataclass(frozen=True)
class Place:
    """Where the service was received: display names, and the unit as a sentence names it."""

    unit: str
    office: str
    service: str = ""

    @property
    def phrase(self) -> str:
        """The unit inside a sentence ("the driving licence (SIM) service" in English)."""
        return self.service or self.unit


def place(directory: Directory, unit: str, office: str, lang: Lang) -> Place:
    """The display names of a unit and an office."""
    name = directory.unit_name(unit, lang)
    service = name
    if lang == "en" and name != directory.unit_name(unit, "id"):
        service = in_sentence(name)
    return Place(name, directory.office_name(office), service)


def in_sentence(name: str) -> str:
    """An English unit name as a sentence says it: "Driving licence (SIM)" -> "the driving
    licence (SIM) service"; a name that is already a service keeps its own noun."""
    head = name[:1].lower() + name[1:] if name[1:2].islower() else name  # SPKT stays SPKT
    return f"the {head}" if "service" in name.lower() else f"the {head} service"


def other_lang(lang: Lang) -> Lang:
    """The language the switch offers."""
    return "en" if lang == "id" else "id"


class Act(StrEnum):
    """What a choice on a step does."""

    START = "start"
    CHOOSE = "choose"  # with the answer's code as value
    BACK = "back"
    SKIP = "skip"
    CONFIRM = "confirm"  # submits
    LANG = "lang"  # with the language as value


@dataclass(frozen=True)
class Choice:
    """One thing to press on a step: its label in the survey's language, what it does."""

    label: str
    act: Act
    value: str = ""

    def event(self, step: str) -> Event:
        """The survey event of pressing it on the step `step` (for `service.survey.press`)."""
        match self.act:
            case Act.START:
                return Start()
            case Act.CHOOSE:
                return Choose(step, self.value)
            case Act.BACK:
                return Back(step)
            case Act.SKIP:
                return Skip()
            case Act.CONFIRM:
                return Confirm()
            case Act.LANG:
                return SwitchLang(step, as_lang(self.value))


@dataclass(frozen=True)
class StepView:
    """One step of a survey as any channel shows it."""

    step: str  # the step's key: a press names it, so a press on an old screen is STALE
    kind: Kind
    lang: Lang
    text: str  # everything above the choices, as one message: heading, question, summary
    choices: tuple[Choice, ...]  # the answers (or the one start, skip or confirm)
    back: Choice | None  # None on the welcome and the first question
    switch: Choice  # the same step in the other language
    progress: tuple[int, int] | None  # (n, total) on a profile or element question
    accepts_text: bool  # the suggestion step: typed text up to `SUGGESTION_LIMIT` answers it


def step_view(state: SurveyState, where: Place, notice: str | None = None) -> StepView:
    """The view of the survey's current step in its language, with an optional notice above."""
    if state.current.kind is Kind.CONFIRM:  # the summary shows the answers
        view = _view(state, where)
    else:  # the same for everyone at a step, language and place
        view = _step_view(state.step, state.lang, where)
    return replace(view, text=f"{notice}\n\n{view.text}") if notice else view


# Every press draws a step: those that do not show answers are made once and kept
# (16 steps, 2 languages, each unit and office: some thousand at most).
@lru_cache(maxsize=4096)
def _step_view(step: int, lang: Lang, where: Place) -> StepView:
    return _view(SurveyState(step=step, lang=lang), where)


def _view(state: SurveyState, where: Place) -> StepView:
    lang, step = state.lang, state.current
    progress: tuple[int, int] | None = None
    choices: tuple[Choice, ...]
    match step.kind:
        case Kind.WELCOME:
            questions = len(PROFILE_FIELDS) + len(ELEMENT_CODES)
            text = t(
                lang, "survey.welcome", unit=where.phrase, office=where.office, questions=questions
            )
            choices = (Choice(t(lang, "survey.button.start"), Act.START),)
        case Kind.PROFILE:
            field = PROFILE_BY_KEY[step.key]
            progress = (PROFILE_FIELDS.index(field) + 1, len(PROFILE_FIELDS))
            text = t(
                lang,
                "survey.profile",
                n=progress[0],
                total=progress[1],
                question=field.question(lang),
            )
            choices = tuple(Choice(c.label(lang), Act.CHOOSE, c.code) for c in field.categories)
        case Kind.ELEMENT:
            element = ELEMENTS_BY_CODE[step.key]
            progress = (state.element_position() or 0, len(ELEMENT_CODES))
            text = t(
                lang,
                "survey.element",
                n=progress[0],
                total=progress[1],
                name=element.name(lang),
                question=element.question(lang),
            )
            choices = tuple(
                Choice(answer(lang), Act.CHOOSE, str(score))
                for score, answer in enumerate(element.answers, start=1)
            )
        case Kind.SUGGESTION:
            limit = number(SUGGESTION_LIMIT, 0, lang)
            text = t(lang, "survey.suggestion", unit=where.phrase, limit=limit)
            choices = (Choice(t(lang, "survey.button.skip"), Act.SKIP),)
        case Kind.CONFIRM:
            text = summary(lang, state, where)
            choices = (Choice(t(lang, "survey.button.confirm"), Act.CONFIRM),)
    # The first question has nothing to go back to.
    back = Choice(t(lang, "survey.button.back"), Act.BACK) if state.step > 1 else None
    switch = Choice(t(lang, "survey.button.lang"), Act.LANG, other_lang(lang))
    return StepView(
        step.key,
        step.kind,
        lang,
        text,
        choices,
        back,
        switch,
        progress,
        step.kind is Kind.SUGGESTION,
    )


def summary(lang: Lang, state: SurveyState, where: Place) -> str:
    """Everything the citizen answered, to check before submitting."""
    lines = [
        t(lang, "survey.summary.title"),
        "",
        t(lang, "survey.summary.unit", unit=where.unit),
        t(lang, "survey.summary.office", office=where.office),
        "",
    ]
    for field in PROFILE_FIELDS:
        code = state.values.get(field.key)
        shown = field.label(code)(lang) if code else t(lang, "survey.summary.none")
        lines.append(f"{field.question(lang)}: {shown}")
    lines.append("")
    answers = state.answers()
    for n, element in enumerate(ELEMENTS, start=1):
        score = answers[element.code]
        shown = element.label(score, lang) if score else t(lang, "survey.summary.none")
        lines.append(f"{n}. {element.name(lang)}: {shown}")
    lines.append("")
    suggestion = state.suggestion or t(lang, "survey.summary.none")
    lines.append(t(lang, "survey.summary.suggestion", text=suggestion))
    lines.append("")
    lines.append(t(lang, "survey.summary.hint"))
    return "\n".join(lines)


def truncated(lang: Lang) -> str:
    """The notice that a suggestion was cut to the limit."""
    return t(lang, "survey.truncated", limit=number(SUGGESTION_LIMIT, 0, lang))


def thanks(lang: Lang, where: Place) -> str:
    """The last screen: the response is stored."""
    return t(lang, "survey.thanks", unit=where.phrase, office=where.office)


def already_today(lang: Lang, where: Place) -> str:
    """The citizen has used up the day's responses for this unit."""
    return t(lang, "survey.already_today", unit=where.phrase)


def switch_question(lang: Lang, open_at: Place, new: Place) -> str:
    """A survey is open at another desk: drop it for this desk's, or go back to it?"""
    return t(
        lang,
        "survey.switch",
        old_unit=open_at.phrase,
        old_office=open_at.office,
        unit=new.phrase,
        office=new.office,
    )
