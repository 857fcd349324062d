"""The /tindaklanjut texts and keyboards: the plan per unit, one action, the dialogue's steps."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta, tzinfo
from html import escape

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.officers.access import Scope
from bot.officers.buttons import (
    DraftCancel,
    DraftDue,
    DraftElement,
    DraftStatus,
    FollowUpAdd,
    FollowUpDelete,
    FollowUpEdit,
    FollowUpList,
    FollowUpStatus,
    FollowUpView,
)
from bot.officers.render import clip, element_name, period_text, unit_head
from service.directory import Directory
from service.i18n import number, t
from skm.analysis import Priority
from skm.followup import DUE_PRESETS, MAX_AHEAD_DAYS, MAX_TEXT, STATUSES, Status
from skm.period import Period
from skm.questionnaire import ELEMENT_CODES, Lang
from storage.followups import Draft, FollowUp

DATE = "%d-%m-%Y"
_MOMENT = "%d-%m-%Y %H:%M"
# The list keeps under Telegram's 4,096 characters: actions are cut short, and once the
# text nears the limit the rest are counted, not shown (the workbook has them all).
_LIST_BUDGET = 3500
_ACTION_CLIP = 80
_PERSON_CLIP = 40
_BUTTONS_A_ROW = 5

Page = tuple[str, InlineKeyboardMarkup | None]


@dataclass(frozen=True)
class UnitPlan:
    """One unit's weakest elements in the period and its recorded actions."""

    code: str
    weakest: list[Priority]
    actions: list[FollowUp]


@dataclass(frozen=True)
class Plan:
    """What /tindaklanjut shows: the units of a selection and the day it is read on."""

    period: Period
    office: str | None
    units: list[UnitPlan]
    today: date


def status_word(status: Status, lang: Lang) -> str:
    """A status as people read it: rencana, berjalan, selesai."""
    return t(lang, f"followup.status.{status}")


def late(action: FollowUp, today: date) -> bool:
    """Whether an action is not done and its deadline has passed."""
    return action.status != "selesai" and action.due < today


def _item(action: FollowUp, today: date, lang: Lang) -> str:
    return t(
        lang,
        "followup.item",
        id=action.id,
        code=action.element,
        name=element_name(action.element, lang),
        action=clip(action.action, _ACTION_CLIP),
        responsible=clip(action.responsible, _PERSON_CLIP),
        due=action.due.strftime(DATE),
        status=status_word(action.status, lang),
        late=t(lang, "followup.late") if late(action, today) else "",
    )


def _weakest(weakest: list[Priority], lang: Lang) -> str:
    if not weakest:
        return t(lang, "followup.no_answers")
    items = [
        t(
            lang,
            "followup.weakest_item",
            code=p.code,
            name=element_name(p.code, lang),
            nrr=number(p.nrr, 2, lang),
        )
        for p in weakest
    ]
    return t(lang, "followup.weakest", elements=" · ".join(items))


def plan_page(plan: Plan, directory: Directory, scope: Scope, lang: Lang, private: bool) -> Page:
    """The plan as HTML, with add and edit buttons in a private chat (none in a group)."""
    lines = [t(lang, "followup.title", period=period_text(plan.period, lang))]
    if plan.office:
        lines.append(t(lang, "officer.office", office=escape(directory.office_name(plan.office))))
    rows: list[list[InlineKeyboardButton]] = []
    size = sum(len(line) + 1 for line in lines)
    for unit in plan.units:
        block = ["", unit_head(unit.code, directory, lang), _weakest(unit.weakest, lang)]
        shown: list[FollowUp] = []
        for action in unit.actions:
            line = _item(action, plan.today, lang)
            if size + sum(len(b) + 1 for b in block) + len(line) > _LIST_BUDGET:
                break
            block.append(line)
            shown.append(action)
        if not unit.actions:
            block.append(t(lang, "followup.none"))
        elif len(shown) < len(unit.actions):
            more = len(unit.actions) - len(shown)
            block.append(t(lang, "followup.more", count=more, unit=unit.code))
        lines += block
        size += sum(len(b) + 1 for b in block)
        if private:
            rows += _unit_buttons(unit.code, plan, shown, scope, lang)
    lines += ["", t(lang, "followup.hint_private" if private else "followup.hint_group")]
    return "\n".join(lines), InlineKeyboardMarkup(rows) if rows else None


