import pytest

from skm.flow import (
    STEP_INDEX,
    STEPS,
    Back,
    Choose,
    Confirm,
    Event,
    Kind,
    Outcome,
    Skip,
    Start,
    SurveyState,
    TypeText,
    advance,
)
from skm.questionnaire import ELEMENT_CODES

PROFILE = [("gender", "P"), ("age", "26-35"), ("education", "S1"), ("occupation", "PNS")]
SCORES = ["4", "3", "3", "2", "4", "4", "3", "1", "2"]


def run(*events: Event, state: SurveyState | None = None) -> SurveyState:
    """Apply events that must each move the survey on."""
    state = state or SurveyState()
    for event in events:
        moved = advance(state, event)
        assert moved.outcome is Outcome.MOVED, (event, moved.outcome)
        state = moved.state
    return state


def to_suggestion() -> SurveyState:
    profile = [Choose(key, value) for key, value in PROFILE]
    elements = [Choose(code, score) for code, score in zip(ELEMENT_CODES, SCORES, strict=True)]
    return run(Start(), *profile, *elements)


def at(key: str) -> SurveyState:
    """A survey standing on a step, with no answers."""
    return SurveyState(step=STEP_INDEX[key])


def test_steps_in_order():
    keys = [s.key for s in STEPS]
    assert keys == [
        "welcome",
        "gender",
        "age",
        "education",
        "occupation",
        *ELEMENT_CODES,
        "suggestion",
        "confirm",
    ]
    assert STEPS[STEP_INDEX["U1"]].kind is Kind.ELEMENT
    assert STEPS[STEP_INDEX["age"]].choices() == (
        "<17",
        "17-25",
        "26-35",
        "36-45",
        "46-55",
        "56-65",
        ">65",
    )
    assert STEPS[STEP_INDEX["U5"]].choices() == ("1", "2", "3", "4")
    assert STEPS[STEP_INDEX["suggestion"]].choices() == ()


def test_the_whole_survey():
    state = SurveyState()
    assert state.current.kind is Kind.WELCOME
    state = run(Start())
    assert state.current.key == "gender"
    state = to_suggestion()
    assert state.current.kind is Kind.SUGGESTION
    state = run(TypeText("  Petugas ramah.  "), state=state)
    assert state.current.kind is Kind.CONFIRM
    assert state.suggestion == "Petugas ramah."
    done = advance(state, Confirm())
    assert done.outcome is Outcome.DONE
    assert done.state == state
    assert state.answers() == {c: int(s) for c, s in zip(ELEMENT_CODES, SCORES, strict=True)}
    assert state.profile() == dict(PROFILE)


def test_progress_mark_on_element_steps():
    assert at("U1").element_position() == 1
    assert at("U9").element_position() == 9
    assert at("gender").element_position() is None
    assert at("confirm").element_position() is None


def test_answers_and_profile_so_far():
    state = run(Start(), Choose("gender", "L"))
    assert state.profile() == {"gender": "L", "age": None, "education": None, "occupation": None}
    assert state.answers() == dict.fromkeys(ELEMENT_CODES)


def test_back_goes_one_step_and_keeps_answers():
    state = run(Start(), Choose("gender", "L"), Choose("age", "17-25"))
    assert state.current.key == "education"
    state = run(Back("education"), state=state)
    assert state.current.key == "age"
    assert state.values == {"gender": "L", "age": "17-25"}
    state = run(Choose("age", "36-45"), state=state)
    assert state.values == {"gender": "L", "age": "36-45"}
    assert state.current.key == "education"


def test_back_from_confirm_and_from_first_element():
    state = run(Skip(), state=to_suggestion())
    assert run(Back("confirm"), state=state).current.key == "suggestion"
    assert run(Back("U1"), state=at("U1")).current.key == "occupation"


def test_back_cannot_leave_the_first_question():
    state = run(Start())
    moved = advance(state, Back("gender"))
    assert moved.outcome is Outcome.STALE
    assert moved.state == state


@pytest.mark.parametrize(
    ("state", "event"),
    [
        (at("U3"), Choose("U2", "4")),  # an old keyboard pressed again
        (at("U3"), Choose("gender", "L")),
        (at("U3"), Back("U2")),
        (at("U3"), Start()),
        (at("U3"), Skip()),
        (at("U3"), Confirm()),
        (at("confirm"), Choose("U9", "4")),
        (at("confirm"), Skip()),
        (at("welcome"), Choose("gender", "L")),
    ],
)
def test_stale_presses_change_nothing(state, event):
    moved = advance(state, event)
    assert moved.outcome is Outcome.STALE
    assert moved.state == state


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("U1", "5"),
        ("U1", "0"),
        ("U1", "x"),
        ("gender", "X"),
        ("gender", "Laki-laki"),  # buttons carry codes, not labels
        ("age", "30"),
        ("suggestion", "4"),
    ],
)
def test_invalid_values(key, value):
    state = at(key)
    moved = advance(state, Choose(key, value))
    assert moved.outcome is Outcome.INVALID
    assert moved.state == state


@pytest.mark.parametrize("key", ["welcome", "gender", "U4", "confirm"])
def test_text_on_a_button_step_is_invalid(key):
    state = at(key)
    moved = advance(state, TypeText("4"))
    assert moved.outcome is Outcome.INVALID
    assert moved.state == state


def test_blank_text_on_the_suggestion_step_is_invalid():
    state = to_suggestion()
    moved = advance(state, TypeText("   "))
    assert moved.outcome is Outcome.INVALID
    assert moved.state == state


def test_long_suggestion_is_truncated():
    moved = advance(to_suggestion(), TypeText("b" * 1200))
    assert moved.outcome is Outcome.TRUNCATED
    assert moved.state.suggestion == "b" * 1000
    assert moved.state.current.kind is Kind.CONFIRM


def test_suggestion_of_exactly_the_limit_is_kept():
    moved = advance(to_suggestion(), TypeText("c" * 1000))
    assert moved.outcome is Outcome.MOVED
    assert moved.state.suggestion == "c" * 1000


def test_skip_the_suggestion():
    state = run(TypeText("first thought"), state=to_suggestion())
    state = run(Back("confirm"), Skip(), state=state)
    assert state.suggestion is None
    assert state.current.kind is Kind.CONFIRM
    assert advance(state, Confirm()).outcome is Outcome.DONE


def test_advance_does_not_mutate_the_state():
    state = run(Start())
    before = dict(state.values)
    advance(state, Choose("gender", "P"))
    assert state.values == before
    assert state.current.key == "gender"
