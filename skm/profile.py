"""The respondent profile: fields, category codes, and reading the spellings people write."""

from __future__ import annotations

import re
from dataclasses import dataclass

from skm.questionnaire import Text


@dataclass(frozen=True)
class Category:
    """One answer to a profile question: a stable code and its display name."""

    code: str
    label: Text


@dataclass(frozen=True)
class ProfileField:
    """One profile question of the official form."""

    key: str
    question: Text
    categories: tuple[Category, ...]

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(c.code for c in self.categories)

    def label(self, code: str) -> Text:
        """The display name of a category code."""
        for c in self.categories:
            if c.code == code:
                return c.label
        raise KeyError(code)


def _cats(*items: tuple[str, str, str]) -> tuple[Category, ...]:
    return tuple(Category(code, Text(id_, en)) for code, id_, en in items)


GENDER = ProfileField(
    "gender",
    Text("Jenis kelamin", "Gender"),
    _cats(("L", "Laki-laki", "Male"), ("P", "Perempuan", "Female")),
)
AGE = ProfileField(
    "age",
    Text("Usia", "Age"),
    _cats(
        ("<17", "Di bawah 17 tahun", "Under 17"),
        ("17-25", "17-25 tahun", "17-25"),
        ("26-35", "26-35 tahun", "26-35"),
        ("36-45", "36-45 tahun", "36-45"),
        ("46-55", "46-55 tahun", "46-55"),
        ("56-65", "56-65 tahun", "56-65"),
        (">65", "Di atas 65 tahun", "Over 65"),
    ),
)
EDUCATION = ProfileField(
    "education",
    Text("Pendidikan terakhir", "Education"),
    _cats(
        ("TIDAK_SEKOLAH", "Tidak sekolah", "No schooling"),
        ("SD", "SD", "Primary school"),
        ("SMP", "SMP", "Junior high school"),
        ("SMA", "SMA/SMK", "Senior high school"),
        ("D1-D4", "D1-D4", "Diploma (D1-D4)"),
        ("S1", "S1", "Bachelor (S1)"),
        ("S2", "S2", "Master (S2)"),
        ("S3", "S3", "Doctorate (S3)"),
    ),
)
OCCUPATION = ProfileField(
    "occupation",
    Text("Pekerjaan", "Occupation"),
    _cats(
        ("PNS", "PNS", "Civil servant"),
        ("TNI", "TNI", "Armed forces (TNI)"),
        ("POLRI", "POLRI", "Police (POLRI)"),
        ("SWASTA", "Pegawai swasta", "Private employee"),
        ("WIRASWASTA", "Wiraswasta", "Self-employed"),
        ("PETANI", "Petani/Nelayan", "Farmer/Fisher"),
        ("IRT", "Ibu rumah tangga", "Homemaker"),
        ("PELAJAR", "Pelajar/Mahasiswa", "Student"),
        ("TIDAK_BEKERJA", "Tidak bekerja", "Not working"),
        ("LAINNYA", "Lainnya", "Other"),
    ),
)

PROFILE_FIELDS: tuple[ProfileField, ...] = (GENDER, AGE, EDUCATION, OCCUPATION)
PROFILE_BY_KEY: dict[str, ProfileField] = {f.key: f for f in PROFILE_FIELDS}

# Spellings found in real exports, keyed by their squashed form (see _squash).
_SYNONYMS: dict[str, dict[str, str]] = {
    "gender": {
        "L": "L",
        "LAKILAKI": "L",
        "LAKI": "L",
        "PRIA": "L",
        "MALE": "L",
        "M": "L",
        "P": "P",
        "PEREMPUAN": "P",
        "WANITA": "P",
        "FEMALE": "P",
        "F": "P",
    },
    "education": {
        # Respondents the official list leaves out (issue 13).
        "TIDAKSEKOLAH": "TIDAK_SEKOLAH",
        "TIDAKBERSEKOLAH": "TIDAK_SEKOLAH",
        "BELUMSEKOLAH": "TIDAK_SEKOLAH",
        "TIDAKPERNAHSEKOLAH": "TIDAK_SEKOLAH",
        "SD": "SD",
        "SDSEDERAJAT": "SD",
        "SMP": "SMP",
        "SLTP": "SMP",
        "SMPSEDERAJAT": "SMP",
        "SMA": "SMA",
        "SMK": "SMA",
        "SMASMK": "SMA",
        "SLTA": "SMA",
        "SMASEDERAJAT": "SMA",
        "D1": "D1-D4",
        "D2": "D1-D4",
        "D3": "D1-D4",
        "D4": "D1-D4",
        "D1D4": "D1-D4",
        "D1D3": "D1-D4",
        "DIPLOMA": "D1-D4",
        "S1": "S1",
        "SARJANA": "S1",
        "S2": "S2",
        "MAGISTER": "S2",
        "S3": "S3",
        "DOKTOR": "S3",
    },
    "occupation": {
        "PNS": "PNS",
        "ASN": "PNS",
        "TNI": "TNI",
        "POLRI": "POLRI",
        "POLISI": "POLRI",
        "SWASTA": "SWASTA",
        "PEGAWAISWASTA": "SWASTA",
        "KARYAWANSWASTA": "SWASTA",
        "KARYAWAN": "SWASTA",
        "WIRASWASTA": "WIRASWASTA",
        "WIRAUSAHA": "WIRASWASTA",
        "WIRAUSAHAWAN": "WIRASWASTA",
        "PELAJAR": "PELAJAR",
        "MAHASISWA": "PELAJAR",
        "PELAJARMAHASISWA": "PELAJAR",
        # Respondents the official list leaves out (issue 13).
        "PETANI": "PETANI",
        "NELAYAN": "PETANI",
        "PETANINELAYAN": "PETANI",
        "PEKEBUN": "PETANI",
        "IRT": "IRT",
        "IBURUMAHTANGGA": "IRT",
        "MENGURUSRUMAHTANGGA": "IRT",
        "RUMAHTANGGA": "IRT",
        "TIDAKBEKERJA": "TIDAK_BEKERJA",
        "BELUMBEKERJA": "TIDAK_BEKERJA",
        "LAINNYA": "LAINNYA",
        "LAINLAIN": "LAINNYA",
    },
    "age": {
        "<17": "<17",
        "1725": "17-25",
        "2635": "26-35",
        "3645": "36-45",
        "4655": "46-55",
        "5665": "56-65",
        ">65": ">65",
        "65+": ">65",
    },
}

_AGE_BANDS: tuple[tuple[int, str], ...] = (
    (17, "<17"),
    (26, "17-25"),
    (36, "26-35"),
    (46, "36-45"),
    (56, "46-55"),
    (66, "56-65"),
)


def _squash(value: str) -> str:
    """Upper-case and drop spaces and punctuation, keeping < > + for age bands."""
    return re.sub(r"[^0-9A-Z<>+]", "", value.upper())


def age_band(years: int) -> str:
    """The official age band of a whole age in years."""
    if years < 0 or years > 130:
        raise ValueError(f"age {years} is not a plausible age in years")
    for upper, band in _AGE_BANDS:
        if years < upper:
            return band
    return ">65"


def normalize(field: str, value: str) -> str | None:
    """The category code for what someone wrote, None when blank; ValueError when unknown."""
    text = " ".join(value.split())
    if not text:
        return None
    if field == "age" and text.isdigit():
        return age_band(int(text))
    code = _SYNONYMS[field].get(_squash(text))
    if code is None:
        allowed = ", ".join(PROFILE_BY_KEY[field].codes)
        raise ValueError(f"{text!r} is not a known {field} (use one of: {allowed})")
    return code
