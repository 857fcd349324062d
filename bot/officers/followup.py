"""/tindaklanjut (/followup): each unit's weakest elements and the actions recorded on them.

Adding or editing an action is a dialogue of buttons and typed text whose state is a row
in the database (storage.followups.Draft), keyed by the officer: a restart loses no step.
"""

from __future__ import annotations

import secrets
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import ApplicationHandlerStop

from bot.context import BotContext
from bot.officers import followup_render as render
from bot.officers.access import (
    Scope,
    Viewer,
    officers_only,
    private_only,
    refuse,
    reply,
    show,
    stale,
    viewer_of,
)
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
    parse,
)
from bot.officers.selection import selection
from service.directory import Directory
from service.i18n import t
from service.privacy import pseudonym
from skm.analysis import Priority, weakest_elements
from skm.followup import (
    DUE_PRESETS,
    MAX_AHEAD_DAYS,
    MAX_TEXT,
    TYPED,
    FollowUpInputError,
    as_step,
    clean_text,
    due_in,
    next_step,
    parse_due,
)
from skm.index import EMPTY, Weighting, ikm_from_totals
from skm.period import Period, current_quarter, parse_period
from skm.questionnaire import ELEMENT_CODES, Lang
from storage import followups, officers, responses, surveys
from storage.database import Database
from storage.followups import Draft, FollowUp
from storage.responses import Filter

# A dialogue left this long is over: the officer's next typed text is no longer taken for it.
DRAFT_TTL = timedelta(hours=24)


async def _weakest(
    db: Database, units: list[str], office: str | None, period: Period, weighting: Weighting
) -> dict[str, list[Priority]]:
    where = Filter(start=period.start, end=period.end, units=units, office=office)
    totals = await responses.totals_by(db, "unit", where)
    return {c: weakest_elements(ikm_from_totals(totals.get(c, EMPTY), weighting)) for c in units}


async def _plan_page(
    context: BotContext,
    viewer: Viewer,
    unit: str | None,
    office: str | None,
    period: Period,
    today: date,
    private: bool,
) -> render.Page:
    state = context.bot_data
    directory, db = state.units, state.database
    units = [unit] if unit else Scope(viewer.reach.unit, office).units(directory)
    weakest = await _weakest(db, units, office, period, state.config.weighting)
    actions = await followups.for_units(db, units, office)
    plan = render.Plan(
        period,
        office,
        [render.UnitPlan(c, weakest[c], [a for a in actions if a.unit == c]) for c in units],
        today,
    )
    return render.plan_page(plan, directory, viewer.reach, viewer.lang, private)


@officers_only
async def tindaklanjut(update: Update, context: BotContext, viewer: Viewer) -> None:
    """/tindaklanjut [UNIT] [KANTOR] [PERIODE]: the plan; buttons to change it in private."""
    state = context.bot_data
    now = datetime.now(state.config.tz)
    asked = await selection(update, context, viewer, now)
    if asked is None:
        return
    chat = update.effective_chat
    # Actions are staff data, not citizens': a group may read the plan, never change it.
    private = chat is not None and chat.type == ChatType.PRIVATE
    period = asked.period or current_quarter(now)
    text, keyboard = await _plan_page(
        context, viewer, asked.unit, asked.office, period, now.date(), private
    )
    await reply(update, text, reply_markup=keyboard)


async def _names(db: Database, action: FollowUp) -> dict[int, str]:
    names: dict[int, str] = {}
    for user_id in {action.created_by, action.updated_by}:
        officer = await officers.get(db, user_id)
        if officer is not None:
            names[user_id] = officer.name
    return names


async def _action_page(
    context: BotContext, viewer: Viewer, action: FollowUp, now: datetime, notice: str | None
) -> render.Page:
    state = context.bot_data
    back = FollowUpList(action.unit, viewer.reach.office, current_quarter(now).label)
    return render.action_page(
        action,
        state.units,
        await _names(state.database, action),
        state.config.tz,
        now.date(),
        back,
        viewer.lang,
        notice,
    )


def _period(label: str | None, now: datetime) -> Period:
    if label is not None:
        try:
            return parse_period(label, now)
        except ValueError:  # a label that was valid when the button was made, no longer
            pass
    return current_quarter(now)


def _addable(directory: Directory, scope: Scope, button: FollowUpAdd) -> bool:
    if button.unit not in directory.units or scope.narrow(button.unit, button.office) is None:
        return False
    return button.office is None or directory.serves(button.unit, button.office)


