"""The web survey's public addresses: a desk's survey, its poster page, a kiosk link."""

from __future__ import annotations

import secrets


def desk_link(base_url: str, unit: str, office: str) -> str:
    """The web survey of a unit at an office."""
    return f"{base_url}/s/{unit}-{office}"


def landing_link(base_url: str, unit: str, office: str) -> str:
    """The poster's page: answer in the browser, or open Telegram."""
    return f"{base_url}/d/{unit}-{office}"


def new_kiosk_token() -> str:
    """A kiosk link's secret (192 bits, URL-safe): only its hash is stored."""
    return secrets.token_urlsafe(24)


def kiosk_link(base_url: str, token: str) -> str:
    """The address a desk's tablet opens to run the survey in kiosk mode."""
    return f"{base_url}/k/{token}"
