"""Simulated citizens: each knows its planned answers, reads the screen the bot shows it, and
presses the right button, never waiting on its own, so that hundreds can take turns.

A citizen trusts only what it sees. After a press it waits for the bot's answer. If the bot
process that took the press has died without answering, it does not press again at once,
as a person who sees nothing happen would not: it waits for the screen to change (the bot
shows every recent survey again after a start) and gives up after PATIENCE seconds. After
typed text lost that way it looks at the screen again and carries on. When a press is
refused as stale while the screen stays as it was, it scans the QR code again (`/start`
with its payload) and the bot shows where it really is.

It fails the test on anything a person would call a bug: a summary that is not what it
answered, an unexpected screen or notice, or a survey that goes back to an earlier question
than one the bot had already shown without being asked to (an answer taken, then lost).
"""

from __future__ import annotations

import random
from collections import deque
from dataclasses import dataclass, field

from bot.survey import render
from bot.survey.callbacks import Action, StepButton, parse
from service.deeplink import survey_payload
from service.directory import Directory
from service.i18n import t
from skm.flow import STEP_INDEX, STEPS, Kind, SurveyState
from skm.questionnaire import LANGS, Lang
from tests.e2e.fake_telegram import FakeTelegram, Message

PATIENCE = 20.0  # seconds a citizen whose press was lost waits for the screen to change
SUGGESTION = STEP_INDEX["suggestion"]
CONFIRM = STEP_INDEX["confirm"]
ANSWERED = [i for i, s in enumerate(STEPS) if s.kind in (Kind.PROFILE, Kind.ELEMENT)]
_WORDS = ("antrean", "ruang", "tunggu", "petugas", "ramah", "cepat", "parkir", "loket", "AC",
          "formulir", "jelas", "kursi", "😊", "—")  # fmt: skip


def _notices(key: str) -> frozenset[str]:
    return frozenset(t(lang, key) for lang in LANGS)


STALE, RECORDED = _notices("survey.notice.stale"), _notices("survey.notice.recorded")


@dataclass(frozen=True)
class Plan:
    """What one citizen means to do: where it was served, what it answers, where it stops."""

    user_id: int
    unit: str
    office: str
    values: dict[str, str]  # profile field or element code -> the code or score it picks
    suggestion: str | None
    stop: int | None  # the step it walks away on; None: it confirms
    detour: int | None  # a step it first answers otherwise, then goes back and corrects
    switch_at: int | None  # the step from which on it reads English

    @property
    def payload(self) -> str:
        return survey_payload(self.unit, self.office)

    @property
    def last_step(self) -> int:
        return CONFIRM if self.stop is None else self.stop

    @property
    def lang(self) -> Lang:
        """The language the survey ends in."""
        return "en" if self.switch_at is not None and self.switch_at <= self.last_step else "id"

    def state_at(self, step: int) -> SurveyState:
        """The survey as it should be stored when the citizen stands on a step."""
        keys = {STEPS[i].key for i in ANSWERED if i < step}
        values = {k: v for k, v in self.values.items() if k in keys}
        return SurveyState(step, values, self.suggestion if step > SUGGESTION else None)

    def presses(self) -> int:
        """How many actions the plan takes when nothing goes wrong."""
        return 1 + self.last_step + 2 * (self.detour is not None) + (self.lang == "en")


def random_plan(rng: random.Random, user_id: int, directory: Directory) -> Plan:
    """A citizen with random answers; about half of them walk away somewhere on the way."""
    unit, office = rng.choice(
        [(u, o) for o in directory.offices for u in directory.offices[o].units]
    )
    values = {STEPS[i].key: rng.choice(STEPS[i].choices()) for i in ANSWERED}
    suggestion = None
    if rng.random() < 0.5:
        suggestion = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(1, 12)))
        suggestion = f"{suggestion.capitalize()} (warga {user_id})"
    stop = rng.randint(0, CONFIRM) if rng.random() < 0.45 else None
    last = CONFIRM if stop is None else stop
    detours = [i for i in ANSWERED if i < last]
    detour = rng.choice(detours) if detours and rng.random() < 0.3 else None
    switch_at = rng.randint(0, CONFIRM) if rng.random() < 0.15 else None
    return Plan(user_id, unit, office, values, suggestion, stop, detour, switch_at)


