"""A posted form: its size checked on the headers, then as it arrives; known fields only."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from urllib.parse import parse_qsl

from starlette.requests import ClientDisconnect, Request

# The longest honest post is a suggestion of 1,000 characters, each at most 4 UTF-8 bytes
# written as three characters each (%E2): 12 kB, with the other fields well under 16 kB.
MAX_BODY = 16 * 1024
FORM_TYPE = "application/x-www-form-urlencoded"


class FormError(Exception):
    """A post that is refused: the HTTP status, and the catalogue key of the page to show."""

    def __init__(self, status: int, key: str) -> None:
        super().__init__(key)
        self.status = status
        self.key = key


@dataclass(frozen=True)
class Form:
    """A posted form's fields, each given at most once."""

    fields: dict[str, str]

    def get(self, name: str) -> str:
        return self.fields.get(name, "")


async def read_form(request: Request, allowed: Collection[str]) -> Form:
    """The form of a POST; FormError for a wrong type, an oversized body or unknown fields."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != FORM_TYPE:
        raise FormError(415, "web.error.bad_form")
    length = request.headers.get("content-length", "").strip()
    if length and (not length.isdigit() or int(length) > MAX_BODY):
        raise FormError(413, "web.error.too_large")
    body = bytearray()
    try:
        async for chunk in request.stream():  # a chunked body has no length: stop at the limit
            body += chunk
            if len(body) > MAX_BODY:
                raise FormError(413, "web.error.too_large")
    except ClientDisconnect:  # gone mid-post (no signal, or too slow): nobody reads the answer
        raise FormError(400, "web.error.bad_form") from None
    try:
        pairs = parse_qsl(
            body.decode("utf-8"), keep_blank_values=True, errors="strict", max_num_fields=16
        )
    except (UnicodeDecodeError, ValueError):
        raise FormError(400, "web.error.bad_form") from None
    fields: dict[str, str] = {}
    for name, value in pairs:
        if name not in allowed or name in fields:
            raise FormError(400, "web.error.bad_form")
        fields[name] = value
    return Form(fields)
