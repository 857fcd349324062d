"""What the web survey needs to run, as plain data the composition root fills in."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta

from service.listeners import ResponseListener
from service.policy import Policy
from web.limits import Rate

# A survey is some 35 requests: an address may make 300 at once, then one a second, so that
# ten citizens behind a desk's one Wi-Fi address can answer within two minutes of each
# other; a script flooding the bot is still stopped within a second.
REQUESTS = Rate(burst=300, per_s=1.0)
# New surveys from one address: 20 at once, then one every 3 minutes.
STARTS = Rate(burst=20, per_s=180.0)
# New surveys on a kiosk from one address: its link has no daily limit and anyone at the desk
# can copy it, so a script with it is held to a tablet's pace (a survey takes minutes).
KIOSK_STARTS = Rate(burst=10, per_s=60.0)


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Site:
    """The web survey's settings: where it is, its key, and the survey's rules."""

    base_url: str  # the public address, without a trailing slash: https://skm.example.go.id/s
    prefix: str  # its path ("" or "/survei"), which the server serves behind the proxy
    secret: bytes  # SKM_SECRET: signs cookies, keys pseudonyms and CSRF tokens
    policy: Policy = field(default_factory=Policy)  # the daily limit, expiry, alerts
    bot_username: str | None = None  # for "Open in Telegram"; None: the web alone
    # Per client address: every request, and new surveys started.
    requests: Rate = REQUESTS
    starts: Rate = STARTS
    kiosk_starts: Rate = KIOSK_STARTS
    kiosk_idle: timedelta = timedelta(minutes=2)
    kiosk_thanks_s: int = 8  # the thanks stay this long before the start screen comes back

    @property
    def secure(self) -> bool:
        """Whether cookies are Secure: the public address is https."""
        return self.base_url.startswith("https://")

    @property
    def kiosk_policy(self) -> Policy:
        """A kiosk's rules: no daily limit (one tablet, many citizens); idle means abandoned."""
        return replace(self.policy, daily_limit=0, ttl=self.kiosk_idle)


@dataclass(frozen=True)
class Hooks:
    """What the rest of the application wants from the web: the clock, and who hears of answers."""

    clock: Callable[[], datetime] = _now
    listeners: Sequence[ResponseListener] = ()
