"""What the real Bot API refuses with 400, so the offline network refuses it too.

Telegram parses `parse_mode=HTML` strictly: only its few tags, every tag closed in order,
and `<` or `&` only as part of a tag or one of its entities. Texts are at most 4,096
characters after parsing (captions 1,024), button data at most 64 bytes, and an edit that
changes nothing is an error. The descriptions follow Telegram's own.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser
from typing import Any

TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024
DATA_LIMIT = 64
NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup "
    "are exactly the same as a current content and reply markup of the message"
)
# Telegram's HTML tags (https://core.telegram.org/bots/api#html-style).
TAGS = frozenset(
    [
        "b",
        "strong",
        "i",
        "em",
        "u",
        "ins",
        "s",
        "strike",
        "del",
        "span",
        "tg-spoiler",
        "a",
        "tg-emoji",
        "code",
        "pre",
        "blockquote",
    ]
)
_ENTITY = re.compile(r"&(?:lt|gt|amp|quot|#[0-9]+|#x[0-9a-fA-F]+);")
_PARSE = "Bad Request: can't parse entities: "


class _Checker(HTMLParser):
    """Walks the HTML as Telegram would; `problem` is the first thing it would refuse."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.open: list[str] = []
        self.visible: list[str] = []
        self.problem: str | None = None

    def _refuse(self, problem: str) -> None:
        if self.problem is None:
            self.problem = problem

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in TAGS:
            self._refuse(f'Unsupported start tag "{tag}"')
        self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._refuse(f'Unsupported start tag "{tag}/"')

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1] != tag:
            self._refuse(f'Unexpected end tag "{tag}"')
        else:
            self.open.pop()

    def handle_data(self, data: str) -> None:
        if "<" in data:
            self._refuse('Unsupported start tag or unescaped "<"')
        self.visible.append(data)

    def handle_entityref(self, name: str) -> None:
        self.visible.append(unescape(f"&{name};"))

    def handle_charref(self, name: str) -> None:
        self.visible.append(unescape(f"&#{name};"))

    def handle_comment(self, data: str) -> None:
        self._refuse('Unsupported start tag "!--"')

    def handle_decl(self, decl: str) -> None:
        self._refuse('Unsupported start tag "!"')

    def handle_pi(self, data: str) -> None:
        self._refuse('Unsupported start tag "?"')

    def unknown_decl(self, data: str) -> None:
        self._refuse('Unsupported start tag "!["')


def html_problem(text: str) -> tuple[str | None, str]:
    """What Telegram's HTML parser would refuse in text (None if nothing), and the text shown."""
    for amp in re.finditer("&", text):
        if not _ENTITY.match(text, amp.start()):
            offset = len(text[: amp.start()].encode())
            return f"Unsupported HTML entity at byte offset {offset}", text
    checker = _Checker()
    checker.feed(text)
    checker.close()
    if checker.problem is None and checker.open:
        checker.problem = f'Can\'t find end tag corresponding to start tag "{checker.open[-1]}"'
    return checker.problem, "".join(checker.visible)


def _length(text: str) -> int:
    # Telegram counts UTF-16 code units of the text after parsing, without outer spaces.
    return len(text.strip().encode("utf-16-le")) // 2


def refusal(method: str, params: dict[str, Any], buttons: list[list[dict[str, Any]]]) -> str | None:
    """The 400 description Telegram gives for this call, or None when it would accept it."""
    for row in buttons:
        for button in row:
            data = button.get("callback_data")
            if data is not None and not 1 <= len(str(data).encode()) <= DATA_LIMIT:
                return "Bad Request: BUTTON_DATA_INVALID"
    key, limit, too_long = "text", TEXT_LIMIT, "Bad Request: message is too long"
    if method in ("sendPhoto", "sendDocument", "editMessageCaption"):
        key, limit, too_long = "caption", CAPTION_LIMIT, "Bad Request: message caption is too long"
    elif method not in ("sendMessage", "editMessageText"):
        return None
    text = params.get(key)
    if text is None:
        return "Bad Request: message text is empty" if key == "text" else None
    shown = str(text)
    if params.get("parse_mode") == "HTML":
        problem, shown = html_problem(shown)
        if problem is not None:
            return _PARSE + problem
    if key == "text" and not shown.strip():
        return "Bad Request: message text is empty"
    if _length(shown) > limit:
        return too_long
    return None
