"""Settings, read once at start-up from the environment and `.env`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from skm.index import Weighting
from storage.database import is_postgres, shown

TELEGRAM_API = "https://api.telegram.org/bot"
_TOKEN = re.compile(r"^\d{3,20}:[A-Za-z0-9_-]{30,}$")
_USERNAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]{3,31}$")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_WEBHOOK_SECRET = re.compile(r"^[A-Za-z0-9_-]{1,256}$")  # what Telegram accepts as secret_token
TELEGRAM_WEBHOOK_PORTS = (443, 80, 88, 8443)  # the ports Telegram's own servers post to
# The value .env.example ships with: anyone who has read the repository knows it.
PLACEHOLDER_SECRET = "change-me-to-a-long-random-string"
_NEW_SECRET = "python -c 'import secrets; print(secrets.token_hex(32))'"


class ConfigError(ValueError):
    """A setting cannot be used; the message is one sentence saying what to fix."""


@dataclass(frozen=True)
class Webhook:
    """Where Telegram posts updates, and what the bot serves behind the reverse proxy."""

    url: str  # the public URL given to Telegram
    path: str  # its path, which the bot serves on SKM_WEBHOOK_LISTEN:SKM_WEBHOOK_PORT
    secret: str  # sent back by Telegram with every update; others are refused


@dataclass(frozen=True)
class WebAddress:
    """Where citizens open the web survey, and what the bot serves behind the reverse proxy."""

    url: str  # the public base URL, without a trailing slash
    path: str  # its path ("" or "/survei"), served on SKM_WEB_LISTEN:SKM_WEB_PORT

    @property
    def secure(self) -> bool:
        """Whether the browser reaches it over https (then its cookie is Secure)."""
        return self.url.startswith("https://")


_LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")


class Settings(BaseSettings):
    """Every setting of the bot; see .env.example for what each one means."""

    model_config = SettingsConfigDict(
        env_file=".env",
        env_file_encoding="utf-8",
        env_ignore_empty=True,
        extra="ignore",
        case_sensitive=False,
    )

    bot_token: SecretStr | None = None
    bot_api_base_url: str = TELEGRAM_API
    skm_bot_username: str | None = None
    # A SQLite file, or a PostgreSQL URL: postgresql://user:pass@host:5432/skm
    skm_database: str = "skm.db"
    skm_secret: SecretStr | None = None
    skm_admin_ids: Annotated[list[int], NoDecode] = Field(default_factory=list)
    skm_timezone: str = "Asia/Jakarta"
    skm_units_file: Path | None = None
    skm_weighting: Literal["0.111", "1/9"] = "0.111"
    skm_daily_limit: int = Field(default=1, ge=0)
    skm_survey_ttl_hours: int = Field(default=24, ge=1)
    skm_alerts: bool = True
    # An officer hears of a unit at most once in this many minutes (0: at every response).
    skm_alert_every_minutes: int = Field(default=60, ge=0)
    skm_weekly_day: Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"] = "mon"
    skm_weekly_time: time = time(7, 0)
    skm_webhook_url: str | None = None
    skm_webhook_listen: str = "127.0.0.1"
    skm_webhook_port: int = Field(default=8443, ge=1, le=65535)
    skm_webhook_secret: SecretStr | None = None
    skm_web_url: str | None = None
    skm_web_listen: str = "127.0.0.1"
    skm_web_port: int = Field(default=8080, ge=1, le=65535)
    # A kiosk left this long without an answer starts afresh for the next citizen.
    skm_kiosk_idle_seconds: int = Field(default=120, ge=5)
    skm_log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"

    @field_validator("skm_admin_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        if isinstance(value, str):
            return [part for part in re.split(r"[,\s]+", value.strip()) if part]
        return value

    @field_validator("skm_bot_username")
    @classmethod
    def _username(cls, value: str | None) -> str | None:
        if value is None:
            return None
        name = value.strip().removeprefix("@")
        if not _USERNAME.match(name):
            raise ValueError(f"{value!r} is not a bot username like SkmPolresBot")
        return name

    @field_validator("skm_database")
    @classmethod
    def _database(cls, value: str) -> str:
        if "://" in value and not is_postgres(value):
            raise ValueError(
                f"{shown(value)!r} is neither a file path nor a postgresql:// URL "
                "like postgresql://skm:password@localhost:5432/skm"
            )
        return value

    @field_validator("skm_timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"{value!r} is not a time zone name like Asia/Jakarta") from None
        return value

    @field_validator("skm_log_level", mode="before")
    @classmethod
    def _upper(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.skm_timezone)

    @property
    def weighting(self) -> Weighting:
        return Weighting(self.skm_weighting)

    def require_bot(self) -> tuple[str, bytes]:
        """The token and pseudonym key the bot needs to run; ConfigError naming what is missing."""
        token = self.bot_token.get_secret_value().strip() if self.bot_token else ""
        if not token:
            raise ConfigError(
                "BOT_TOKEN is not set: talk to @BotFather on Telegram, send /newbot, "
                "and put the token it gives you in .env as BOT_TOKEN=..."
            )
        if not _TOKEN.match(token):
            raise ConfigError(
                "BOT_TOKEN does not look like a bot token (digits, a colon, then letters): "
                "copy it again from @BotFather."
            )
        return token, self.require_secret()

    def require_secret(self) -> bytes:
        """The key of citizens' pseudonyms (every channel needs it); ConfigError if unusable."""
        secret = self.skm_secret.get_secret_value() if self.skm_secret else ""
        if len(secret) < 16:
            raise ConfigError(
                "SKM_SECRET must be at least 16 characters (it keys citizens' pseudonyms): "
                f"set it in .env, e.g. to the output of {_NEW_SECRET}."
            )
        # A key anyone can guess lets them link pseudonyms back to Telegram ids by trying
        # every id; the shipped placeholder and one repeated character are the likely ones.
        if secret.strip() == PLACEHOLDER_SECRET or len(set(secret)) == 1:
            raise ConfigError(
                "SKM_SECRET is the example value from .env.example (or one character "
                "repeated), which anyone could guess: set it in .env to the output of "
                f"{_NEW_SECRET}."
            )
        return secret.encode("utf-8")

    def require_username(self) -> str:
        """The bot's username for deep links; ConfigError saying how to set it."""
        if not self.skm_bot_username:
            raise ConfigError(
                "SKM_BOT_USERNAME is not set: put the bot's username from @BotFather "
                "(without @) in .env, e.g. SKM_BOT_USERNAME=SkmPolresBot."
            )
        return self.skm_bot_username

    def require_web(self) -> WebAddress | None:
        """The web survey's address (None: no web survey); ConfigError saying what to fix."""
        if not self.skm_web_url:
            return None
        return _web_address(self.skm_web_url)

    def require_webhook(self) -> Webhook | None:
        """The webhook to serve (None: long polling); ConfigError saying what to fix."""
        if not self.skm_webhook_url:
            return None
        url = self.skm_webhook_url.strip()
        parts = urlsplit(url)
        try:
            port = parts.port
        except ValueError:
            port = -1
        if parts.scheme not in ("http", "https") or not parts.hostname or port == -1:
            raise ConfigError(
                "SKM_WEBHOOK_URL is not a full web address: give the public URL Telegram "
                "should post to, e.g. SKM_WEBHOOK_URL=https://skm.example.go.id/telegram."
            )
        # A self-hosted Bot API server (BOT_API_BASE_URL) posts to any address; Telegram's
        # own servers only to HTTPS on a few ports.
        if self.bot_api_base_url.rstrip("/") == TELEGRAM_API:
            if parts.scheme != "https":
                raise ConfigError(
                    "SKM_WEBHOOK_URL must start with https:// (Telegram posts updates only "
                    "over HTTPS): put the bot behind a reverse proxy with a certificate."
                )
            if (port or 443) not in TELEGRAM_WEBHOOK_PORTS:
                raise ConfigError(
                    f"SKM_WEBHOOK_URL uses port {port}, but Telegram posts only to ports "
                    "443, 80, 88 or 8443: change the URL's port (the proxy may forward "
                    "to any SKM_WEBHOOK_PORT)."
                )
        secret = self.skm_webhook_secret.get_secret_value() if self.skm_webhook_secret else ""
        if not _WEBHOOK_SECRET.match(secret):
            raise ConfigError(
                "SKM_WEBHOOK_SECRET must be set to 1-256 letters, digits, _ or - (without it "
                "anyone who finds the URL could post forged answers): set it in .env, e.g. "
                "to the output of python -c 'import secrets; print(secrets.token_urlsafe(32))'."
            )
        return Webhook(url, parts.path.strip("/"), secret)


