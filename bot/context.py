"""What handlers share, reached through typed context rather than a global."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from telegram.ext import Application, CallbackContext, ExtBot, JobQueue

from bot.turns import Turns
from service.config import Settings
from service.directory import Directory
from service.listeners import ResponseListener
from service.policy import Policy
from skm.records import Response
from storage.database import Database
from web.server import WebServer


class AppState:
    """The application's shared state: settings, directory, key, and the database."""

    def __init__(self) -> None:
        # Filled in by the composition root (settings) and post_init (database).
        self.settings: Settings | None = None
        self.directory: Directory | None = None
        self.secret: bytes = b""
        self.db: Database | None = None
        # Called after a survey response is stored, in any channel (the officers' alerts).
        self.response_listeners: list[ResponseListener] = []
        # Whether a response alerts the officers, asked as it is stored: its alerts are
        # written in the same transaction (set by the officers' side; none until then).
        self.alert_rule: Callable[[Response], bool] = _never
        self._policy: Policy | None = None  # built from the settings when first wanted
        # Admins and officers whose command menu could not be set at start (they had not
        # written to the bot yet): it is set on their first message (bot/officers/help.py).
        self.menus_pending: set[int] = set()
        # One survey is changed and drawn by one handler or job at a time (bot/turns.py).
        self.turns = Turns()
        # The web survey's server, when SKM_WEB_URL is set (bot/web.py).
        self.web: WebServer | None = None
        # Set by `run`: the process is the bot's, and so are its stop signals (bot/shutdown.py).
        self.owns_signals = False

    @property
    def database(self) -> Database:
        if self.db is None:
            raise RuntimeError("the database is opened in post_init; it is not open yet")
        return self.db

    @property
    def config(self) -> Settings:
        if self.settings is None:
            raise RuntimeError("settings are set by build_application")
        return self.settings

    @property
    def policy(self) -> Policy:
        """The survey's rules as the settings give them, with the officers' alert rule."""
        rule = self.alert_rule
        if self._policy is None or self._policy.alerts is not rule:
            self._policy = replace(Policy.from_settings(self.config), alerts=rule)
        return self._policy

    @property
    def units(self) -> Directory:
        if self.directory is None:
            raise RuntimeError("the directory is set by build_application")
        return self.directory


def _never(response: Response) -> bool:
    return False


class BotContext(CallbackContext[ExtBot[Any], dict[Any, Any], dict[Any, Any], AppState]):
    """The context every handler and job receives; `context.bot_data` is the AppState."""


SkmApplication = Application[
    ExtBot[Any], BotContext, dict[Any, Any], dict[Any, Any], AppState, JobQueue[BotContext]
]
