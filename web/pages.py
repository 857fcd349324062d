"""What a browser is shown: one page per survey state, as plain data for the templates."""

from __future__ import annotations

from dataclasses import dataclass, field

from service.i18n import number, t
from service.screen import Place, other_lang
from skm.flow import Kind, SurveyState
from skm.profile import PROFILE_BY_KEY, PROFILE_FIELDS
from skm.questionnaire import ELEMENT_CODES, ELEMENTS, ELEMENTS_BY_CODE, Lang
from skm.records import SUGGESTION_LIMIT


@dataclass(frozen=True)
class Button:
    """A submit button: its label and the `do` value it posts."""

    label: str
    do: str
    main: bool = False  # the step's answer buttons, large; others are plain


@dataclass(frozen=True)
class Line:
    """One row of the summary: a question and the answer given."""

    question: str
    answer: str


@dataclass(frozen=True)
class Page:
    """A page as the templates draw it."""

    lang: Lang
    title: str
    paragraphs: tuple[str, ...] = ()
    heading: str = ""
    progress: str = ""
    notice: str = ""
    buttons: tuple[Button, ...] = ()
    nav: tuple[Button, ...] = ()  # back and the language switch, under the answers
    summary: tuple[Line, ...] = ()
    text_box: bool = False  # the suggestion's text area
    text: str = ""  # what the text area holds: the suggestion given, when going back to it
    text_limit: int = SUGGESTION_LIMIT
    links: tuple[tuple[str, str], ...] = ()  # (label, href): pages that only link on
    fields: dict[str, str] = field(default_factory=dict)  # hidden fields of the form
    refresh: tuple[int, str] | None = None  # seconds, then go to this address
    kiosk: bool = False


def _paragraphs(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in text.split("\n\n") if p.strip())


def step_page(lang: Lang, state: SurveyState, where: Place, notice: str = "") -> Page:
    """The page of the survey's current step."""
    step = state.current
    nav: list[Button] = []
    if state.step > 1:  # the first question has nothing to go back to
        nav.append(Button(t(lang, "survey.button.back"), "back"))
    nav.append(Button(t(lang, "survey.button.lang"), f"lang:{other_lang(lang)}"))
    title = t(lang, "web.title")
    match step.kind:
        case Kind.WELCOME:
            questions = len(PROFILE_FIELDS) + len(ELEMENT_CODES)
            text = t(
                lang, "survey.welcome", unit=where.phrase, office=where.office, questions=questions
            )
            start = Button(t(lang, "survey.button.start"), "start", main=True)
            return Page(
                lang, title, _paragraphs(text), notice=notice, buttons=(start,), nav=tuple(nav)
            )
        case Kind.PROFILE:
            item = PROFILE_BY_KEY[step.key]
            position = PROFILE_FIELDS.index(item) + 1
            progress = t(lang, "web.about_you", n=position, total=len(PROFILE_FIELDS))
            buttons = tuple(
                Button(c.label(lang), f"choose:{c.code}", main=True) for c in item.categories
            )
            return Page(
                lang,
                title,
                heading=item.question(lang),
                progress=progress,
                notice=notice,
                buttons=buttons,
                nav=tuple(nav),
            )
        case Kind.ELEMENT:
            element = ELEMENTS_BY_CODE[step.key]
            progress = t(lang, "web.question", n=state.element_position(), total=len(ELEMENT_CODES))
            buttons = tuple(
                Button(answer(lang), f"choose:{score}", main=True)
                for score, answer in enumerate(element.answers, start=1)
            )
            return Page(
                lang,
                title,
                paragraphs=(element.question(lang),),
                heading=element.name(lang),
                progress=progress,
                notice=notice,
                buttons=buttons,
                nav=tuple(nav),
            )
        case Kind.SUGGESTION:
            limit = number(SUGGESTION_LIMIT, 0, lang)
            text = t(lang, "web.suggestion", unit=where.phrase, limit=limit)
            buttons = (
                Button(t(lang, "web.button.send_suggestion"), "text", main=True),
                Button(t(lang, "survey.button.skip"), "skip"),
            )
            return Page(
                lang,
                title,
                _paragraphs(text),
                heading=t(lang, "web.suggestion_title"),
                notice=notice,
                buttons=buttons,
                nav=tuple(nav),
                text_box=True,
                text=state.suggestion or "",
            )
        case Kind.CONFIRM:
            confirm = Button(t(lang, "survey.button.confirm"), "confirm", main=True)
            return Page(
                lang,
                title,
                paragraphs=(t(lang, "survey.summary.hint"),),
                heading=t(lang, "survey.summary.title"),
                notice=notice,
                buttons=(confirm,),
                nav=tuple(nav),
                summary=summary(lang, state, where),
            )
    raise AssertionError(step.kind)


def summary(lang: Lang, state: SurveyState, where: Place) -> tuple[Line, ...]:
    """Everything the citizen answered, to check before submitting."""
    none = t(lang, "survey.summary.none")
    lines = [
        Line(t(lang, "web.summary.unit"), where.unit),
        Line(t(lang, "web.summary.office"), where.office),
    ]
    for item in PROFILE_FIELDS:
        code = state.values.get(item.key)
        lines.append(Line(item.question(lang), item.label(code)(lang) if code else none))
    answers = state.answers()
    for n, element in enumerate(ELEMENTS, start=1):
        score = answers[element.code]
        shown = element.label(score, lang) if score else none
        lines.append(Line(f"{n}. {element.name(lang)}", shown))
    lines.append(Line(t(lang, "web.summary.suggestion"), state.suggestion or none))
    return tuple(lines)


def message(lang: Lang, key: str, links: tuple[tuple[str, str], ...] = (), **values: str) -> Page:
    """A page with one catalogue text and perhaps links on (thanks, limits, errors)."""
    return Page(lang, t(lang, "web.title"), _paragraphs(t(lang, key, **values)), links=links)
