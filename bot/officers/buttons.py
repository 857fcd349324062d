"""Compact, validated callback data for the officers' buttons (Telegram allows 64 bytes).

    off:sug:<unit>:<office>:<period>:<offset>   a page of /saran
    off:csv:<unit>:<office>:<period>            the workbook's "send as CSV"
    off:lst:<offset>                            a page of /petugas
    off:rev:<user>:<offset>                     ask before revoking an officer
    off:rvk:<user>:<offset>                     revoke, asked and confirmed
    off:rtl:ls:<unit>:<office>:<period>         /tindaklanjut's list again
    off:rtl:add:<unit>:<office>[:<period>]      add an action for a unit
    off:rtl:el|due|st|x:<nonce>[:<value>]       a step of an officer's dialogue (element,
                                                days to the deadline, status r/b/s, cancel)
    off:rtl:v|set|ed|del|dely:<id>[:<value>]    an action: view, set status r/b/s, edit a
                                                field a/p/d, ask to delete, delete
    off:inv:<key>:<offset>                      ask before cancelling an open invite
    off:ivc:<key>:<offset>                      cancel it, asked and confirmed
    off:qr:<unit>:<office>                      the QR poster of a unit at one of its offices

`*` stands for no unit, office or period. Anything else (a forged press, a button of an
older version) parses to None, so a handler never sees a number it cannot use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from skm.followup import Status

MAX_BYTES = 64
MAX_USER = 2**53  # Telegram's user ids fit in 52 bits
_ANY = "*"

_CODE = r"[A-Z0-9_]{1,24}|\*"
_PERIOD = r"[0-9]{4}(?:-[SQ][0-9]|-[0-9]{2})?|[0-9]{1,4}d|\*"
_OFFSET = r"[0-9]{1,6}"
_USER = r"[1-9][0-9]{0,15}"
_SUGGESTIONS = re.compile(
    rf"off:sug:(?P<unit>{_CODE}):(?P<office>{_CODE}):(?P<period>{_PERIOD}):(?P<offset>{_OFFSET})"
)
_CSV = re.compile(rf"off:csv:(?P<unit>{_CODE}):(?P<office>{_CODE}):(?P<period>{_PERIOD})")
_LIST = re.compile(rf"off:lst(?::(?P<offset>{_OFFSET}))?")
_REVOKE = re.compile(rf"off:(?P<action>rev|rvk):(?P<user>{_USER})(?::(?P<offset>{_OFFSET}))?")
_RTL_LIST = re.compile(rf"off:rtl:ls:(?P<unit>{_CODE}):(?P<office>{_CODE}):(?P<period>{_PERIOD})")
_RTL_ADD = re.compile(
    rf"off:rtl:add:(?P<unit>[A-Z0-9_]{{1,24}}):(?P<office>{_CODE})(?::(?P<period>{_PERIOD}))?"
)
_RTL_DRAFT = re.compile(
    r"off:rtl:(?P<kind>el|due|st|x):(?P<nonce>[1-9][0-9]{0,5})"
    r"(?::(?P<value>U[1-9]|[1-9][0-9]{0,2}|[rbs]))?"
)
_RTL_ITEM = re.compile(
    r"off:rtl:(?P<kind>v|set|ed|del|dely):(?P<id>[1-9][0-9]{0,11})(?::(?P<value>[rbsapd]))?"
)
_STATUS_CODES: dict[str, Status] = {"r": "rencana", "b": "berjalan", "s": "selesai"}
_STATUS_LETTERS = {status: letter for letter, status in _STATUS_CODES.items()}
Field = Literal["action", "responsible", "due"]
_FIELD_CODES: dict[str, Field] = {"a": "action", "p": "responsible", "d": "due"}
_FIELD_LETTERS = {name: letter for letter, name in _FIELD_CODES.items()}
_INVITE_KEY = r"[0-9a-f]{16}"  # storage.officers.INVITE_KEY_LENGTH hex digits of the hash
_INVITE = re.compile(rf"off:(?P<action>inv|ivc):(?P<key>{_INVITE_KEY}):(?P<offset>{_OFFSET})")
_QR = re.compile(r"off:qr:(?P<unit>[A-Z0-9_]{1,24}):(?P<office>[A-Z0-9_]{1,24})")


@dataclass(frozen=True)
class SuggestionPage:
    """A page of /saran: the unit, office and period label asked for, and where it starts."""

    unit: str | None
    office: str | None
    period: str | None
    offset: int

    def encode(self) -> str:
        """The callback data."""
        fields = (_field(self.unit), _field(self.office), _field(self.period), self.offset)
        return _checked(self, "off:sug:{}:{}:{}:{}".format(*fields))


@dataclass(frozen=True)
class CsvExport:
    """The workbook's CSV button: the same selection, sent as CSV."""

    unit: str | None
    office: str | None
    period: str

    def encode(self) -> str:
        """The callback data."""
        return _checked(self, f"off:csv:{_field(self.unit)}:{_field(self.office)}:{self.period}")


