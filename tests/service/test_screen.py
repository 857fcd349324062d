"""A step as any channel shows it: every choice it offers is one the survey accepts."""

from __future__ import annotations

from service.directory import load_directory
from service.screen import Act, place, step_view
from skm.flow import STEPS, Kind, Outcome, SurveyState, advance

DIRECTORY = load_directory(None)


def test_every_choice_on_every_step_moves_the_survey_or_submits_it():
    for lang in ("id", "en"):
        where = place(DIRECTORY, "SIM", "POLRES", lang)
        for index, step in enumerate(STEPS):
            state = SurveyState(step=index, lang=lang)
            view = step_view(state, where)
            assert view.step == step.key and view.lang == lang
            offered = [*view.choices, view.switch, *([view.back] if view.back else [])]
            for choice in offered:
                outcome = advance(state, choice.event(view.step)).outcome
                wanted = Outcome.DONE if choice.act is Act.CONFIRM else Outcome.MOVED
                assert outcome is wanted, (step.key, choice)
            assert view.accepts_text is (step.kind is Kind.SUGGESTION)


def test_a_view_carries_its_progress_and_no_way_back_from_the_first_question():
    where = place(DIRECTORY, "SIM", "POLRES", "id")
    first = step_view(SurveyState(step=1), where)
    assert (first.progress, first.back) == ((1, 4), None)
    assert [c.label for c in first.choices] == ["Laki-laki", "Perempuan"]
    assert first.switch.label == "English" and first.switch.value == "en"
    element = step_view(SurveyState(step=7), where, notice="Lanjutkan.")
    assert element.progress == (3, 9) and element.back is not None
    assert element.text.startswith("Lanjutkan.\n\n")
    assert [c.value for c in element.choices] == ["1", "2", "3", "4"]
    welcome = step_view(SurveyState(), where)
    assert welcome.progress is None and welcome.back is None
    assert [c.act for c in welcome.choices] == [Act.START]
