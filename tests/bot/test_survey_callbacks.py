"""Callback data and pseudonyms, pure: compact, round-trips, rejects what it did not make."""

from __future__ import annotations

import pytest

from bot.survey.callbacks import (
    MAX_BYTES,
    Action,
    PickButton,
    StepButton,
    SwitchButton,
    new_token,
    parse,
)
from service.directory import load_directory
from service.privacy import pseudonym
from skm.flow import STEPS, Back, Choose, Confirm, Skip, Start, SwitchLang

LONGEST_CODE = "X" * 24


def every_step_button(token: str) -> list[StepButton]:
    buttons = []
    for step in STEPS:
        buttons += [StepButton(token, step.key, Action.CHOOSE, v) for v in step.choices()]
        buttons += [StepButton(token, step.key, a) for a in (Action.START, Action.BACK)]
        buttons += [StepButton(token, step.key, a) for a in (Action.SKIP, Action.CONFIRM)]
        buttons += [StepButton(token, step.key, Action.LANG, lang) for lang in ("id", "en")]
    return buttons


def test_every_survey_button_fits_and_round_trips():
    for button in every_step_button(new_token()):
        data = button.encode()
        assert len(data.encode()) <= MAX_BYTES
        assert parse(data) == button


def test_switch_buttons_fit_and_round_trip_even_with_the_longest_codes():
    token = new_token()
    for button in (SwitchButton(token), SwitchButton(token, LONGEST_CODE, LONGEST_CODE)):
        assert len(button.encode().encode()) <= MAX_BYTES
        assert parse(button.encode()) == button
    for forged in ("sw|", f"sw|{token}|SKCK", f"sw|{token}|skck|POLRES", f"sw|{token}|A|B|C"):
        assert parse(forged) is None


def test_every_picker_button_fits_and_round_trips_even_with_the_longest_codes():
    directory = load_directory(None)
    buttons = [PickButton("id"), PickButton("en", LONGEST_CODE, LONGEST_CODE)]
    for unit in directory.units:
        buttons += [PickButton("id", unit, o.code) for o in directory.offices_serving(unit)]
    for button in buttons:
        assert len(button.encode().encode()) <= MAX_BYTES
        assert parse(button.encode()) == button


def test_presses_become_survey_events():
    token = new_token()
    assert StepButton(token, "welcome", Action.START).event() == Start()
    assert StepButton(token, "U3", Action.CHOOSE, "4").event() == Choose("U3", "4")
    assert StepButton(token, "U3", Action.BACK).event() == Back("U3")
    assert StepButton(token, "suggestion", Action.SKIP).event() == Skip()
    assert StepButton(token, "confirm", Action.CONFIRM).event() == Confirm()
    switch = StepButton(token, "U3", Action.LANG, "en")
    assert switch.event() == SwitchLang("U3", "en") and switch.lang == "en"


def test_tokens_are_fresh_and_fit_the_pattern():
    tokens = {new_token() for _ in range(200)}
    assert len(tokens) == 200
    assert all(parse(f"s|{t}|U1|c|3") is not None for t in tokens)


@pytest.mark.parametrize(
    "data",
    [
        None,
        "",
        "s",
        "s|abcdefgh",
        "s|abcdefgh|U1",
        "s|abcdefgh|U1|c",  # a choice without a value
        "s|abcdefgh|U1|b|1",  # back with a value
        "s|abcdefgh|U1|l|de",
        "s|abcdefgh|nowhere|c|3",
        "s|abc|U1|c|3",  # token too short
        "s|abcdefgh|U1|c|3|4",
        "s|abcdefgh|U1|c|3\n",
        "S|abcdefgh|U1|c|3",
        "sp|",
        "sp|de",
        "sp|id|skck",  # codes are upper case
        "sp|id|SKCK|POLRES|X",
        "sp|id|" + "A" * 25,
        "s|abcdefgh|U1|c|" + "3" * 60,
        "inv-abcdef",
    ],
)
def test_malformed_or_forged_data_is_rejected(data: str | None):
    assert parse(data) is None


def test_too_long_data_cannot_be_made():
    with pytest.raises(ValueError, match="64 bytes"):
        PickButton("id", "A" * 40, "B" * 40).encode()


def test_a_pseudonym_is_stable_keyed_and_says_nothing_of_the_id():
    key = b"a-key-of-at-least-16-chars"
    first = pseudonym(key, 123456789)
    assert first == pseudonym(key, 123456789)
    assert first != pseudonym(key, 123456788)
    assert first != pseudonym(b"another-key-of-16-chars", 123456789)
    assert len(first) == 32 and int(first, 16) >= 0
    assert "123456789" not in first


def test_a_pseudonym_needs_a_key():
    with pytest.raises(ValueError, match="SKM_SECRET"):
        pseudonym(b"", 1)
