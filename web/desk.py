"""The survey at a desk in a browser, and on a kiosk tablet: show the step, take one answer.

Every answer is a plain form post, answered with a redirect to the survey's page (so a
reload never posts twice); the survey is saved at every step, keyed by the browser's
pseudonym, so a reload, a closed tab or a restart comes back to the same question.
"""

from __future__ import annotations

import logging
import re
import time
from dataclasses import dataclass, replace
from typing import Literal

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from service import survey as service
from service.deeplink import link, survey_payload
from service.i18n import as_lang, t
from service.listeners import notify
from service.policy import Policy
from service.privacy import channel_pseudonym
from service.screen import other_lang, place, switch_question
from service.survey import Happened, Result
from skm.flow import Back, Choose, Event, Kind, Skip, Start, SurveyState
from skm.questionnaire import LANGS, Lang
from skm.records import SUGGESTION_LIMIT
from storage import kiosks, responses
from storage.surveys import OpenSurvey
from web import cookies, languages
from web.context import Web, web_of
from web.forms import FormError, read_form
from web.limits import client_key
from web.pages import Button, Page, message, step_page

log = logging.getLogger(__name__)

FIELDS = frozenset({"csrf", "token", "step", "do", "text"})
_DO = re.compile(
    r"^(start|back|skip|text|confirm|switch_new|restart|choose:[A-Za-z0-9_<>-]{1,24}|lang:(id|en))$"
)
_CODE = re.compile(r"^[A-Za-z0-9_]{1,24}-[A-Za-z0-9_]{1,24}$")
_KIOSK_TOKEN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
_NOTICES = {"empty": "web.notice.empty", "truncated": "web.notice.truncated"}


@dataclass(frozen=True)
class Desk:
    """Where a survey is answered: a unit at an office, by a citizen's browser or a kiosk."""

    unit: str
    office: str
    channel: Literal["web", "kiosk"]
    base: str  # this desk's survey page, as the browser reaches it

    @property
    def kiosk(self) -> bool:
        return self.channel == "kiosk"


def _code_desk(web: Web, code: str) -> Desk:
    """The desk a /s/UNIT-OFFICE address names; 404 for an unknown unit or office."""
    if not _CODE.match(code):
        raise HTTPException(404)
    unit, _, office = code.upper().partition("-")
    if not web.directory.serves(unit, office):
        raise HTTPException(404)
    return Desk(unit, office, "web", web.url(f"/s/{unit}-{office}"))


async def _kiosk_desk(web: Web, token: str) -> Desk:
    """The desk of a kiosk link; 404 for a token that is unknown or revoked."""
    if not _KIOSK_TOKEN.match(token):
        raise HTTPException(404)
    kiosk = await kiosks.find(web.db, token)
    if kiosk is None or not web.directory.serves(kiosk.unit, kiosk.office):
        raise HTTPException(404)
    return Desk(kiosk.unit, kiosk.office, "kiosk", web.url(f"/k/{token}"))


def _browser(web: Web, request: Request) -> tuple[str, bool]:
    """The browser's id from its cookie, or a new one (True) when it has none or a forged one."""
    known = cookies.verify(web.site.secret, request.cookies.get(cookies.COOKIE))
    return (known, False) if known else (cookies.new_id(), True)


def _keep_cookie(web: Web, response: Response, browser_id: str) -> None:
    response.set_cookie(
        cookies.COOKIE,
        cookies.sign(web.site.secret, browser_id),
        max_age=cookies.MAX_AGE_S,
        path=web.site.prefix or "/",
        secure=web.site.secure,
        httponly=True,
        samesite="lax",
    )


def _who(web: Web, desk: Desk, browser_id: str) -> str:
    return channel_pseudonym(web.site.secret, desk.channel, browser_id)


def _policy(web: Web, desk: Desk) -> Policy:
    return web.site.kiosk_policy if desk.kiosk else web.site.policy


async def _open(web: Web, desk: Desk, who: str) -> OpenSurvey | None:
    """The browser's survey in progress; on a kiosk, none once it has been left idle."""
    now = web.hooks.clock()
    survey = await service.open_survey(web.db, who, now, web.site.policy)
    if survey is not None and desk.kiosk and web.site.kiosk_policy.expired(survey.updated_at, now):
        await service.cancel(web.db, who)  # the next citizen at the tablet starts afresh
        log.info("Kiosk survey for %s at %s reset after being left idle", desk.unit, desk.office)
        return None
    return survey