@dataclass(frozen=True)
class View:
    """A survey screen as the citizen reads it: which step, in which language, its buttons."""

    step: int
    lang: Lang
    buttons: dict[tuple[Action, str], str]  # (action, value) -> callback data


def read(message: Message) -> View | None:
    """The survey step a message shows; None for a message without survey buttons."""
    found = [(parse(b.get("callback_data")), b) for row in message.keyboard for b in row]
    buttons = {
        (s.action, s.value): str(b["callback_data"]) for s, b in found if isinstance(s, StepButton)
    }
    steps = {s.step for s, _ in found if isinstance(s, StepButton)}
    if not steps:
        return None
    assert len(steps) == 1, f"buttons of several steps on one screen: {message}"
    switch = next((value for action, value in buttons if action is Action.LANG), None)
    assert switch is not None, f"no language button on a survey screen: {message}"
    return View(STEP_INDEX[steps.pop()], "en" if switch == "id" else "id", buttons)


@dataclass
class Pending:
    """An action the bot has not answered yet."""

    update_id: int
    screen: Message  # what the citizen was looking at
    query_id: str | None = None  # for a press
    sent_before: int = 0  # for typed text: how many messages the chat had
    choice: tuple[int, str] | None = None  # a press answering a step: (step, value)
    submit: bool = False  # the press of "Kirim jawaban"
    lost_at: float | None = None  # when it was seen lost with the process that took it


