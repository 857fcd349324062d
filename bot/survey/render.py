"""What a citizen sees in Telegram: a (text, keyboard) screen per survey state."""

from __future__ import annotations

from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.survey.callbacks import Action, PickButton, SwitchButton, step_data
from service import screen
from service.directory import Directory
from service.i18n import t
from service.screen import Act, Choice, Place, other_lang, step_view
from service.screen import place as place
from service.screen import summary as summary
from service.screen import truncated as truncated
from skm.flow import Kind, SurveyState
from skm.questionnaire import Lang

Row = list[InlineKeyboardButton]


@dataclass(frozen=True)
class Screen:
    """A message as it should look: its text and its buttons (None for no buttons)."""

    text: str
    keyboard: InlineKeyboardMarkup | None = None


def _button(label: str, data: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(label, callback_data=data)


def _pairs(buttons: list[InlineKeyboardButton]) -> list[Row]:
    return [buttons[i : i + 2] for i in range(0, len(buttons), 2)]


_ACTIONS = {
    Act.START: Action.START,
    Act.CHOOSE: Action.CHOOSE,
    Act.BACK: Action.BACK,
    Act.SKIP: Action.SKIP,
    Act.CONFIRM: Action.CONFIRM,
    Act.LANG: Action.LANG,
}


def step_screen(token: str, state: SurveyState, where: Place, notice: str | None = None) -> Screen:
    """The screen of the survey's current step, with an optional notice above it."""
    view = step_view(state, where, notice)

    def button(choice: Choice) -> InlineKeyboardButton:
        data = step_data(token, view.step, _ACTIONS[choice.act], choice.value)
        return _button(choice.label, data)

    answers = [button(c) for c in view.choices]
    rows = _pairs(answers) if view.kind is Kind.PROFILE else [[b] for b in answers]
    nav: Row = [button(view.back)] if view.back is not None else []
    nav.append(button(view.switch))
    return Screen(view.text, InlineKeyboardMarkup([*rows, nav]))


def thanks(lang: Lang, where: Place) -> Screen:
    """The last screen: the response is stored."""
    return Screen(screen.thanks(lang, where))


def already_today(lang: Lang, where: Place) -> Screen:
    """The citizen has used up the day's responses for this unit."""
    return Screen(screen.already_today(lang, where))


def switch_prompt(
    lang: Lang, token: str, open_at: Place, unit: str, office: str, new: Place
) -> Screen:
    """A QR code of another desk with a survey open: drop the open survey, or go back to it."""
    text = screen.switch_question(lang, open_at, new)
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