def _see_other(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def _lang_query(lang: Lang) -> str:
    return f"?lang={lang}"


# --- pages -------------------------------------------------------------------------------


async def index(request: Request) -> Response:
    """Every unit and the offices serving it, each a link to its desk's page."""
    web = web_of(request)
    lang = languages.of_request(request)
    links: list[tuple[str, str]] = []
    for unit in web.directory.units.values():
        for office in web.directory.offices_serving(unit.code):
            label = f"{unit.display(lang)} · {office.name}"
            links.append((label, web.url(f"/d/{unit.code}-{office.code}{_lang_query(lang)}")))
    switch = other_lang(lang)
    links.append((t(lang, "survey.button.lang"), web.url(f"/{_lang_query(switch)}")))
    page = message(lang, "web.index", tuple(links))
    return web.render(page)


async def landing(request: Request) -> Response:
    """The poster's page: answer in Telegram or in the browser; Telegram is optional."""
    web = web_of(request)
    desk = _code_desk(web, request.path_params["code"])
    lang = languages.of_request(request)
    where = place(web.directory, desk.unit, desk.office, lang)
    links: list[tuple[str, str]] = [
        (t(lang, "web.in_browser"), f"{desk.base}{_lang_query(lang)}"),
    ]
    if web.site.bot_username:
        telegram = link(web.site.bot_username, survey_payload(desk.unit, desk.office))
        links.append((t(lang, "web.in_telegram"), telegram))
    path = f"/d/{desk.unit}-{desk.office}{_lang_query(other_lang(lang))}"
    links.append((t(lang, "survey.button.lang"), web.url(path)))
    page = message(lang, "web.landing", tuple(links), unit=where.phrase, office=where.office)
    return web.render(page)


async def survey(request: Request) -> Response:
    """A desk's survey: its page (the welcome, or the current question), or a posted answer."""
    web = web_of(request)
    desk = _code_desk(web, request.path_params["code"])
    if request.method == "POST":
        return await _answer(web, request, desk)
    return await _show(web, request, desk)


async def kiosk(request: Request) -> Response:
    """A kiosk's survey: a large start screen, then the questions; or a posted answer."""
    web = web_of(request)
    desk = await _kiosk_desk(web, request.path_params["token"])
    if request.method == "POST":
        return await _answer(web, request, desk)
    return await _show(web, request, desk)


async def _show(web: Web, request: Request, desk: Desk) -> Response:
    browser_id, fresh = _browser(web, request)
    who = _who(web, desk, browser_id)
    survey = await _open(web, desk, who)
    csrf = cookies.csrf_token(web.site.secret, browser_id)
    notice_key = _NOTICES.get(request.query_params.get("n", ""))
    action = desk.base
    if survey is not None and (survey.unit, survey.office) == (desk.unit, desk.office):
        lang = as_lang(survey.lang)
        where = place(web.directory, desk.unit, desk.office, lang)
        notice = t(lang, notice_key, limit=SUGGESTION_LIMIT) if notice_key else ""
        page = step_page(lang, survey.state, where, notice)
        form = {"csrf": csrf, "token": survey.token, "step": survey.state.current.key}
        if desk.kiosk:
            # The next citizen may find the last one's survey (until it is left idle long
            # enough): they can clear it rather than read or finish it.
            restart = Button(t(lang, "web.kiosk_restart"), "restart")
            page = replace(page, nav=(*page.nav, restart))
    elif survey is not None and survey.state.step > 0:
        page, form = _switch_page(web, desk, survey, csrf)
    else:
        lang = await _welcome_lang(web, request, desk, who)
        where = place(web.directory, desk.unit, desk.office, lang)
        now = web.hooks.clock()
        if await service.over_limit(web.db, who, desk.unit, now, _policy(web, desk)):
            page, form = message(lang, "survey.already_today", unit=where.phrase), {}
        else:
            page = step_page(lang, SurveyState(), where)
            form = {"csrf": csrf, "token": "", "step": "welcome"}
            action = f"{desk.base}{_lang_query(lang)}"
    if desk.kiosk:
        # Left idle, the page goes back to the kiosk's address, which then starts afresh.
        idle = int(web.site.kiosk_idle.total_seconds()) + 1
        page = replace(page, kiosk=True, refresh=(idle, desk.base) if form.get("token") else None)
    response = web.render(page, action=action, form=form)
    if fresh:
        _keep_cookie(web, response, browser_id)
    return response


def _switch_page(
    web: Web, desk: Desk, survey: OpenSurvey, csrf: str
) -> tuple[Page, dict[str, str]]:
    """A survey is open at another desk: start this one instead (dropping it), or go back."""
    lang = as_lang(survey.lang)
    old = place(web.directory, survey.unit, survey.office, lang)
    new = place(web.directory, desk.unit, desk.office, lang)
    text = switch_question(lang, old, new)
    back = web.url(f"/s/{survey.unit}-{survey.office}")
    page = message(lang, "web.plain", ((t(lang, "survey.button.switch_back"), back),), text=text)
    page = replace(page, buttons=(Button(t(lang, "survey.button.switch_new"), "switch_new", True),))
    return page, {"csrf": csrf, "token": survey.token, "step": ""}


async def _answer(web: Web, request: Request, desk: Desk) -> Response:
    try:
        form = await read_form(request, FIELDS)
    except FormError as exc:
        return web.error(request, exc.status, exc.key)
    browser_id = cookies.verify(web.site.secret, request.cookies.get(cookies.COOKIE))
    if browser_id is None:
        return web.error(request, 403, "web.error.session")
    if not cookies.csrf_ok(web.site.secret, browser_id, form.get("csrf")):
        return web.error(request, 403, "web.error.csrf")
    do = form.get("do")
    if not _DO.match(do):
        return web.error(request, 400, "web.error.bad_form")
    text = form.get("text").replace("\r\n", "\n")  # browsers send a new line as two characters
    if len(text) > SUGGESTION_LIMIT:
        return web.error(request, 413, "web.error.too_long")
    who = _who(web, desk, browser_id)
    survey = await _open(web, desk, who)
    token = form.get("token")
    here = survey is not None and (survey.unit, survey.office) == (desk.unit, desk.office)
    if survey is None or not token or survey.token != token or not here:
        return await _no_survey_yet(web, request, desk, who, survey, token, do)
    step = form.get("step")
    if step != survey.state.current.key:
        return _stale(web, desk, survey)
    now, policy = web.hooks.clock(), _policy(web, desk)
    if do.startswith("lang:"):
        lang = as_lang(do[5:])
        result = await service.switch_language(
            web.db, who, desk.channel, now, policy, token, step, lang
        )
    elif do == "confirm":
        result = await service.submit(web.db, who, desk.channel, now, policy, token)
    elif do == "restart":
        if not desk.kiosk:
            return web.error(request, 400, "web.error.bad_form")
        result = await service.cancel(web.db, who)
    elif do == "text":
        result = await service.type_text(web.db, who, desk.channel, now, policy, text)
    else:
        event = _event(do, step)
        if event is None:
            return web.error(request, 400, "web.error.bad_form")
        result = await service.press(web.db, who, desk.channel, now, policy, token, event)
    return await _answered(web, request, desk, survey, result, do)


async def _answered(
    web: Web, request: Request, desk: Desk, survey: OpenSurvey, result: Result, do: str
) -> Response:
    """The page after a press: the next question (by redirect), the thanks, or why not."""
    lang = result.shown_lang or as_lang(survey.lang)
    match result.happened:
        case Happened.ADVANCED | Happened.SWITCHED:
            return _see_other(desk.base)
        case Happened.CANCELLED:
            log.info("Kiosk survey for %s at %s cleared", desk.unit, desk.office)
            return _see_other(desk.base)
        case Happened.TRUNCATED:
            return _see_other(f"{desk.base}?n=truncated")
        case Happened.SUBMITTED:
            assert result.stored is not None
            log.info("Response stored for %s at %s (%s)", desk.unit, desk.office, desk.channel)
            await notify(web.hooks.listeners, result.stored)
            return _see_other(f"{desk.base}/selesai{_lang_query(lang)}")
        case Happened.OVER_LIMIT:
            log.info("Daily limit reached at submit for %s at %s", desk.unit, desk.office)
            return _see_other(desk.base)  # the page says the day's survey is done
        case Happened.INVALID if do == "text" and survey.state.current.kind is Kind.SUGGESTION:
            # An empty suggestion: ask again.
            return _see_other(f"{desk.base}?n=empty")
        case Happened.INVALID:
            return web.error(request, 400, "web.error.bad_form")
        case Happened.RECORDED:
            return web.render(message(lang, "survey.notice.recorded"), 409)
        case Happened.GONE | Happened.EXPIRED | Happened.OTHER:
            again = ((t(lang, "web.start_again"), f"{desk.base}{_lang_query(lang)}"),)
            return web.render(message(lang, "web.error.expired", again), 409)
    return _stale(web, desk, result.survey or survey)  # STALE, OVERTAKEN


def _event(do: str, step: str) -> Event | None:
    """The survey event a posted button stands for (language, text and submit aside)."""
    name, _, value = do.partition(":")
    events: dict[str, Event] = {
        "start": Start(),
        "back": Back(step),
        "skip": Skip(),
        "choose": Choose(step, value),
    }
    return events.get(name)


async def _welcome_lang(web: Web, request: Request, desk: Desk, who: str) -> Lang:
    """The language to welcome in: asked for in the address, chosen before, else the browser's.

    A kiosk's tablet is many citizens: one's choice is not the next one's welcome.
    """
    if request.query_params.get("lang") in LANGS or desk.kiosk:
        return languages.of_request(request)
    return await service.chosen_lang(web.db, who) or languages.of_request(request)


def _stale(web: Web, desk: Desk, survey: OpenSurvey) -> Response:
    """A post from a page that no longer shows the survey's question (a second tab, a replay)."""
    lang = as_lang(survey.lang)
    page = message(lang, "web.error.stale", ((t(lang, "survey.button.continue"), desk.base),))
    return web.render(page, 409)


async def _no_survey_yet(
    web: Web,
    request: Request,
    desk: Desk,
    who: str,
    survey: OpenSurvey | None,
    token: str,
    do: str,
) -> Response:
    """A post with no survey of its own open: the start, a language, a switch, or a stale form."""
    lang = await _welcome_lang(web, request, desk, who)
    if token and survey is None:
        stored = await responses.stored_lang(web.db, token)
        if stored is not None:  # the same form again after it was stored
            return web.render(message(as_lang(stored), "survey.notice.recorded"), 409)
        again = ((t(lang, "web.start_again"), f"{desk.base}{_lang_query(lang)}"),)
        return web.render(message(lang, "web.error.expired", again), 409)
    if do.startswith("lang:") and not token:
        return _see_other(f"{desk.base}{_lang_query(as_lang(do[5:]))}")
    switching = do == "switch_new" and survey is not None and token == survey.token
    if not switching and not (do == "start" and not token):
        if survey is not None:
            return _stale(web, desk, survey)
        return web.error(request, 409, "web.error.stale")
    if switching and survey is not None:
        lang = as_lang(survey.lang)
    client = client_key(request.client.host) if request.client else ""
    starts = web.kiosk_starts if desk.kiosk else web.starts
    if not starts.allow(client, time.monotonic()):
        return web.error(request, 429, "web.error.too_many")
    now, policy = web.hooks.clock(), _policy(web, desk)
    result = await service.begin(
        web.db,
        who,
        desk.channel,
        now,
        policy,
        desk.unit,
        desk.office,
        lang,
        replacing=token if switching else None,
    )
    if result.happened is Happened.STARTED and do == "start" and result.survey is not None:
        await service.press(web.db, who, desk.channel, now, policy, result.survey.token, Start())
        log.info("Web survey started for %s at %s (%s)", desk.unit, desk.office, desk.channel)
    # RESUMED (begun in another tab), ELSEWHERE (the page asks), OVER_LIMIT (the page says so)
    return _see_other(desk.base)


async def thanks(request: Request) -> Response:
    """The last page: the response is stored."""
    web = web_of(request)
    return _thanks(web, request, _code_desk(web, request.path_params["code"]))


async def kiosk_thanks(request: Request) -> Response:
    """The kiosk's thanks, which turn back into the start screen for the next citizen."""
    web = web_of(request)
    return _thanks(web, request, await _kiosk_desk(web, request.path_params["token"]))


def _thanks(web: Web, request: Request, desk: Desk) -> Response:
    lang = languages.of_request(request)
    where = place(web.directory, desk.unit, desk.office, lang)
    page = message(lang, "survey.thanks", unit=where.phrase, office=where.office)
    if desk.kiosk:
        again = ((t(lang, "web.kiosk_next"), desk.base),)
        page = replace(
            message(lang, "survey.thanks", again, unit=where.phrase, office=where.office),
            kiosk=True,
            refresh=(web.site.kiosk_thanks_s, desk.base),
        )
    return web.render(page)
