"""What hears of a stored response, whichever channel the citizen answered in."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from skm.questionnaire import Lang
from skm.records import Response

log = logging.getLogger(__name__)

# Where a citizen answers: the Telegram bot, the web survey, or a desk's kiosk.
Channel = Literal["telegram", "web", "kiosk"]
CHANNELS: tuple[Channel, ...] = ("telegram", "web", "kiosk")


@dataclass(frozen=True)
class StoredResponse:
    """A response as the survey stored it: its row, where it was given, whether it alerts."""

    id: int  # the responses row
    response: Response
    channel: Channel
    lang: Lang
    alerted: bool  # its officers' alerts were queued in the same transaction


ResponseListener = Callable[[StoredResponse], Awaitable[None]]


async def notify(listeners: Iterable[ResponseListener], stored: StoredResponse) -> None:
    """Hand a stored response to every listener; one failing loses nothing and stops no other."""
    for listener in listeners:
        try:
            await listener(stored)
        except Exception:
            log.exception("A response listener failed; the response itself is stored")
