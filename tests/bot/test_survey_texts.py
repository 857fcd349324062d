"""The survey's texts: both catalogues carry every key the code uses, with the same blanks."""

from __future__ import annotations

import re
import string
from pathlib import Path

from service.i18n import CATALOGUES
from skm.questionnaire import Lang

ROOT = Path(__file__).resolve().parents[2]
BOT = ROOT / "bot"
SURVEY_CODE = [
    *(BOT / "survey").glob("*.py"),
    *(ROOT / "service").glob("*.py"),
    BOT / "cli.py",
]


def survey_keys(lang: Lang) -> set[str]:
    return {k for k in CATALOGUES[lang] if k.startswith("survey.")}


def blanks(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_indonesian_and_english_have_the_same_survey_keys_and_blanks():
    assert survey_keys("id") == survey_keys("en")
    for key in survey_keys("id"):
        assert blanks(CATALOGUES["id"][key]) == blanks(CATALOGUES["en"][key]), key


def test_every_survey_key_the_code_names_is_in_the_catalogue():
    named = set()
    for path in SURVEY_CODE:
        named |= set(re.findall(r'"(survey\.[a-z_.]+)"', path.read_text(encoding="utf-8")))
    assert named, "the survey code names its texts by key"
    assert named <= survey_keys("id")
