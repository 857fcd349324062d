import pytest

from skm.profile import AGE, EDUCATION, GENDER, OCCUPATION, PROFILE_BY_KEY, age_band, normalize


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("Laki-laki", "L"),
        ("LAKI-LAKI", "L"),
        ("laki laki", "L"),
        ("Laki - Laki", "L"),
        ("L", "L"),
        ("l", "L"),
        ("Pria", "L"),
        ("Perempuan", "P"),
        ("perempuan", "P"),
        ("P", "P"),
        ("Wanita", "P"),
        ("  Perempuan  ", "P"),
    ],
)
def test_gender_spellings(value, code):
    assert normalize("gender", value) == code


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("SD", "SD"),
        ("SLTP", "SMP"),
        ("SMA/SMK", "SMA"),
        ("SMA / SMK", "SMA"),
        ("smk", "SMA"),
        ("SLTA", "SMA"),
        ("D3", "D1-D4"),
        ("D1-D4", "D1-D4"),
        ("D1 - D4", "D1-D4"),
        ("Diploma", "D1-D4"),
        ("S1", "S1"),
        ("Sarjana", "S1"),
        ("s2", "S2"),
        ("S3", "S3"),
    ],
)
def test_education_spellings(value, code):
    assert normalize("education", value) == code


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("PNS", "PNS"),
        ("ASN", "PNS"),
        ("TNI", "TNI"),
        ("Polri", "POLRI"),
        ("Pegawai Swasta", "SWASTA"),
        ("Wiraswasta", "WIRASWASTA"),
        ("Wirausaha", "WIRASWASTA"),
        ("Pelajar/Mahasiswa", "PELAJAR"),
        ("Mahasiswa", "PELAJAR"),
        ("Tidak Bekerja", "TIDAK_BEKERJA"),
        ("tidak    bekerja", "TIDAK_BEKERJA"),
        ("Lainnya", "LAINNYA"),
        ("Lain-lain", "LAINNYA"),
    ],
)
def test_occupation_spellings(value, code):
    assert normalize("occupation", value) == code


@pytest.mark.parametrize(
    ("years", "band"),
    [
        (0, "<17"),
        (16, "<17"),
        (17, "17-25"),
        (25, "17-25"),
        (26, "26-35"),
        (35, "26-35"),
        (36, "36-45"),
        (45, "36-45"),
        (46, "46-55"),
        (55, "46-55"),
        (56, "56-65"),
        (65, "56-65"),
        (66, ">65"),
        (99, ">65"),
    ],
)
def test_whole_age_falls_in_its_band(years, band):
    assert age_band(years) == band
    assert normalize("age", str(years)) == band
    assert normalize("age", f" {years} ") == band


@pytest.mark.parametrize(
    ("value", "band"),
    [
        ("17 - 25", "17-25"),
        ("17-25", "17-25"),
        ("26 \u2013 35", "26-35"),
        ("<17", "<17"),
        ("< 17", "<17"),
        (">65", ">65"),
        ("> 65", ">65"),
        ("65+", ">65"),
    ],
)
def test_age_band_labels(value, band):
    assert normalize("age", value) == band


def test_every_code_reads_as_itself():
    for field in (GENDER, AGE, EDUCATION, OCCUPATION):
        for code in field.codes:
            assert normalize(field.key, code) == code


@pytest.mark.parametrize("field", ["gender", "age", "education", "occupation"])
@pytest.mark.parametrize("value", ["", "   ", "\t\n"])
def test_blank_is_none(field, value):
    assert normalize(field, value) is None


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("gender", "X"),
        ("education", "TK"),
        ("occupation", "Astronot"),
        ("age", "tua"),
        ("age", "17-30"),
    ],
)
def test_unknown_lists_the_codes(field, value):
    with pytest.raises(ValueError) as info:
        normalize(field, value)
    message = str(info.value)
    assert value in message
    for code in PROFILE_BY_KEY[field].codes:
        assert code in message


@pytest.mark.parametrize("years", [-1, 131])
def test_implausible_age_raises(years):
    with pytest.raises(ValueError):
        age_band(years)


def test_labels_in_both_languages():
    assert GENDER.label("L")("id") == "Laki-laki"
    assert EDUCATION.label("SMA")("id") == "SMA/SMK"
    assert OCCUPATION.label("PELAJAR")("en") == "Student"
    with pytest.raises(KeyError):
        GENDER.label("X")


def test_the_official_codes_stay_and_the_new_ones_come_in_the_forms_order():
    assert EDUCATION.codes == ("TIDAK_SEKOLAH", "SD", "SMP", "SMA", "D1-D4", "S1", "S2", "S3")
    assert OCCUPATION.codes == (
        *("PNS", "TNI", "POLRI", "SWASTA", "WIRASWASTA", "PETANI", "IRT"),
        *("PELAJAR", "TIDAK_BEKERJA", "LAINNYA"),
    )
    assert EDUCATION.label("TIDAK_SEKOLAH")("id") == "Tidak sekolah"
    assert OCCUPATION.label("PETANI")("id") == "Petani/Nelayan"
    assert OCCUPATION.label("IRT")("id") == "Ibu rumah tangga"


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("education", "Tidak sekolah", "TIDAK_SEKOLAH"),
        ("education", "Tidak Bersekolah", "TIDAK_SEKOLAH"),
        ("education", "Belum sekolah", "TIDAK_SEKOLAH"),
        ("education", "tidak_sekolah", "TIDAK_SEKOLAH"),
        ("occupation", "Petani/Nelayan", "PETANI"),
        ("occupation", "Petani", "PETANI"),
        ("occupation", "NELAYAN", "PETANI"),
        ("occupation", "Ibu rumah tangga", "IRT"),
        ("occupation", "IRT", "IRT"),
        ("occupation", "Mengurus Rumah Tangga", "IRT"),
    ],
)
def test_the_import_reads_the_new_categories_as_people_write_them(field, value, code):
    assert normalize(field, value) == code