@dataclass(frozen=True)
class RosterPage:
    """A page of /petugas (also "back" from a revoke question)."""

    offset: int

    def encode(self) -> str:
        """The callback data."""
        return _checked(self, f"off:lst:{self.offset}")


@dataclass(frozen=True)
class RevokeAsk:
    """An officer's revoke button on the roster page at `offset`: asks first."""

    user_id: int
    offset: int

    def encode(self) -> str:
        """The callback data."""
        return _checked(self, f"off:rev:{self.user_id}:{self.offset}")


@dataclass(frozen=True)
class RevokeConfirm:
    """Yes under the revoke question: revoke the officer, then show the page at `offset`."""

    user_id: int
    offset: int

    def encode(self) -> str:
        """The callback data."""
        return _checked(self, f"off:rvk:{self.user_id}:{self.offset}")


@dataclass(frozen=True)
class FollowUpList:
    """/tindaklanjut's list of a unit (None: every unit in scope), office and period label."""

    unit: str | None
    office: str | None
    period: str

    def encode(self) -> str:
        """The callback data."""
        fields = (_field(self.unit), _field(self.office), self.period)
        return _checked(self, "off:rtl:ls:{}:{}:{}".format(*fields))


@dataclass(frozen=True)
class FollowUpAdd:
    """Start adding an action for a unit (at an office), offering the period's weakest elements."""

    unit: str
    office: str | None
    period: str | None

    def encode(self) -> str:
        """The callback data."""
        tail = f":{self.period}" if self.period else ""
        return _checked(self, f"off:rtl:add:{self.unit}:{_field(self.office)}{tail}")


@dataclass(frozen=True)
class DraftElement:
    """The element picked in the dialogue `nonce`."""

    nonce: int
    element: str

    def encode(self) -> str:
        """The callback data."""
        return _checked(self, f"off:rtl:el:{self.nonce}:{self.element}")


@dataclass(frozen=True)
class DraftDue:
    """A deadline so many days from today, picked in the dialogue `nonce`."""

    nonce: int
    days: int

    def encode(self) -> str:
        """The callback data."""
        return _checked(self, f"off:rtl:due:{self.nonce}:{self.days}")


@dataclass(frozen=True)
class DraftStatus:
    """The status picked in the dialogue `nonce`: its last step, which saves the action."""

    nonce: int
    status: Status

    def encode(self) -> str:
        """The callback data."""
        return _checked(self, f"off:rtl:st:{self.nonce}:{_STATUS_LETTERS[self.status]}")


@dataclass(frozen=True)
class DraftCancel:
    """Close the dialogue `nonce` without saving."""

    nonce: int

    def encode(self) -> str:
        """The callback data."""
        return _checked(self, f"off:rtl:x:{self.nonce}")


@dataclass(frozen=True)
class FollowUpView:
    """Show one action with its buttons."""

    id: int

    def encode(self) -> str:
        """The callback data."""
        return _checked(self, f"off:rtl:v:{self.id}")


@dataclass(frozen=True)
class FollowUpStatus:
    """Set a stored action's status (selesai marks it done)."""

    id: int
    status: Status

    def encode(self) -> str:
        """The callback data."""
        return _checked(self, f"off:rtl:set:{self.id}:{_STATUS_LETTERS[self.status]}")


@dataclass(frozen=True)
class FollowUpEdit:
    """Type a new value for one field of a stored action."""

    id: int
    field: Field

    def encode(self) -> str:
        """The callback data."""
        return _checked(self, f"off:rtl:ed:{self.id}:{_FIELD_LETTERS[self.field]}")


@dataclass(frozen=True)
class FollowUpDelete:
    """Delete an action: `confirmed` False asks first, True deletes."""

    id: int
    confirmed: bool

    def encode(self) -> str:
        """The callback data."""
        return _checked(self, f"off:rtl:{'dely' if self.confirmed else 'del'}:{self.id}")


@dataclass(frozen=True)
class InviteCancelAsk:
    """An open invite's cancel button on the roster page at `offset`: asks first."""

    key: str
    offset: int

    def encode(self) -> str:
        """The callback data."""
        return _checked(self, f"off:inv:{self.key}:{self.offset}")


