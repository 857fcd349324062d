"""The nine SKM elements (PermenPANRB 14/2017) with their official wording, in id and en."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Lang = Literal["id", "en"]
LANGS: tuple[Lang, ...] = ("id", "en")

# Answers are stored by element code, never by screen position: some forms and the
# regulation's own definition list swap elements 8 and 9.
ELEMENT_CODES: tuple[str, ...] = ("U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9")
SCORES: tuple[int, ...] = (1, 2, 3, 4)


@dataclass(frozen=True)
class Text:
    """One piece of text in Indonesian and English."""

    id: str
    en: str

    def __call__(self, lang: Lang) -> str:
        return self.id if lang == "id" else self.en


@dataclass(frozen=True)
class Element:
    """One SKM element: its code, name, question and four answer labels scored 1 to 4."""

    code: str
    name: Text
    question: Text
    answers: tuple[Text, Text, Text, Text]

    def label(self, score: int, lang: Lang) -> str:
        """The label of an answer score (1-4) in a language."""
        return self.answers[score - 1](lang)


# The official form asks "Bagaimana pendapat Saudara tentang ..."; citizens are addressed
# as "Anda" throughout the bot. English asks each question directly, as people would.
_ASK = "Bagaimana pendapat Anda tentang "


def _q(id_tail: str, en: str) -> Text:
    return Text(_ASK + id_tail, en)


def _answers(*pairs: tuple[str, str]) -> tuple[Text, Text, Text, Text]:
    a, b, c, d = (Text(i, e) for i, e in pairs)
    return (a, b, c, d)


_SUITABLE = _answers(
    ("Tidak sesuai", "Not suitable"),
    ("Kurang sesuai", "Not quite suitable"),
    ("Sesuai", "Suitable"),
    ("Sangat sesuai", "Very suitable"),
)

ELEMENTS: tuple[Element, ...] = (
    Element(
        "U1",
        Text("Persyaratan", "Requirements"),
        _q(
            "kesesuaian persyaratan pelayanan dengan jenis pelayanannya?",
            "How well do the requirements suit this kind of service?",
        ),
        _SUITABLE,
    ),
    Element(
        "U2",
        Text("Sistem, Mekanisme, dan Prosedur", "Systems, Mechanisms and Procedures"),
        _q(
            "kemudahan prosedur pelayanan di unit ini?",
            "How easy is the procedure at this unit?",
        ),
        _answers(
            ("Tidak mudah", "Not easy"),
            ("Kurang mudah", "Not quite easy"),
            ("Mudah", "Easy"),
            ("Sangat mudah", "Very easy"),
        ),
    ),
    Element(
        "U3",
        Text("Waktu Penyelesaian", "Completion Time"),
        _q(
            "kecepatan waktu dalam memberikan pelayanan?",
            "How quickly were you served?",
        ),
        _answers(
            ("Tidak cepat", "Not fast"),
            ("Kurang cepat", "Not quite fast"),
            ("Cepat", "Fast"),
            ("Sangat cepat", "Very fast"),
        ),
    ),
    Element(
        "U4",
        Text("Biaya/Tarif", "Cost/Fee"),
        _q(
            "kewajaran biaya/tarif dalam pelayanan?",
            "How reasonable is the cost or fee of the service?",
        ),
        _answers(
            ("Sangat mahal", "Very expensive"),
            ("Cukup mahal", "Fairly expensive"),
            ("Murah", "Cheap"),
            ("Gratis", "Free"),
        ),
    ),
    Element(
        "U5",
        Text("Produk Spesifikasi Jenis Pelayanan", "Service Product Specification"),
        _q(
            "kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan "
            "dengan hasil yang diberikan? (Apakah yang Anda terima sesuai dengan yang "
            "dijanjikan?)",
            "Did what you received match what the service standard promises?",
        ),
        _SUITABLE,
    ),
    Element(
        "U6",
        Text("Kompetensi Pelaksana", "Staff Competence"),
        _q(
            "kompetensi/kemampuan petugas dalam pelayanan?",
            "How competent were the staff who served you?",
        ),
        _answers(
            ("Tidak kompeten", "Not competent"),
            ("Kurang kompeten", "Not quite competent"),
            ("Kompeten", "Competent"),
            ("Sangat kompeten", "Very competent"),
        ),
    ),
    Element(
        "U7",
        Text("Perilaku Pelaksana", "Staff Behaviour"),
        _q(
            "perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?",
            "How polite and friendly were the staff?",
        ),
        _answers(
            ("Tidak sopan dan ramah", "Neither polite nor friendly"),
            ("Kurang sopan dan ramah", "Not quite polite and friendly"),
            ("Sopan dan ramah", "Polite and friendly"),
            ("Sangat sopan dan ramah", "Very polite and friendly"),
        ),
    ),
    Element(
        "U8",
        Text("Sarana dan Prasarana", "Facilities and Infrastructure"),
        _q(
            "kualitas sarana dan prasarana? (ruang tunggu, tempat duduk, toilet, parkir)",
            "How good are the facilities? (waiting room, seats, toilets, parking)",
        ),
        _answers(
            ("Buruk", "Poor"),
            ("Cukup", "Fair"),
            ("Baik", "Good"),
            ("Sangat baik", "Very good"),
        ),
    ),
    Element(
        "U9",
        Text(
            "Penanganan Pengaduan, Saran dan Masukan",
            "Handling of Complaints, Suggestions and Feedback",
        ),
        # "Tidak ada" means there is no complaint channel at all, but a citizen who never
        # complained reads it as "I had no complaint" and scores 1: the question says what
        # is asked about (the official answer labels stay as they are).
        Text(
            "Bagaimana penanganan pengaduan, saran dan masukan di unit ini? (Apakah tersedia "
            "sarana pengaduan, seperti kotak saran atau nomor pengaduan, dan apakah berfungsi?)",
            "How are complaints, suggestions and feedback handled at this unit? (Is there a "
            "way to complain, such as a suggestion box or a complaints number, and does it "
            "work?)",
        ),
        _answers(
            ("Tidak ada", "None"),
            ("Ada tetapi tidak berfungsi", "Exists but does not work"),
            ("Berfungsi kurang maksimal", "Works, but not fully"),
            ("Dikelola dengan baik", "Well managed"),
        ),
    ),
)

ELEMENTS_BY_CODE: dict[str, Element] = {e.code: e for e in ELEMENTS}