def _web_address(value: str) -> WebAddress:
    url = value.strip().rstrip("/")
    parts = urlsplit(url)
    try:
        parts.port  # noqa: B018  (raises on a port that is not a number)
        valid_port = True
    except ValueError:
        valid_port = False
    if (
        parts.scheme not in ("http", "https")
        or not parts.hostname
        or not valid_port
        or parts.query
        or parts.fragment
    ):
        raise ConfigError(
            "SKM_WEB_URL is not a full web address: give the public address citizens open, "
            "e.g. SKM_WEB_URL=https://skm.example.go.id/survei."
        )
    if parts.scheme == "http" and parts.hostname not in _LOCAL_HOSTS:
        raise ConfigError(
            "SKM_WEB_URL must start with https:// (the survey's cookie and answers must not "
            "travel in the clear): put the bot behind a reverse proxy with a certificate; "
            "http:// is only for localhost."
        )
    return WebAddress(url, parts.path.rstrip("/"))


def load_settings() -> Settings:
    """Read the settings; ConfigError with one sentence when a value is unusable."""
    try:
        return Settings()
    except ValidationError as exc:
        first = exc.errors()[0]
        name = str(first["loc"][0]).upper() if first["loc"] else "a setting"
        raise ConfigError(f"{name} is not valid: {first['msg']}; fix it in .env.") from None