@dataclass
class Citizen:
    """One simulated person working through the survey at its own pace."""

    api: FakeTelegram
    plan: Plan
    directory: Directory
    rng: random.Random
    ready_at: float = 0.0
    done: bool = False
    actions: int = 0
    lost: int = 0  # actions lost with a killed process
    gave_up: bool = False  # a lost press never shown again: it walked away
    lost_submit: bool = False  # the press it gave up on was "Kirim jawaban"
    rescans: int = 0  # QR codes scanned again because the screen lagged behind
    pending: Pending | None = None
    rescan: bool = True  # the first thing anyone does is scan the QR code
    english: bool = False
    unsure: set[int] = field(default_factory=set)  # steps that may still hold a wrong answer
    detoured: bool = False
    floor: int = 0  # the earliest step the bot may show next
    story: deque[str] = field(default_factory=lambda: deque(maxlen=40))

    @property
    def uid(self) -> int:
        return self.plan.user_id

    def thanked(self) -> bool:
        """Whether the bot has sent this citizen a thanks for a stored response."""
        return any(text in self.thanks_texts() for text in self.api.texts(self.uid))

    def thanks_texts(self) -> set[str]:
        texts = set()
        for lang in LANGS:
            where = render.place(self.directory, self.plan.unit, self.plan.office, lang)
            texts.add(t(lang, "survey.thanks", unit=where.phrase, office=where.office))
            texts.add(t(lang, "survey.recorded"))
        return texts

    def tick(self, now: float) -> bool:
        """Look at the chat and act if it is time; True when a pending action was answered."""
        if self.done or now < self.ready_at:
            return False
        if self.pending is not None:
            if not self._settle(self.pending, now):
                return False
            self.pending = None
            self.ready_at = now + self.rng.uniform(0, 0.1)  # a moment to read
            return True
        self._act()
        return False

    def fail(self, why: str) -> AssertionError:
        screen = self.api.last(self.uid) if self.api.sent_to(self.uid) else None
        lines = "\n  ".join(self.story)
        return AssertionError(
            f"citizen {self.uid}: {why}\n{self.plan}\nscreen: {screen}\n  {lines}"
        )

    def _settle(self, pending: Pending, now: float) -> bool:
        """Whether the pending action is over: answered, lost and recovered, or given up on."""
        if pending.lost_at is not None:  # a lost press: the screen has to change by itself
            if self.api.last(self.uid) != pending.screen:
                self.story.append("  the screen was shown again")
                return True
            if now - pending.lost_at > PATIENCE:
                self.story.append(f"  nothing for {PATIENCE:.0f} s: walks away")
                self.done = self.gave_up = True
                self.lost_submit = pending.submit
                return True
            return False
        if pending.query_id is not None:
            notice = self.api.answer(pending.query_id)
            if notice is not None:
                self._answered(pending, notice)
                return True
        elif self.api.sent_to(self.uid) > pending.sent_before:
            self.story.append("  got a reply")
            return True
        if self.api.lost(pending.update_id):
            self.lost += 1
            self.story.append("  lost with the bot process")
            if pending.query_id is None:
                return True  # typed text: it looks at the screen again and carries on
            pending.lost_at = now
        return False

    def _answered(self, pending: Pending, notice: str) -> None:
        self.story.append(f"  answered {notice!r}")
        if notice == "":
            if pending.choice is not None:
                step, value = pending.choice
                if value == self.plan.values[STEPS[step].key]:
                    self.unsure.discard(step)
        elif notice in STALE:
            # A crash between saving a step and drawing it leaves the screen behind.
            self.rescan = self.api.last(self.uid) == pending.screen
            self.rescans += self.rescan
        elif notice not in RECORDED:
            raise self.fail(f"unexpected notice {notice!r}")

    def _act(self) -> None:
        self.actions += 1
        if self.actions > 30 * len(STEPS):
            raise self.fail("too many actions without getting anywhere")
        if self.thanked():
            if self.plan.stop is not None:
                raise self.fail("thanked, but it never confirmed")
            self.story.append("thanked")
            self.done = True
            return
        if self.rescan or not self.api.sent_to(self.uid):  # nothing to look at: scan again
            self.rescan = False
            self._type(f"/start {self.plan.payload}")
            return
        screen = self.api.last(self.uid)
        view = read(screen)
        if view is None:
            raise self.fail("a screen without survey buttons")
        self._act_on(screen, view)

    def _act_on(self, screen: Message, view: View) -> None:
        step, plan = view.step, self.plan
        if step < self.floor:
            raise self.fail(f"back on step {step} after the bot had shown step {self.floor}")
        self.floor = step
        self.english = self.english or (plan.switch_at is not None and step >= plan.switch_at)
        if view.lang != ("en" if self.english else "id"):
            self._press(screen, view, Action.LANG, "en" if view.lang == "id" else "id")
            return
        if step - 1 in self.unsure:  # the previous answer may be the wrong one: go back
            self._press(screen, view, Action.BACK)
            self.floor = step - 1
            return
        if self.unsure - {step}:
            raise self.fail(f"on step {step} while unsure of steps {sorted(self.unsure)}")
        if step == plan.stop and not self.unsure:
            self.story.append(f"walks away on step {step}")
            self.done = True
            return
        kind = STEPS[step].kind
        if kind is Kind.WELCOME:
            self._press(screen, view, Action.START)
        elif kind in (Kind.PROFILE, Kind.ELEMENT):
            value = plan.values[STEPS[step].key]
            if step == plan.detour and not self.detoured:
                self.detoured = True
                self.unsure.add(step)
                value = self.rng.choice([v for v in STEPS[step].choices() if v != value])
            self._press(screen, view, Action.CHOOSE, value, choice=(step, value))
        elif kind is Kind.SUGGESTION:
            if plan.suggestion is None:
                self._press(screen, view, Action.SKIP)
            else:
                self._type(plan.suggestion)
        else:
            self._check_summary(screen, view)
            self._press(screen, view, Action.CONFIRM)

    def _check_summary(self, screen: Message, view: View) -> None:
        where = render.place(self.directory, self.plan.unit, self.plan.office, view.lang)
        expected = render.summary(view.lang, self.plan.state_at(CONFIRM), where)
        if not screen.text.endswith(expected):
            raise self.fail(f"the summary is not what it answered; expected:\n{expected}")

    def _press(
        self,
        screen: Message,
        view: View,
        action: Action,
        value: str = "",
        choice: tuple[int, str] | None = None,
    ) -> None:
        data = view.buttons.get((action, value))
        if data is None:
            raise self.fail(f"no {action.name} {value!r} button on step {view.step}")
        update_id, query_id = self.api.send_press(self.uid, screen, data)
        submit = action is Action.CONFIRM
        self.pending = Pending(update_id, screen, query_id=query_id, choice=choice, submit=submit)
        self.story.append(f"step {view.step} ({view.lang}): press {action.name} {value}")

    def _type(self, text: str) -> None:
        screen = self.api.last(self.uid) if self.api.sent_to(self.uid) else Message(0, "")
        sent_before = self.api.sent_to(self.uid)
        update_id = self.api.send_text(self.uid, text)
        self.pending = Pending(update_id, screen, sent_before=sent_before)
        self.story.append(f"types {text[:30]!r}")