@officers_only
@private_only("followup.private")
async def on_button(update: Update, context: BotContext, viewer: Viewer) -> None:
    """Every /tindaklanjut button: the list, a new action's steps, an action's changes."""
    query = update.callback_query
    assert query is not None
    state = context.bot_data
    db, lang = state.database, viewer.lang
    now = datetime.now(state.config.tz)
    button = parse(query.data)
    if isinstance(button, FollowUpList):
        asked = viewer.reach.narrow(button.unit, button.office)
        if asked is None:
            await refuse(update, t(lang, "officer.out_of_scope"))
            return
        await query.answer()
        page = await _plan_page(
            context, viewer, *asked, _period(button.period, now), now.date(), True
        )
        await show(update, *page)
    elif isinstance(button, FollowUpAdd):
        if not _addable(state.units, viewer.reach, button):
            await refuse(update, t(lang, "officer.out_of_scope"))
            return
        period = _period(button.period, now)
        office = button.office if button.office is not None else viewer.reach.office
        weakest = await _weakest(db, [button.unit], office, period, state.config.weighting)
        nonce = secrets.randbelow(999_999) + 1
        draft = Draft(viewer.user_id, nonce, None, button.unit, office, period.label, "element")
        await followups.save_draft(db, draft, now)
        await query.answer()
        page = render.element_page(draft, weakest[button.unit], period, state.units, lang)
        await show(update, *page)
    elif isinstance(button, DraftElement | DraftDue | DraftStatus | DraftCancel):
        await _draft_button(update, context, viewer, button, now)
    elif isinstance(button, FollowUpView | FollowUpStatus | FollowUpEdit | FollowUpDelete):
        await _action_button(update, context, viewer, button, now)
    else:
        await stale(query, lang)


async def _open_draft(db: Database, viewer: Viewer, nonce: int, now: datetime) -> Draft | None:
    """The officer's dialogue if a button of it was pressed and it is still open."""
    draft = await followups.get_draft(db, viewer.user_id)
    if draft is None or draft.nonce != nonce:
        return None
    if draft.updated_at is not None and draft.updated_at < now - DRAFT_TTL:
        await followups.drop_draft(db, viewer.user_id)
        return None
    if not viewer.reach.covers(draft.unit, draft.office):
        await followups.drop_draft(db, viewer.user_id)
        return None
    return draft


async def _draft_button(
    update: Update,
    context: BotContext,
    viewer: Viewer,
    button: DraftElement | DraftDue | DraftStatus | DraftCancel,
    now: datetime,
) -> None:
    query = update.callback_query
    assert query is not None
    state = context.bot_data
    db, lang = state.database, viewer.lang
    draft = await _open_draft(db, viewer, button.nonce, now)
    wanted = {DraftElement: "element", DraftDue: "due", DraftStatus: "status"}.get(type(button))
    if draft is None or (wanted is not None and draft.step != wanted):
        await stale(query, lang)
        return
    if isinstance(button, DraftCancel):
        await followups.drop_draft(db, viewer.user_id)
        await query.answer()
        await show(update, t(lang, "followup.cancelled"), None)
    elif isinstance(button, DraftElement):
        if button.element not in ELEMENT_CODES:
            await stale(query, lang)
            return
        draft = replace(draft, element=button.element, step="action")
        await followups.save_draft(db, draft, now)
        await query.answer()
        await show(update, *render.typed_page(draft, lang, None, now.date()))
    elif isinstance(button, DraftDue):
        if button.days not in DUE_PRESETS:
            await stale(query, lang)
            return
        await query.answer()
        await _take(update, context, viewer, draft, due_in(button.days, now.date()), now, edit=True)
    elif isinstance(button, DraftStatus):
        if not (draft.element and draft.action and draft.responsible and draft.due):
            await stale(query, lang)  # a step missing: only a forged press gets here
            return
        action = await followups.add(
            db,
            draft.unit,
            draft.office,
            draft.element,
            draft.action,
            draft.responsible,
            draft.due,
            button.status,
            viewer.user_id,
            now,
        )
        await query.answer(t(lang, "followup.saved"))
        saved = t(lang, "followup.saved")
        await show(update, *await _action_page(context, viewer, action, now, saved))


