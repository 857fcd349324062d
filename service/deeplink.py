"""Deep-link payloads: `/start UNIT-OFFICE` for the survey, `/start inv-TOKEN` for invites."""

from __future__ import annotations

import re

from service.directory import Directory

# Telegram allows 64 characters of A-Za-z0-9_- in a /start payload.
PAYLOAD = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
INVITE_PREFIX = "inv-"


def survey_payload(unit: str, office: str) -> str:
    """The payload that opens the survey for a unit at an office."""
    payload = f"{unit}-{office}"
    if not PAYLOAD.match(payload):
        raise ValueError(f"{payload!r} does not fit in a deep link")
    return payload


def parse_survey_payload(payload: str, directory: Directory) -> tuple[str, str] | None:
    """(unit, office) of a valid payload for a unit the office serves; None otherwise."""
    if not PAYLOAD.match(payload) or payload.startswith(INVITE_PREFIX):
        return None
    unit, sep, office = payload.upper().partition("-")
    if not sep or not directory.serves(unit, office):
        return None
    return unit, office


def invite_payload(token: str) -> str:
    """The payload of an officer invite."""
    payload = INVITE_PREFIX + token
    if not PAYLOAD.match(payload):
        raise ValueError("an invite token must be A-Za-z0-9_- and short")
    return payload


def link(bot_username: str, payload: str) -> str:
    """The t.me link that opens the bot with a payload."""
    return f"https://t.me/{bot_username}?start={payload}"
