"""The survey's rules that settings decide: the daily limit, expiry, and which answers alert."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

from service.config import Settings
from skm.questionnaire import ELEMENT_CODES
from skm.records import Response


def needs_alert(response: Response) -> bool:
    """Whether a response scores any element 1 (suggestions go to the weekly summary)."""
    return any(response.answers.get(c) == 1 for c in ELEMENT_CODES)


def never(response: Response) -> bool:
    """No response alerts anyone (SKM_ALERTS=false)."""
    return False


def alert_rule(settings: Settings) -> Callable[[Response], bool]:
    """The one rule for which stored responses alert the officers: none with SKM_ALERTS=false."""
    return needs_alert if settings.skm_alerts else never


@dataclass(frozen=True)
class Policy:
    """What every channel's survey obeys, as the settings give it."""

    daily_limit: int = 1  # responses per citizen, unit and local day; 0: no limit
    ttl: timedelta = timedelta(hours=24)  # an untouched survey is dropped after this long
    tz: tzinfo = field(default_factory=lambda: ZoneInfo("Asia/Jakarta"))  # where days begin
    alerts: Callable[[Response], bool] = needs_alert  # which stored responses alert officers

    @classmethod
    def from_settings(cls, settings: Settings) -> Policy:
        """The policy SKM_DAILY_LIMIT, SKM_SURVEY_TTL_HOURS, SKM_TIMEZONE and SKM_ALERTS set."""
        return cls(
            daily_limit=settings.skm_daily_limit,
            ttl=timedelta(hours=settings.skm_survey_ttl_hours),
            tz=settings.tz,
            alerts=alert_rule(settings),
        )

    def expired(self, updated_at: datetime, now: datetime) -> bool:
        """Whether a survey last changed at `updated_at` was abandoned for longer than the ttl."""
        return updated_at < now - self.ttl

    def day_start(self, now: datetime) -> datetime:
        """The local midnight the daily limit counts from."""
        return now.astimezone(self.tz).replace(hour=0, minute=0, second=0, microsecond=0)
