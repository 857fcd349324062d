"""Simulated citizens who answer the survey by pressing the buttons the bot actually sent."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

from bench.apps import AnyApplication
from bench.offline import OfflineBotApi
from bench.updates import Raw, Timing, UpdateMaker, feed
from bot.survey import callbacks
from bot.survey.callbacks import Action, StepButton
from service.directory import Directory

# A whole survey: /start, the welcome, four profile fields, nine answers, the suggestion
# (typed or skipped) and the confirmation.
WHOLE_SURVEY = 17
# Mid-survey: /start, the welcome, the profile and two answers; question 3 of 9 is showing.
MID_SURVEY = 8


@dataclass
class Citizen:
    """One person with a Telegram id of their own (the daily limit is per person and unit)."""

    user_id: int
    payload: str  # the QR code's UNIT-OFFICE
    suggestion: str | None
    sent: int = 0
    typed: bool = False


def people(directory: Directory, first_id: int, count: int, seed: int) -> Iterator[Citizen]:
    """Citizens spread over every unit and office that serves it; some 30% write a suggestion."""
    rng = random.Random(seed)
    places = [
        f"{unit}-{office.code}"
        for unit in directory.units
        for office in directory.offices_serving(unit)
    ]
    for n in range(count):
        wrote = rng.random() < 0.3
        suggestion = (
            f"Antrean di loket {n % 7 + 1} terlalu lama, mohon ditambah petugas." if wrote else None
        )
        yield Citizen(first_id + n, places[n % len(places)], suggestion)


def next_update(
    citizen: Citizen, api: OfflineBotApi, maker: UpdateMaker, rng: random.Random
) -> Raw | None:
    """What the citizen does next, seeing the chat's newest buttons; None when done."""
    uid = citizen.user_id
    if citizen.sent == 0:
        return maker.text(uid, f"/start {citizen.payload}")
    shown = api.keyboards.get(uid)
    if shown is None:  # no buttons left: the thank-you screen
        return None
    message_id, data = shown
    buttons = [b for b in map(callbacks.parse, data) if isinstance(b, StepButton)]
    actions = {b.action: b for b in buttons}
    for action in (Action.START, Action.CONFIRM):
        if action in actions:
            return maker.press(uid, message_id, actions[action].encode())
    if Action.SKIP in actions:  # the suggestion step
        if citizen.suggestion is not None and not citizen.typed:
            citizen.typed = True
            return maker.text(uid, citizen.suggestion)
        return maker.press(uid, message_id, actions[Action.SKIP].encode())
    choices = [b for b in buttons if b.action is Action.CHOOSE]
    if not choices:
        raise RuntimeError(f"citizen {uid} sees no button to press: {data}")
    return maker.press(uid, message_id, rng.choice(choices).encode())


async def drive(
    app: AnyApplication,
    api: OfflineBotApi,
    crowd: Iterator[Citizen],
    limit: int = WHOLE_SURVEY,
    window: int = 100,
    stream: list[Raw] | None = None,
    seed: int = 7,
) -> list[Timing]:
    """Feed the crowd's updates, `window` citizens at a time taking turns; each one's timing.

    Each citizen stops after `limit` updates or when the survey is done. The updates fed
    are appended to `stream`, to replay them elsewhere.
    """
    rng = random.Random(seed)
    maker = UpdateMaker()
    timings: list[Timing] = []
    while batch := [c for _, c in zip(range(window), crowd, strict=False)]:
        while batch:
            going: list[Citizen] = []
            for citizen in batch:
                raw = next_update(citizen, api, maker, rng) if citizen.sent < limit else None
                if raw is None:
                    api.forget(citizen.user_id)
                    continue
                timings.append(await feed(app, raw))
                citizen.sent += 1
                if stream is not None:
                    stream.append(raw)
                going.append(citizen)
            batch = going
    return timings