def _unit_buttons(
    code: str, plan: Plan, shown: list[FollowUp], scope: Scope, lang: Lang
) -> list[list[InlineKeyboardButton]]:
    rows: list[list[InlineKeyboardButton]] = []
    office = plan.office if plan.office is not None else scope.office
    add = FollowUpAdd(code, office, plan.period.label)
    try:
        data = add.encode()
    except ValueError:  # long codes and period over 64 bytes: the current quarter's elements
        data = FollowUpAdd(code, office, None).encode()
    label = t(lang, "followup.add_button", unit=code)
    rows.append([InlineKeyboardButton(label, callback_data=data)])
    mine = [a for a in shown if scope.covers(a.unit, a.office)]
    for start in range(0, len(mine), _BUTTONS_A_ROW):
        rows.append(
            [
                InlineKeyboardButton(
                    t(lang, "followup.item_button", id=a.id),
                    callback_data=FollowUpView(a.id).encode(),
                )
                for a in mine[start : start + _BUTTONS_A_ROW]
            ]
        )
    return rows


def _who(user_id: int, names: dict[int, str], lang: Lang) -> str:
    return escape(names.get(user_id) or t(lang, "followup.admin"))


def action_page(
    action: FollowUp,
    directory: Directory,
    names: dict[int, str],
    tz: tzinfo,
    today: date,
    back: FollowUpList,
    lang: Lang,
    notice: str | None = None,
) -> Page:
    """One action in full, with its status, edit, delete and back buttons."""
    office = t(lang, "officer.all_offices")
    if action.office:
        office = directory.office_name(action.office)
    text = t(
        lang,
        "followup.view",
        id=action.id,
        unit=escape(directory.unit_name(action.unit, lang)),
        office=escape(office),
        code=action.element,
        name=element_name(action.element, lang),
        action=escape(action.action),
        responsible=escape(action.responsible),
        due=action.due.strftime(DATE),
        late=t(lang, "followup.late") if late(action, today) else "",
        status=status_word(action.status, lang),
        created=action.created_at.astimezone(tz).strftime(_MOMENT),
        created_by=_who(action.created_by, names, lang),
        updated=action.updated_at.astimezone(tz).strftime(_MOMENT),
        updated_by=_who(action.updated_by, names, lang),
    )
    if notice:
        text = f"{notice}\n\n{text}"
    statuses = [
        InlineKeyboardButton(
            ("✓ " if s == action.status else "") + t(lang, f"followup.status_button.{s}"),
            callback_data=FollowUpStatus(action.id, s).encode(),
        )
        for s in STATUSES
    ]
    edits = [
        InlineKeyboardButton(
            t(lang, f"followup.edit_{field}"),
            callback_data=FollowUpEdit(action.id, field).encode(),
        )
        for field in ("action", "responsible", "due")
    ]
    last = [
        InlineKeyboardButton(
            t(lang, "followup.delete_button"),
            callback_data=FollowUpDelete(action.id, False).encode(),
        ),
        InlineKeyboardButton(t(lang, "followup.back_button"), callback_data=back.encode()),
    ]
    return text, InlineKeyboardMarkup([statuses, edits[:2], edits[2:], last])


def delete_page(action: FollowUp, lang: Lang) -> Page:
    """The question before deleting an action."""
    text = t(
        lang,
        "followup.delete_confirm",
        id=action.id,
        code=action.element,
        name=element_name(action.element, lang),
        action=clip(action.action, _ACTION_CLIP),
    )
    yes = InlineKeyboardButton(
        t(lang, "followup.delete_yes"), callback_data=FollowUpDelete(action.id, True).encode()
    )
    no = InlineKeyboardButton(
        t(lang, "followup.delete_no"), callback_data=FollowUpView(action.id).encode()
    )
    return text, InlineKeyboardMarkup([[yes, no]])


