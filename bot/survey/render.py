"""What a citizen sees: one (text, keyboard) screen per survey state, in their language."""

from __future__ import annotations

from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.survey.callbacks import Action, PickButton, SwitchButton, step_data
from service.directory import Directory
from service.i18n import number, t
from skm.flow import Kind, SurveyState
from skm.profile import PROFILE_BY_KEY, PROFILE_FIELDS
from skm.questionnaire import ELEMENT_CODES, ELEMENTS, ELEMENTS_BY_CODE, Lang
from skm.records import SUGGESTION_LIMIT

Row = list[InlineKeyboardButton]


@dataclass(frozen=True)
class Screen:
    """A message as it should look: its text and its buttons (None for no buttons)."""

    text: str
    keyboard: InlineKeyboardMarkup | None = None


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
    """The language the switch button offers."""
    return "en" if lang == "id" else "id"


def _button(label: str, data: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(label, callback_data=data)


def _pairs(buttons: list[InlineKeyboardButton]) -> list[Row]:
    return [buttons[i : i + 2] for i in range(0, len(buttons), 2)]


def step_screen(
    token: str, lang: Lang, state: SurveyState, where: Place, notice: str | None = None
) -> Screen:
    """The screen of the survey's current step, with an optional notice above it."""
    step = state.current

    def press(action: Action, value: str = "") -> str:
        return step_data(token, step.key, action, value)

    nav: Row = []
    if state.step > 1:  # the first question has nothing to go back to
        nav.append(_button(t(lang, "survey.button.back"), press(Action.BACK)))
    nav.append(_button(t(lang, "survey.button.lang"), press(Action.LANG, other_lang(lang))))

    rows: list[Row]
    match step.kind:
        case Kind.WELCOME:
            questions = len(PROFILE_FIELDS) + len(ELEMENT_CODES)
            text = t(
                lang, "survey.welcome", unit=where.phrase, office=where.office, questions=questions
            )
            rows = [[_button(t(lang, "survey.button.start"), press(Action.START))]]
        case Kind.PROFILE:
            field = PROFILE_BY_KEY[step.key]
            position = PROFILE_FIELDS.index(field) + 1
            text = t(
                lang,
                "survey.profile",
                n=position,
                total=len(PROFILE_FIELDS),
                question=field.question(lang),
            )
            choices = [
                _button(c.label(lang), press(Action.CHOOSE, c.code)) for c in field.categories
            ]
            rows = _pairs(choices)
        case Kind.ELEMENT:
            element = ELEMENTS_BY_CODE[step.key]
            text = t(
                lang,
                "survey.element",
                n=state.element_position(),
                total=len(ELEMENT_CODES),
                name=element.name(lang),
                question=element.question(lang),
            )
            rows = [
                [_button(answer(lang), press(Action.CHOOSE, str(score)))]
                for score, answer in enumerate(element.answers, start=1)
            ]
        case Kind.SUGGESTION:
            limit = number(SUGGESTION_LIMIT, 0, lang)
            text = t(lang, "survey.suggestion", unit=where.phrase, limit=limit)
            rows = [[_button(t(lang, "survey.button.skip"), press(Action.SKIP))]]
        case Kind.CONFIRM:
            text = summary(lang, state, where)
            rows = [[_button(t(lang, "survey.button.confirm"), press(Action.CONFIRM))]]
    if notice:
        text = f"{notice}\n\n{text}"
    return Screen(text, InlineKeyboardMarkup([*rows, nav]))


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


def thanks(lang: Lang, where: Place) -> Screen:
    """The last screen: the response is stored."""
    return Screen(t(lang, "survey.thanks", unit=where.phrase, office=where.office))


def already_today(lang: Lang, where: Place) -> Screen:
    """The citizen has used up the day's responses for this unit."""
    return Screen(t(lang, "survey.already_today", unit=where.phrase))


def switch_prompt(
    lang: Lang, token: str, open_at: Place, unit: str, office: str, new: Place
) -> Screen:
    """A QR code of another desk with a survey open: drop the open survey, or go back to it."""
    text = t(
        lang,
        "survey.switch",
        old_unit=open_at.phrase,
        old_office=open_at.office,
        unit=new.phrase,
        office=new.office,
    )
    fresh = _button(t(lang, "survey.button.switch_new"), SwitchButton(token, unit, office).encode())
    back = _button(t(lang, "survey.button.switch_back"), SwitchButton(token).encode())
    return Screen(text, InlineKeyboardMarkup([[fresh], [back]]))


def still_open(lang: Lang, token: str, open_at: Place) -> Screen:
    """An unknown QR code with a survey open: it is still open, and can be continued."""
    text = t(lang, "survey.still_open", unit=open_at.phrase, office=open_at.office)
    back = _button(t(lang, "survey.button.continue"), SwitchButton(token).encode())
    return Screen(text, InlineKeyboardMarkup([[back]]))


def pick_unit(lang: Lang, directory: Directory, unknown: bool = False) -> Screen:
    """The list of units, for a /start without a usable QR payload."""
    text = t(lang, "survey.pick_unit")
    if unknown:
        text = f"{t(lang, 'survey.unknown_code')}\n\n{text}"
    units = [
        [_button(u.display(lang), PickButton(lang, u.code).encode())]
        for u in directory.units.values()
        if directory.offices_serving(u.code)
    ]
    switch = _button(t(lang, "survey.button.lang"), PickButton(other_lang(lang)).encode())
    return Screen(text, InlineKeyboardMarkup([*units, [switch]]))


def pick_office(lang: Lang, directory: Directory, unit: str) -> Screen:
    """The offices serving a unit, to pick where the service was received."""
    offices = [
        [_button(o.name, PickButton(lang, unit, o.code).encode())]
        for o in directory.offices_serving(unit)
    ]
    back = _button(t(lang, "survey.button.back"), PickButton(lang).encode())
    text = t(lang, "survey.pick_office", unit=directory.unit_name(unit, lang))
    return Screen(text, InlineKeyboardMarkup([*offices, [back]]))


def group_pointer(lang: Lang, link: str) -> Screen:
    """The reply to /start in a group: the survey is answered in a private chat."""
    return Screen(t(lang, "survey.group", link=link))


def text_only(lang: Lang, key: str, **values: str) -> Screen:
    """A screen with one catalogue text and no buttons."""
    return Screen(t(lang, key, **values))
