from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from skm.directory import Directory, Office, Unit
from skm.period import Period
from skm.sample import (
    combined_sample,
    krejcie_morgan,
    sample_check,
    sample_is_enough,
    unit_sample,
)

JAKARTA = ZoneInfo("Asia/Jakarta")


@pytest.mark.parametrize(
    ("population", "sample"),
    [
        (1, 1),
        (10, 10),
        (50, 44),
        (100, 80),
        (300, 169),
        (1000, 278),
        (2000, 322),
        (6000, 361),
        (100_000, 383),
        (1_000_000, 384),
        (10**9, 384),
    ],
)
def test_krejcie_morgan_table(population, sample):
    assert krejcie_morgan(population) == sample


def test_krejcie_morgan_levels_off_near_384():
    assert krejcie_morgan(10**12) == 384
    sizes = [krejcie_morgan(n) for n in (10, 100, 1000, 10_000, 100_000)]
    assert sizes == sorted(sizes)


def test_sample_never_exceeds_the_population():
    for n in range(1, 200):
        assert krejcie_morgan(n) <= n


@pytest.mark.parametrize("population", [0, -1, -300])
def test_invalid_population_raises(population):
    with pytest.raises(ValueError, match="at least 1"):
        krejcie_morgan(population)


def test_sample_is_enough():
    assert sample_is_enough(169, 300)
    assert sample_is_enough(400, 300)
    assert not sample_is_enough(168, 300)
    assert not sample_is_enough(0, 50)


def _directory() -> Directory:
    return Directory(
        {"SKCK": Unit("SKCK", "Pelayanan SKCK", "SKCK")},
        {
            "POLRES": Office("POLRES", "Polres", ("SKCK",), {"SKCK": 1200}),
            "KOTA": Office("KOTA", "Polsek Kota", ("SKCK",), {"SKCK": 300}),
            "UTARA": Office("UTARA", "Polsek Utara", ("SKCK",), {}),
        },
    )


QUARTER = Period(
    "2026-Q4", datetime(2026, 10, 1, tzinfo=JAKARTA), datetime(2027, 1, 1, tzinfo=JAKARTA)
)


def test_the_check_adds_the_volume_of_every_office_it_counts():
    check = unit_sample(_directory(), "SKCK", "KOTA", QUARTER, {"KOTA": 4})
    # 300 a month for three months: N = 900, Krejcie-Morgan 269.
    assert (check.population, check.required, check.enough) == (900, 269, False)
    both = sample_check({"POLRES": 1200, "KOTA": 300}, QUARTER, 400)
    assert (both.monthly, both.population, both.required, both.enough) == (1500, 4500, 354, True)


def test_an_office_without_a_volume_makes_the_check_ask_for_30_and_say_so():
    # All offices: Polsek Utara serves SKCK without a volume, so nothing is added up.
    check = unit_sample(_directory(), "SKCK", None, QUARTER, {"POLRES": 20, "KOTA": 6})
    assert (check.required, check.population, check.monthly) == (30, None, None)
    assert check.unset == ("UTARA",) and not check.enough and check.shortfall == 4
    # An office the directory does not know, found in the data, has no volume either.
    odd = unit_sample(_directory(), "SKCK", None, QUARTER, {"LAMA": 40})
    assert odd.unset == ("UTARA", "LAMA") and odd.enough
    assert sample_check({}, QUARTER, 3).required == 30
    assert sample_check({"POLRES": 1200}, None, 3).required == 30  # no period to scale by


def test_several_units_together_add_every_units_offices():
    a = sample_check({"POLRES": 1200}, QUARTER, 100)
    b = sample_check({"POLRES": 300}, QUARTER, 100)
    both = combined_sample({"SKCK": a, "SIM": b}, QUARTER)
    assert (both.population, both.respondents) == (4500, 200)
    with_unset = combined_sample({"SKCK": a, "SIM": sample_check({"X": None}, QUARTER, 5)}, QUARTER)
    assert with_unset.required == 30 and with_unset.unset == ("SIM/X",)