def _cancel(nonce: int, lang: Lang) -> list[InlineKeyboardButton]:
    label = t(lang, "followup.cancel_button")
    return [InlineKeyboardButton(label, callback_data=DraftCancel(nonce).encode())]


def example_day(today: date) -> str:
    """A date in the form asked for, a month ahead."""
    return (today + timedelta(days=30)).strftime(DATE)


def element_page(
    draft: Draft, weakest: list[Priority], period: Period, directory: Directory, lang: Lang
) -> Page:
    """The first step of a new action: its element, the weakest ones first."""
    title = t(lang, "followup.new_title", unit=escape(directory.unit_name(draft.unit, lang)))
    key = "followup.ask_element" if weakest else "followup.ask_element_nodata"
    text = f"{title}\n{t(lang, key, period=period_text(period, lang))}"
    rows = [
        [
            InlineKeyboardButton(
                t(
                    lang,
                    "followup.element_button",
                    code=p.code,
                    name=element_name(p.code, lang),
                    nrr=number(p.nrr, 2, lang),
                ),
                callback_data=DraftElement(draft.nonce, p.code).encode(),
            )
        ]
        for p in weakest
    ]
    weak = {p.code for p in weakest}
    others = [
        InlineKeyboardButton(code, callback_data=DraftElement(draft.nonce, code).encode())
        for code in ELEMENT_CODES
        if code not in weak
    ]
    rows += [others[i : i + 5] for i in range(0, len(others), 5)]
    rows.append(_cancel(draft.nonce, lang))
    return text, InlineKeyboardMarkup(rows)


def typed_page(draft: Draft, lang: Lang, current: FollowUp | None, today: date) -> Page:
    """The prompt for a typed step (action, responsible, due), new or editing `current`."""
    buttons: list[list[InlineKeyboardButton]] = []
    if draft.step == "due":
        presets = [
            InlineKeyboardButton(
                t(
                    lang,
                    "followup.due_button",
                    days=days,
                    date=(today + timedelta(days=days)).strftime(DATE),
                ),
                callback_data=DraftDue(draft.nonce, days).encode(),
            )
            for days in DUE_PRESETS
            if days <= MAX_AHEAD_DAYS
        ]
        buttons.append(presets)
    buttons.append(_cancel(draft.nonce, lang))
    values = {"max": MAX_TEXT, "example": example_day(today)}
    if current is not None:
        now = {
            "action": escape(current.action),
            "responsible": escape(current.responsible),
            "due": current.due.strftime(DATE),
        }[draft.step]
        text = t(lang, f"followup.edit_ask_{draft.step}", id=current.id, current=now, **values)
        return text, InlineKeyboardMarkup(buttons)
    element = draft.element or ""
    text = t(
        lang,
        f"followup.ask_{draft.step}",
        code=element,
        name=element_name(element, lang) if element else "",
        action=escape(draft.action or ""),
        responsible=escape(draft.responsible or ""),
        **values,
    )
    return text, InlineKeyboardMarkup(buttons)


def status_page(draft: Draft, lang: Lang) -> Page:
    """The last step of a new action: its status, which saves it."""
    due = draft.due.strftime(DATE) if draft.due else ""
    row = [
        InlineKeyboardButton(
            t(lang, f"followup.status_button.{s}"),
            callback_data=DraftStatus(draft.nonce, s).encode(),
        )
        for s in STATUSES
    ]
    return t(lang, "followup.ask_status", due=due), InlineKeyboardMarkup(
        [row, _cancel(draft.nonce, lang)]
    )


def deleted_page(followup_id: int, back: FollowUpList, lang: Lang) -> Page:
    """What is left after deleting an action: a sentence and the way back to the list."""
    button = InlineKeyboardButton(t(lang, "followup.back_button"), callback_data=back.encode())
    return t(lang, "followup.deleted", id=followup_id), InlineKeyboardMarkup([[button]])