async def _action_button(
    update: Update,
    context: BotContext,
    viewer: Viewer,
    button: FollowUpView | FollowUpStatus | FollowUpEdit | FollowUpDelete,
    now: datetime,
) -> None:
    query = update.callback_query
    assert query is not None
    db, lang = context.bot_data.database, viewer.lang
    action = await followups.get(db, button.id)
    if action is None:
        await query.answer(t(lang, "followup.gone"), show_alert=True)
        return
    if not viewer.reach.covers(action.unit, action.office):
        await refuse(update, t(lang, "officer.out_of_scope"))
        return
    if isinstance(button, FollowUpView):
        await query.answer()
        await show(update, *await _action_page(context, viewer, action, now, None))
    elif isinstance(button, FollowUpStatus):
        changed = await followups.change(db, action.id, viewer.user_id, now, status=button.status)
        if changed is None:
            await query.answer(t(lang, "followup.gone"), show_alert=True)
            return
        word = render.status_word(button.status, lang)
        await query.answer(t(lang, "followup.status_set", id=action.id, status=word))
        await show(update, *await _action_page(context, viewer, changed, now, None))
    elif isinstance(button, FollowUpEdit):
        nonce = secrets.randbelow(999_999) + 1
        unit, office = action.unit, action.office
        draft = Draft(viewer.user_id, nonce, action.id, unit, office, None, button.field)
        await followups.save_draft(db, draft, now)
        await query.answer()
        await show(update, *render.typed_page(draft, lang, action, now.date()))
    elif not button.confirmed:
        await query.answer()
        await show(update, *render.delete_page(action, lang))
    else:
        await followups.delete(db, action.id)
        await query.answer(t(lang, "followup.deleted", id=action.id))
        back = FollowUpList(action.unit, viewer.reach.office, current_quarter(now).label)
        await show(update, *render.deleted_page(action.id, back, lang))


async def _take(
    update: Update,
    context: BotContext,
    viewer: Viewer,
    draft: Draft,
    value: Any,
    now: datetime,
    edit: bool,
) -> None:
    """An answer to the dialogue's current step: save an edited action, or ask the next step."""
    db, lang = context.bot_data.database, viewer.lang
    send = show if edit else reply_page
    step = as_step(draft.step)
    if draft.followup_id is not None and step in TYPED:
        changed = await followups.change(
            db, draft.followup_id, viewer.user_id, now, **{draft.step: value}
        )
        if changed is None:
            await followups.drop_draft(db, viewer.user_id)
            await send(update, t(lang, "followup.gone"), None)
            return
        notice = t(lang, "followup.saved")
        await send(update, *await _action_page(context, viewer, changed, now, notice))
        return
    following = next_step(step) if step is not None else None
    if step is None or following is None:
        return
    draft = replace(draft, **{draft.step: value}, step=following)
    await followups.save_draft(db, draft, now)
    if following == "status":
        await send(update, *render.status_page(draft, lang))
    else:
        await send(update, *render.typed_page(draft, lang, None, now.date()))


async def reply_page(update: Update, text: str, keyboard: Any) -> None:
    """A page as a new message below the officer's typed text."""
    await reply(update, text, reply_markup=keyboard)


def _bad_input(lang: Lang, reason: str, typed: str, today: date) -> str:
    return t(
        lang,
        f"followup.bad.{reason}",
        length=len(typed.strip()),
        max=MAX_TEXT,
        example=render.example_day(today),
        today=today.strftime(render.DATE),
        last=(today + timedelta(days=MAX_AHEAD_DAYS)).strftime(render.DATE),
    )


async def on_text(update: Update, context: BotContext) -> None:
    """Typed text in a private chat: an officer's answer to an open dialogue, else not ours.

    Tried before every other handler (see bot/app.py): text it takes stops there, so the
    citizen survey's suggestion step never sees it; any other text goes on as before.
    """
    chat, user, message = update.effective_chat, update.effective_user, update.effective_message
    if chat is None or user is None or message is None or message.text is None:
        return
    db = context.bot_data.database
    draft = await followups.get_draft(db, user.id)
    if draft is None:
        return
    # An officer may take the survey too (trying a poster): of the two, the text answers
    # the one they used last, so a suggestion never becomes an action nor the reverse.
    survey = await surveys.get(db, pseudonym(context.bot_data.secret, user.id))
    if survey is not None and draft.updated_at is not None and survey.updated_at > draft.updated_at:
        return
    now = datetime.now(context.bot_data.config.tz)
    viewer = await viewer_of(update, context)
    if (
        viewer.role == "citizen"
        or (draft.updated_at is not None and draft.updated_at < now - DRAFT_TTL)
        or not viewer.reach.covers(draft.unit, draft.office)
    ):
        await followups.drop_draft(db, user.id)
        return  # an old or no longer allowed dialogue: the text is the survey's
    lang, today = viewer.lang, now.date()
    if draft.step not in TYPED:
        await reply(update, t(lang, "followup.use_buttons"))
        raise ApplicationHandlerStop
    value: str | date
    try:
        value = parse_due(message.text, today) if draft.step == "due" else clean_text(message.text)
    except FollowUpInputError as exc:
        await reply(update, _bad_input(lang, exc.reason, message.text, today))
        raise ApplicationHandlerStop from None
    await _take(update, context, viewer, draft, value, now, edit=False)
    raise ApplicationHandlerStop