@dataclass(frozen=True)
class InviteCancelConfirm:
    """Yes under the cancel question: the invite's link stops working."""

    key: str
    offset: int

    def encode(self) -> str:
        """The callback data."""
        return _checked(self, f"off:ivc:{self.key}:{self.offset}")


@dataclass(frozen=True)
class QrOffice:
    """/qr for a unit served at several offices: one office's button."""

    unit: str
    office: str

    def encode(self) -> str:
        """The callback data."""
        return _checked(self, f"off:qr:{self.unit}:{self.office}")


FollowUpButton = (
    FollowUpList
    | FollowUpAdd
    | DraftElement
    | DraftDue
    | DraftStatus
    | DraftCancel
    | FollowUpView
    | FollowUpStatus
    | FollowUpEdit
    | FollowUpDelete
)
Button = (
    SuggestionPage
    | CsvExport
    | RosterPage
    | RevokeAsk
    | RevokeConfirm
    | InviteCancelAsk
    | InviteCancelConfirm
    | QrOffice
    | FollowUpButton
)


def _field(value: str | None) -> str:
    return _ANY if value is None else value


def _value(text: str) -> str | None:
    return None if text == _ANY else text


def _checked(button: Button, data: str) -> str:
    # Parsing back what was encoded catches a code or number the grammar does not allow,
    # so a button is never shown that its own handler would refuse.
    if len(data.encode()) > MAX_BYTES or parse(data) != button:
        raise ValueError(f"not valid officer button data: {data!r}")
    return data


def parse(data: str | None) -> Button | None:
    """The button behind callback data; None when it is malformed or forged."""
    if not data or len(data.encode()) > MAX_BYTES or not data.isascii():
        return None
    if found := _SUGGESTIONS.fullmatch(data):
        unit, office, period = (_value(found[k]) for k in ("unit", "office", "period"))
        return SuggestionPage(unit, office, period, int(found["offset"]))
    if found := _CSV.fullmatch(data):
        period = _value(found["period"])
        if period is None:
            return None
        return CsvExport(_value(found["unit"]), _value(found["office"]), period)
    if found := _LIST.fullmatch(data):
        return RosterPage(int(found["offset"] or 0))
    if found := _REVOKE.fullmatch(data):
        user, offset = int(found["user"]), int(found["offset"] or 0)
        if user > MAX_USER:
            return None
        kind = RevokeAsk if found["action"] == "rev" else RevokeConfirm
        return kind(user, offset)
    if found := _INVITE.fullmatch(data):
        cancel = InviteCancelAsk if found["action"] == "inv" else InviteCancelConfirm
        return cancel(found["key"], int(found["offset"]))
    if found := _QR.fullmatch(data):
        return QrOffice(found["unit"], found["office"])
    if data.startswith("off:rtl:"):
        return _parse_followup(data)
    return None


def _parse_followup(data: str) -> FollowUpButton | None:
    if found := _RTL_LIST.fullmatch(data):
        period = _value(found["period"])
        if period is None:
            return None
        return FollowUpList(_value(found["unit"]), _value(found["office"]), period)
    if found := _RTL_ADD.fullmatch(data):
        period = _value(found["period"]) if found["period"] else None
        return FollowUpAdd(found["unit"], _value(found["office"]), period)
    if found := _RTL_DRAFT.fullmatch(data):
        return _draft_button(found["kind"], int(found["nonce"]), found["value"])
    if found := _RTL_ITEM.fullmatch(data):
        return _item_button(found["kind"], int(found["id"]), found["value"])
    return None


def _draft_button(kind: str, nonce: int, value: str | None) -> FollowUpButton | None:
    if kind == "x":
        return DraftCancel(nonce) if value is None else None
    if value is None:
        return None
    if kind == "el":
        return DraftElement(nonce, value) if value.startswith("U") else None
    if kind == "due":
        return DraftDue(nonce, int(value)) if value.isdigit() else None
    status = _STATUS_CODES.get(value)
    return DraftStatus(nonce, status) if status else None


def _item_button(kind: str, item: int, value: str | None) -> FollowUpButton | None:
    if kind in ("v", "del", "dely"):
        if value is not None:
            return None
        return FollowUpView(item) if kind == "v" else FollowUpDelete(item, kind == "dely")
    if kind == "set" and value in _STATUS_CODES:
        return FollowUpStatus(item, _STATUS_CODES[value])
    if kind == "ed" and value in _FIELD_CODES:
        return FollowUpEdit(item, _FIELD_CODES[value])
    return None
